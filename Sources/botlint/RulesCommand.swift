import ArgumentParser
import BotLintKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules.")

    func run() {
        for rule in RuleRegistry.all {
            let severity = rule.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            print("\(rule.id)  \(rule.name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(severity)  \(rule.summary)")
        }
    }
}
