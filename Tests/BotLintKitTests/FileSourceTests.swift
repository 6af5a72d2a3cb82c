import Foundation
import Testing
@testable import BotLintKit

private func paths(_ listing: FileListing) -> [String] { listing.entries.map(\.path) }

private func entry(_ listing: FileListing, _ path: String) -> FileEntry? {
    listing.entries.first { $0.path == path }
}

private func readText(_ source: WorkTreeSource, _ listing: FileListing, _ path: String,
                      maxBytes: Int = 1 << 20) -> String? {
    guard case .file(let file) = source.read(FileEntry(path: path), in: listing, maxBytes: maxBytes) else {
        return nil
    }
    return file.text
}

private func isSkippedSilently(_ read: FileRead) -> Bool {
    if case .skipped(nil) = read { return true }
    return false
}

/// A read in a few words, to compare reads.
private func describe(_ read: FileRead) -> String {
    switch read {
    case .file(let file): (file.isExecutable ? "executable file " : "file ") + file.text
    case .skipped(let note): note.map { $0.message } ?? "skipped"
    }
}

private func skipNote(_ read: FileRead) -> Note? {
    if case .skipped(let note) = read { return note }
    return nil
}

@Suite struct WorkTreeGitListingTests {
    @Test func listsTrackedAndUntrackedButNotIgnoredFiles() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write(".gitignore", "*.log\nsecret/\n")
        try repo.write("bot.py")
        try repo.write("forced.log", "tracked although ignored\n")
        try repo.git("add", "-f", "forced.log")
        try repo.commitAll()
        try repo.write("new.py")
        try repo.write("debug.log")
        try repo.write("secret/keys.py")

        let listing = try WorkTreeSource(path: repo.path).listing()

