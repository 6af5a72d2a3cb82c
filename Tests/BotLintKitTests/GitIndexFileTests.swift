import Foundation
import Testing
@_spi(Fuzzing) @testable import BotLintKit

/// The index as libgit2 reads it, for comparison.
private func libgit2Paths(_ repo: SourceScratchFolder) throws -> GitIndexPaths {
    guard case .found(let repository) = GitRepository.discover(containing: repo.path) else {
        throw SourceScratchError(description: "no repository at \(repo.path)")
    }
    return GitIndexPaths(try repository.index())
}

private func directPaths(_ repo: SourceScratchFolder) -> GitIndexPaths? {
    GitIndexFile.read(repo.url(".git/index"))
}

private func pathList(_ paths: GitIndexPaths) -> [String] {
    (0..<paths.count).map { String(decoding: paths.bytes[paths.path($0)], as: UTF8.self) }
}

/// A repository whose index has what real ones have: folders, an executable, a symlink, a
/// submodule, non-ASCII and long names, and dot files that are not `.git`.
private func variedRepository(longPath: Bool = true) throws -> SourceScratchFolder {
    let repo = try SourceScratchFolder()
    try repo.git("init", "-q")
    try repo.write("bot.py")
    try repo.write("run.sh", "#!/bin/sh\n", executable: true)
    try repo.write(".github/workflows/ci.yml", "on: push\n")
    try repo.write(".gitignore", "*.log\n")
    try repo.write("deploy/.env.production", "BOT_TOKEN=x\n")
    try repo.write("бот/main.py")
    try repo.write("e\u{0301}t\u{00E9}/x.py")
    try repo.write("services/api/app.py")
    try repo.write("services/api-v2/app.py")
    try repo.symlink("link.py", to: "bot.py")
    let library = try SourceScratchFolder()
    try library.git("init", "-q")
    try library.write("lib.py")
    try library.commitAll()
    try repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", library.path, "vendor/lib")
    // Past 4,095 bytes a path's length no longer fits its entry's flags; too long for Linux to
    // create, so it goes into the index alone.
    if longPath {
        let blob = try repo.git("hash-object", "-w", "bot.py").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("update-index", "--add", "--cacheinfo",
                     "100644,\(blob)," + String(repeating: "long-folder-name/", count: 241) + "deep.py")
    }
    try repo.commitAll()
    return repo
}

@Suite struct GitIndexFileTests {
    @Test(arguments: [2, 3, 4])
    func readsWhatLibgit2ReadsInEveryIndexVersion(version: Int) throws {
        // libgit2 refuses a path over 4,095 bytes in version 4 only (so does this reader).
        let repo = try variedRepository(longPath: version < 4)
        try repo.git("update-index", "--index-version", String(version))
        if version >= 3 {
            // Version 3 is only written when an entry has extended flags: an intent-to-add file has.
            try repo.write("later.py")
            try repo.git("add", "-N", "later.py")
        }

        let expected = try libgit2Paths(repo)

        let index = try Array(Data(contentsOf: URL(fileURLWithPath: repo.url(".git/index"))))
        #expect(index[7] == UInt8(version))
        #expect(Set(expected.modes) == [0o100644, 0o100755, 0o120000, 0o160000])
        #expect(pathList(expected).contains { $0.utf8.count > 4095 } == (version < 4))
        #expect(directPaths(repo) == expected)
    }

    @Test func readsPastTheOptionalExtensionsGitWrites() throws {
        let repo = try variedRepository(longPath: false)
        // The untracked cache and the end-of-index marker (the entry offset table needs more files).
        try repo.git("config", "core.untrackedCache", "true")
        try repo.git("config", "index.recordEndOfIndexEntries", "true")
        try repo.git("config", "index.recordOffsetTable", "true")
        try repo.git("update-index", "--untracked-cache")
        try repo.git("status", "--porcelain")
        try repo.write("new.py")
        try repo.git("add", "new.py")

        let index = try Array(Data(contentsOf: URL(fileURLWithPath: repo.url(".git/index"))))
        for signature in ["UNTR", "EOIE"] {
            #expect(index.firstRange(of: Array(signature.utf8)) != nil, "\(signature)")
        }
        #expect(directPaths(repo) == (try libgit2Paths(repo)))
    }

    @Test func keepsEveryStageOfAConflictedPath() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write("bot.py", "a\n")
        try repo.commitAll()
        #expect(!(try repo.mergeConflicting("bot.py", main: "c\n", other: "b\n")))

