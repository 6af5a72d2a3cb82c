import ArgumentParser
import BotLintKit

struct TopologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topology",
        abstract: "Print what botlint inferred: runners, instances, entry files, receive modes and tokens."
    )

    @OptionGroup var source: SourceOptions

    func run() throws {
        let report = try source.lint()
        print(TopologyPrinter.text(report.topology), terminator: "")
    }
}