        #expect(listing.isGit)
        #expect(listing.root == repo.path)
        #expect(listing.scope == "")
        #expect(paths(listing) == [".gitignore", "bot.py", "forced.log", "new.py"])
        #expect(listing.notes.isEmpty)
    }

    /// Tracked files are found folder by folder in name order: names that sort around a
    /// subfolder's files, differ only in case, are prefixes of each other or are not ASCII.
    /// All are ignored, so one that was not found as tracked would vanish from the listing.
    @Test func findsEveryTrackedFileWhateverItsName() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write(".gitignore", "*.log\n")
        let names = ["a.log", "a/x.log", "a-b.log", "ab.log", "B.log", "b.log", "bb.log", "b.log.log", "\u{00C4}.log",
                     "z/\u{00E9}t\u{00E9}.log", "z/e\u{0301}t\u{00E9}.log", "gone.log"]
        for name in names { try repo.write(name) }
        try repo.git("add", "-f", ".")
        try repo.commitAll()
        try FileManager.default.removeItem(atPath: repo.url("gone.log"))

        let listing = try WorkTreeSource(path: repo.path).listing()

        // Compared as bytes: String equality would take the composed and decomposed names as one.
        let expected = ([".gitignore"] + names.filter { $0 != "gone.log" }).map { Array($0.utf8) }
        #expect(paths(listing).map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
                == expected.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// The ignore rules git applies to new files: nested `.gitignore` files, `info/exclude`,
    /// folders ignored as a whole even when they hold tracked files, new folders at any depth.
    @Test func newFilesFollowEveryIgnoreRuleGitApplies() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write(".gitignore", "build/\n")
        try repo.write("svc/.gitignore", "*.tmp\n")
        try repo.write("build/keep.py")
        try repo.git("add", "-f", "build/keep.py")
        try repo.write("svc/bot.py")
        try repo.commitAll()
        try repo.write(".git/info/exclude", "local/\n")
        try repo.write("build/new.py")
        try repo.write("svc/scratch.tmp")
        try repo.write("svc/deep/er/new.py")
        try repo.write("local/run.sh")
        try repo.write("other/.env")

        let listing = try WorkTreeSource(path: repo.path).listing()

        #expect(paths(listing) == [".gitignore", "build/keep.py", "other/.env", "svc/.gitignore", "svc/bot.py",
                                   "svc/deep/er/new.py"])
    }

    @Test func scopesToTheSubfolderButKeepsPathsRelativeToTheRoot() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write("Procfile", "worker: python bots/main.py\n")
        try repo.write("bots/main.py")
        try repo.write("bots/lib/util.py")
        try repo.write("botsextra/other.py")
        try repo.commitAll()
        try repo.write("bots/untracked.py")

        let listing = try WorkTreeSource(path: repo.url("bots")).listing()

        #expect(listing.root == repo.path)
        #expect(listing.scope == "bots")
        #expect(paths(listing) == ["bots/lib/util.py", "bots/main.py", "bots/untracked.py"])
    }

    @Test func listsStagedFilesOfARepositoryWithoutCommits() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write("app.py")
        try repo.git("add", "app.py")
        try repo.write("later.py")

        let listing = try WorkTreeSource(path: repo.path).listing()

        #expect(listing.isGit)
        #expect(paths(listing) == ["app.py", "later.py"])
    }

    @Test func saysSoWhenTheEnclosingRepositoryIgnoresTheFolder() throws {
        let home = try SourceScratchFolder()
        try home.git("init", "-q")
        try home.write(".gitignore", "*\n")
        try home.write("projects/bot/bot.py")

        let listing = try WorkTreeSource(path: home.url("projects/bot")).listing()

        #expect(listing.isGit)
        #expect(listing.entries.isEmpty)
        #expect(listing.notes.map(\.message) == [
            "git lists no files here: the folder is empty or ignored by the repository at \(home.path)",
        ])
    }

    @Test func dropsTrackedFilesDeletedFromTheWorkTree() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write("kept.py")
        try repo.write("gone.py")
        try repo.commitAll()
        try repo.remove("gone.py")

        #expect(paths(try WorkTreeSource(path: repo.path).listing()) == ["kept.py"])
    }

    @Test func listsSkipWorktreeFilesOnlyWhenTheyAreInTheWorkTree() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write("config.py", "TOKEN = 'x'\n")
        try repo.write("sparse/bot.py")
        try repo.commitAll()
        try repo.git("update-index", "--skip-worktree", "config.py", "sparse/bot.py")
        try repo.write("config.py", "TOKEN = 'local'\n")
        try repo.remove("sparse")

        #expect(paths(try WorkTreeSource(path: repo.path).listing()) == ["config.py"])
    }

    @Test func walksABareRepositoryAsAPlainFolder() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q", "--bare")

        let listing = try WorkTreeSource(path: repo.path).listing()

        #expect(!listing.isGit)
        #expect(paths(listing).contains("HEAD"))
        #expect(listing.notes.isEmpty)
    }

    @Test(.enabled(if: geteuid() == 0, "only root can give the repository to another user"))
    func usesGitForARepositoryOwnedByAnotherUser() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write("bot.py")
        try repo.write(".gitignore", "*.log\n")
        try repo.write("debug.log")
        try repo.commitAll()
        try repo.run("/bin/chown", ["-R", "65534:65534", repo.path])

        let listing = try WorkTreeSource(path: repo.path).listing()

        #expect(listing.isGit)
        #expect(paths(listing) == [".gitignore", "bot.py"])
    }

    @Test func takesTheExecutableBitFromTheIndexOrTheUntrackedFile() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write("start.sh", "#!/bin/sh\n", executable: true)
        try repo.write("plain.sh", "#!/bin/sh\n")
        try repo.commitAll()
        try repo.write("new.sh", "#!/bin/sh\n", executable: true)

        let listing = try WorkTreeSource(path: repo.path).listing()

        #expect(entry(listing, "start.sh")?.isExecutable == true)
        #expect(entry(listing, "plain.sh")?.isExecutable == false)
        #expect(entry(listing, "new.sh")?.isExecutable == true)
    }

    @Test func skipsSubmodulesAndNestedRepositories() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write("main.py")
        try repo.commitAll()
        let head = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("update-index", "--add", "--cacheinfo", "160000,\(head),libs/sub")
        try repo.makeFolder("nested")
        try repo.run("/usr/bin/git", ["init", "-q", repo.url("nested")])
        try repo.write("nested/inner.py")

        #expect(paths(try WorkTreeSource(path: repo.path).listing()) == ["main.py"])
    }

    @Test func dropsCommittedDependencyTreesButKeepsBuildOutput() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write("bot.py")
        try repo.write("node_modules/telegraf/index.js", "bot.launch()\n")
        try repo.write("myenv/pyvenv.cfg", "home = /usr/bin\n")
        try repo.write("myenv/lib/python3.12/telegram/ext/app.py")
        try repo.write("dist/index.js", "bot.launch()\n")
        try repo.commitAll()

        #expect(paths(try WorkTreeSource(path: repo.path).listing()) == ["bot.py", "dist/index.js"])
    }

    @Test func corruptIndexFallsBackToTheWalkWithANote() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write("bot.py")
        try repo.write("ignored.log")
        try repo.write(".gitignore", "*.log\n")
        try repo.commitAll()
        try repo.write(".git/index", bytes: Array("DIRC this is not an index".utf8) + [0, 1, 2, 3])

        let listing = try WorkTreeSource(path: repo.path).listing()

        #expect(!listing.isGit)
        #expect(paths(listing) == [".gitignore", "bot.py", "ignored.log"])
        #expect(listing.notes.count == 1)
        #expect(listing.notes.first?.message.hasPrefix("git could not be used (reading the index: ") == true)
    }
}

