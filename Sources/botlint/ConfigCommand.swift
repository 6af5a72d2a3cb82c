import ArgumentParser
import BotLintKit

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective settings and where each comes from (default, file:line, flag)."
    )

    @Flag(name: .long, help: "Print the effective settings.")
    var show = false

    @OptionGroup var source: SourceOptions
    @OptionGroup var policy: PolicyOptions

    func validate() throws {
        guard show else { throw ValidationError("use `botlint config --show [PATH]`") }
    }

    func run() throws {
        let configuration = try source.configuration(policy.configure)
        print(ConfigurationPrinter.text(configuration), terminator: "")
    }
}
