import Foundation
import Testing
@testable import BotLintKit

/// The built binary: `--format sarif|github`, `--output FILE`, `topology --format`.
@Suite("Command line outputs")
struct OutputCLITests {
    static let conflict = CLITests.casePath("BL101", "procfile-two-types")

    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("botlint-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func sarifAndGithubFormatsKeepTheExitCodes() throws {
        let sarif = try CLITests.run(["--no-git", "--format", "sarif", Self.conflict])
        #expect(sarif.status == 1)
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
        let github = try CLITests.run(["--no-git", "--format", "github", Self.conflict])
        #expect(github.status == 1)
        #expect(github.stdout.hasPrefix("::error file=Procfile,line="))
        #expect(github.stdout.hasSuffix("checked).\n"))
        let clean = try CLITests.run(["--no-git", "--format", "github", CLITests.casePath("BL101", "three-bots-three-tokens")])
        #expect(clean.status == 0)
        #expect(!clean.stdout.contains("::"))
    }

    @Test func outputFilesTakeTheirFormatFromTheExtension() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (sarif, json, text, sarifJSON) = (folder.appendingPathComponent("results.sarif"), folder.appendingPathComponent("report.json"),
                                              folder.appendingPathComponent("report.txt"), folder.appendingPathComponent("code.sarif.json"))
        let run = try CLITests.run(["--no-git", "--color", "always", "--output", sarif.path, "--output", json.path,
                                    "--output", text.path, "--output", sarifJSON.path, Self.conflict])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\u{1B}[") && run.stdout.contains("BL101 two-pollers"))
        let sarifLog = try JSONSerialization.jsonObject(with: Data(contentsOf: sarif)) as? [String: Any]
        #expect(sarifLog?["version"] as? String == "2.1.0")
        let sarifJSONLog = try JSONSerialization.jsonObject(with: Data(contentsOf: sarifJSON)) as? [String: Any]
        #expect(sarifJSONLog?["version"] as? String == "2.1.0")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        #expect(report?["version"] as? Int == 1)
        let plain = try String(contentsOf: text, encoding: .utf8)
        #expect(plain.hasPrefix("BL101 two-pollers") && !plain.contains("\u{1B}["))
        #expect(plain == (try CLITests.run(["--no-git", "--color", "never", Self.conflict]).stdout))
    }

    @Test func anUnwritableOutputFileExitsTwo() throws {
        let run = try CLITests.run(["--no-git", "--output", "/definitely/not/here/results.sarif", Self.conflict])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot write /definitely/not/here/results.sarif"))
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let intoFolder = try CLITests.run(["--no-git", "--output", folder.path, CLITests.casePath("BL101", "three-bots-three-tokens")])
        #expect(intoFolder.status == 2)
        #expect(intoFolder.stderr.contains("cannot write \(folder.path): "))
    }

    @Test func newFormatsAreByteIdenticalAcrossRuns() throws {
        let path = CLITests.casePath("BL102", "railway-node-polling-django-webhook")
        for arguments in [["--format", "sarif"], ["--format", "github"], ["topology", "--format", "json"],
                          ["topology", "--format", "mermaid"], ["topology", "--format", "dot"]] {
            let first = try CLITests.run(arguments + ["--no-git", path]).stdout
            #expect(!first.isEmpty)
            #expect(first == (try CLITests.run(arguments + ["--no-git", path]).stdout), "\(arguments)")
        }
    }

    @Test func topologyFormats() throws {
        let path = CLITests.casePath("BL104", "fly-and-start-script")
        let mermaid = try CLITests.run(["topology", "--no-git", "--format", "mermaid", path])
        #expect(mermaid.status == 0 && mermaid.stdout.hasPrefix("flowchart LR\n"))
        #expect(mermaid.stdout.contains("class ") && mermaid.stdout.contains(" conflict"))
        let dot = try CLITests.run(["topology", "--no-git", "--format", "dot", path])
        #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph botlint {"))
        let json = try CLITests.run(["topology", "--no-git", "--format", "json", path])
        #expect(json.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((document?["runners"] as? [Any])?.isEmpty == false)
        let text = try CLITests.run(["topology", "--no-git", path])
        #expect(text.stdout.hasPrefix("Runners ("))
        #expect(try CLITests.run(["topology", "--no-git", "--format", "svg", path]).status == 2)
    }
}
