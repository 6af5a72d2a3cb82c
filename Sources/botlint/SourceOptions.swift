import ArgumentParser
import BotLintKit

/// Which files botlint reads.
struct SourceOptions: ParsableArguments {
    @Argument(help: "Repository or folder to check.")
    var path: String = "."

    @Flag(name: .customLong("no-git"), help: "Read every file under PATH, ignoring git (no .gitignore).")
    var noGit = false

    func fileSource() -> any FileSource {
        WorkTreeSource(path: path, useGit: !noGit)
    }

    /// `configure` adds the policy flags (config file, baseline) to the engine's options.
    func lint(_ configure: (inout LintOptions) throws -> Void = { _ in }) throws -> LintReport {
        try reportingInputFailures { try Linter.run(try options(configure), source: fileSource()) }
    }

    func configuration(_ configure: (inout LintOptions) throws -> Void) throws -> Configuration {
        try reportingInputFailures { try Linter.configuration(try options(configure), source: fileSource()) }
    }

    private func options(_ configure: (inout LintOptions) throws -> Void) throws -> LintOptions {
        var options = LintOptions(path: path)
        try configure(&options)
        return options
    }

    /// A missing folder or a bad config file is the user's input, not a crash: exit 2.
    private func reportingInputFailures<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as FileSourceError {
            throw InputFailure(message: error.description)
        } catch let error as ConfigError {
            throw InputFailure(message: error.description)
        }
    }
}
