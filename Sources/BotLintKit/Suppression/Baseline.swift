import Foundation

/// Findings accepted as they are: `--write-baseline` records them, `--baseline` hides them.
/// Each is kept by its fingerprint (rule, file, the primary line's text; never a line number),
/// so edits elsewhere in the file do not bring an old finding back. Tokens in keys are redacted.
public struct Baseline: Sendable, Equatable {
    public struct Entry: Codable, Hashable, Sendable {
        public var rule: String
        public var path: String
        public var key: String
    }

    public static let version = 1
    /// Sorted by path, rule and key, so the file diffs well in review.
    public var entries: [Entry]

    public init(_ report: LintReport) {
        entries = zip(report.findings, report.fingerprints).map { finding, key in
            Entry(rule: finding.rule, path: finding.location.path, key: Self.stored(key))
        }.sorted { ($0.path, $0.rule, $0.key) < ($1.path, $1.rule, $1.key) }
    }

    /// How a fingerprint is written to (and compared with) the file.
    static func stored(_ key: String) -> String { TokenRedaction.scrub(key) }

    func contains(fingerprint: String) -> Bool { keys.contains(Self.stored(fingerprint)) }

    private var keys: Set<String> { Set(entries.map(\.key)) }

    private struct File: Codable {
        var version: Int
        var tool: String
        var findings: [Entry]
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(File(version: Self.version, tool: "botlint", findings: entries))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func load(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError("\(path): cannot read the baseline file")
        }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String) throws -> Baseline {
        guard let file = try? JSONDecoder().decode(File.self, from: data) else {
            throw ConfigError("\(path): not a botlint baseline (write one with --write-baseline)")
        }
        guard file.version == version else {
            throw ConfigError("\(path): baseline version \(file.version); this botlint reads version \(version)")
        }
        return Baseline(entries: file.findings)
    }

    init(entries: [Entry]) { self.entries = entries }
}
