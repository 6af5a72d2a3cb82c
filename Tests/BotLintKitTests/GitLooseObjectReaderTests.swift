import CLibGit2
import CZlib
import Foundation
import Testing
@_spi(Fuzzing) @testable import BotLintKit

/// Staged blobs by path, from git's own `ls-files -s`.
private func stagedBlobs(_ repo: SourceScratchFolder) throws -> [String: git_oid] {
    var blobs: [String: git_oid] = [:]
    for line in try repo.git("ls-files", "-s").split(separator: "\n") {
        let fields = line.split(separator: "\t", maxSplits: 1)
        let hex = String(fields[0].split(separator: " ")[1])
        var oid = git_oid()
        #expect(git_oid_fromstr(&oid, hex) == 0)
        blobs[String(fields[1])] = oid
    }
    return blobs
}

/// A loose object's file as git writes it: the header and content, deflated; `after` is
/// appended past the end of the zlib stream.
private func looseObject(_ header: String, _ content: [UInt8], after: [UInt8] = []) -> [UInt8] {
    let plain = Array(header.utf8) + content
    var size = compressBound(uLong(plain.count))
    var compressed = [UInt8](repeating: 0, count: Int(size))
    #expect(compress2(&compressed, &size, plain, uLong(plain.count), 6) == Z_OK)
    return Array(compressed.prefix(Int(size))) + after
}

/// A poller, a webhook and a start script, staged (and committed when asked).
private func botRepository(committed: Bool = false) throws -> SourceScratchFolder {
    let repo = try SourceScratchFolder()
    try repo.git("init", "-q")
    try repo.write("bot.py", "bot.infinity_polling()\n")
    try repo.write("web.py", "bot.set_webhook(url)\n")
    try repo.write("run.sh", "python bot.py\n")
    if committed { try repo.commitAll() } else { try repo.git("add", "-A") }
    return repo
}

/// The loose object file of `revision` (`:path` for a staged file).
private func looseObjectFile(_ repo: SourceScratchFolder, _ revision: String) throws -> String {
    let name = try repo.git("rev-parse", revision).trimmingCharacters(in: .whitespacesAndNewlines)
    return repo.url(".git/objects/" + name.prefix(2) + "/" + name.dropFirst(2))
}

/// Pseudo-random bytes, which deflate cannot shrink.
private func noise(_ count: Int) -> [UInt8] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 33)
    }
}

@Suite struct GitLooseObjectReaderTests {
    @Test func readsEveryBlobGitWritesAsGitWroteIt() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        var contents: [String: [UInt8]] = [
            "empty.py": [],
            "crlf.env": Array("BOT_TOKEN=x\r\nMODE=polling\r\n".utf8),
            "unicode.md": Array("Бот: «polling» ✓\n".utf8),
            "binary.bin": [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0xFF],
            "noise.dat": noise(300_000),
            "large.py": Array(String(repeating: "bot.infinity_polling()\n", count: 20_000).utf8),
        ]
        // The header and content share the first inflate call's 32 bytes: every split of them.
        for length in 0...40 { contents["sizes/\(length).txt"] = Array(repeating: UInt8(ascii: "a") + UInt8(length % 26), count: length) }
        for (path, bytes) in contents { try repo.write(path, bytes: bytes) }
        try repo.git("add", "-A")