        let direct = try #require(directPaths(repo))

        #expect(pathList(direct) == ["bot.py", "bot.py", "bot.py"])
        #expect(direct == (try libgit2Paths(repo)))
        #expect(TrackedFiles(direct, scope: "").entries.map(\.path) == ["bot.py"])
    }

    @Test func leavesASplitIndexToLibgit2() throws {
        let repo = try variedRepository()
        try repo.git("update-index", "--split-index")

        #expect(directPaths(repo) == nil)
    }

    @Test func leavesASparseIndexToLibgit2() throws {
        let repo = try variedRepository()
        try repo.git("sparse-checkout", "set", "--cone", "--sparse-index", "services")

        #expect(directPaths(repo) == nil)
    }

    @Test func listsTheSameWhicheverReaderReadTheIndex() throws {
        let repo = try variedRepository()
        try repo.write("new.py")
        try repo.remove("bot.py")
        guard case .found(let repository) = GitRepository.discover(containing: repo.path) else { return }

        let direct = TrackedFiles(try #require(directPaths(repo)), scope: "services")
        let viaLibgit2 = TrackedFiles(GitIndexPaths(try repository.index()), scope: "services")

        #expect(direct.entries == viaLibgit2.entries)
        #expect(direct.entries.map(\.path) == ["services/api-v2/app.py", "services/api/app.py"])
        #expect(try WorkTreeSource(path: repo.path).listing().entries.contains { $0.path == "new.py" })
    }

    @Test func handMadeIndexesMatchTheFormat() {
        let entries = [IndexEntry("a.py"), IndexEntry("b/run.sh", mode: 0o100755), IndexEntry("c.py", extended: 1 << 13)]
        for version in [3, 4] {
            let paths = GitIndexFile.parse(IndexBuilder(version: version, entries: entries).bytes)
            #expect(paths.map(pathList) == ["a.py", "b/run.sh", "c.py"])
            #expect(paths?.modes == [0o100644, 0o100755, 0o100644])
        }
        let long = [IndexEntry(String(repeating: "x/", count: 2047) + "ab")]
        #expect(GitIndexFile.parse(IndexBuilder(version: 2, entries: long).bytes) != nil)
        #expect(GitIndexFile.parse(IndexBuilder(version: 4, entries: long).bytes) == nil)
        // Extended flags do not exist before version 3.
        #expect(GitIndexFile.parse(IndexBuilder(version: 2, entries: entries).bytes) == nil)
        #expect(GitIndexFile.parse(IndexBuilder(version: 2, entries: Array(entries.prefix(2))).bytes) != nil)
    }

    @Test func refusesWhatItDoesNotPlainlyUnderstand() {
        let plain = [IndexEntry("a.py"), IndexEntry("b.py")]
        var cases: [(String, [UInt8])] = [
            ("unknown version", IndexBuilder(version: 5, entries: plain).bytes),
            ("out of order", IndexBuilder(version: 2, entries: plain.reversed()).bytes),
            ("a folder entry", IndexBuilder(version: 2, entries: [IndexEntry("a/", mode: 0o040000)]).bytes),
            ("a required extension", IndexBuilder(version: 2, entries: plain, extensions: [("link", [0, 1])]).bytes),
            ("more entries stated than stored", IndexBuilder(version: 2, entries: plain, statedCount: 3).bytes),
            ("a wrong signature", Array("DIRX".utf8) + IndexBuilder(version: 2, entries: plain).bytes.dropFirst(4)),
        ]
        // Regression (fuzzing): a stated path length past the path's NUL read the NUL into it.
        var nulInside = IndexEntry("ab")
        nulInside.statedLength = 3
        cases.append(("a stated length past the NUL", IndexBuilder(version: 2, entries: [nulInside]).bytes))
        // An optional extension whose stated size runs past the checksum.
        var overlong = IndexBuilder(version: 2, entries: plain, extensions: [("TREE", [1, 2, 3])]).bytes
        overlong[overlong.count - 20 - 3 - 1] = 4
        cases.append(("an extension past the end", overlong))
        for path in ["..", "a/../b", "./a", "a//b", "/a", "a/", ".git/config", "sub/.GIT/x", ".git./x",
                     ".git /x", "GIT~1/config", "a/.g\u{200C}it/x"] {
            cases.append(("path \(path)", IndexBuilder(version: 2, entries: [IndexEntry(path)]).bytes))
        }
        for (name, bytes) in cases {
            #expect(GitIndexFile.parse(bytes) == nil, "\(name)")
        }
        let optional = IndexBuilder(version: 2, entries: plain, extensions: [("TREE", [1, 2, 3]), ("REUC", [])]).bytes
        #expect(GitIndexFile.parse(optional).map(pathList) == ["a.py", "b.py"])
    }

    @Test func plainPathsAreEveryDayOnes() {
        for path in ["bot.py", ".github/workflows/ci.yml", ".gitignore", ".env", "a/.gitkeep", "бот/main.py",
                     "backup.txt~", "a.git/x", ".git-blame-ignore-revs", "..a", ".a", ".gitignore~1"] {
            #expect(Array(path.utf8).withUnsafeBytes(GitIndexFile.isPlain), "\(path)")
        }
        for path in ["", ".", "..", "a/..", "a//b", "/a", "a/", ".git", ".GIT", "x/.git", ".git.", ".git ",
                     ".git:stream", "~1", "git~1", "a/GIT~1", "x/.g\u{200C}it", "\u{200C}.git"] {
            #expect(!Array(path.utf8).withUnsafeBytes(GitIndexFile.isPlain), "\(path)")
        }
    }

    @Test func everyTruncationIsRefusedOrRead() throws {
        let repo = try variedRepository(longPath: false)
        for version in [2, 4] {
            try repo.git("update-index", "--index-version", String(version))
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: repo.url(".git/index"))))
            #expect(GitIndexFile.parse(bytes) != nil)
            for length in 0..<bytes.count {
                // No crash, and no entry read from beyond the cut.
                if let paths = GitIndexFile.parse(Array(bytes.prefix(length))) {
                    #expect(paths.bytes.count <= length)
                }
            }
        }
    }
}

