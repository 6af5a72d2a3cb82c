import Foundation
import Testing
@testable import BotLintKit

/// Every folder under `rules/<id>-<name>/cases/` is a small repository. Its `EXPECTED` file lists
/// the findings botlint must report, one per line: `BL101 error Procfile:2`. An empty list means
/// the case must stay silent. Missing and extra findings both fail.
struct RuleCase: CustomTestStringConvertible, Sendable {
    let rule: String
    let name: String
    let directory: String

    var testDescription: String { "\(rule)/\(name)" }

    static let repositoryRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    static let all: [RuleCase] = {
        let rulesDirectory = repositoryRoot + "/rules"
        let fm = FileManager.default
        var result: [RuleCase] = []
        for ruleFolder in ((try? fm.contentsOfDirectory(atPath: rulesDirectory)) ?? []).sorted() {
            let casesDirectory = "\(rulesDirectory)/\(ruleFolder)/cases"
            for caseName in ((try? fm.contentsOfDirectory(atPath: casesDirectory)) ?? []).sorted() {
                result.append(RuleCase(rule: ruleFolder, name: caseName, directory: "\(casesDirectory)/\(caseName)"))
            }
        }
        return result
    }()

    func expected() throws -> [String] {
        let text = try String(contentsOfFile: directory + "/EXPECTED", encoding: .utf8)
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }.sorted()
    }

    func run() throws -> LintReport {
        try Linter.run(LintOptions(path: directory), source: WorkTreeSource(path: directory, useGit: false))
    }
}

@Suite("Rule cases")
struct RuleCaseTests {
    @Test("each case reports exactly its expected findings", arguments: RuleCase.all)
    func reportsExpectedFindings(_ ruleCase: RuleCase) throws {
        let report = try ruleCase.run()
        let actual = report.findings.map { "\($0.rule) \($0.severity.rawValue) \($0.location.path):\($0.location.line)" }.sorted()
        let expected = try ruleCase.expected()
        let details = report.findings.map { "\($0.rule) \($0.location): \($0.message)" }.joined(separator: "\n")
        #expect(actual == expected, "findings:\n\(details)")
    }

    @Test("every rule has a page, a triggering case and a silent case")
    func everyRuleIsDocumentedAndTested() throws {
        let fm = FileManager.default
        for rule in RuleRegistry.all {
            let folder = "\(RuleCase.repositoryRoot)/rules/\(rule.id)-\(rule.name)"
            #expect(fm.fileExists(atPath: folder + "/README.md"), "\(rule.id) has no page at \(folder)/README.md")
            let cases = RuleCase.all.filter { $0.rule == "\(rule.id)-\(rule.name)" }
            let triggering = try cases.filter { try $0.expected().contains { $0.hasPrefix(rule.id + " ") } }
            let silent = try cases.filter { try !$0.expected().contains { $0.hasPrefix(rule.id + " ") } }
            #expect(!triggering.isEmpty, "\(rule.id) has no case that triggers it")
            #expect(!silent.isEmpty, "\(rule.id) has no case where it stays silent")
        }
    }

    @Test("the pages built into the binary match rules/*/README.md")
    func embeddedPagesAreCurrent() throws {
        for rule in RuleRegistry.all {
            let page = try String(contentsOfFile: "\(RuleCase.repositoryRoot)/rules/\(rule.id)-\(rule.name)/README.md", encoding: .utf8)
            #expect(RuleDocs.page(for: rule.id) == page.trimmingCharacters(in: .newlines),
                    "RuleDocs is stale for \(rule.id): run scripts/generate-rule-docs")
        }
    }

    @Test("no output format ever contains a full token", arguments: RuleCase.all)
    func outputsNeverLeakTokens(_ ruleCase: RuleCase) throws {
        let report = try ruleCase.run()
        let outputs = [
            JSONReporter.render(report),
            TextReporter(color: false).render(report),
            TopologyPrinter.text(report.topology),
        ]
        for output in outputs {
            #expect(TokenRedaction.findTokens(in: Array(output.utf8)).isEmpty, "a full token leaked in \(ruleCase)")
        }
    }
}
