/// `--since REV`: of the current findings, only those a revision did not have. Findings are
/// matched by fingerprint (rule, file, primary line's text), so edits that only move a finding's
/// line keep it old, and a finding whose line changed counts as new.
public enum RevisionComparison {
    /// `current` with the findings whose fingerprints also occur in `baseline` removed, and a
    /// note saying how many were left out. `revision` names the baseline in that note.
    public static func newFindings(in current: LintReport, comparedTo baseline: LintReport,
                                   revision: String) -> LintReport {
        let old = Set(baseline.fingerprints)
        var report = current
        let kept = zip(current.findings, current.fingerprints).filter { !old.contains($0.1) }
        report.findings = kept.map(\.0)
        report.fingerprints = kept.map(\.1)
        let hidden = current.findings.count - kept.count
        if hidden > 0 {
            let count = hidden == 1 ? "1 finding already present at \(revision) is" : "\(hidden) findings already present at \(revision) are"
            report.notes.append(Note(path: nil, message: "\(count) not shown"))
            report.notes.sort { ($0.path ?? "", $0.message) < ($1.path ?? "", $1.message) }
        }
        return report
    }
}
