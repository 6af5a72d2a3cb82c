import Foundation
import Testing
@testable import BotLintKit

/// An aiogram poller reading TELEGRAM_TOKEN (or another variable), as a bot repository has it.
private func pollerSource(token: String = "TELEGRAM_TOKEN") -> String {
    """
    import asyncio
    import os

    from aiogram import Bot, Dispatcher

    dp = Dispatcher()


    async def main() -> None:
        bot = Bot(token=os.getenv("\(token)"))
        await dp.start_polling(bot)


    if __name__ == "__main__":
        asyncio.run(main())

    """
}

private let onePoller = "worker: python bot.py\n"
private let twoPollers = "worker: python bot.py\nweb: python bot.py\n"

/// A repository with a polling bot and a clean Procfile, committed.
private func botRepository() throws -> SourceScratchFolder {
    let repo = try SourceScratchFolder()
    try repo.git("init", "-q")
    try repo.write("bot.py", pollerSource())
    try repo.write("Procfile", onePoller)
    try repo.commitAll()
    return repo
}

private func lint(_ source: any FileSource, path: String) throws -> LintReport {
    try Linter.run(LintOptions(path: path), source: source)
}

private func findingLines(_ report: LintReport) -> [String] {
    report.findings.map { "\($0.rule) \($0.location.path):\($0.location.line)" }
}

private func text(_ source: any FileSource, _ path: String, maxBytes: Int = 1 << 20) throws -> String? {
    let listing = try source.listing()
    guard case .file(let file) = source.read(FileEntry(path: path), in: listing, maxBytes: maxBytes) else { return nil }
    return file.text
}

@Suite struct GitIndexSourceTests {
    @Test func lintsTheStagedContentNotTheWorkTree() throws {
        let repo = try botRepository()
        try repo.write("Procfile", twoPollers)
        try repo.git("add", "Procfile")
        try repo.write("Procfile", onePoller)

        let staged = try GitIndexSource(path: repo.path)

        #expect(try text(staged, "Procfile") == twoPollers)
        #expect(findingLines(try lint(staged, path: repo.path)) == ["BL101 Procfile:2"])
        #expect(try lint(WorkTreeSource(path: repo.path), path: repo.path).findings.isEmpty)
    }

    @Test func filesRemovedFromTheIndexAndUntrackedFilesAreAbsent() throws {
        let repo = try botRepository()
        try repo.write("old.py")
        try repo.commitAll()
        try repo.git("rm", "-q", "--cached", "old.py")
        try repo.write("untracked.py")

        let listing = try GitIndexSource(path: repo.path).listing()

        #expect(listing.entries.map(\.path) == ["Procfile", "bot.py"])
        #expect(listing.isGit)
        #expect(listing.root == repo.path)
    }

    @Test func worksInARepositoryWithoutCommits() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write("bot.py", pollerSource())
        try repo.write("Procfile", twoPollers)
        try repo.git("add", "-A")

        let staged = try GitIndexSource(path: repo.path)

