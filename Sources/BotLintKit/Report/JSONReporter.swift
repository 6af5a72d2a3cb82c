import Foundation

/// `--format json`, schema version 1 (documented in `docs/json-schema.json`). Keys are sorted and
/// every string goes through token scrubbing, so output is stable and never holds a token.
public enum JSONReporter {
    public static let schemaVersion = 1

    struct Document: Encodable {
        var version: Int
        var tool: Tool
        var scope: String
        var findings: [FindingJSON]
        var notes: [NoteJSON]
        var summary: Summary
    }

    struct Tool: Encodable {
        var name: String
        var version: String
    }

    struct LocationJSON: Encodable {
        var path: String
        var line: Int
        var column: Int
    }

    struct RelatedJSON: Encodable {
        var path: String
        var line: Int
        var column: Int
        var message: String
    }

    struct FindingJSON: Encodable {
        var rule: String
        var name: String
        var severity: String
        var message: String
        var location: LocationJSON
        var related: [RelatedJSON]
        var fix: String?
        var token: String?
    }

    struct NoteJSON: Encodable {
        var path: String?
        var message: String
    }

    public static func render(_ report: LintReport, findings: [Finding]? = nil) -> String {
        let shown = findings ?? report.findings
        let scrub = TokenRedaction.scrub
        let document = Document(
            version: schemaVersion,
            tool: Tool(name: "botlint", version: BotLint.version),
            scope: report.scope,
            findings: shown.map { f in
                FindingJSON(rule: f.rule, name: f.name, severity: f.severity.rawValue, message: scrub(f.message),
                            location: LocationJSON(path: f.location.path, line: f.location.line, column: f.location.column),
                            related: f.related.map {
                                RelatedJSON(path: $0.location.path, line: $0.location.line, column: $0.location.column,
                                            message: scrub($0.message))
                            },
                            fix: f.fix.map(scrub), token: f.token.map(scrub))
            },
            notes: report.notes.map { NoteJSON(path: $0.path, message: scrub($0.message)) },
            summary: Summary(shown, filesScanned: report.filesRead))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        // Paths too (a file can be named after a token); JSON never escapes a token's characters.
        return TokenRedaction.scrubbedDocument(data)
    }
}
