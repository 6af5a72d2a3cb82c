import Foundation
import Yams

/// Spring `application*.yml`/`.yaml`/`.properties` and .NET `appsettings*.json`: every leaf key
/// (`telegram.bot.token`, `Telegram:Token`) with the value the framework sees. A `${VAR}` or
/// `${VAR:default}` placeholder reads the env; a literal can still be overridden by the env
/// variable the framework maps the key from, so it becomes that variable with the literal as
/// its default.
public struct AppSettingsExtractor: Extractor {
    public init() {}

    enum Kind { case springYAML, springProperties, dotnetJSON }

    /// Byte comparisons on the ASCII-lowercased name: this runs for every file of a repository.
    static func kind(ofLowercased lower: String) -> Kind? {
        if PathUtil.hasPrefix(lower, "application") {
            if PathUtil.hasSuffix(lower, ".yml") || PathUtil.hasSuffix(lower, ".yaml") { return .springYAML }
            if PathUtil.hasSuffix(lower, ".properties") { return .springProperties }
        }
        if PathUtil.hasPrefix(lower, "appsettings"), PathUtil.hasSuffix(lower, ".json") { return .dotnetJSON }
        return nil
    }

    public func accepts(_ file: FileCandidate) -> Bool { Self.kind(ofLowercased: file.lowercasedName) != nil }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        guard let kind = Self.kind(ofLowercased: PathUtil.asciiLowercased(file.name)) else { return }
        var leaves: [(String, String)] = []
        switch kind {
        case .springYAML:
            // Several documents (`---`) are profiles; each key's last value wins, as for Spring's default profile.
            guard let documents = try? Yams.load_all(yaml: file.text) else { return }
            for document in documents { Self.flatten(document, prefix: "", separator: ".", into: &leaves) }
        case .springProperties:
            for line in file.text.split(whereSeparator: \.isNewline) {
                let trimmed = line.trimmingWhitespace()
                guard !trimmed.hasPrefix("#"), !trimmed.hasPrefix("!"),
                      let separator = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
                let key = trimmed[..<separator].trimmingWhitespace()
                let value = trimmed[trimmed.index(after: separator)...].trimmingWhitespace()
                leaves.append((key, value))
            }
        case .dotnetJSON:
            guard let object = try? JSONSerialization.jsonObject(with: Data(file.bytes), options: [.fragmentsAllowed])
            else { return }
            Self.flatten(object, prefix: "", separator: ":", into: &leaves)
        }
        guard !leaves.isEmpty else { return }
        var summary = CodeSummary(path: file.path, language: .settings)
        for (key, raw) in leaves { summary.assignments[key] = Self.value(raw, key: key) }
        analysis.code = summary
    }

    static func value(_ raw: String, key: String) -> ValueExpr {
        if raw.hasPrefix("${"), raw.hasSuffix("}") {
            let body = raw.dropFirst(2).dropLast()
            let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            return .env(String(parts[0]), default: parts.count > 1 ? String(parts[1]) : nil)
        }
        guard let variable = AppSettingsLookup.environmentOverride(key) else { return .literal(raw) }
        return .env(variable, default: raw)
    }

    private static func flatten(_ node: Any?, prefix: String, separator: String, into leaves: inout [(String, String)]) {
        switch node {
        case let map as [String: Any]:
            for key in map.keys.sorted() {
                flatten(map[key], prefix: prefix.isEmpty ? key : prefix + separator + key, separator: separator, into: &leaves)
            }
        case let map as [AnyHashable: Any]:
            for key in map.keys.map({ "\($0)" }).sorted() {
                let value = map.first { "\($0.key)" == key }?.value
                flatten(value, prefix: prefix.isEmpty ? key : prefix + separator + key, separator: separator, into: &leaves)
            }
        case let string as String where !prefix.isEmpty:
            leaves.append((prefix, string))
        case let number as NSNumber where !prefix.isEmpty:
            leaves.append((prefix, number.stringValue))
        case let scalar? where !prefix.isEmpty && !(scalar is [Any]):
            leaves.append((prefix, "\(scalar)"))
        default:
            break
        }
    }
}
