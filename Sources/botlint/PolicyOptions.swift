import ArgumentParser
import BotLintKit

extension Severity: ExpressibleByArgument {}

/// What makes the run fail.
struct PolicyOptions: ParsableArguments {
    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity: error, warning or note.")
    var failOn: Severity = .error

    func fails(_ report: LintReport) -> Bool {
        Summary.fails(report.findings, at: failOn)
    }
}
