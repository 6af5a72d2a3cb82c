import ArgumentParser
import BotLintKit
import Foundation

/// The CLI is thin: parse flags, call the engine, print, choose the exit code.
/// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or I/O errors.
@main
struct BotLintMain {
    static func main() {
        BotLint.returnLargeFreedBlocksToTheSystem()
        // libgit2's set-up (about a millisecond) runs on the idle core while the arguments are
        // parsed, when the command will probably read git. Every exit waits for it, so the exit
        // handlers of its libraries never run beside their own set-up.
        let gitSetUp = DispatchGroup()
        if mayReadGit(Array(CommandLine.arguments.dropFirst())) {
            DispatchQueue.global(qos: .userInitiated).async(group: gitSetUp) { BotLint.setUpGit() }
        }
        let code = run()
        gitSetUp.wait()
        exit(code)
    }

    /// Only a hint for the early set-up: a wrong guess costs time, never a result.
    static func mayReadGit(_ arguments: [String]) -> Bool {
        let withoutGit: Set<String> = ["--version", "--help", "-h", "--no-git"]
        let commandsWithoutGit: Set<String> = ["rules", "explain", "help"]
        return !arguments.contains(where: withoutGit.contains) && !commandsWithoutGit.contains(arguments.first ?? "")
    }

    private static func run() -> Int32 {
        do {
            var command = try BotLintCommand.parseDefaultCommandFirst()
            try command.run()
            return 0
        } catch let failure as InputFailure {
            FileHandle.standardError.write(Data("botlint: error: \(failure.message)\n".utf8))
            return 2
        } catch {
            let code = BotLintCommand.exitCode(for: error)
            if code == .success {
                print(BotLintCommand.fullMessage(for: error))
                return 0
            }
            if let exitCode = error as? ExitCode { return exitCode.rawValue }
            FileHandle.standardError.write(Data(("botlint: " + BotLintCommand.fullMessage(for: error) + "\n").utf8))
            return 2
        }
    }
}

struct BotLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "botlint",
        abstract: "Finds Telegram bot setups that get 409 Conflict: two pollers on one token, or polling next to a webhook.",
        discussion: "Run `botlint .` in a bot repository. `botlint explain BL101` shows a rule's page.",
        version: BotLint.version,
        subcommands: [CheckCommand.self, RulesCommand.self, ExplainCommand.self, TopologyCommand.self, ConfigCommand.self,
                      InitCommand.self, InstallHookCommand.self, UninstallHookCommand.self],
        defaultSubcommand: CheckCommand.self
    )
}

extension BotLintCommand {
    /// `botlint [PATH] [options]`, the pre-commit hook's and CI's call, is parsed as the default
    /// command directly. Through the root, ArgumentParser first reflects over every subcommand's
    /// options (a sixth of a 200-file `--staged` run). Whatever is not a clean parse of the
    /// default command (a subcommand, `help`, `--help`, `--version`, a mistake) is parsed from the
    /// root, so help, usage and error messages are the root's.
    static func parseDefaultCommandFirst(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) throws -> ParsableCommand {
        let subcommands = Set(configuration.subcommands.map { $0._commandName } + ["help"])
        if arguments.first.map({ !subcommands.contains($0) }) ?? true,
           let command = try? CheckCommand.parse(arguments) {
            return command
        }
        return try parseAsRoot(arguments)
    }
}

/// A problem with what botlint was asked to read (exit code 2, no usage text).
struct InputFailure: Error {
    var message: String
}
