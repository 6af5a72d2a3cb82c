import CLibGit2
public enum BotLint { public static let version = "0.1.0"
  public static func libgit2Version() -> String { var a: Int32 = 0, b: Int32 = 0, c: Int32 = 0; git_libgit2_version(&a, &b, &c); return "\(a).\(b).\(c)" } }
