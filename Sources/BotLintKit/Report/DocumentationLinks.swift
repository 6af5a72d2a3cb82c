import Foundation

extension BotLint {
    /// The project's home; SARIF `informationUri`.
    public static let repositoryURL = "https://github.com/botlint/botlint"

    /// Files in the repository are linked on the main branch, so links stay stable across releases.
    static let documentationBase = repositoryURL + "/blob/main/"

    /// A rule's page, `rules/<id>-<name>/README.md`, on the web.
    public static func documentationURL(for rule: any Rule) -> String {
        documentationBase + "rules/\(rule.id)-\(rule.name)/README.md"
    }
}

/// Reads the fixed-shape rule pages (`# id name`, `## What it reports`, ...) for reporters that
/// embed rule help.
enum RulePage {
    /// The first paragraph under `## <heading>`, as plain text: wrapped lines joined with a space,
    /// list items on their own lines.
    static func firstParagraph(under heading: String, in page: String) -> String? {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.trimmingWhitespace() == "## " + heading }) else { return nil }
        var text = ""
        for line in lines[(start + 1)...] {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { if text.isEmpty { continue } else { break } }
            if !text.isEmpty { text += trimmed.hasPrefix("- ") ? "\n" : " " }
            text += trimmed
        }
        return text.isEmpty ? nil : text
    }

    /// Pages link each other as `../BL104-name/README.md`; outside the repository those links
    /// must be absolute.
    static func absoluteLinks(_ markdown: String) -> String {
        markdown.replacing("](../", with: "](" + BotLint.documentationBase + "rules/")
    }
}
