import ArgumentParser
import BotLintKit
import Foundation

/// Which files botlint reads.
struct SourceOptions: ParsableArguments {
    @Argument(help: "Repository or folder to check.")
    var path: String = "."

    @Flag(name: .customLong("no-git"), help: "Read every file under PATH, ignoring git (no .gitignore).")
    var noGit = false

    @Flag(name: .long, help: "Check what the next commit will contain (the git index), not the work tree.")
    var staged = false

    @Option(name: .long, help: ArgumentHelp("Report only findings that are not already present at this git revision (commit, branch, tag).", valueName: "REV"))
    var since: String?

    func validate() throws {
        if noGit, staged || since != nil {
            throw ValidationError("--no-git cannot be combined with --staged or --since, which read git")
        }
    }

    func fileSource() throws -> any FileSource {
        if staged {
            // While a hook runs, git names the index the commit is built from (a temporary one
            // for `git commit -a` and `git commit <paths>`). getenv, not ProcessInfo's dictionary of
            // the whole environment, which took half a millisecond.
            return try GitIndexSource(path: path, indexFile: getenv("GIT_INDEX_FILE").map { String(cString: $0) })
        }
        return WorkTreeSource(path: path, useGit: !noGit)
    }

    /// `configure` adds the policy flags (config file, baseline) to the engine's options.
    func lint(_ configure: (inout LintOptions) throws -> Void = { _ in }) throws -> LintReport {
        try reportingInputFailures {
            let options = try options(configure)
            // Resolved first, so a mistyped revision fails before any linting.
            let revision = try since.map { try GitRevisionSource(path: path, revision: $0) }
            let current = try Linter.run(options, source: fileSource())
            guard let since, let revision else { return current }
            let atRevision = try Linter.run(options, source: revision)
            return RevisionComparison.newFindings(in: current, comparedTo: atRevision,
                                                  revision: "\(since) (\(revision.resolvedID))")
        }
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
