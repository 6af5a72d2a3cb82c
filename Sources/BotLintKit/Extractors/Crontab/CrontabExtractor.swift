/// Reads crontabs into `.cronEntry` runners.
///
/// Files read (names compared in lower case):
/// - user crontabs: `crontab`, `crontab.txt`, `cronjobs`, `cronjobs.txt`, `cron.txt`, `.crontab`,
///   `*.crontab`, `*.cron`, and extension-less files directly in a `cron/` or `crontabs/` folder
///   (these last only count when at least one line is a valid entry, so other files there stay silent);
/// - system crontabs, with a user column: extension-less, `*.cron` or `*.crontab` files directly in
///   a `cron.d/` folder, and `etc/crontab`.
///
/// User column: in a system crontab the sixth field is the user when it looks like a user name
/// (`[a-z_][a-z0-9_.-]*`, at most 32 characters); in a user crontab only `root` is taken as one,
/// because a `crontab` file copied into `/etc/cron.d/` by a Dockerfile is written that way.
///
/// `settings` keys: `schedule` (the five fields or the `@` word), `user` (when there is a user column).
public struct CrontabExtractor: Extractor {
    private static let userNames: Set<String> = ["crontab", "crontab.txt", "cronjobs", "cronjobs.txt", "cron.txt", ".crontab"]
    private static let extensions: Set<String> = ["crontab", "cron"]

    enum Kind { case user, system, folderGuess }

    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        Self.kind(path: file.path, name: file.name) != nil
    }

    static func kind(path: String, name: String) -> Kind? {
        // Every kind below has "cron" in the file or folder name.
        guard PathUtil.containsIgnoringCase(path, "cron") else { return nil }
        let lower = name.lowercased()
        let ext = PathUtil.fileExtension(lower)
        let folder = PathUtil.directory(of: path).split(separator: "/").last.map { $0.lowercased() } ?? ""
        if folder == "cron.d", ext.isEmpty || extensions.contains(ext) { return .system }
        if path.lowercased().hasSuffix("etc/crontab") { return .system }
        if userNames.contains(lower) || extensions.contains(ext) { return .user }
        if folder == "cron" || folder == "crontabs", ext.isEmpty, !lower.hasPrefix(".") { return .folderGuess }
        return nil
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        guard let kind = Self.kind(path: file.path, name: file.name) else { return }
        var reader = CrontabReader(path: file.path, directory: file.directory, hasUserColumn: kind == .system)
        for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            reader.read(String(line), lineNumber: index + 1)
        }
        if kind == .folderGuess, reader.runners.isEmpty { return }
        analysis.runners.append(contentsOf: reader.runners)
        analysis.problems.append(contentsOf: reader.problems)
    }
}
