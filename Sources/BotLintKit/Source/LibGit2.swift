import CLibGit2
import CLibGit2Offline

/// Process-wide libgit2 setup and error text, shared by every git-backed source.
enum LibGit2 {
    /// Swift runs a static initialiser exactly once, thread-safely, so libgit2 is set up once,
    /// on first use: commands that never read git (`--version`, `rules`) never pay for it.
    private static let setUp: Void = {
        // CLibGit2Offline keeps this from parsing the system CA bundle, which made it 4 ms
        // instead of 0.5; the call keeps that object in the link.
        _ = botlint_libgit2_offline_linked()
        git_libgit2_init()
        // The ownership check guards git commands that run programs named in repository config
        // (fsmonitor, hooks). botlint only reads through libgit2, which runs none of them, and
        // the check would otherwise refuse a clone owned by another user (a folder scanned as root).
        _ = botlint_git_set_owner_validation(0)
        // libgit2 re-hashes every object it reads (collision-detecting SHA-1, the slowest part of
        // a `--staged` run); git itself does not on reads. A corrupt blob would only be read as
        // the bytes it holds, and `git fsck` is the tool for that.
        _ = botlint_git_set_strict_hash_verification(0)
    }()

    static func ensureInitialized() {
        setUp
    }

    /// libgit2's message for the last failed call on this thread.
    static func lastErrorMessage() -> String {
        guard let error = git_error_last(), let message = error.pointee.message else {
            return "unknown libgit2 error"
        }
        let text = String(cString: message)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}

/// A failed libgit2 call, described by libgit2 itself.
struct GitError: Error, CustomStringConvertible {
    let description: String

    /// Wraps the last libgit2 error of this thread, prefixed by what botlint was doing.
    static func lastError(while operation: String) -> GitError {
        GitError(description: "\(operation): \(LibGit2.lastErrorMessage())")
    }

    /// Turns a libgit2 return code into a thrown error.
    static func check(_ code: Int32, while operation: String) throws(GitError) {
        if code < 0 { throw lastError(while: operation) }
    }
}