@Suite struct WorkTreeWalkTests {
    @Test func walksAFolderOutsideGitWithoutDependenciesCachesAndBuildOutput() throws {
        let folder = try SourceScratchFolder()
        try folder.write("app.py")
        try folder.write("src/bot.py")
        try folder.write("env/settings.py")
        try folder.write("node_modules/grammy/mod.js")
        try folder.write(".venv/lib/site.py")
        try folder.write("venv/pyvenv.cfg", "home = /usr/bin\n")
        try folder.write("venv/lib/python3.12/site-packages/aiogram/x.py")
        try folder.write("src/__pycache__/bot.cpython-312.pyc")
        try folder.write("dist/index.js")
        try folder.write(".build-source/debug/x.swift")
        try folder.write(".git", "gitdir: /elsewhere\n")

        let listing = try WorkTreeSource(path: folder.path).listing()

        #expect(!listing.isGit)
        #expect(listing.root == folder.path)
        #expect(listing.scope == "")
        #expect(paths(listing) == ["app.py", "env/settings.py", "src/bot.py"])
        #expect(listing.notes.isEmpty)
    }

    @Test func scanningAVirtualenvItselfStillListsIt() throws {
        let folder = try SourceScratchFolder()
        try folder.write("pyvenv.cfg", "home = /usr/bin\n")
        try folder.write("bot.py")

        #expect(paths(try WorkTreeSource(path: folder.path).listing()) == ["bot.py", "pyvenv.cfg"])
    }

    @Test func symlinkLoopsDoNotHangTheWalk() throws {
        let folder = try SourceScratchFolder()
        try folder.write("bot.py")
        try folder.symlink("self", to: ".")
        try folder.symlink("a", to: "b")
        try folder.symlink("b", to: "a")

        let source = WorkTreeSource(path: folder.path)
        let listing = try source.listing()

        #expect(paths(listing) == ["a", "b", "bot.py", "self"])
        for path in ["a", "b", "self"] {
            #expect(isSkippedSilently(source.read(FileEntry(path: path), in: listing, maxBytes: 1024)))
        }
    }

