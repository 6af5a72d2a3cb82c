/// The default terminal output: findings grouped by rule, each with where, why, which token and
/// the fix, then a one-line summary.
public struct TextReporter {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ report: LintReport, findings: [Finding]? = nil) -> String {
        let shown = findings ?? report.findings
        var out = ""
        let byRule = Dictionary(grouping: shown, by: \.rule)
        for rule in byRule.keys.sorted() {
            let group = byRule[rule]!.sorted(by: Finding.ordered)
            out += paint("\(rule) \(group[0].name)", .bold) + " (\(group.count))\n"
            for finding in group { out += render(finding) }
            out += "\n"
        }
        for note in report.notes {
            out += paint("note:", .dim) + " " + (note.path.map { $0 + ": " } ?? "") + TokenRedaction.scrub(note.message) + "\n"
        }
        if !report.notes.isEmpty { out += "\n" }
        out += summaryLine(shown, files: report.filesRead) + "\n"
        // Paths are printed as named, and a file can be named after a token.
        return TokenRedaction.scrub(out)
    }

    func render(_ f: Finding) -> String {
        let scrub = TokenRedaction.scrub
        var out = "  " + paint(f.location.description, .bold) + ": " + severityLabel(f.severity) + ": " + scrub(f.message) + "\n"
        if let token = f.token { out += "      " + paint("token:", .dim) + " " + scrub(token) + "\n" }
        for related in f.related {
            out += "      " + paint(related.location.description, .dim) + ": " + scrub(related.message) + "\n"
        }
        if let fix = f.fix { out += "      " + paint("fix:", .green) + " " + scrub(fix) + "\n" }
        return out
    }

    func summaryLine(_ findings: [Finding], files: Int) -> String {
        let s = Summary(findings, filesScanned: files)
        let fileWord = files == 1 ? "file" : "files"
        if findings.isEmpty { return paint("No conflicts found", .green) + " (\(files) \(fileWord) checked)." }
        var parts: [String] = []
        if s.errors > 0 { parts.append(paint("\(s.errors) error" + (s.errors == 1 ? "" : "s"), .red)) }
        if s.warnings > 0 { parts.append(paint("\(s.warnings) warning" + (s.warnings == 1 ? "" : "s"), .yellow)) }
        if s.notes > 0 { parts.append(paint("\(s.notes) note" + (s.notes == 1 ? "" : "s"), .cyan)) }
        return parts.joined(separator: ", ") + " (\(files) \(fileWord) checked)."
    }

    private func severityLabel(_ severity: Severity) -> String {
        switch severity {
        case .error: paint("error", .red)
        case .warning: paint("warning", .yellow)
        case .note: paint("note", .cyan)
        }
    }

    enum Style: String {
        case bold = "1", dim = "2", red = "1;31", yellow = "1;33", cyan = "36", green = "32"
    }

    func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
