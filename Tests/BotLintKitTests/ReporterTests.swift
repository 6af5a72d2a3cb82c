import Foundation
import Testing
@testable import BotLintKit

/// SARIF, GitHub annotations and the topology pictures and JSON, on the rule cases and on
/// hand-made reports.
@Suite("Reporters")
struct ReporterTests {
    static let sarifSchema = RuleCase.repositoryRoot + "/../shared/schemas/sarif-schema-2.1.0.json"
    static let topologySchema = RuleCase.repositoryRoot + "/docs/botlint-topology.schema.json"
    static let token = "1234567890:AAHk3j9dX-2mPq7rStUvWxYz0aBcDeFgHiJ"

    static func report(_ rule: String, _ name: String) throws -> LintReport {
        try RuleCase.all.first { $0.rule.hasPrefix(rule) && $0.name == name }!.run()
    }

    static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// A report with one finding that carries a token and characters formats must escape.
    static func handMade(_ finding: Finding) -> LintReport {
        LintReport(root: "/repo", scope: "", isGit: false, findings: [finding], fingerprints: ["key"],
                   topology: Topology(runners: [], tokenLiterals: [], problems: [], notes: []),
                   notes: [Note(path: "big.bin", message: "skipped: larger than 4 MB")], filesListed: 1, filesRead: 1,
                   configuration: Configuration())
    }

    // MARK: - SARIF