    @Test func stopsAtTheEntryLimitWithANote() throws {
        let folder = try SourceScratchFolder()
        for index in 0..<5 { try folder.write("f\(index).py") }

        let result = DirectoryWalker(root: folder.path, limits: ListingLimits(maxEntries: 3, maxDepth: 64)).walk()

        #expect(result.entries.count == 3)
        #expect(result.notes.map(\.message) == ["listing cut at 3 files (the rest is not checked)"])
    }

    @Test func stopsAtTheDepthLimitWithANote() throws {
        let folder = try SourceScratchFolder()
        try folder.write("a/b/c/deep.py")
        try folder.write("a/shallow.py")

        let result = DirectoryWalker(root: folder.path, limits: ListingLimits(maxEntries: 100, maxDepth: 2)).walk()

        #expect(result.entries.map(\.path) == ["a/shallow.py"])
        #expect(result.notes == [Note(path: "a/b", message: "folders nested deeper than 2 levels are not scanned")])
    }
}

@Suite struct WorkTreeArgumentTests {
    @Test func missingPathIsAnError() {
        #expect(throws: FileSourceError.self) {
            try WorkTreeSource(path: "/nonexistent/botlint/\(UUID().uuidString)").listing()
        }
    }

    @Test func aSingleFileIsRefused() throws {
        let folder = try SourceScratchFolder()
        try folder.write("bot.py")
        do {
            _ = try WorkTreeSource(path: folder.url("bot.py")).listing()
            Issue.record("expected an error")
        } catch let error as FileSourceError {
            #expect(error.description.contains("botlint scans a folder"))
        }
    }
}

@Suite struct WorkTreeReadTests {
    @Test func readsListedFilesWithTheirExecutableBit() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write("run.sh", "#!/bin/sh\npython bot.py\n", executable: true)
        try repo.commitAll()
        let source = WorkTreeSource(path: repo.path)
        let listing = try source.listing()

        guard case .file(let file) = source.read(try #require(entry(listing, "run.sh")), in: listing, maxBytes: 1024)
        else {
            Issue.record("run.sh was not read")
            return
        }
        #expect(file.path == "run.sh")
        #expect(file.isExecutable)
        #expect(file.text == "#!/bin/sh\npython bot.py\n")
    }

    @Test(arguments: [true, false])
    func symlinksOutOfTheRootAreNeverRead(inGit: Bool) throws {
        let folder = try SourceScratchFolder()
        if inGit { try folder.git("init", "-q") }
        try folder.write("real.py", "inside\n")
        try folder.symlink("passwd", to: "/etc/passwd")
        try folder.symlink("inside.py", to: "real.py")
        try folder.makeFolder("sub")
        try folder.symlink("sub/up", to: "../..")
        let source = WorkTreeSource(path: folder.path)
        let listing = try source.listing()

        #expect(paths(listing).contains("passwd"))
        #expect(isSkippedSilently(source.read(FileEntry(path: "passwd"), in: listing, maxBytes: 1 << 20)))
        #expect(readText(source, listing, "sub/up/etc/passwd") == nil)
        #expect(readText(source, listing, "inside.py") == "inside\n")
    }

    @Test(arguments: [true, false])
    func fifosAreNeverOpened(inGit: Bool) throws {
        let folder = try SourceScratchFolder()
        if inGit { try folder.git("init", "-q") }
        try folder.write("bot.py")
        try folder.run("/usr/bin/mkfifo", [folder.url("pipe")])
        try folder.symlink("to-pipe", to: "pipe")
        let source = WorkTreeSource(path: folder.path)
        let listing = try source.listing()

        for name in ["pipe", "to-pipe"] {
            #expect(isSkippedSilently(source.read(FileEntry(path: name), in: listing, maxBytes: 1024)))
        }
        #expect(readText(source, listing, "bot.py") != nil)
    }

