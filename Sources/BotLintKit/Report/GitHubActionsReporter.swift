/// `--format github`: one GitHub Actions workflow command per finding, which the runner turns
/// into an annotation on the file and line (`::error file=Procfile,line=2,col=1,title=...::...`),
/// then the summary as a plain log line. Escaping follows `@actions/core`: `%`, CR and LF in the
/// message; additionally `:` and `,` in properties.
public enum GitHubActionsReporter {
    public static func render(_ report: LintReport, findings: [Finding]? = nil) -> String {
        let shown = findings ?? report.findings
        var out = ""
        for finding in shown { out += command(finding) + "\n" }
        // Skipped files are context for the log, not annotations on the code.
        for note in report.notes {
            out += "note: " + (note.path.map { $0 + ": " } ?? "") + TokenRedaction.scrub(note.message) + "\n"
        }
        out += TextReporter(color: false).summaryLine(shown, files: report.filesRead) + "\n"
        return out
    }

    static func command(_ finding: Finding) -> String {
        let scrub = TokenRedaction.scrub
        var properties = ["file=" + escapeProperty(finding.location.path)]
        if finding.location.line > 0 {
            properties.append("line=\(finding.location.line)")
            if finding.location.column > 0 { properties.append("col=\(finding.location.column)") }
        }
        properties.append("title=" + escapeProperty("\(finding.rule) \(finding.name)"))
        // An annotation has one location: the other half of the conflict and the fix go into its text.
        var message = scrub(finding.message)
        if let token = finding.token { message += "\ntoken: " + scrub(token) }
        for related in finding.related { message += "\n\(related.location): " + scrub(related.message) }
        if let fix = finding.fix { message += "\nfix: " + scrub(fix) }
        return "::\(command(for: finding.severity)) " + properties.joined(separator: ",") + "::" + escapeData(message)
    }

    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
