import Foundation
import Testing
@testable import BotLintKit

/// Repositories built to break a linter. Each holds the same conflict (a Procfile that starts one
/// poller twice: BL101 at `Procfile:2`) next to the hostile part, and each test checks that the
/// scan finishes, says what it skipped where that matters, and still reports the conflict.
@Suite("Hostile repositories")
struct HostileRepositoryTests {
    static let procfile = "web: python bot.py\nworker: python bot.py\n"
    static let bot = """
        import os
        from telegram.ext import Application

        app = Application.builder().token(os.environ["TELEGRAM_TOKEN"]).build()
        app.run_polling()

        """

    /// A scratch repository holding the conflict.
    static func conflicting(git: Bool = false) throws -> SourceScratchFolder {
        let repo = try SourceScratchFolder()
        try repo.write("Procfile", procfile)
        try repo.write("bot.py", bot)
        if git {
            try repo.git("init", "-q")
            try repo.commitAll()
        }
        return repo
    }

    static func lint(_ path: String, git: Bool = false) throws -> LintReport {
        try Linter.run(LintOptions(path: path), source: WorkTreeSource(path: path, useGit: git))
    }

    static func expectConflictStillFound(_ report: LintReport, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = report.findings.map { "\($0.rule) \($0.location.path):\($0.location.line)" }
        #expect(found.contains("BL101 Procfile:2"), "findings: \(found)", sourceLocation: sourceLocation)
    }

    static func note(_ report: LintReport, _ path: String?) -> String? {
        report.notes.first { $0.path == path }?.message
    }

    @Test func binaryFilesWithCodeExtensionsAreSkippedWithANote() throws {
        let repo = try Self.conflicting()
        try repo.write("helpers.py", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + Array(repeating: 0x00, count: 64))
        try repo.write("web/app.js", bytes: Array("bot.launch()".utf8) + [0x00, 0xFF, 0x00])
        try repo.write("logo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00])
        try repo.write("bin/tool", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x00], executable: true)

        let report = try Self.lint(repo.path)

        Self.expectConflictStillFound(report)
        #expect(Self.note(report, "helpers.py") == "skipped: binary content (a NUL byte in the first 8 KB)")
        #expect(Self.note(report, "web/app.js") != nil)
        // Images and compiled executables are binary by nature: nothing to say about them.
        #expect(Self.note(report, "logo.png") == nil)
        #expect(Self.note(report, "bin/tool") == nil)
    }

    @Test func aTwoGigabyteSparseFileIsNeverRead() throws {
        let repo = try Self.conflicting()
        try repo.write("dump.py", "")
        let handle = try #require(FileHandle(forWritingAtPath: repo.url("dump.py")))
        try handle.truncate(atOffset: 2 << 30)
        try handle.close()

        let report = try Self.lint(repo.path)

        Self.expectConflictStillFound(report)
        #expect(Self.note(report, "dump.py") == "skipped: 2 GB is over the 4 MB limit")
    }

    @Test func invalidUTF8IsReadAroundNotRejected() throws {
        let repo = try Self.conflicting()
        let broken: [UInt8] = [0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80]
        try repo.write("bot.py", bytes: Array("# caf".utf8) + broken + Array("\n".utf8) + Array(Self.bot.utf8))
        try repo.write(".env", bytes: Array("NAME=".utf8) + broken + Array("\nTELEGRAM_TOKEN=${X\n".utf8))

        let report = try Self.lint(repo.path)

        Self.expectConflictStillFound(report)
    }

    @Test func utf16FilesAreSkippedWithANote() throws {
        let repo = try Self.conflicting()
        // What `echo "worker: python bot.py" > Procfile` writes in Windows PowerShell 5.
        let littleEndian: [UInt8] = [0xFF, 0xFE] + "worker: python bot.py\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigEndian: [UInt8] = [0xFE, 0xFF] + "import telegram\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        try repo.write("legacy/Procfile", bytes: littleEndian)
        try repo.write("legacy/bot.py", bytes: bigEndian)

        let report = try Self.lint(repo.path)

        Self.expectConflictStillFound(report)
        #expect(Self.note(report, "legacy/Procfile") == "skipped: UTF-16 text (the tools that read this file expect UTF-8)")
        #expect(Self.note(report, "legacy/bot.py") != nil)
    }