    @Test(arguments: [true, false])
    func readingInListingOrderGivesWhatSingleReadsGive(inGit: Bool) throws {
        let folder = try SourceScratchFolder()
        if inGit { try folder.git("init", "-q") }
        try folder.write("a/one.py", "one\n")
        try folder.write("a/two.sh", "#!/bin/sh\n", executable: true)
        try folder.write("b/three.py", "three\n")
        try folder.write("real/x.py", "x\n")
        try folder.write("big.json", String(repeating: "x", count: 5000))
        try folder.write("logo.png", bytes: [0x89, 0x50, 0x00])
        try folder.symlink("alias", to: "real")
        try folder.symlink("out", to: "/etc")
        try folder.symlink("passwd", to: "/etc/passwd")
        try folder.makeFolder("sub")
        try folder.symlink("sub/up", to: "../..")
        try folder.run("/usr/bin/mkfifo", [folder.url("pipe")])
        let source = WorkTreeSource(path: folder.path)
        let listing = try source.listing()
        let paths = ["a/gone.py", "a/one.py", "a/two.sh", "alias/x.py", "b/three.py", "big.json", "logo.png",
                     "missing/x.py", "out/passwd", "passwd", "pipe", "real/x.py", "sub/up/etc/passwd"]
        let entries = paths.map { FileEntry(path: $0, isExecutable: $0.hasSuffix(".sh")) }

        let reader = source.sequentialReader(in: listing, maxBytes: 4096)
        let inOrder = entries.map { describe(reader.read($0)) }
        let single = entries.map { describe(source.read($0, in: listing, maxBytes: 4096)) }

        #expect(inOrder == single)
        #expect(Dictionary(uniqueKeysWithValues: zip(paths, inOrder)) == [
            "a/gone.py": "skipped", "a/one.py": "file one\n", "a/two.sh": "executable file #!/bin/sh\n",
            "alias/x.py": "file x\n", "b/three.py": "file three\n",
            "big.json": "skipped: 4.9 KB is over the 4 KB limit",
            "logo.png": "skipped: binary content (a NUL byte in the first 8 KB)", "missing/x.py": "skipped",
            "out/passwd": "skipped", "passwd": "skipped", "pipe": "skipped", "real/x.py": "file x\n",
            "sub/up/etc/passwd": "skipped",
        ])
    }

    @Test func filesOverTheLimitAreSkippedWithANote() throws {
        let folder = try SourceScratchFolder()
        try folder.write("big.json", String(repeating: "x", count: 12_700))
        let source = WorkTreeSource(path: folder.path)
        let listing = try source.listing()

        let note = skipNote(source.read(FileEntry(path: "big.json"), in: listing, maxBytes: 4096))

        #expect(note == Note(path: "big.json", message: "skipped: 12.4 KB is over the 4 KB limit"))
        #expect(readText(source, listing, "big.json", maxBytes: 12_700) != nil)
    }

    @Test func binaryAndUTF16FilesAreSkippedWithTheReason() throws {
        let folder = try SourceScratchFolder()
        try folder.write("logo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x1A])
        try folder.write("late-nul.txt", bytes: Array(repeating: 0x41, count: 9000) + [0])
        try folder.write("Procfile", bytes: [0xFF, 0xFE] + "web: python bot.py\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let source = WorkTreeSource(path: folder.path)
        let listing = try source.listing()

        #expect(skipNote(source.read(FileEntry(path: "logo.png"), in: listing, maxBytes: 1 << 20))?.message
            == "skipped: binary content (a NUL byte in the first 8 KB)")
        #expect(skipNote(source.read(FileEntry(path: "Procfile"), in: listing, maxBytes: 1 << 20))?.message
            == "skipped: UTF-16 text (the tools that read this file expect UTF-8)")
        #expect(readText(source, listing, "late-nul.txt") != nil)
    }

    @Test func missingEntriesAreSkippedSilently() throws {
        let folder = try SourceScratchFolder()
        let source = WorkTreeSource(path: folder.path)
        let listing = try source.listing()

        #expect(isSkippedSilently(source.read(FileEntry(path: "gone.py"), in: listing, maxBytes: 1024)))
    }

    @Test(.enabled(if: geteuid() != 0, "root reads files whatever their mode"))
    func unreadableFilesGiveANote() throws {
        let folder = try SourceScratchFolder()
        try folder.write("secret.py")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: folder.url("secret.py"))
        let source = WorkTreeSource(path: folder.path)
        let listing = try source.listing()

        let note = skipNote(source.read(FileEntry(path: "secret.py"), in: listing, maxBytes: 1024))

        #expect(note == Note(path: "secret.py", message: "skipped: permission denied"))
    }
}

