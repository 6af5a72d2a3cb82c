import ArgumentParser
import BotLintKit

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print a rule's page (what, why, how to fix, examples)."
    )

    @Argument(help: "Rule id or name, e.g. BL101 or two-pollers.")
    var rule: String

    func run() throws {
        guard let found = RuleRegistry.rule(rule), let page = RuleDocs.page(for: found.id) else {
            throw ValidationError("unknown rule '\(rule)'; `botlint rules` lists them")
        }
        print(page, terminator: page.hasSuffix("\n") ? "" : "\n")
    }
}