    @Test func crlfLineEndingsReadLikeLF() throws {
        let repo = try SourceScratchFolder()
        try repo.write("Procfile", Self.procfile.replacingOccurrences(of: "\n", with: "\r\n"))
        try repo.write("bot.py", Self.bot.replacingOccurrences(of: "\n", with: "\r\n"))
        try repo.write(".env", "TELEGRAM_TOKEN=\r\nMODE=polling\r\n")

        let report = try Self.lint(repo.path)

        Self.expectConflictStillFound(report)
        #expect(report.notes.isEmpty)
    }

    @Test func nulBytesInConfigFilesAreNoted() throws {
        let repo = try Self.conflicting()
        try repo.write("deploy/Procfile", bytes: Array("worker: python bot.py".utf8) + [0x00] + Array("\n".utf8))
        try repo.write("fly.toml", bytes: Array("app = \"x\"\n".utf8) + [0x00, 0x00])

        let report = try Self.lint(repo.path)

        Self.expectConflictStillFound(report)
        #expect(Self.note(report, "deploy/Procfile") != nil)
        #expect(Self.note(report, "fly.toml") != nil)
    }

    @Test(arguments: [false, true])
    func tenThousandFoldersDeepStopAtTheDepthLimit(git: Bool) throws {
        let repo = try Self.conflicting(git: git)
        defer { DeepFolder.remove(in: repo.path, named: "d") }
        try DeepFolder.create(in: repo.path, named: "d", depth: 10_000, file: "bot.py", contents: Self.bot)

        let report = try Self.lint(repo.path, git: git)

        Self.expectConflictStillFound(report)
        #expect(report.notes.contains { $0.message.contains("deeper than") || $0.message.contains("git could not be used") },
                "notes: \(report.notes)")
    }

    @Test(arguments: [false, true])
    func symlinkLoopsEndTheScan(git: Bool) throws {
        let repo = try Self.conflicting(git: git)
        try repo.symlink("a.py", to: "b.py")
        try repo.symlink("b.py", to: "a.py")
        try repo.symlink("self.env", to: "self.env")
        try repo.symlink("loop", to: ".")
        try repo.makeFolder("x")
        try repo.symlink("x/up", to: "..")

        let report = try Self.lint(repo.path, git: git)

        Self.expectConflictStillFound(report)
        #expect(!TopologyPrinter.text(report.topology).contains("loop/loop"))
    }

    @Test(arguments: [false, true])
    func symlinksOutOfTheRepositoryAreNeverFollowed(git: Bool) throws {
        let outside = try SourceScratchFolder()
        let token = "7310249583:AAHk2mR9xQ4wZp7Lc3Vb8Ns1Df6Gj0Ty5Ue"
        try outside.write("secrets.env", "TELEGRAM_TOKEN=\(token)\n")
        try outside.write("Procfile", "clock: python bot.py\n")
        try outside.write("other/bot.py", Self.bot)
        let repo = try Self.conflicting(git: git)
        try repo.symlink(".env", to: outside.url("secrets.env"))
        try repo.symlink("deploy", to: outside.path)
        try repo.symlink("etc-passwd.py", to: "/etc/passwd")

        let report = try Self.lint(repo.path, git: git)

        Self.expectConflictStillFound(report)
        #expect(!report.findings.contains { $0.rule == "BL401" })
        #expect(!report.topology.runners.contains { $0.location.path.hasPrefix("deploy/") })
        #expect(report.findings.count == 1)
    }

    @Test(arguments: [false, true])
    func fifosAndSocketsAreNeverOpened(git: Bool) throws {
        let repo = try Self.conflicting(git: git)
        #expect(mkfifo(repo.url("pipe.py"), 0o644) == 0)
        #expect(mkfifo(repo.url(".env"), 0o644) == 0)
        let socket = try UnixSocket(path: repo.url("app.sock"))
        defer { socket.close() }

        let report = try Self.lint(repo.path, git: git)

        Self.expectConflictStillFound(report)
    }

    @Test(.enabled(if: geteuid() != 0, "root reads files whatever their mode"))
    func unreadableFilesAreNoted() throws {
        let repo = try Self.conflicting()
        try repo.write("config.py", "TOKEN = 1\n")
        try repo.makeFolder("private")
        try repo.write("private/Procfile", "worker: python bot.py\n")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: repo.url("config.py"))
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: repo.url("private"))
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.url("private")) }

        let report = try Self.lint(repo.path)

        Self.expectConflictStillFound(report)
        #expect(Self.note(report, "config.py") == "skipped: permission denied")
        #expect(Self.note(report, "private") == "folder skipped: permission denied")
    }

    @Test func aCorruptIndexFallsBackToTheWalk() throws {
        let repo = try Self.conflicting(git: true)
        try repo.write(".git/index", bytes: Array("DIRC".utf8) + [0, 0, 0, 2, 0xFF, 0xFF, 0xFF, 0xFF] + Array(repeating: 0xAB, count: 100))

        let report = try Self.lint(repo.path, git: true)

        Self.expectConflictStillFound(report)
        #expect(!report.isGit)
        #expect(Self.note(report, nil)?.hasPrefix("git could not be used") == true)
    }

    @Test func aShallowCloneIsAnOrdinaryWorkTree() throws {
        let origin = try Self.conflicting(git: true)
        try origin.write("README.md", "second commit\n")
        try origin.commitAll()
        let parent = try SourceScratchFolder()
        try parent.git("clone", "-q", "--depth", "1", "file://" + origin.path, "clone")

        let report = try Self.lint(parent.url("clone"), git: true)

        Self.expectConflictStillFound(report)
        #expect(report.isGit)
        #expect(report.notes.isEmpty)
    }

    @Test func submodulesAreNotScanned() throws {
        let library = try SourceScratchFolder()
        try library.write("Procfile", "a: python bot.py\nb: python bot.py\nc: python bot.py\n")
        try library.write("bot.py", Self.bot)
        try library.git("init", "-q")
        try library.commitAll()
        let repo = try Self.conflicting(git: true)
        try repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", "file://" + library.path, "vendor/lib")
        try repo.commitAll("submodule")

        let report = try Self.lint(repo.path, git: true)

        Self.expectConflictStillFound(report)
        #expect(report.findings.allSatisfy { !$0.location.path.hasPrefix("vendor/lib") })
    }

    @Test func aBareRepositoryIsWalkedAsAFolder() throws {
        let origin = try Self.conflicting(git: true)
        let parent = try SourceScratchFolder()
        try parent.git("clone", "-q", "--bare", "file://" + origin.path, "bare.git")

        let report = try Self.lint(parent.url("bare.git"), git: true)

        // The bare repository holds git objects, not a work tree: nothing to report, nothing to crash on.
        #expect(!report.isGit)
        #expect(report.findings.isEmpty)
    }

    @Test(arguments: [false, true])
    func fileNamesWithNewlinesAreListedAndRead(git: Bool) throws {
        let repo = try Self.conflicting()
        try repo.write("odd\nname.py", Self.bot)
        try repo.write("tab\there/notes.md", "# notes\n")
        if git {
            try repo.git("init", "-q")
            try repo.commitAll()
        }

        let report = try Self.lint(repo.path, git: git)

        Self.expectConflictStillFound(report)
        #expect(report.filesListed == 4)
        _ = TextReporter(color: false).render(report)
        _ = JSONReporter.render(report)
    }

    @Test func aHundredThousandLineDotEnvIsRead() throws {
        let repo = try Self.conflicting()
        var env = (0..<100_000).map { "VARIABLE_\($0)=value-\($0) # comment\n" }.joined()
        env += "TELEGRAM_TOKEN=${TOKEN_FROM_VAULT}\n"
        try repo.write(".env", env)

        let report = try Self.lint(repo.path)

        Self.expectConflictStillFound(report)
        #expect(report.notes.isEmpty)
    }

    // YAML is not parsed by the engine yet (compose files are the formats work), so there is no
    // alias bomb to defuse here.

    @Test(arguments: ["fly.toml", "railway.toml", "railway.json", "app.json", "package.json"])
    func deeplyNestedConfigFilesAreReportedNotRecursedInto(name: String) throws {
        let repo = try Self.conflicting()
        let depth = 100_000
        let dotted = Array(repeating: "a", count: depth).joined(separator: ".")
        let nested = name.hasSuffix(".toml")
            ? "app = \"x\"\nvalue = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
              + "inline = " + String(repeating: "{a=", count: depth) + "1" + String(repeating: "}", count: depth) + "\n"
              + dotted + " = 1\n[" + dotted + "]\n[[" + dotted + "]]\ninline = {" + dotted + " = 1}\n"
            : "{\"scripts\": " + String(repeating: "[{\"a\":", count: depth) + "1" + String(repeating: "}]", count: depth) + "}"
        try repo.write("svc/" + name, nested)

        let report = try Self.lint(repo.path)

        Self.expectConflictStillFound(report)
    }
}

