import ArgumentParser
import BotLintKit
import Foundation

extension Severity: ExpressibleByArgument {}

/// What makes the run fail: the severity threshold, the config file, suppressions, baselines.
struct PolicyOptions: ParsableArguments {
    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity: error, warning or note (default: error, or fail-on in .botlint.toml).")
    var failOn: Severity?

    @Option(name: .customLong("config"), help: ArgumentHelp("Read settings from this file instead of the nearest .botlint.toml.", valueName: "file"))
    var config: String?

    @Flag(name: .customLong("no-inline-suppressions"), help: "Ignore `botlint: disable` comments in files.")
    var noInlineSuppressions = false

    @Option(name: .customLong("baseline"), help: ArgumentHelp("Report only findings that are not in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record every current finding in this file and exit 0.", valueName: "file"))
    var writeBaseline: String?

    var overrides: ConfigOverrides {
        ConfigOverrides(failOn: failOn, inlineSuppressions: noInlineSuppressions ? false : nil)
    }

    /// A baseline being written records everything, so an older one is not applied.
    func configure(_ options: inout LintOptions) throws {
        options.configFile = config
        options.overrides = overrides
        if let baseline, writeBaseline == nil { options.baseline = try Baseline.load(path: baseline) }
    }

    func fails(_ report: LintReport) -> Bool {
        Summary.fails(report.findings, at: report.configuration.failOn.value)
    }

    /// Writes `--write-baseline`; returns whether it did.
    func writeBaselineIfAsked(_ report: LintReport) throws -> Bool {
        guard let writeBaseline else { return false }
        do {
            try Data(Baseline(report).json().utf8).write(to: URL(fileURLWithPath: writeBaseline))
        } catch {
            throw InputFailure(message: "\(writeBaseline): cannot write the baseline (\(error.localizedDescription))")
        }
        FileHandle.standardError.write(Data("botlint: recorded \(report.findings.count) finding(s) in \(writeBaseline)\n".utf8))
        return true
    }
}
