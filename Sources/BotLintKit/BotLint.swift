import CLibGit2

public enum BotLint {
    public static let version = "0.1.0"

    public static func libgit2Version() -> String {
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }

    /// Starts the one-time set-up a check needs (libgit2's) on another thread, so that it
    /// overlaps whatever the caller does first, such as parsing arguments. Optional: the first
    /// git read waits for it, or does it, either way.
    public static func prepareInBackground() {
        LibGit2.initializeInBackground()
    }
}