        #expect(findingLines(try lint(staged, path: repo.path)) == ["BL101 Procfile:2"])
        let empty = try SourceScratchFolder()
        try empty.git("init", "-q")
        let nothing = try GitIndexSource(path: empty.path).listing()
        #expect(nothing.entries.isEmpty)
        #expect(nothing.notes.map(\.message) == ["nothing is staged here"])
    }

    @Test func scopesToTheSubfolderWithPathsFromTheRoot() throws {
        let repo = try botRepository()
        try repo.write("bots/main.py")
        try repo.write("botsextra/other.py")
        try repo.git("add", "-A")

        let listing = try GitIndexSource(path: repo.url("bots")).listing()

        #expect(listing.scope == "bots")
        #expect(listing.entries.map(\.path) == ["bots/main.py"])
    }

    @Test func readsALinkedWorktreesOwnIndex() throws {
        let scratch = try SourceScratchFolder()
        try scratch.git("init", "-q", "main")
        try scratch.write("main/bot.py", pollerSource())
        try scratch.write("main/Procfile", onePoller)
        try scratch.git("-C", "main", "add", "-A")
        try scratch.git("-C", "main", "commit", "-q", "-m", "c")
        try scratch.git("-C", "main", "worktree", "add", "-q", "-b", "feature", "../linked")
        try scratch.write("linked/Procfile", twoPollers)
        try scratch.git("-C", "linked", "add", "Procfile")

        let linked = try GitIndexSource(path: scratch.url("linked"))
        let main = try GitIndexSource(path: scratch.url("main"))

        #expect(try linked.listing().root == scratch.url("linked"))
        #expect(findingLines(try lint(linked, path: scratch.url("linked"))) == ["BL101 Procfile:2"])
        #expect(try lint(main, path: scratch.url("main")).findings.isEmpty)
    }

    @Test func leavesOutSymlinksSubmodulesAndIntentToAddPlaceholders() throws {
        let repo = try botRepository()
        try repo.symlink("link.py", to: "/etc/passwd")
        let head = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("update-index", "--add", "--cacheinfo", "160000,\(head),libs/sub")
        try repo.write("later.py")
        try repo.git("add", "link.py")
        try repo.git("add", "-N", "later.py")

        let listing = try GitIndexSource(path: repo.path).listing()

        #expect(listing.entries.map(\.path) == ["Procfile", "bot.py"])
    }

    @Test func appliesTheSizeLimitAndSkipsBinaryBlobs() throws {
        let repo = try botRepository()
        try repo.write("big.py", String(repeating: "x = 1\n", count: 400))
        try repo.write("image.py", bytes: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0x0A])
        try repo.write("run.sh", "#!/bin/sh\npython bot.py\n", executable: true)
        try repo.git("add", "-A")

        let staged = try GitIndexSource(path: repo.path)
        let listing = try staged.listing()

        guard case .skipped(let note) = staged.read(FileEntry(path: "big.py"), in: listing, maxBytes: 1024) else {
            Issue.record("a blob over the limit was read")
            return
        }
        #expect(note == Note(path: "big.py", message: "skipped: 2.3 KB is over the 1 KB limit"))
        guard case .skipped(nil) = staged.read(FileEntry(path: "image.py"), in: listing, maxBytes: 1024) else {
            Issue.record("a binary blob was read or noted")
            return
        }
        #expect(listing.entries.first { $0.path == "run.sh" }?.isExecutable == true)
    }

    @Test func readsBlobsOnManyThreadsAtOnce() throws {
        let repo = try botRepository()
        for i in 0..<50 { try repo.write("bots/bot\(i).py", pollerSource(token: "TOKEN_\(i)")) }
        try repo.git("add", "-A")
        let staged = try GitIndexSource(path: repo.path)
        let listing = try staged.listing()
        let read = ResultSlots<String>(count: 200)
        DispatchQueue.concurrentPerform(iterations: 200) { i in
            if case .file(let file) = staged.read(FileEntry(path: "bots/bot\(i % 50).py"), in: listing, maxBytes: 1 << 20) {
                read[i] = file.text
            }
        }
        #expect((0..<200).allSatisfy { read.values[$0] == pollerSource(token: "TOKEN_\($0 % 50)") })
    }

    @Test func overlappingReadsBorrowSeparateObjectDatabases() throws {
        let repo = try botRepository()
        guard case .found(let repository) = GitRepository.discover(containing: repo.path) else {
            Issue.record("the scratch repository did not open")
            return
        }
        let databases = ObjectDatabases(repository: repository)
        let (outer, inner, again) = databases.withDatabase { outer in
            let inner = databases.withDatabase { $0 }
            return (outer, inner, databases.withDatabase { $0 })
        }
        #expect(outer != nil && inner != nil)
        // libgit2 serialises reads through one database, so a second reader gets its own...
        #expect(outer != inner)
        // ...and a database given back is lent again rather than another being opened.
        #expect(again == inner)
    }

    @Test func notesUnresolvedMergeConflicts() throws {
        let repo = try botRepository()
        #expect(!(try repo.mergeConflicting("Procfile", main: "worker: python bot.py --main\n",
                                            other: "worker: python bot.py --other\n")))

        let listing = try GitIndexSource(path: repo.path).listing()

        #expect(listing.entries.map(\.path) == ["bot.py"])
        #expect(listing.notes.map(\.path) == ["Procfile"])
        #expect(listing.notes.first?.message.hasPrefix("unresolved merge conflict") == true)
    }

    @Test func readsTheIndexGitNamesForAHookButOnlyInsideTheRepository() throws {
        let repo = try botRepository()
        try FileManager.default.copyItem(atPath: repo.url(".git/index"), toPath: repo.url(".git/next-index.lock"))
        try FileManager.default.copyItem(atPath: repo.url(".git/index"), toPath: repo.url("outside.index"))
        try repo.write("Procfile", twoPollers)
        try repo.git("add", "Procfile")

        let temporary = try GitIndexSource(path: repo.path, indexFile: repo.url(".git/next-index.lock"))
        let foreign = try GitIndexSource(path: repo.path, indexFile: repo.url("outside.index"))

        #expect(try text(temporary, "Procfile") == onePoller)
        #expect(try text(foreign, "Procfile") == twoPollers)
    }

    @Test func outsideARepositoryIsAnError() throws {
        let folder = try SourceScratchFolder()
        #expect(throws: FileSourceError.self) { try GitIndexSource(path: folder.path) }
    }
}

