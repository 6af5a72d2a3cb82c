import ArgumentParser
import BotLintKit

enum TopologyFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, mermaid, dot
}

struct TopologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topology",
        abstract: "Print what botlint inferred: runners, instances, entry files, receive modes and tokens.",
        discussion: "mermaid and dot draw it as a picture; the parts of conflicts are red."
    )

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: "text, json (docs/botlint-topology.schema.json), mermaid (flowchart) or dot (Graphviz).")
    var format: TopologyFormat = .text

    func run() throws {
        let report = try source.lint()
        let output: String
        switch format {
        case .text: output = TopologyPrinter.text(report.topology)
        case .json: output = TopologyJSON.render(report.topology, scope: report.scope, findings: report.findings)
        case .mermaid: output = TopologyMermaid.render(TopologyGraph(report.topology, findings: report.findings))
        case .dot: output = TopologyDot.render(TopologyGraph(report.topology, findings: report.findings))
        }
        print(output, terminator: "")
    }
}
