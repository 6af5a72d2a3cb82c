import CLibGit2

public enum BotLint {
    public static let version = "0.1.0"

    public static func libgit2Version() -> String {
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }
}
