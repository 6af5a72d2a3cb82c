import Foundation
import Testing
@testable import BotLintKit

/// `--write-baseline` / `--baseline`: old findings stay hidden through edits, new ones show.
@Suite("Baselines")
struct BaselineTests {
    static func lint(_ folder: SourceScratchFolder, baseline: Baseline? = nil) throws -> LintReport {
        try Linter.run(LintOptions(path: folder.path, baseline: baseline), source: WorkTreeSource(path: folder.path, useGit: false))
    }

    static func legacyRepository() throws -> SourceScratchFolder {
        let folder = try SourceScratchFolder()
        try ConfigTests.twoPollers(folder)
        try folder.write("config.py", "TOKEN = \"\(SuppressionTests.token)\"\n")
        return folder
    }

    @Test func roundTripSurvivesShiftedLines() throws {
        let folder = try Self.legacyRepository()
        let before = try Self.lint(folder)
        #expect(before.findings.map(\.rule) == ["BL101", "BL401"])
        let baseline = try Baseline.parse(Data(Baseline(before).json().utf8), path: "baseline.json")
        #expect(baseline == Baseline(before))
        #expect(try Self.lint(folder, baseline: baseline).findings.isEmpty)

        // Lines inserted above both findings: the same findings, on other lines.
        try folder.write("Procfile", "# processes\n\nrelease: python migrate.py\nweb: python bot.py\nworker:   python bot.py\n")
        try folder.write("config.py", "import os\n\nDEBUG = os.getenv(\"DEBUG\")\nTOKEN = \"\(SuppressionTests.token)\"\n")
        let shifted = try Self.lint(folder)
        #expect(shifted.findings.map(\.location.line) == [5, 4])
        let filtered = try Self.lint(folder, baseline: baseline)
        #expect(filtered.findings.isEmpty)
        #expect(filtered.notes.contains { $0.message == "2 finding(s) in the baseline are not shown" })

        // A new conflict is reported.
        try folder.write("start.sh", "#!/bin/sh\npython bot.py\n")
        #expect(try Self.lint(folder, baseline: baseline).findings.map(\.rule) == ["BL104"])
    }

    @Test func fileIsStableSortedAndHoldsNoToken() throws {
        let folder = try Self.legacyRepository()
        let json = Baseline(try Self.lint(folder)).json()
        #expect(json == Baseline(try Self.lint(folder)).json())
        #expect(TokenRedaction.findTokens(in: Array(json.utf8)).isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["version"] as? Int == 1)
        let entries = object?["findings"] as? [[String: String]] ?? []
        #expect(entries.map { $0["path"] } == ["Procfile", "config.py"])
        #expect(entries.map { $0["rule"] } == ["BL101", "BL401"])
        #expect(entries.first?["key"] == "BL101:Procfile:worker: python bot.py")
    }

    @Test func commandLineWritesAndReads() throws {
        let folder = try Self.legacyRepository()
        let file = folder.url("botlint-baseline.json")
        let write = try CLITests.run(["--no-git", "--write-baseline", file, folder.path])
        #expect(write.status == 0)
        #expect(write.stderr.contains("recorded 2 finding(s)"))
        let read = try CLITests.run(["--no-git", "--baseline", file, folder.path])
        #expect(read.status == 0, "\(read.stdout)")
        try folder.write("broken.json", "{\"version\": 1}")
        let broken = try CLITests.run(["--no-git", "--baseline", folder.url("broken.json"), folder.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("not a botlint baseline"))
    }
}