    @Test func sarifOfEveryRuleCaseMatchesTheOfficialSchema() throws {
        let documents = try RuleCase.all.map { (label: $0.testDescription, json: SARIFReporter.render(try $0.run())) }
        let failures = try JSONSchemaCheck.failures(documents, schema: Self.sarifSchema)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func sarifDescribesEveryRegisteredRule() throws {
        let log = try Self.object(SARIFReporter.render(try Self.report("BL101", "three-bots-three-tokens")))
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == SARIFReporter.schemaURI)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "botlint")
        #expect(driver["informationUri"] as? String == BotLint.repositoryURL)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == RuleRegistry.all.map(\.id))
        for (descriptor, rule) in zip(rules, RuleRegistry.all) {
            #expect(descriptor["name"] as? String == rule.name)
            #expect(descriptor["helpUri"] as? String == BotLint.documentationURL(for: rule))
            let full = (descriptor["fullDescription"] as? [String: Any])?["text"] as? String ?? ""
            let short = (descriptor["shortDescription"] as? [String: Any])?["text"] as? String ?? ""
            #expect(!full.isEmpty && full != short, "\(rule.id) needs its page's first paragraph")
            let help = descriptor["help"] as? [String: String] ?? [:]
            #expect(help["markdown"]?.hasPrefix("# \(rule.id) \(rule.name)") == true)
            #expect(help["markdown"]?.contains("](../") == false, "relative links must be absolute outside the repository")
            let level = (descriptor["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(level == rule.defaultSeverity.rawValue)
        }
        #expect((run["results"] as? [Any])?.isEmpty == true)
    }

    @Test func documentationURLsPointAtRulePagesInTheRepository() {
        let rule = TwoPollersRule()
        #expect(BotLint.documentationURL(for: rule) == "https://github.com/botlint/botlint/blob/main/rules/BL101-two-pollers/README.md")
        #expect(RulePage.firstParagraph(under: "What it reports", in: RuleDocs.page(for: "BL104")!)
                == "A bot that a deployed runner polls (fly, Railway, a Procfile platform, docker compose, Render, Kubernetes) "
                + "and that a local start script, a crontab line, a dev command (`npm run dev`, `Procfile.dev`) or a process "
                + "manager on one machine (systemd, supervisord, pm2, launchd) also starts with the same token.")
        #expect(RulePage.firstParagraph(under: "What it reports", in: RuleDocs.page(for: "BL103")!)?
            .contains("\n- Railway `numReplicas` above 1;") == true)
    }

    @Test func sarifResultsCarryLocationsRelatedLocationsAndFingerprints() throws {
        let report = try Self.report("BL101", "procfile-two-types")
        let run = try #require((try Self.object(SARIFReporter.render(report))["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        let (result, finding) = (results[0], report.findings[0])
        #expect(result["ruleId"] as? String == "BL101")
        #expect(result["ruleIndex"] as? Int == 0)
        #expect(result["level"] as? String == "error")
        let text = (result["message"] as? [String: Any])?["text"] as? String ?? ""
        #expect(text.hasPrefix(finding.message) && text.hasSuffix("Fix: " + finding.fix!))
        let physical = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any]
        let artifact = physical?["artifactLocation"] as? [String: String]
        #expect(artifact == ["uri": "Procfile", "uriBaseId": "%SRCROOT%"])
        let region = physical?["region"] as? [String: Int]
        #expect(region == ["startLine": finding.location.line, "startColumn": finding.location.column])
        let related = result["relatedLocations"] as? [[String: Any]] ?? []
        #expect(related.count == finding.related.count && !related.isEmpty)
        #expect(related.map { $0["id"] as? Int } == Array(1...finding.related.count))
        #expect(result["partialFingerprints"] as? [String: String] == ["botlint/v1": StableHash.hex(report.fingerprints[0])])
        #expect((result["properties"] as? [String: String])?["token"] == finding.token)
        let base = (run["originalUriBaseIds"] as? [String: [String: String]])?["%SRCROOT%"]?["uri"] ?? ""
        #expect(base.hasPrefix("file:///") && base.hasSuffix("/procfile-two-types/"))
    }

    @Test func sarifLeavesOutZeroLinesAndColumnsAndEncodesPaths() {
        #expect(SARIFReporter.physical(SourceLocation(path: "fly.toml")).region == nil)
        let lineOnly = SARIFReporter.physical(SourceLocation(path: "fly.toml", line: 3))
        #expect(lineOnly.region?.startLine == 3 && lineOnly.region?.startColumn == nil)
        #expect(SARIFReporter.uriReference("my bots/c:d/ß.py") == "my%20bots/c%3Ad/%C3%9F.py")
        #expect(SARIFReporter.rootURI("/srv/my bots") == "file:///srv/my%20bots/")
    }

    @Test func sarifScrubsTokensAndMatchesFingerprintsOfFilteredFindings() throws {
        let finding = Finding(rule: "BL401", name: "token-in-repo", severity: .error, message: "token \(Self.token) in .env",
                              location: SourceLocation(path: ".env", line: 1, column: 11),
                              related: [RelatedLocation(SourceLocation(path: "bot.py", line: 2), "reads \(Self.token)")],
                              fix: "revoke \(Self.token)", token: Self.token)
        let report = Self.handMade(finding)
        let sarif = SARIFReporter.render(report)
        #expect(TokenRedaction.findTokens(in: Array(sarif.utf8)).isEmpty)
        #expect(sarif.contains(TokenRedaction.redact(Self.token)))
        #expect(sarif.contains("\"botlint/v1\" : \"\(StableHash.hex("key"))\""))
        let notification = try #require(((try Self.object(sarif)["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?
            .first?["toolExecutionNotifications"] as? [[String: Any]])
        #expect((notification.first?["message"] as? [String: String])?["text"] == "skipped: larger than 4 MB")
        // A finding the report does not hold (filtered by a baseline, say) gets no fingerprint.
        var other = finding
        other.message = "another"
        #expect(!SARIFReporter.render(report, findings: [other]).contains("partialFingerprints"))
    }

    @Test func stableHashIsFNV1a64() {
        #expect(StableHash.hex("") == "cbf29ce484222325")
        #expect(StableHash.hex("a") == "af63dc4c8601ec8c")
        #expect(StableHash.hex("foobar") == "85944171f73967e8")
    }

    // MARK: - GitHub Actions

    @Test func githubEscapingFollowsTheActionsToolkit() {
        #expect(GitHubActionsReporter.escapeData("100%\r\ndone: a,b") == "100%25%0D%0Adone: a,b")
        #expect(GitHubActionsReporter.escapeProperty("BL101 a:b,c%\n") == "BL101 a%3Ab%2Cc%25%0A")
    }

    @Test func githubCommandPerFindingWithRelatedAndFixInTheMessage() throws {
        let report = try Self.report("BL101", "procfile-two-types")
        let lines = GitHubActionsReporter.render(report).split(separator: "\n", omittingEmptySubsequences: false)
        let finding = report.findings[0]
        let prefix = "::error file=Procfile,line=\(finding.location.line),col=\(finding.location.column),title=BL101 two-pollers::"
        #expect(lines[0].hasPrefix(prefix))
        #expect(lines[0].contains("%0Afix: "))
        #expect(lines[0].contains("%0A\(finding.related[0].location): "))
        #expect(!lines[0].dropFirst(2).contains("\n"))
        #expect(lines[lines.count - 2] == "1 error (\(report.filesRead) files checked).")
    }

    @Test func githubSeverityPathAndTokenHandling() {
        let finding = Finding(rule: "BL104", name: "local-and-deployed-poller", severity: .note,
                              message: "50% sure\nsecond line \(Self.token)", location: SourceLocation(path: "a,b:c.sh"))
        let output = GitHubActionsReporter.render(Self.handMade(finding))
        #expect(output.hasPrefix("::notice file=a%2Cb%3Ac.sh,title=BL104 local-and-deployed-poller::50%25 sure%0Asecond line "
                                 + TokenRedaction.redact(Self.token) + "\n"))
        #expect(output.contains("\nnote: big.bin: skipped: larger than 4 MB\n"))
        #expect(GitHubActionsReporter.command(for: .warning) == "warning")
    }

    // MARK: - Topology pictures and JSON

    @Test func topologyGraphGroupsRunnersAndMarksTheConflict() throws {
        let report = try Self.report("BL104", "fly-and-start-script")
        let graph = TopologyGraph(report.topology, findings: report.findings)
        #expect(graph.clusters.map(\.label).sorted() == ["Fly.io app \"loyalitybot-partner\"", "local scripts"])
        let tokens = graph.nodes.filter { $0.kind == .token }
        #expect(tokens.map(\.lines) == [["BOT_TOKEN"]])
        #expect(tokens.allSatisfy { $0.flagged })
        let polls = graph.edges.filter { $0.kind == .receives }
        #expect(!polls.isEmpty && polls.allSatisfy { $0.label == "poll" && $0.flagged })
        let ids = Set(graph.nodes.map(\.id))
        #expect(ids.count == graph.nodes.count)
        #expect(graph.edges.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
        #expect(graph.clusters.flatMap { $0.nodeIDs }.allSatisfy { ids.contains($0) })
    }

    @Test func topologyGraphLeavesUninvolvedPartsUnmarked() throws {
        let clean = try Self.report("BL101", "three-bots-three-tokens")
        let graph = TopologyGraph(clean.topology, findings: clean.findings)
        #expect(graph.nodes.filter { $0.kind == .token }.count == 3)
        #expect(!graph.nodes.contains { $0.flagged } && !graph.edges.contains { $0.flagged })
        // Production and staging fly apps keep separate secrets: one node per store.
        let apps = try Self.report("BL101", "fly-staging-and-production")
        let tokens = TopologyGraph(apps.topology, findings: apps.findings).nodes.filter { $0.kind == .token }
        #expect(tokens.count == 2)
    }

    @Test func mermaidIsAWellFormedFlowchart() throws {
        let report = try Self.report("BL102", "railway-node-polling-django-webhook")
        let graph = TopologyGraph(report.topology, findings: report.findings)
        let mermaid = TopologyMermaid.render(graph)
        let lines = mermaid.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.first == "flowchart LR")
        #expect(lines.filter { $0.hasPrefix("subgraph ") }.count == graph.clusters.count)
        #expect(lines.filter { $0 == "end" }.count == graph.clusters.count)
        for node in graph.nodes {
            #expect(lines.filter { $0.hasPrefix(node.id + "[") || $0.hasPrefix(node.id + "(") || $0.hasPrefix(node.id + "{") }.count == 1,
                    "\(node.id) is declared once")
        }
        let edgeLines = lines.filter { $0.contains("-->") || $0.contains("-.->") }
        #expect(edgeLines.count == graph.edges.count)
        for line in lines where !line.hasPrefix("classDef") && !line.hasPrefix("linkStyle") {
            #expect(line.filter { $0 == "\"" }.count % 2 == 0, "unbalanced quotes: \(line)")
        }
        let styled = lines.first { $0.hasPrefix("linkStyle ") }?.split(separator: " ")[1].split(separator: ",").compactMap { Int($0) } ?? []
        #expect(!styled.isEmpty && styled.allSatisfy { $0 < graph.edges.count })
        #expect(TopologyMermaid.escape("say \"hi\" <b> #1 | x") == "say #quot;hi#quot; #lt;b#gt; #35;1 #124; x")
    }

    @Test func dotIsAWellFormedDigraph() throws {
        let report = try Self.report("BL103", "railway-replicas")
        let graph = TopologyGraph(report.topology, findings: report.findings)
        let dot = TopologyDot.render(graph)
        #expect(dot.hasPrefix("digraph botlint {\n") && dot.hasSuffix("}\n"))
        #expect(dot.filter { $0 == "{" }.count == dot.filter { $0 == "}" }.count)
        #expect(dot.components(separatedBy: "subgraph cluster_").count - 1 == graph.clusters.count)
        #expect(dot.components(separatedBy: " -> ").count - 1 == graph.edges.count)
        #expect(dot.contains("color=\"#d32f2f\""))
        #expect(TopologyDot.quote("a \"b\" \\ c\nd") == "\"a \\\"b\\\" \\\\ c\\nd\"")
    }

    /// Graphviz, where installed (it is not a test dependency), must accept every picture.
    @Test func dotParsesWithGraphvizWhereInstalled() throws {
        guard let dot = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"].first(where: FileManager.default.isExecutableFile) else { return }
        for ruleCase in RuleCase.all {
            let report = try ruleCase.run()
            let process = Foundation.Process()
            process.executableURL = URL(fileURLWithPath: dot)
            process.arguments = ["-Tcanon"]
            let input = Pipe(), err = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = err
            try process.run()
            input.fileHandleForWriting.write(Data(TopologyDot.render(TopologyGraph(report.topology, findings: report.findings)).utf8))
            try input.fileHandleForWriting.close()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0 && message.isEmpty, "\(ruleCase): \(message)")
        }
    }

    @Test func topologyJSONOfEveryRuleCaseMatchesItsSchema() throws {
        let documents = try RuleCase.all.map { ruleCase in
            let report = try ruleCase.run()
            return (label: ruleCase.testDescription, json: TopologyJSON.render(report.topology, scope: report.scope, findings: report.findings))
        }
        let failures = try JSONSchemaCheck.failures(documents, schema: Self.topologySchema)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func topologyJSONNamesTheRulesInvolvingEachPart() throws {
        let report = try Self.report("BL103", "railway-replicas")
        let document = try Self.object(TopologyJSON.render(report.topology, scope: report.scope, findings: report.findings))
        #expect(document["version"] as? Int == 1)
        let runners = try #require(document["runners"] as? [[String: Any]])
        let flagged = runners.filter { ($0["findings"] as? [String])?.contains("BL103") == true }
        #expect(flagged.count == 1)
        let receiver = ((flagged.first?["processes"] as? [[String: Any]])?.first?["receivers"] as? [[String: Any]])?.first
        #expect(receiver?["kind"] as? String == "poll")
        #expect(receiver?["findings"] as? [String] == ["BL103"])
    }

    @Test("new formats never contain a full token", arguments: RuleCase.all)
    func newFormatsNeverLeakTokens(_ ruleCase: RuleCase) throws {
        let report = try ruleCase.run()
        let graph = TopologyGraph(report.topology, findings: report.findings)
        for output in [SARIFReporter.render(report), GitHubActionsReporter.render(report),
                       TopologyJSON.render(report.topology, scope: report.scope, findings: report.findings),
                       TopologyMermaid.render(graph), TopologyDot.render(graph)] {
            #expect(TokenRedaction.findTokens(in: Array(output.utf8)).isEmpty, "a full token leaked in \(ruleCase)")
        }
    }
}

/// The published topology schema lists every platform, runner kind and guard the model has, so
/// adding one to the model without documenting it fails here instead of in an editor.
@Test func topologySchemaEnumsMatchTheModel() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: RuleCase.repositoryRoot + "/docs/botlint-topology.schema.json"))
    let text = String(decoding: data, as: UTF8.self)
    func enumValues(after key: String) -> Set<String> {
        guard let range = text.range(of: "\"\(key)\": { \"enum\": [") else { return [] }
        let rest = text[range.upperBound...].prefix { $0 != "]" }
        return Set(rest.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) })
    }
    #expect(enumValues(after: "platform") == Set(Platform.allCases.map(\.rawValue)))
    #expect(enumValues(after: "kind").isSuperset(of: Set(RunnerKind.allCases.map(\.rawValue))))
    #expect(text.contains(SingleInstanceGuard.Kind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")))
}
