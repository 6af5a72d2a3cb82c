/// Severity overrides and per-file ignores from `[rules]`, applied to findings after rules run.
extension Configuration {
    func adjust(_ findings: [Finding]) -> [Finding] {
        findings.compactMap { finding in
            let ignored = perFileIgnores.contains { ignore in
                (ignore.rules.isEmpty || ignore.rules.contains(finding.rule)) && ignore.glob.matches(finding.location.path)
            }
            guard !ignored else { return nil }
            var adjusted = finding
            if let severity = severities[finding.rule] { adjusted.severity = severity.value }
            return adjusted
        }
    }
}
