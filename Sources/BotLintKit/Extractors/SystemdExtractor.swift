import Foundation

/// systemd units in the repository (`deploy/bot.service`, `bot@.service`, `bot.timer`): what the
/// server runs once someone copies them to `/etc/systemd/system` and enables them.
///
/// A `.service` is a runner: `ExecStart` (the last one; `-@:+!` prefixes dropped), `Environment=`
/// lines, `EnvironmentFile=` (looked up by file name next to the unit and at the root: the real
/// path is on the server), `WorkingDirectory`, `Restart`. systemd never starts a unit that is
/// already running, so every unit carries a `systemd` single-instance guard. A template unit
/// (`bot@.service`) runs once per instance name: the count is unknown.
///
/// A `.timer` gives `settings["timer.unit"]` (its `Unit=`, else the service of the same name) and
/// `settings["schedule"]` (`OnCalendar`, `OnUnitActiveSec`, ...); the linker turns the service it
/// starts into a scheduled runner (`SystemdTimers`).
public struct SystemdExtractor: Extractor {
    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        let ext = file.fileExtension
        return (ext == "service" || ext == "timer") && file.name.utf8.count > ext.utf8.count + 1
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let ini = INIFile(file, format: "systemd unit", indentedContinuation: false)
        analysis.problems += ini.problems
        if PathUtil.fileExtension(file.name) == "timer" {
            if let timer = timer(ini, file: file) { analysis.runners.append(timer) }
        } else if let service = service(ini, file: file) {
            analysis.runners.append(service)
        }
    }

    private func service(_ ini: INIFile, file: SourceFile) -> RunnerDecl? {
        guard let section = ini.section("Service"),
              let exec = section.all("ExecStart").last, !exec.value.isEmpty else { return nil }
        let command = String(exec.value.drop { "-@:+!".contains($0) })
        var settings: [String: String] = [:]
        for key in ["Restart", "Type", "WorkingDirectory", "User"] { settings[key] = section[key] }
        let isTemplate = file.name.contains("@.")
        let instances = isTemplate
            ? Instances(count: nil, reason: "template unit: one per `systemctl start \(file.name.replacing("@.", with: "@<name>."))`",
                        location: section.location)
            : Instances(count: 1, reason: "one systemd unit", location: section.location)
        var directory = file.directory
        if let workingDirectory = section["WorkingDirectory"], !workingDirectory.hasPrefix("/"),
           !workingDirectory.hasPrefix("~"), !workingDirectory.hasPrefix("%") {
            directory = PathUtil.join(file.directory, workingDirectory)
        }
        return RunnerDecl(kind: .systemdUnit, platform: .systemd, name: file.name, command: command,
                          commandLocation: exec.valueLocation, instances: instances,
                          env: section.all("Environment").flatMap(assignments), envFiles: envFiles(section, file: file),
                          directory: directory, location: section.location,
                          singleInstanceGuard: SingleInstanceGuard(kind: .systemd, location: section.location),
                          settings: settings)
    }

    /// `Environment="A=1" B=2 "C=with space"`.
    private func assignments(_ entry: INIFile.Entry) -> [EnvAssignment] {
        Self.words(entry.value).compactMap { word in
            guard let eq = word.firstIndex(of: "="), ShellNames.isIdentifier(String(word[..<eq])) else { return nil }
            let value = String(word[word.index(after: eq)...])
            return EnvAssignment(name: String(word[..<eq]), value: value.contains("$") ? nil : value, location: entry.location)
        }
    }

    /// systemd's word splitting: whitespace separates, single or double quotes group.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for char in text {
            if let q = quote {
                if char == q { quote = nil } else { current.append(char) }
            } else if char == "\"" || char == "'" {
                quote = char
                inWord = true
            } else if char == " " || char == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(char)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// `EnvironmentFile=-/opt/bot/.env`: the server path is unknown here; its file name next to the
    /// unit, then at the repository root.
    private func envFiles(_ section: INIFile.Section, file: SourceFile) -> [String] {
        section.all("EnvironmentFile").flatMap { entry -> [String] in
            let path = entry.value.hasPrefix("-") ? String(entry.value.dropFirst()) : entry.value
            guard !path.isEmpty else { return [] }
            if !path.hasPrefix("/") { return [PathUtil.join(file.directory, path)] }
            let name = ShellNames.basename(path)
            return [name, PathUtil.join(file.directory, name)].reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        }
    }

    private func timer(_ ini: INIFile, file: SourceFile) -> RunnerDecl? {
        guard let section = ini.section("Timer") else { return nil }
        let scheduleKeys = ["OnCalendar", "OnUnitActiveSec", "OnUnitInactiveSec", "OnBootSec", "OnStartupSec", "OnActiveSec"]
        let schedule = scheduleKeys.compactMap { key in section[key].map { "\(key)=\($0)" } }.joined(separator: " ")
        guard !schedule.isEmpty else { return nil }
        let stem = file.name.dropLast(".timer".count)
        let unit = section["Unit"] ?? stem + ".service"
        return RunnerDecl(kind: .systemdUnit, platform: .systemd, name: file.name, command: nil,
                          instances: Instances(count: 0, reason: "a timer starts \(unit)", location: section.location),
                          lifetime: .scheduled(schedule), directory: file.directory, location: section.location,
                          settings: ["timer.unit": unit, "schedule": schedule])
    }
}
