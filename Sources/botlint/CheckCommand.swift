import ArgumentParser
import BotLintKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a repository (the default command: `botlint [PATH]`)."
    )

    @OptionGroup var source: SourceOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var policy: PolicyOptions

    func run() throws {
        let report = try source.lint(policy.configure)
        print(output.render(report), terminator: "")
        try output.writeFiles(report)
        if try policy.writeBaselineIfAsked(report) { return }
        if policy.fails(report) { throw ExitCode(1) }
    }
}
