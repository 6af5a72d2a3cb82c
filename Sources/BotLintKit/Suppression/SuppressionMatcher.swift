/// Applies inline suppressions to findings and tells which comments (or which of their ids)
/// suppressed nothing.
struct SuppressionMatcher {
    struct Unused {
        var suppression: Suppression
        /// Ids that matched no finding (`all` when a `disable=all` matched nothing).
        var ids: [String]
    }

    let suppressions: [Suppression]

    /// `ignoring`: ids whose findings never appear (disabled rules), so comments naming them
    /// are not called unused.
    func apply(to findings: [Finding], ignoring disabled: (String) -> Bool) -> (kept: [Finding], unused: [Unused]) {
        var byPath: [String: [Int]] = [:]
        for (i, suppression) in suppressions.enumerated() { byPath[suppression.location.path, default: []].append(i) }
        var used = Array(repeating: Set<String>(), count: suppressions.count)
        var kept: [Finding] = []
        for finding in findings {
            let covering = (byPath[finding.location.path] ?? []).filter { suppressions[$0].covers(finding) }
            for i in covering { used[i].insert(suppressions[i].coversAllRules ? "all" : finding.rule) }
            if covering.isEmpty { kept.append(finding) }
        }
        var unused: [Unused] = []
        for (i, suppression) in suppressions.enumerated() {
            if suppression.problem != nil {
                unused.append(Unused(suppression: suppression, ids: []))
                continue
            }
            var ids = suppression.unknownRules
            if suppression.coversAllRules {
                if used[i].isEmpty { ids.append("all") }
            } else {
                ids += suppression.rules.filter { !used[i].contains($0) && !disabled($0) }
            }
            if !ids.isEmpty { unused.append(Unused(suppression: suppression, ids: ids)) }
        }
        return (kept, unused)
    }
}
