import ArgumentParser
import BotLintKit
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// How findings are printed.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Colour in text output: auto, always or never (NO_COLOR is honoured).")
    var color: ColorChoice = .auto

    func render(_ report: LintReport) -> String {
        switch format {
        case .text: TextReporter(color: useColor).render(report)
        case .json: JSONReporter.render(report)
        }
    }

    var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }
}