@Suite struct GitRevisionSourceTests {
    @Test func readsTheRevisionsTreeNotTheWorkTree() throws {
        let repo = try botRepository()
        try repo.write("bots/extra.py")
        try repo.write("Procfile", twoPollers)
        try repo.commitAll()
        try repo.write("Procfile", "worker: python bot.py --edited\n")

        let previous = try GitRevisionSource(path: repo.path, revision: "HEAD~1")
        let latest = try GitRevisionSource(path: repo.path, revision: "main")

        #expect(try previous.listing().entries.map(\.path) == ["Procfile", "bot.py"])
        #expect(try text(previous, "Procfile") == onePoller)
        #expect(try text(latest, "Procfile") == twoPollers)
        #expect(previous.resolvedID.count == 12)
        #expect(try GitRevisionSource(path: repo.url("bots"), revision: "HEAD").listing().entries.map(\.path)
                == ["bots/extra.py"])
        #expect(try GitRevisionSource(path: repo.url("bots"), revision: "HEAD~1").listing().entries.isEmpty)
    }

    @Test func anUnknownRevisionThrowsLibgit2sMessage() throws {
        let repo = try botRepository()
        #expect {
            try GitRevisionSource(path: repo.path, revision: "no-such-branch")
        } throws: { error in
            String(describing: error) == "revision 'no-such-branch': revspec 'no-such-branch' not found"
        }
    }

    @Test func keepsOnlyFindingsAbsentAtTheRevision() throws {
        let repo = try botRepository()
        try repo.write("Procfile", twoPollers)
        try repo.commitAll()
        try repo.write("other.py", pollerSource(token: "OTHER_TOKEN"))
        try repo.write("Procfile", "# bots\n" + twoPollers + "other: python other.py\nother2: python other.py\n")

        let current = try lint(WorkTreeSource(path: repo.path), path: repo.path)
        let baseline = try lint(GitRevisionSource(path: repo.path, revision: "HEAD"), path: repo.path)
        let new = RevisionComparison.newFindings(in: current, comparedTo: baseline, revision: "HEAD")

        #expect(findingLines(current) == ["BL101 Procfile:3", "BL101 Procfile:5"])
        #expect(findingLines(new) == ["BL101 Procfile:5"])
        #expect(new.fingerprints.count == 1)
        #expect(new.notes.map(\.message) == ["1 finding already present at HEAD is not shown"])
    }
}

/// `botlint --staged`, `--since`, `install-hook` and `uninstall-hook` through the built binary,
/// with commits made by the real git so the hooks really run.
@Suite("Git workflows on the command line")
struct GitWorkflowCLITests {
    /// No user or system git config (libgit2 reads HOME), and a PATH without botlint, so the
    /// hook falls back to the binary that installed it: the one under test.
    static func environment(_ repo: SourceScratchFolder) -> [String: String] {
        ["HOME": repo.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
         "XDG_CONFIG_HOME": repo.path, "PATH": "/usr/bin:/bin"]
    }

