import Foundation

/// Reads the text after a comment opener: `botlint: disable=BL101,BL104 reason` or
/// `botlint: disable-file=all`. Ids are rule ids or names, case-insensitive.
enum SuppressionDirective {
    /// nil when the comment does not start with `botlint:` (it is an ordinary comment).
    static func parse(_ text: [UInt8]) -> Suppression? {
        var rest = text.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard rest.starts(with: SuppressionScanner.marker) else { return nil }
        rest = rest.dropFirst(SuppressionScanner.marker.count).drop { $0 == UInt8(ascii: " ") }
        let word = String(decoding: rest.prefix { TokenRedaction.isWordChar($0) || $0 == UInt8(ascii: "-") }, as: UTF8.self)
        rest = rest.dropFirst(word.utf8.count)
        var suppression = Suppression(rules: [], coversAllRules: false, unknownRules: [], scope: .nothing, reason: nil,
                                      location: SourceLocation(path: ""), text: "", problem: nil)
        guard word == "disable" || word == "disable-file", rest.first == UInt8(ascii: "=") else {
            suppression.problem = "it is not a directive botlint reads; write `botlint: disable=ID[,ID...] reason` "
                + "or `botlint: disable-file=ID[,ID...] reason`"
            return suppression
        }
        if word == "disable-file" { suppression.scope = .file }
        rest = rest.dropFirst()
        var ids: [String] = []
        while true {
            let id = rest.prefix { TokenRedaction.isWordChar($0) || $0 == UInt8(ascii: "-") }
            guard !id.isEmpty else { break }
            ids.append(String(decoding: id, as: UTF8.self))
            rest = rest.dropFirst(id.count)
            let afterSpaces = rest.drop { $0 == UInt8(ascii: " ") }
            guard afterSpaces.first == UInt8(ascii: ",") else { break }
            rest = afterSpaces.dropFirst().drop { $0 == UInt8(ascii: " ") }
        }
        guard !ids.isEmpty else {
            suppression.problem = "it names no rule; write `botlint: \(word)=BL101` (ids or names, comma-separated, or `all`)"
            return suppression
        }
        suppression.coversAllRules = ids.contains { $0.lowercased() == "all" }
        if !suppression.coversAllRules {
            for id in ids {
                if let rule = RuleRegistry.rule(id) {
                    if !suppression.rules.contains(rule.id) { suppression.rules.append(rule.id) }
                } else {
                    suppression.unknownRules.append(id)
                }
            }
        }
        var reason = String(decoding: rest, as: UTF8.self).trimmingWhitespace()
        for closer in ["*/", "-->"] where reason.hasSuffix(closer) { reason = String(reason.dropLast(closer.count)) }
        reason = reason.trimming { " \t-:—".unicodeScalars.contains($0) }
        suppression.reason = reason.isEmpty ? nil : reason
        return suppression
    }
}