/// Folders nested deeper than PATH_MAX allows to name in one path: created and removed one
/// level at a time through descriptors.
enum DeepFolder {
    static func create(in root: String, named name: String, depth: Int, file: String, contents: String) throws {
        var descriptor = open(root, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { throw SourceScratchError(description: "cannot open \(root)") }
        for _ in 0..<depth {
            guard mkdirat(descriptor, name, 0o755) == 0 || errno == EEXIST else {
                close(descriptor)
                throw SourceScratchError(description: "mkdirat failed: \(errno)")
            }
            let next = openat(descriptor, name, O_RDONLY | O_DIRECTORY)
            close(descriptor)
            guard next >= 0 else { throw SourceScratchError(description: "openat failed: \(errno)") }
            descriptor = next
        }
        let fileDescriptor = openat(descriptor, file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        close(descriptor)
        guard fileDescriptor >= 0 else { throw SourceScratchError(description: "cannot create \(file)") }
        let bytes = Array(contents.utf8)
        _ = bytes.withUnsafeBytes { write(fileDescriptor, $0.baseAddress, $0.count) }
        close(fileDescriptor)
    }

    /// Removes the chain bottom-up, so `FileManager` never has to name the deepest paths. One
    /// descriptor is open at a time, climbing back through `..`: holding the whole chain
    /// (10,000 descriptors) crashed `Process.run()` in tests running beside it.
    static func remove(in root: String, named name: String) {
        var current = open(root, O_RDONLY | O_DIRECTORY)
        guard current >= 0 else { return }
        var depth = 0
        while true {
            let next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
            guard next >= 0 else { break }
            close(current)
            current = next
            depth += 1
        }
        while depth > 0 {
            if let directory = fdopendir(dup(current)) {
                while let item = readdir(directory) {
                    let child = withUnsafePointer(to: &item.pointee.d_name) {
                        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                    }
                    if child != ".", child != "..", child != name { unlinkat(current, child, 0) }
                }
                closedir(directory)
            }
            let parent = openat(current, "..", O_RDONLY | O_DIRECTORY)
            close(current)
            guard parent >= 0 else { return }
            unlinkat(parent, name, AT_REMOVEDIR)
            current = parent
            depth -= 1
        }
        close(current)
    }
}

/// A listening Unix domain socket in the repository, as a running dev server leaves behind.
struct UnixSocket {
    let descriptor: Int32

    init(path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw SourceScratchError(description: "socket path too long")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in bytes.enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(descriptor, 1) == 0 else { throw SourceScratchError(description: "bind failed: \(errno)") }
    }

    func close() { Glibc.close(descriptor) }
}
