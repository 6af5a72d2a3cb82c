import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `pre-commit` hook that runs `botlint --staged`, installed into the folder git runs hooks
/// from. A marker line tells botlint's hook from anyone else's: botlint rewrites its own hook
/// freely and never overwrites another one; with `chain` it moves that hook aside and calls it
/// first, and uninstalling puts it back.
///
/// The hook runs `botlint` from PATH, so upgrading botlint upgrades the hook; when botlint is
/// not on PATH (a build run from its folder, say) it falls back to the binary that installed
/// it, and when neither exists it refuses the commit with a message rather than let the check
/// silently stop.
public struct PreCommitHook {
    public static let marker = "# botlint pre-commit hook: written by `botlint install-hook`"
    public static let chainedName = "pre-commit.botlint-chained"

    public enum Installation: Equatable, Sendable {
        /// There was no hook.
        case installed
        /// botlint's hook was there and has been rewritten.
        case updated
        /// Another hook was there: moved to `chainedPath`, and botlint's hook runs it first.
        case chained
    }

    public enum Removal: Equatable, Sendable {
        case removed
        /// botlint's hook removed and the hook it chained put back as `pre-commit`.
        case restored
        case notInstalled
        /// The `pre-commit` hook there is not botlint's; it was left alone.
        case foreignHookLeftAlone
    }

    public enum Refusal: Error, Equatable, Sendable {
        /// A hook that is not botlint's is in the way (install without `chain`).
        case foreignHook(path: String)
        /// `chain` was asked for but a chained hook already exists and would be overwritten.
        case chainedHookExists(path: String)
    }

    /// The folder git runs hooks from.
    public let folder: String
    public var hookPath: String { folder + "/pre-commit" }
    public var chainedPath: String { folder + "/" + Self.chainedName }

    public init(folder: String) {
        self.folder = folder
    }

    /// The hook for the repository containing `path` (see `GitHooksFolder`).
    public init(repositoryContaining path: String) throws {
        self.init(folder: try GitHooksFolder.locate(forRepositoryContaining: path))
    }

    /// `fallbackBinary`: an absolute path to run when `botlint` is not on PATH.
    public func install(chain: Bool, fallbackBinary: String?) throws -> Installation {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = Self.script(fallbackBinary: fallbackBinary)
        guard exists(hookPath) else {
            try write(script)
            return .installed
        }
        if isBotlintHook(hookPath) {
            try write(script)
            return .updated
        }
        guard chain else { throw Refusal.foreignHook(path: hookPath) }
        guard !exists(chainedPath) else { throw Refusal.chainedHookExists(path: chainedPath) }
        try move(hookPath, to: chainedPath)
        try write(script)
        return .chained
    }

    public func uninstall() throws -> Removal {
        guard exists(hookPath) else { return .notInstalled }
        guard isBotlintHook(hookPath) else { return .foreignHookLeftAlone }
        if exists(chainedPath) {
            try move(chainedPath, to: hookPath)
            return .restored
        }
        try FileManager.default.removeItem(atPath: hookPath)
        return .removed
    }

    /// The hook's text. POSIX sh, since git runs hooks with whatever `/bin/sh` is.
    public static func script(fallbackBinary: String?) -> String {
        var lines = [
            "#!/bin/sh",
            marker + ", removed by `botlint uninstall-hook`.",
            "# Checks what is about to be committed; `git commit --no-verify` skips it once.",
            "hooks=$(dirname \"$0\")",
            "if [ -x \"$hooks/\(chainedName)\" ]; then",
            "    \"$hooks/\(chainedName)\" \"$@\" || exit $?",
            "fi",
            "if command -v botlint >/dev/null 2>&1; then",
            "    exec botlint --staged",
            "fi",
        ]
        var missing = "botlint is not on PATH"
        if let fallbackBinary {
            let quoted = ShellQuoting.quote(fallbackBinary)
            lines += ["if [ -x \(quoted) ]; then", "    exec \(quoted) --staged", "fi"]
            missing += " (nor at \(fallbackBinary))"
        }
        let message = "botlint pre-commit hook: \(missing); install it, or skip the check once with git commit --no-verify"
        lines += ["echo \(ShellQuoting.quote(message)) >&2", "exit 1"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// lstat, so a dangling symlink counts as a hook in the way.
    private func exists(_ path: String) -> Bool {
        FileStatus.of(path: path) != nil
    }

    private func isBotlintHook(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        // The marker is on the second line; a few KB is plenty and a huge file is not read whole.
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        return String(decoding: head, as: UTF8.self).contains(Self.marker)
    }

    /// Written beside the hook and renamed over it, so git never runs a half-written hook.
    private func write(_ script: String) throws {
        let temporary = folder + "/.pre-commit.botlint-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(script.utf8),
                                             attributes: [.posixPermissions: 0o755]) else {
            throw FileSourceError("cannot write \(temporary): \(POSIXPath.lastErrorText)")
        }
        do {
            try move(temporary, to: hookPath)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    private func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw FileSourceError("cannot move \(source) to \(destination): \(POSIXPath.lastErrorText)")
        }
    }
}