    static func botlint(_ arguments: [String], _ repo: SourceScratchFolder) throws -> CLITests.Run {
        try CLITests.run(arguments, environment: environment(repo))
    }

    /// Runs git in `folder` (relative to the scratch folder) without throwing on failure.
    static func git(_ repo: SourceScratchFolder, in folder: String = "", _ arguments: [String],
                    extraEnvironment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Foundation.Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-c", "user.name=t", "-c", "user.email=t@t"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: repo.url(folder))
        process.environment = ProcessInfo.processInfo.environment.merging(environment(repo)) { _, new in new }
            .merging(extraEnvironment) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func commit(_ repo: SourceScratchFolder, in folder: String = "", _ arguments: [String] = []) throws
        -> (status: Int32, output: String) {
        try git(repo, in: folder, ["commit", "-q", "-m", "change"] + arguments)
    }

    static func isExecutable(_ path: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: path)
    }

    @Test func stagedAndSinceExitCodes() throws {
        let repo = try botRepository()
        try repo.write("Procfile", twoPollers)
        try repo.git("add", "Procfile")
        try repo.write("Procfile", onePoller)

        #expect(try Self.botlint([repo.path], repo).status == 0)
        let staged = try Self.botlint(["--staged", repo.path], repo)
        #expect(staged.status == 1)
        #expect(staged.stdout.contains("Procfile:2:6: error"))
        try repo.git("commit", "-q", "-m", "two pollers")

        let since = try Self.botlint(["--staged", "--since", "HEAD", repo.path], repo)
        #expect(since.status == 0)
        #expect(since.stdout.contains("1 finding already present at HEAD ("))
        #expect(try Self.botlint(["--staged", "--since", "HEAD~1", repo.path], repo).status == 1)

        let unknown = try Self.botlint(["--since", "nope", repo.path], repo)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "botlint: error: revision 'nope': revspec 'nope' not found\n")
        #expect(try Self.botlint(["--no-git", "--staged", repo.path], repo).status == 2)
        let plain = try SourceScratchFolder()
        let outside = try Self.botlint(["--staged", plain.path], plain)
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("is not in a git repository"))
    }

    @Test func installsIdempotentlyAndTheHookRefusesAConflictingCommit() throws {
        let repo = try botRepository()
        let hook = repo.url(".git/hooks/pre-commit")

        let first = try Self.botlint(["install-hook", repo.path], repo)
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("Installed the botlint pre-commit hook: \(hook)\n"))
        #expect(Self.isExecutable(hook))
        let written = try String(contentsOfFile: hook, encoding: .utf8)
        let again = try Self.botlint(["install-hook", repo.path], repo)
        #expect(again.stdout.hasPrefix("Updated the botlint pre-commit hook"))
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == written)
        #expect(written.contains(PreCommitHook.marker))

        try repo.write("Procfile", twoPollers)
        try repo.git("add", "Procfile")
        let refused = try Self.commit(repo)
        #expect(refused.status == 1)
        #expect(refused.output.contains("BL101 two-pollers"))
        try repo.git("reset", "-q", "Procfile")
        // `git commit -a` stages into a temporary index that git names in GIT_INDEX_FILE.
        let all = try Self.commit(repo, ["-a"])
        #expect(all.status == 1)
        #expect(all.output.contains("BL101 two-pollers"))
        try repo.write("Procfile", onePoller + "release: python migrate.py\n")
        let clean = try Self.commit(repo, ["-a"])
        #expect(clean.status == 0)
        #expect(clean.output.contains("No conflicts found"))
    }

    @Test func refusesAForeignHookAndChainsItOnRequest() throws {
        let repo = try botRepository()
        let hook = repo.url(".git/hooks/pre-commit")
        let foreign = "#!/bin/sh\necho foreign hook ran >> \"$(git rev-parse --show-toplevel)/.git/foreign.log\"\nexit ${FOREIGN_STATUS:-0}\n"
        try repo.write(".git/hooks/pre-commit", foreign, executable: true)

        let refused = try Self.botlint(["install-hook", repo.path], repo)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is not botlint's hook and was left alone; rerun with --chain"))
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == foreign)

        let chained = try Self.botlint(["install-hook", "--chain", repo.path], repo)
        #expect(chained.status == 0)
        #expect(chained.stdout.contains("The existing hook moved to \(repo.url(".git/hooks/pre-commit.botlint-chained")) and runs first."))
        #expect(try String(contentsOfFile: repo.url(".git/hooks/pre-commit.botlint-chained"), encoding: .utf8) == foreign)
        #expect(try Self.botlint(["install-hook", "--chain", repo.path], repo).stdout.hasPrefix("Updated"))

        try repo.write("Procfile", onePoller + "release: python migrate.py\n")
        #expect(try Self.commit(repo, ["-a"]).status == 0)
        #expect(try String(contentsOfFile: repo.url(".git/foreign.log"), encoding: .utf8) == "foreign hook ran\n")
        try repo.write("Procfile", onePoller)
        let failing = try Self.git(repo, ["commit", "-q", "-a", "-m", "x"], extraEnvironment: ["FOREIGN_STATUS": "3"])
        #expect(failing.status == 1)
        // The chained hook's own status comes out of botlint's hook unchanged.
        let direct = try Self.git(repo, ["hook", "run", "pre-commit"],
                                  extraEnvironment: ["FOREIGN_STATUS": "3"])
        #expect(direct.status == 3)
        #expect(!direct.output.contains("No conflicts found"))

        let removed = try Self.botlint(["uninstall-hook", repo.path], repo)
        #expect(removed.stdout == "Removed the botlint pre-commit hook; the chained hook is back at \(hook)\n")
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == foreign)
        #expect(Self.isExecutable(hook))
        #expect(!FileManager.default.fileExists(atPath: repo.url(".git/hooks/pre-commit.botlint-chained")))
        let leftAlone = try Self.botlint(["uninstall-hook", repo.path], repo)
        #expect(leftAlone.stdout == "\(hook) is not botlint's hook; left alone.\n")
    }

    @Test func uninstallRemovesTheHookAndIsIdempotent() throws {
        let repo = try botRepository()
        _ = try Self.botlint(["install-hook", repo.path], repo)
        let removed = try Self.botlint(["uninstall-hook", repo.path], repo)
        #expect(removed.stdout == "Removed the botlint pre-commit hook: \(repo.url(".git/hooks/pre-commit"))\n")
        #expect(!FileManager.default.fileExists(atPath: repo.url(".git/hooks/pre-commit")))
        let nothing = try Self.botlint(["uninstall-hook", repo.path], repo)
        #expect(nothing.status == 0)
        #expect(nothing.stdout.hasPrefix("No pre-commit hook at"))
        let plain = try SourceScratchFolder()
        #expect(try Self.botlint(["install-hook", plain.path], plain).status == 2)
    }

    @Test func installsIntoCoreHooksPathResolvedAgainstTheWorkTree() throws {
        let repo = try botRepository()
        try repo.git("config", "core.hooksPath", ".githooks")
        try repo.write("bots/readme.txt", "bots\n")

        let installed = try Self.botlint(["install-hook", repo.url("bots")], repo)

        #expect(installed.stdout.hasPrefix("Installed the botlint pre-commit hook: \(repo.url(".githooks/pre-commit"))\n"))
        #expect(!FileManager.default.fileExists(atPath: repo.url(".git/hooks/pre-commit")))
        try repo.write("Procfile", twoPollers)
        let refused = try Self.commit(repo, in: "bots", ["-a"])
        #expect(refused.status == 1)
        #expect(refused.output.contains("BL101 two-pollers"))

        let absolute = try SourceScratchFolder()
        try repo.git("config", "core.hooksPath", absolute.url("shared-hooks"))
        #expect(try Self.botlint(["install-hook", repo.path], repo).stdout
                .hasPrefix("Installed the botlint pre-commit hook: \(absolute.url("shared-hooks/pre-commit"))\n"))
    }

    @Test func aLinkedWorktreeUsesTheSharedHooksFolder() throws {
        let scratch = try SourceScratchFolder()
        try scratch.git("init", "-q", "main")
        try scratch.write("main/bot.py", pollerSource())
        try scratch.write("main/Procfile", onePoller)
        try scratch.git("-C", "main", "add", "-A")
        try scratch.git("-C", "main", "commit", "-q", "-m", "c")
        try scratch.git("-C", "main", "worktree", "add", "-q", "-b", "feature", "../linked")

        let installed = try Self.botlint(["install-hook", scratch.url("linked")], scratch)

        #expect(installed.stdout.hasPrefix("Installed the botlint pre-commit hook: \(scratch.url("main/.git/hooks/pre-commit"))\n"))
        try scratch.write("linked/Procfile", twoPollers)
        let refused = try Self.commit(scratch, in: "linked", ["-a"])
        #expect(refused.status == 1)
        #expect(refused.output.contains("BL101 two-pollers"))
        try scratch.write("linked/Procfile", onePoller + "release: python migrate.py\n")
        #expect(try Self.commit(scratch, in: "linked", ["-a"]).status == 0)
    }
}

