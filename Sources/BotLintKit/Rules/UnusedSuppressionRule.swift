/// BL902: a `botlint: disable` comment that suppresses nothing, names no rule, or is misspelt.
/// Suppressions are matched after every other rule ran, so `Linter` reports these through
/// `report(_:)`; the topology alone holds nothing for this rule.
public struct UnusedSuppressionRule: Rule {
    public let id = "BL902"
    public let name = "unused-suppression"
    public let summary = "a `botlint: disable` comment that suppresses nothing or cannot be read"
    public let defaultSeverity = Severity.note

    public init() {}

    public func check(_ topology: Topology) -> [Finding] { [] }

    func report(_ unused: [SuppressionMatcher.Unused]) -> [Finding] {
        unused.map { item in
            let suppression = item.suppression
            let comment = "`\(suppression.text)`"
            let message: String
            if let problem = suppression.problem {
                message = "\(comment) is not understood: \(problem)."
            } else {
                let unknown = item.ids.filter { suppression.unknownRules.contains($0) }
                let idle = item.ids.filter { !suppression.unknownRules.contains($0) }
                var parts: [String] = []
                if !unknown.isEmpty {
                    parts.append("\(Describe.list(unknown)) \(unknown.count == 1 ? "is not a rule" : "are not rules") (`botlint rules` lists them)")
                }
                if !idle.isEmpty {
                    let what = idle == ["all"] ? "no finding" : "no \(Describe.list(idle)) finding"
                    parts.append("\(what) starts \(Self.scopeText(suppression.scope))")
                }
                message = "\(comment) suppresses nothing: " + parts.joined(separator: "; ") + "."
            }
            return finding(message, at: suppression.location,
                           fix: "Remove the comment, or the ids it no longer needs; a finding that comes back is reported again.")
        }
    }

    private static func scopeText(_ scope: Suppression.Scope) -> String {
        switch scope {
        case .file: "in this file"
        case .lines(let range): range.count == 1 ? "on line \(range.lowerBound)" : "on lines \(range.lowerBound)–\(range.upperBound)"
        case .nothing: "after it (no declaration follows the comment)"
        }
    }
}