        let objects = GitLooseObjectReader(objectsFolder: repo.url(".git/objects"))
        let blobs = try stagedBlobs(repo)
        #expect(blobs.count == contents.count)
        for (path, oid) in blobs {
            #expect(objects.read(oid, maxBytes: 1 << 20) == .content(contents[path]!), "\(path)")
        }
    }

    @Test func aBlobOverTheLimitIsReportedWithoutInflatingIt() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write("big.py", bytes: Array(repeating: UInt8(ascii: "x"), count: 5_000))
        try repo.git("add", "-A")
        let objects = GitLooseObjectReader(objectsFolder: repo.url(".git/objects"))
        #expect(objects.read(try stagedBlobs(repo)["big.py"]!, maxBytes: 4_999) == .tooLarge(5_000))
        #expect(objects.read(try stagedBlobs(repo)["big.py"]!, maxBytes: 5_000) == .content(Array(repeating: UInt8(ascii: "x"), count: 5_000)))
        // A file far larger than the limit is read only as far as its header.
        try repo.write("noise.dat", bytes: noise(300_000))
        try repo.git("add", "-A")
        #expect(objects.read(try stagedBlobs(repo)["noise.dat"]!, maxBytes: 1_000) == .tooLarge(300_000))
    }

    @Test func onlyObjectsWithoutALooseFileAreLeftToLibgit2() throws {
        let repo = try botRepository(committed: true)
        let blobs = try stagedBlobs(repo)
        let objects = GitLooseObjectReader(objectsFolder: repo.url(".git/objects"))
        func objectFile(_ path: String) throws -> String { try looseObjectFile(repo, ":" + path) }
        // A symlink is followed, as git follows it; a FIFO is refused without being opened for reading.
        let webObject = try objectFile("web.py"), shellObject = try objectFile("run.sh")
        try FileManager.default.removeItem(atPath: webObject)
        try FileManager.default.createSymbolicLink(atPath: webObject, withDestinationPath: try objectFile("bot.py"))
        try FileManager.default.removeItem(atPath: shellObject)
        #expect(mkfifo(shellObject, 0o644) == 0)
        #expect(objects.read(blobs["web.py"]!, maxBytes: 1 << 20) == .content(Array("bot.infinity_polling()\n".utf8)))
        #expect(objects.read(blobs["run.sh"]!, maxBytes: 1 << 20) == .unreadable("the loose object is not a regular file"))
        try FileManager.default.removeItem(atPath: webObject)
        try FileManager.default.removeItem(atPath: shellObject)
        #expect(objects.read(blobs["web.py"]!, maxBytes: 1 << 20) == nil)

        // Packed: no loose file left, so libgit2 reads them, and the staged check still sees them.
        try repo.git("hash-object", "-w", "web.py", "run.sh")
        try repo.git("fsck", "--no-progress")
        #expect(objects.read(blobs["bot.py"]!, maxBytes: 1 << 20) != nil)
        try repo.git("repack", "-adq")
        try repo.git("prune-packed")
        #expect(objects.read(blobs["bot.py"]!, maxBytes: 1 << 20) == nil)
        let staged = try GitIndexSource(path: repo.path)
        let listing = try staged.listing()
        let bot = try #require(listing.entries.first { $0.path == "bot.py" })
        guard case .file(let file) = staged.read(bot, in: listing, maxBytes: 1 << 20) else {
            Issue.record("the packed blob was not read")
            return
        }
        #expect(file.bytes == Array("bot.infinity_polling()\n".utf8))
    }

    @Test func aDamagedObjectIsNotedAndTheRestIsStillRead() throws {
        let repo = try botRepository()
        func objectFile(_ path: String) throws -> String { try looseObjectFile(repo, ":" + path) }
        // Git writes objects read-only.
        for path in ["web.py", "run.sh"] { try FileManager.default.removeItem(atPath: try objectFile(path)) }
        try Data("not zlib at all".utf8).write(to: URL(fileURLWithPath: try objectFile("web.py")))
        try Data(Array(looseObject("blob 14\0", Array("python bot.py\n".utf8)).dropLast(4)))
            .write(to: URL(fileURLWithPath: try objectFile("run.sh")))

        let staged = try GitIndexSource(path: repo.path)
        let listing = try staged.listing()
        var read: [String: FileRead] = [:]
        for entry in listing.entries { read[entry.path] = staged.read(entry, in: listing, maxBytes: 1 << 20) }
        guard case .file(let bot) = read["bot.py"] else {
            Issue.record("the intact blob was not read")
            return
        }
        #expect(bot.bytes == Array("bot.infinity_polling()\n".utf8))
        for path in ["web.py", "run.sh"] {
            guard case .skipped(let note) = read[path] else {
                Issue.record("\(path): a damaged blob was read")
                continue
            }
            #expect(note?.message == "skipped: the blob could not be read (damaged loose object: "
                    + (path == "web.py" ? "not a zlib stream)" : "truncated)"), "\(path)")
        }
    }

    @Test func onlyAWellFormedBlobIsDecoded() {
        let content = Array("abc".utf8)
        #expect(GitLooseObject.decodeBlob(looseObject("blob 3\0", content), maxBytes: 10) == .content(content))
        #expect(GitLooseObject.decodeBlob(looseObject("blob 0\0", []), maxBytes: 10) == .content([]))
        #expect(GitLooseObject.decodeBlob(looseObject("blob 3\0", content), maxBytes: 2) == .tooLarge(3))
        let whole = looseObject("blob 3\0", content)
        let refused: [([UInt8], String)] = [
            (looseObject("tree 3\0", content), "the object is not a blob"),
            (looseObject("blob 03\0", content), "damaged loose object: no valid header"),
            (looseObject("blob \0", content), "damaged loose object: no valid header"),
            (looseObject("blob +3\0", content), "damaged loose object: no valid header"),
            (looseObject("blob 3", content), "damaged loose object: no valid header"),
            (looseObject("blub 3\0", content), "damaged loose object: no valid header"),
            (looseObject("blob 1000000000000000000\0", content), "damaged loose object: no valid header"),
            (looseObject("blob 4\0", content), "damaged loose object: shorter than its header says"),
            (looseObject("blob 2\0", content), "damaged loose object: longer than its header says"),
            (looseObject("blob 3\0", content, after: [0]), "damaged loose object: bytes after its end"),
            (Array(whole.dropLast(3)), "damaged loose object: truncated"),
            (Array(whole.prefix(4)), "damaged loose object: truncated"),
            (Array(whole.prefix(2)) + Array(repeating: 0xFF, count: 20), "damaged loose object: invalid block type"),
            (Array("blob 3\0abc".utf8), "damaged loose object: not a zlib stream"),
            ([], "damaged loose object: not a zlib stream"),
        ]
        for (bytes, reason) in refused {
            #expect(GitLooseObject.decodeBlob(bytes, maxBytes: 1 << 20) == .unreadable(reason))
        }
        // Only the start of a longer file: its content cannot be complete.
        #expect(GitLooseObject.decodeBlob(whole, maxBytes: 1 << 20, isWholeFile: false) == .unreadable("damaged loose object: bytes after its end"))
        #expect(GitLooseObject.decodeBlob(Array(whole.dropLast(3)), maxBytes: 1 << 20, isWholeFile: false)
            == .unreadable("damaged loose object: more compressed bytes than its content needs"))
    }
}

