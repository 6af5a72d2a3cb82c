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

    func lint() throws -> LintReport {
        do {
            return try Linter.run(LintOptions(path: path), source: fileSource())
        } catch let error as FileSourceError {
            throw InputFailure(message: error.description)
        }
    }
}