@Suite struct ByteCountTextTests {
    @Test func sizesUseBinaryUnitsWithOneDecimal() {
        #expect(ByteCountText.size(1) == "1 byte")
        #expect(ByteCountText.size(812) == "812 bytes")
        #expect(ByteCountText.size(4 << 20) == "4 MB")
        #expect(ByteCountText.size(12_897_484) == "12.3 MB")
    }

    @Test func numbersAreGroupedByThousands() {
        #expect(ByteCountText.grouped(200_000) == "200,000")
        #expect(ByteCountText.grouped(999) == "999")
        #expect(ByteCountText.grouped(1_234_567) == "1,234,567")
    }
}

/// Guards against gross slowdowns (per-file process or Foundation work). Measured separately:
/// 20,000 files list in a few tens of milliseconds in a release build, like `find` or
/// `git status`. The test uses 2,000 files because creating them dominates its run time.
@Suite struct WorkTreeScaleTests {
    @Test func listsThousandsOfFilesQuickly() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write("tracked.py")
        try repo.commitAll()
        // Untracked files go through the same status scan as tracked ones, without the time
        // `git add` would spend hashing thousands of blobs.
        for folder in 0..<20 {
            try repo.makeFolder("pkg\(folder)")
            for file in 0..<100 {
                try Data("x = 1\n".utf8).write(to: URL(fileURLWithPath: repo.url("pkg\(folder)/m\(file).py")))
            }
        }
        // Speed is measured by bench/; here both listings must be complete and agree.
        let listing = try WorkTreeSource(path: repo.path).listing()
        let walked = DirectoryWalker(root: repo.path).walk().entries
        #expect(listing.entries.count == 2_001)
        #expect(walked.count == 2_001)
        #expect(listing.entries.map(\.path) == walked.map(\.path))
    }
}

/// The git listing's order and contents do not depend on how it was computed: tracked files
/// come from the index in byte order (case-insensitive with `core.ignorecase`), new files are
/// merged in, and folders listed ahead of the walk change nothing.
@Suite struct GitListingAssemblyTests {
    private static func lister(_ repo: SourceScratchFolder, prefetching: Bool) throws -> GitWorkTreeLister {
        guard case .found(let repository) = GitRepository.discover(containing: repo.path) else {
            throw SourceScratchError(description: "no repository at \(repo.path)")
        }
        var lister = GitWorkTreeLister(repository: repository, root: repo.path, scope: "")
        lister.prefetchesFolders = prefetching
        return lister
    }

    @Test(arguments: [(ignoreCase: false, ascii: true), (ignoreCase: false, ascii: false),
                      (ignoreCase: true, ascii: true), (ignoreCase: true, ascii: false)])
    func listingIsInPathOrder(ignoreCase: Bool, ascii: Bool) throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.git("config", "core.ignorecase", ignoreCase ? "true" : "false")
        var tracked = ["B.py", "a.py", "a/b.py", "a-b.py", "ab/c.py", "z.py", "Z/y.py"]
        if !ascii { tracked += ["\u{00C4}.py", "e\u{0301}t\u{00E9}.py", "zz/\u{00E9}.py"] }
        for name in tracked { try repo.write(name) }
        try repo.commitAll()
        let untracked = ["0.py", "a/a.py", "a/c.py", "aa.py", "b.py", "zz/new.py", "~.py"]
        for name in untracked { try repo.write(name) }