/// libgit2 reads commits and trees for `--since`; damaged loose ones must end in an error, never a hang.
@Suite struct GitLooseObjectGuardTests {
    private func committedRepository() throws -> SourceScratchFolder {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        try repo.write("bot.py", "bot.infinity_polling()\n")
        try repo.write("deploy/Procfile", "worker: python bot.py\n")
        try repo.commitAll()
        return repo
    }

    private func truncate(_ repo: SourceScratchFolder, object revision: String) throws {
        let file = try looseObjectFile(repo, revision)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        try FileManager.default.removeItem(atPath: file)
        try bytes.dropLast(4).write(to: URL(fileURLWithPath: file))
    }

    private func failure(_ repo: SourceScratchFolder, since revision: String) -> String? {
        do {
            _ = try GitRevisionSource(path: repo.path, revision: revision)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test(arguments: ["HEAD^{tree}", "HEAD:deploy", "HEAD"])
    func aTruncatedLooseObjectIsAnErrorNotAHang(object: String) throws {
        let repo = try committedRepository()
        let abbreviated = String(try repo.git("rev-parse", "HEAD").prefix(7))
        try truncate(repo, object: object)
        for revision in ["HEAD", abbreviated] {
            let message = try #require(failure(repo, since: revision), "\(revision) was read")
            #expect(message.contains("damaged loose object: truncated"), "\(revision): \(message)")
        }
    }

    @Test func healthyLooseAndPackedRevisionsReadAlike() throws {
        let repo = try committedRepository()
        let abbreviated = String(try repo.git("rev-parse", "HEAD").prefix(7))
        let loose = try GitRevisionSource(path: repo.path, revision: "HEAD").listing().entries.map(\.path)
        #expect(loose == ["bot.py", "deploy/Procfile"])
        #expect(try GitRevisionSource(path: repo.path, revision: abbreviated).listing().entries.map(\.path) == loose)
        try repo.git("gc", "-q")
        #expect(try GitRevisionSource(path: repo.path, revision: "HEAD").listing().entries.map(\.path) == loose)
        #expect(try GitRevisionSource(path: repo.path, revision: abbreviated).listing().entries.map(\.path) == loose)
    }

    @Test func aPrefixNamesOneLooseObjectOrIsAmbiguous() throws {
        let repo = try SourceScratchFolder()
        try repo.git("init", "-q")
        // 300 objects in 256 fan-out folders: some folder holds two.
        for number in 0..<300 { try repo.write("f\(number).txt", "\(number)\n") }
        try repo.git("add", "-A")
        let names = try repo.git("ls-files", "-s").split(separator: "\n").map { String($0.split(separator: " ")[1]) }
        let objects = GitLooseObjectReader(objectsFolder: repo.url(".git/objects"))
        func oid(_ hex: String) -> git_oid {
            var oid = git_oid()
            #expect(git_oid_fromstrn(&oid, hex, hex.utf8.count) == 0)
            return oid
        }
        let shared = try #require(Dictionary(grouping: names) { $0.prefix(2) }.first { $0.value.count > 1 }?.key)
        #expect(objects.uniqueObject(startingWith: oid(String(shared)), hexDigits: 2) == .ambiguous)
        let one = names[0]
        #expect(objects.uniqueObject(startingWith: oid(String(one.prefix(12))), hexDigits: 12) == .unique(oid(one)))
        #expect(objects.uniqueObject(startingWith: oid("0000000000"), hexDigits: 10) == .none)
    }
}
