import Foundation

/// launchd property lists (`com.example.bot.plist`, usually copied to `~/Library/LaunchAgents`):
/// a job on a Mac. `ProgramArguments` (or `Program`) is the command, `WorkingDirectory` and
/// `EnvironmentVariables` its folder and env. `StartInterval`/`StartCalendarInterval` make it
/// scheduled; launchd never starts a job that is still running, so it carries a `systemd`-kind
/// single-instance guard. Settings: `RunAtLoad`, `KeepAlive` when set.
public struct LaunchdExtractor: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        file.fileExtension == "plist"
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        guard file.contains("<key>ProgramArguments</key>") || file.contains("<key>Program</key>") else { return }
        let plist: [String: Any]
        do {
            guard let root = try PropertyListSerialization.propertyList(from: Data(file.bytes), format: nil) as? [String: Any] else { return }
            plist = root
        } catch {
            analysis.problems.append(ParseProblem(location: SourceLocation(path: file.path, line: 1, column: 1),
                                                  format: "launchd plist", message: "invalid property list"))
            return
        }
        let words = (plist["ProgramArguments"] as? [String]) ?? (plist["Program"] as? String).map { [$0] } ?? []
        guard !words.isEmpty else { return }
        let lines = TextLines.split(file.text)
        func line(of key: String) -> Int? {
            lines.firstIndex { $0.contains("<key>\(key)</key>") }.map { $0 + 1 }
        }
        let location = SourceLocation(path: file.path, line: line(of: "Label") ?? 1, column: 1)
        let argumentsLine = line(of: "ProgramArguments").map { $0 + 1 } ?? line(of: "Program") ?? location.line
        var settings: [String: String] = [:]
        for key in ["RunAtLoad", "KeepAlive"] where plist[key] != nil {
            settings[key] = (plist[key] as? Bool).map { $0 ? "true" : "false" } ?? "conditions"
        }
        var lifetime = Lifetime.longRunning
        if let interval = plist["StartInterval"] as? Int {
            lifetime = .scheduled("StartInterval \(interval)s")
        } else if plist["StartCalendarInterval"] != nil {
            lifetime = .scheduled("StartCalendarInterval")
        }
        var directory = file.directory
        if let folder = plist["WorkingDirectory"] as? String, !folder.hasPrefix("/"), !folder.hasPrefix("~") {
            directory = PathUtil.join(file.directory, folder)
        }
        let env = ((plist["EnvironmentVariables"] as? [String: String]) ?? [:]).keys.sorted().map { name in
            EnvAssignment(name: name, value: (plist["EnvironmentVariables"] as? [String: String])?[name],
                          location: SourceLocation(path: file.path, line: line(of: name) ?? location.line, column: 1))
        }
        analysis.runners.append(RunnerDecl(
            kind: .launchdJob, platform: .launchd, name: (plist["Label"] as? String) ?? file.name,
            command: ShellQuoting.join(words), commandLocation: SourceLocation(path: file.path, line: argumentsLine, column: 1),
            instances: Instances(count: 1, reason: "one launchd job", location: location), lifetime: lifetime,
            env: env, directory: directory, location: location,
            singleInstanceGuard: SingleInstanceGuard(kind: .systemd, location: location), settings: settings))
    }
}