/// The real pre-commit framework from PyPI, with a `repo: local` hook that runs the built binary
/// (`language: system`). The published `.pre-commit-hooks.yaml` uses `language: swift`, which
/// makes pre-commit build botlint in release mode from a clone: 8 minutes on a busy 2-core
/// machine, too slow for the test suite, so that path was checked by hand (see the README).
@Suite("pre-commit framework", .serialized)
struct PreCommitFrameworkTests {
    /// `pre-commit`, installed with pip when missing; nil when pip cannot reach PyPI.
    static let command: [String]? = {
        let probe = ["/usr/bin/env", "python3", "-m", "pre_commit", "--version"]
        if (try? runQuietly(probe)) == 0 { return Array(probe.dropLast()) }
        guard (try? runQuietly(["/usr/bin/env", "python3", "-m", "pip", "install", "-q", "--timeout", "30", "pre-commit"])) == 0,
              (try? runQuietly(probe)) == 0 else { return nil }
        return Array(probe.dropLast())
    }()

    private static func runQuietly(_ arguments: [String]) throws -> Int32 {
        let process = Foundation.Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func thePublishedHookChecksTheWholeStagedTreeOnEveryCommit() throws {
        let manifest = try String(contentsOfFile: RuleCase.repositoryRoot + "/.pre-commit-hooks.yaml", encoding: .utf8)
        let lines = Set(manifest.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for expected in ["- id: botlint", "entry: botlint --staged", "language: swift",
                         "pass_filenames: false", "always_run: true"] {
            #expect(lines.contains(expected), "\(expected)")
        }
    }

    @Test(.enabled(if: command != nil, "pre-commit is not installed and pip could not install it from PyPI"),
          .timeLimit(.minutes(2)))
    func aConflictingCommitIsRefusedWithTheFindings() throws {
        let repo = try botRepository()
        try repo.write(".pre-commit-config.yaml", """
            repos:
              - repo: local
                hooks:
                  - id: botlint
                    name: botlint
                    entry: \(CLITests.binary) --staged
                    language: system
                    pass_filenames: false
                    always_run: true

            """)
        try repo.git("add", ".pre-commit-config.yaml")
        try repo.git("commit", "-q", "-m", "pre-commit config")
        // The full PATH here: pre-commit's own hook script finds python through it.
        let environment = ["PRE_COMMIT_HOME": repo.url(".pre-commit-cache"),
                           "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        try repo.run("/usr/bin/env", ["PRE_COMMIT_HOME=" + repo.url(".pre-commit-cache")] + Self.command! + ["install"])
        try repo.write(".gitignore", ".pre-commit-cache/\n")
        try repo.git("add", ".gitignore")

        try repo.write("Procfile", twoPollers)
        let refused = try GitWorkflowCLITests.git(repo, ["commit", "-q", "-a", "-m", "two pollers"],
                                                  extraEnvironment: environment)
        #expect(refused.status == 1)
        #expect(refused.output.contains("botlint"))
        #expect(refused.output.contains("Failed"))
        #expect(refused.output.contains("BL101 two-pollers"))

        try repo.write("Procfile", onePoller + "release: python migrate.py\n")
        let clean = try GitWorkflowCLITests.git(repo, ["commit", "-q", "-a", "-m", "release"],
                                                extraEnvironment: environment)
        #expect(clean.status == 0)
        #expect(clean.output.contains("Passed"))
    }
}
