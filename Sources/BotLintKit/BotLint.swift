import CLibGit2
import CSystemCalls

public enum BotLint {
    public static let version = "0.1.0"

    public static func libgit2Version() -> String {
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }

    /// For a process that runs one check and exits (the CLI): glibc otherwise raises its mmap
    /// threshold to the largest block freed so far (the git index's 9 MB buffer in a 100k-file
    /// repository) and keeps later frees in the heap, 11 MB of peak memory there. With a fixed
    /// threshold large buffers are mapped and given back when freed. Changes the whole process's
    /// allocator, so the library never calls it itself.
    public static func returnLargeFreedBlocksToTheSystem() {
        botlint_fix_mmap_threshold(256 << 10)
    }

    /// Sets up libgit2 now (about a millisecond: its TLS and SSH libraries initialise and seed),
    /// so a caller can do it on an idle core; otherwise the first git-backed source does it.
    public static func setUpGit() {
        LibGit2.ensureInitialized()
    }
}
