import Foundation

/// A temporary folder for file source tests, removed when the test is done with it.
final class SourceScratchFolder {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/botlint-source-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func url(_ relative: String) -> String { relative.isEmpty ? path : path + "/" + relative }

    func write(_ relative: String, _ text: String = "print('hi')\n", executable: Bool = false) throws {
        try write(relative, bytes: Array(text.utf8), executable: executable)
    }

    func write(_ relative: String, bytes: [UInt8], executable: Bool = false) throws {
        let full = url(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: full) }
    }

    func symlink(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: url(relative), withDestinationPath: destination)
    }

    func makeFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: url(relative), withIntermediateDirectories: true)
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: url(relative))
    }

    /// Runs the git CLI in the folder with a fixed identity and no user or system config.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try run("/usr/bin/git", ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main"]
                + arguments)
    }

    func commitAll(_ message: String = "c") throws {
        try git("add", "-A")
        try git("commit", "-q", "-m", message)
    }

    /// Commits `path` with different contents on `main` and on a branch `other`, then merges
    /// `other` into `main`; false when the merge stopped on the conflict, as it should.
    func mergeConflicting(_ path: String, main: String, other: String) throws -> Bool {
        try git("checkout", "-q", "-b", "other")
        try write(path, other)
        try commitAll()
        try git("checkout", "-q", "main")
        try write(path, main)
        try commitAll()
        return (try? git("merge", "-q", "other")) != nil
    }

    @discardableResult
    func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: path)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        process.environment = environment
        let result = try CLITests.capture(process)
        let text = result.stdout + result.stderr
        guard process.terminationStatus == 0 else {
            throw SourceScratchError(description: "\(executable) \(arguments) failed: \(text)")
        }
        return text
    }
}

struct SourceScratchError: Error, CustomStringConvertible {
    let description: String
}