        let listing = try WorkTreeSource(path: repo.path).listing()

        #expect(paths(listing) == (tracked + untracked).sorted())
    }

    @Test func foldersListedAheadChangeNothing() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write(".gitignore", "build/\nnode_modules/\n*.log\n")
        for index in 0..<40 { try repo.write("svc\(index % 4)/mod\(index)/bot\(index).py") }
        try repo.write("build/keep.py")
        try repo.git("add", "-f", "build/keep.py")
        try repo.write("deleted/old.py")
        try repo.commitAll()
        try repo.remove("deleted")
        try repo.write("build/new.py")
        try repo.write("node_modules/x/index.js")
        try repo.write("svc1/new.py")
        try repo.write("svc2/debug.log")
        try repo.write("fresh/deep/er/run.sh", "#!/bin/sh\n", executable: true)
        try repo.write("odd\u{0001}name.py")
        // Not UTF-8: left out, as it could not be named in a report.
        let rawName = Array((repo.path + "/x").utf8) + [0xFF] + Array(".py".utf8) + [0]
        let descriptor = rawName.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
        #expect(descriptor >= 0)
        close(descriptor)
        try repo.symlink("linked", to: repo.url("svc0"))
        try repo.makeFolder("nested")
        try repo.run("/usr/bin/git", ["init", "-q", repo.url("nested")])
        try repo.write("nested/inner.py")

        let prefetched = try Self.lister(repo, prefetching: true).entries()
        let walked = try Self.lister(repo, prefetching: false).entries()

        #expect(prefetched.entries == walked.entries)
        #expect(prefetched.notes == walked.notes)
        #expect(walked.entries.contains(FileEntry(path: "fresh/deep/er/run.sh", isExecutable: true)))
        #expect(walked.entries.contains(FileEntry(path: "build/keep.py")))
        #expect(!walked.entries.contains { $0.path.hasPrefix("deleted/") || $0.path.hasPrefix("build/new") })
        #expect(walked.entries.count == 40 + 6)
    }

    @Test func prefetchListsFoldersAsTheWalkWouldReadThem() throws {
        let folder = try SourceScratchFolder()
        try folder.write("a/b/c.py")
        try folder.write("a/d.py")
        try folder.write("node_modules/x/index.js")
        try folder.write(".git/HEAD", "ref: refs/heads/main\n")

        let listed = DirectoryPrefetch(root: folder.path, scope: "", maxDepth: 64).completed()

        #expect(Set(listed.keys) == ["", "a", "a/b"])
        guard case .success(let root)? = listed[""] else { Issue.record("the root was not listed"); return }
        var names: [String] = []
        root.forEach { name, _ in names.append(name.string ?? "?"); return true }
        #expect(names.sorted() == [".git", "a", "node_modules"])
    }

    /// A folder with more entries than the prefetch keeps is left to the walk, which reads it
    /// without keeping its entries.
    @Test func aFolderOverTheLimitIsNotKept() throws {
        let folder = try SourceScratchFolder()
        for name in ["a.py", "b.py", "c.py"] { try folder.write(name) }

        #expect(DirectoryListing.read(folder.path, maxEntries: 2) == nil)
        guard case .success(let listing)? = DirectoryListing.read(folder.path, maxEntries: 3) else {
            Issue.record("the folder was not listed")
            return
        }
        #expect(listing.count == 3)
        var streamed: [String] = []
        #expect(DirectoryListing.stream(folder.path) { name, _ in streamed.append(name.string ?? "?"); return true } == nil)
        #expect(streamed.sorted() == ["a.py", "b.py", "c.py"])
        if case .unopenable(let code)? = DirectoryListing.stream(folder.url("missing"), { _, _ in true }) { _ = code } else {
            Issue.record("a missing folder was not reported")
        }
    }
}
