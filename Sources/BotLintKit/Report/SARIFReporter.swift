import Foundation

/// `--format sarif`: SARIF 2.1.0 for GitHub code scanning, VS Code's SARIF viewer and other
/// tools. One run; every registered rule is described (so a tool can show a rule's help even for
/// a clean run); results point at paths relative to `%SRCROOT%`, the repository root. Keys are
/// sorted and every string is scrubbed of tokens.
public enum SARIFReporter {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    static let sourceRoot = "%SRCROOT%"
    /// Bumped only when the fingerprint input changes, so code scanning can tell old keys apart.
    static let fingerprintKey = "botlint/v1"

    public static func render(_ report: LintReport, findings: [Finding]? = nil,
                              rules: [any Rule] = RuleRegistry.all) -> String {
        let shown = findings ?? report.findings
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var fingerprints = FingerprintQueue(report)
        let results = shown.map { finding in
            result(finding, ruleIndex: ruleIndex[finding.rule], fingerprint: fingerprints.next(for: finding))
        }
        let log = Log(
            schema: schemaURI, version: "2.1.0",
            runs: [Run(
                tool: Tool(driver: Driver(name: "botlint", version: BotLint.version, semanticVersion: BotLint.version,
                                          informationUri: BotLint.repositoryURL, rules: rules.map(descriptor))),
                invocations: [Invocation(executionSuccessful: true,
                                         toolExecutionNotifications: report.notes.map(notification))],
                originalUriBaseIds: [sourceRoot: ArtifactLocation(uri: rootURI(report.root), uriBaseId: nil)],
                results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(log)) ?? Data("{}".utf8)
        // As in JSON: paths too (a file can be named after a token).
        return TokenRedaction.scrubbedDocument(data)
    }

    // MARK: - Building blocks

    static func descriptor(_ rule: any Rule) -> ReportingDescriptor {
        let scrub = TokenRedaction.scrub
        let page = RuleDocs.page(for: rule.id)
        let summary = scrub(Describe.sentence(rule.summary)) + "."
        return ReportingDescriptor(
            id: rule.id, name: rule.name,
            shortDescription: Text(text: summary),
            fullDescription: Text(text: page.flatMap { RulePage.firstParagraph(under: "What it reports", in: $0) }.map(scrub) ?? summary),
            help: page.map { MarkdownText(text: scrub($0), markdown: scrub(RulePage.absoluteLinks($0))) },
            helpUri: BotLint.documentationURL(for: rule),
            defaultConfiguration: Configuration(level: level(rule.defaultSeverity)))
    }

    static func result(_ finding: Finding, ruleIndex: Int?, fingerprint: String?) -> Result {
        let scrub = TokenRedaction.scrub
        // Viewers show the message, not the property bag, so the fix is written there too.
        var text = scrub(finding.message)
        if let fix = finding.fix { text += "\nFix: " + scrub(fix) }
        return Result(
            ruleId: finding.rule, ruleIndex: ruleIndex, level: level(finding.severity),
            message: Text(text: text),
            locations: [Location(id: nil, physicalLocation: physical(finding.location), message: nil)],
            relatedLocations: finding.related.isEmpty ? nil : finding.related.enumerated().map { i, related in
                Location(id: i + 1, physicalLocation: physical(related.location), message: Text(text: scrub(related.message)))
            },
            partialFingerprints: fingerprint.map { [fingerprintKey: StableHash.hex($0)] },
            properties: ResultProperties(fix: finding.fix.map(scrub), token: finding.token.map(scrub)))
    }

    static func notification(_ note: Note) -> Notification {
        Notification(level: "note", message: Text(text: TokenRedaction.scrub(note.message)),
                     locations: note.path.map { [Location(id: nil, physicalLocation: physical(SourceLocation(path: $0)), message: nil)] })
    }

    static func physical(_ location: SourceLocation) -> PhysicalLocation {
        // SARIF lines and columns start at 1; botlint's 0 means "the whole file/line": left out.
        let region = location.line > 0
            ? Region(startLine: location.line, startColumn: location.column > 0 ? location.column : nil)
            : nil
        return PhysicalLocation(artifactLocation: ArtifactLocation(uri: uriReference(location.path), uriBaseId: sourceRoot),
                                region: region)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// A relative path as a URI reference: `/` kept, everything outside RFC 3986's unreserved
    /// set percent-encoded (so `:` in a first segment never reads as a scheme).
    static func uriReference(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    /// `file:///abs/root/`: a base URI must end with `/` so relative paths resolve under it.
    static func rootURI(_ root: String) -> String {
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        let path = uriReference(absolute)
        return "file://" + path + (path.hasSuffix("/") ? "" : "/")
    }

    /// Hands out each finding's fingerprint key. Findings may be a filtered copy of the report's
    /// (a baseline), so keys are matched by value, in order, rather than by index.
    struct FingerprintQueue {
        private var keys: [Finding: [String]] = [:]

        init(_ report: LintReport) {
            for (finding, key) in zip(report.findings, report.fingerprints) { keys[finding, default: []].append(key) }
        }

        mutating func next(for finding: Finding) -> String? {
            guard var queue = keys[finding], !queue.isEmpty else { return nil }
            let key = queue.removeFirst()
            keys[finding] = queue
            return key
        }
    }

    // MARK: - SARIF objects (only the properties botlint fills)

    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]
        var originalUriBaseIds: [String: ArtifactLocation]
        var results: [Result]
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var informationUri: String
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: MarkdownText?
        var helpUri: String
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Text: Encodable {
        var text: String
    }

    struct MarkdownText: Encodable {
        var text: String
        var markdown: String
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        var level: String
        var message: Text
        var locations: [Location]?
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Text
        var locations: [Location]
        var relatedLocations: [Location]?
        var partialFingerprints: [String: String]?
        var properties: ResultProperties
    }

    struct ResultProperties: Encodable {
        var fix: String?
        var token: String?
    }

    struct Location: Encodable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var message: Text?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }
}