/// One entry of a hand-made index.
private struct IndexEntry {
    var path: String
    var mode: UInt32 = 0o100644
    /// Version 3+ extended flags (bit 13: intent to add); nil writes none.
    var extended: UInt16?
    /// The path length written into the flags, when it should not be the path's.
    var statedLength: Int?

    init(_ path: String, mode: UInt32 = 0o100644, extended: UInt16? = nil) {
        self.path = path
        self.mode = mode
        self.extended = extended
    }
}

/// Writes index files as gitformat-index(5) describes them, with a zero checksum.
private struct IndexBuilder {
    var version: Int
    var entries: [IndexEntry]
    var extensions: [(String, [UInt8])] = []
    var statedCount: Int?

    var bytes: [UInt8] {
        var out = Array("DIRC".utf8) + Self.be32(UInt32(version)) + Self.be32(UInt32(statedCount ?? entries.count))
        var previous: [UInt8] = []
        for entry in entries {
            let start = out.count
            out += Array(repeating: 0, count: 24) + Self.be32(entry.mode) + Array(repeating: 0, count: 12 + 20)
            let path = Array(entry.path.utf8)
            var flags = UInt16(min(entry.statedLength ?? path.count, 0xFFF))
            if entry.extended != nil { flags |= 0x4000 }
            out += Self.be16(flags)
            if let extended = entry.extended { out += Self.be16(extended) }
            if version == 4 {
                let common = zip(previous, path).prefix { $0 == $1 }.count
                out += Self.varint(previous.count - common) + path[common...] + [0]
            } else {
                out += path
                let length = out.count - start
                out += Array(repeating: 0, count: 8 - length % 8)
            }
            previous = path
        }
        for (signature, data) in extensions {
            out += Array(signature.utf8) + Self.be32(UInt32(data.count)) + data
        }
        return out + Array(repeating: 0, count: 20)
    }

    static func be32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }
    static func be16(_ value: UInt16) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }

    /// git's offset varint.
    static func varint(_ value: Int) -> [UInt8] {
        var value = value
        var bytes = [UInt8(value & 0x7F)]
        while value >> 7 > 0 {
            value = (value >> 7) - 1
            bytes.insert(UInt8(0x80 | (value & 0x7F)), at: 0)
        }
        return bytes
    }
}

extension GitIndexPaths: Equatable {
    public static func == (a: GitIndexPaths, b: GitIndexPaths) -> Bool {
        a.bytes == b.bytes && a.starts == b.starts && a.modes == b.modes
    }
}
