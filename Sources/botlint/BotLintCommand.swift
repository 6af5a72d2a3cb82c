import ArgumentParser
import BotLintKit
import Foundation

/// The CLI is thin: parse flags, call the engine, print, choose the exit code.
/// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or I/O errors.
@main
struct BotLintMain {
    static func main() {
        do {
            var command = try BotLintCommand.parseAsRoot()
            try command.run()
        } catch let failure as InputFailure {
            FileHandle.standardError.write(Data("botlint: error: \(failure.message)\n".utf8))
            exit(2)
        } catch {
            let code = BotLintCommand.exitCode(for: error)
            if code == .success {
                print(BotLintCommand.fullMessage(for: error))
                exit(0)
            }
            if let exitCode = error as? ExitCode { exit(exitCode.rawValue) }
            FileHandle.standardError.write(Data(("botlint: " + BotLintCommand.fullMessage(for: error) + "\n").utf8))
            exit(2)
        }
    }
}

struct BotLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "botlint",
        abstract: "Finds Telegram bot setups that get 409 Conflict: two pollers on one token, or polling next to a webhook.",
        discussion: "Run `botlint .` in a bot repository. `botlint explain BL101` shows a rule's page.",
        version: BotLint.version,
        subcommands: [Check.self, Rules.self, Explain.self, TopologyCommand.self],
        defaultSubcommand: Check.self
    )
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

extension Severity: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a repository (the default command: `botlint [PATH]`)."
    )

    @Argument(help: "Repository or folder to check.")
    var path: String = "."

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity: error, warning or note.")
    var failOn: Severity = .error

    @Option(name: .long, help: "Colour in text output: auto, always or never (NO_COLOR is honoured).")
    var color: ColorChoice = .auto

    @Flag(name: .customLong("no-git"), help: "Read every file under PATH, ignoring git (no .gitignore).")
    var noGit = false

    func run() throws {
        let report = try runLinter(path: path, useGit: !noGit)
        switch format {
        case .text:
            print(TextReporter(color: useColor(color)).render(report), terminator: "")
        case .json:
            print(JSONReporter.render(report), terminator: "")
        }
        if Summary.fails(report.findings, at: failOn) { throw ExitCode(1) }
    }
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the rules.")

    func run() {
        for rule in RuleRegistry.all {
            let severity = rule.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            print("\(rule.id)  \(rule.name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(severity)  \(rule.summary)")
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a rule's page (what, why, how to fix, examples).")

    @Argument(help: "Rule id or name, e.g. BL101 or two-pollers.")
    var rule: String

    func run() throws {
        guard let found = RuleRegistry.rule(rule), let page = RuleDocs.page(for: found.id) else {
            throw ValidationError("unknown rule '\(rule)'; `botlint rules` lists them")
        }
        print(page, terminator: page.hasSuffix("\n") ? "" : "\n")
    }
}

struct TopologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topology",
        abstract: "Print what botlint inferred: runners, instances, entry files, receive modes and tokens."
    )

    @Argument(help: "Repository or folder to inspect.")
    var path: String = "."

    @Flag(name: .customLong("no-git"), help: "Read every file under PATH, ignoring git (no .gitignore).")
    var noGit = false

    func run() throws {
        let report = try runLinter(path: path, useGit: !noGit)
        print(TopologyPrinter.text(report.topology), terminator: "")
    }
}

/// A problem with what botlint was asked to read (exit code 2, no usage text).
struct InputFailure: Error {
    var message: String
}

func runLinter(path: String, useGit: Bool = true) throws -> LintReport {
    do {
        return try Linter.run(LintOptions(path: path), source: WorkTreeSource(path: path, useGit: useGit))
    } catch let error as FileSourceError {
        throw InputFailure(message: error.description)
    }
}

func useColor(_ choice: ColorChoice) -> Bool {
    switch choice {
    case .always: return true
    case .never: return false
    case .auto:
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}
