import Foundation
import Testing
@testable import BotLintKit

/// Runs the built `botlint` binary the way users and CI do: exit codes, formats, determinism.
@Suite("Command line")
struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: String {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [directory, directory.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("botlint").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return RuleCase.repositoryRoot + "/.build/debug/botlint"
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Foundation.Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        return try capture(process)
    }

    /// Runs a configured process and collects its output through files, not pipes: reading a
    /// pipe while other tests' children exit can fail with EINTR inside Foundation (a crash),
    /// and a full stderr pipe would block the child.
    static func capture(_ process: Foundation.Process) throws -> Run {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("botlint-cli-" + UUID().uuidString)
        let outURL = base.appendingPathExtension("out"), errURL = base.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    static func casePath(_ rule: String, _ name: String) -> String {
        RuleCase.all.first { $0.rule.hasPrefix(rule) && $0.name == name }!.directory
    }

    @Test func exitCodeIsOneForErrorsAndZeroWhenClean() throws {
        let conflict = try Self.run(["--no-git", Self.casePath("BL101", "procfile-two-types")])
        #expect(conflict.status == 1)
        #expect(conflict.stdout.contains("BL101 two-pollers"))
        let clean = try Self.run(["--no-git", Self.casePath("BL101", "three-bots-three-tokens")])
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("No conflicts found"))
    }

    @Test func failOnDecidesWhichSeverityFails() throws {
        let warningsOnly = Self.casePath("BL104", "fly-and-start-script")
        #expect(try Self.run(["--no-git", warningsOnly]).status == 0)
        #expect(try Self.run(["--no-git", "--fail-on", "warning", warningsOnly]).status == 1)
    }

    @Test func usageAndInputErrorsExitTwo() throws {
        let missing = try Self.run(["/definitely/not/here"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such folder"))
        #expect(try Self.run(["--format", "yaml", "."]).status == 2)
        #expect(try Self.run(["explain", "BL999"]).status == 2)
    }

    /// The default command is parsed directly (fast path); anything else must still reach the root.
    @Test func helpVersionAndMistakesAreAnsweredByTheRoot() throws {
        let version = try Self.run(["--version"])
        #expect(version.status == 0 && version.stdout == BotLint.version + "\n")
        for help in [["--help"], ["-h"], ["help"]] {
            let run = try Self.run(help)
            #expect(run.status == 0)
            #expect(run.stdout.contains("SUBCOMMANDS:"), "\(help)")
        }
        let checkHelp = try Self.run(["help", "check"])
        #expect(checkHelp.stdout.contains("OVERVIEW: Check a repository"))
        let unknown = try Self.run(["--no-such-flag", "."])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Unknown option '--no-such-flag'"))
        #expect(unknown.stderr.contains("Usage: botlint check"))
        // A subcommand name is the subcommand, never a path to check.
        #expect(try Self.run(["rules"]).stdout.hasPrefix("BL101"))
    }

    @Test func jsonIsValidVersionedAndSorted() throws {
        let run = try Self.run(["--no-git", "--format", "json", Self.casePath("BL901", "broken-fly-toml")])
        #expect(run.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["version"] as? Int == 1)
        let findings = object?["findings"] as? [[String: Any]] ?? []
        #expect(findings.map { $0["rule"] as? String } == ["BL101", "BL901"])
        let location = findings.first?["location"] as? [String: Any]
        #expect(location?["path"] as? String == "Procfile")
        let summary = object?["summary"] as? [String: Int]
        #expect(summary?["errors"] == 1 && summary?["warnings"] == 1)
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let path = Self.casePath("BL102", "railway-node-polling-django-webhook")
        for format in ["text", "json"] {
            let first = try Self.run(["--no-git", "--format", format, path]).stdout
            let second = try Self.run(["--no-git", "--format", format, path]).stdout
            #expect(first == second)
            #expect(!first.isEmpty)
        }
    }

    @Test func colorFollowsTheFlagAndNoColor() throws {
        let path = Self.casePath("BL101", "procfile-two-types")
        #expect(try Self.run(["--no-git", "--color", "always", path]).stdout.contains("\u{1B}["))
        #expect(!(try Self.run(["--no-git", "--color", "auto", path]).stdout.contains("\u{1B}[")))
        #expect(!(try Self.run(["--no-git", "--color", "never", path]).stdout.contains("\u{1B}[")))
    }

    @Test func rulesAndExplainWorkWithoutARepository() throws {
        let rules = try Self.run(["rules"])
        #expect(rules.status == 0)
        #expect(rules.stdout.split(separator: "\n").count == RuleRegistry.all.count)
        let explain = try Self.run(["explain", "two-pollers"])
        #expect(explain.status == 0)
        #expect(explain.stdout.hasPrefix("# BL101 two-pollers"))
    }

    @Test func topologyShowsRunnersEntriesAndReceivers() throws {
        let run = try Self.run(["topology", "--no-git", Self.casePath("BL104", "fly-and-start-script")])
        #expect(run.status == 0)
        #expect(run.stdout.contains("fly app \"loyalitybot-partner\", process group \"app\""))
        #expect(run.stdout.contains("entry:   bot.py (script)"))
        #expect(run.stdout.contains("poll"))
        #expect(run.stdout.contains("token BOT_TOKEN"))
    }

    @Test func jsonMatchesThePublishedSchema() throws {
        let documents = try RuleCase.all.map { ruleCase in
            (label: ruleCase.testDescription, json: try Self.run(["--no-git", "--format", "json", ruleCase.directory]).stdout)
        }
        let failures = try JSONSchemaCheck.failures(documents, schema: RuleCase.repositoryRoot + "/docs/botlint-output.schema.json")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}

/// The README's quick start shows the bundled example's output; it must be what botlint prints.
@Test func readmeShowsTheExamplesRealOutput() throws {
    let readme = try String(contentsOfFile: RuleCase.repositoryRoot + "/README.md", encoding: .utf8)
    let marker = "What it prints for the example:\n\n```\n"
    let start = try #require(readme.range(of: marker)).upperBound
    let end = try #require(readme.range(of: "```\n", range: start..<readme.endIndex)).lowerBound
    let run = try CLITests.run(["--color", "never", RuleCase.repositoryRoot + "/examples/loyalty-bots"])
    #expect(run.status == 1)
    #expect(String(readme[start..<end]) == run.stdout)
}
