import Foundation

/// supervisord configuration: `supervisord.conf`, `supervisor.conf`, and `*.conf`/`*.ini` in a
/// `conf.d/`, `supervisor/`, `supervisord/` or `supervisor.d/` folder. Each `[program:x]` is a
/// runner: `command`, `numprocs` (copies, default 1), `directory`, `environment`
/// (`A="1",B=2`). `autostart=false` programs start only by `supervisorctl start`: 0 instances.
/// `%(ENV_X)s` expansions are unknown values. Settings: `autorestart`, `numprocs` as written.
public struct SupervisordExtractor: Extractor {
    private static let folders: Set<String> = ["conf.d", "supervisor", "supervisord", "supervisor.d"]

    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        guard file.fileExtension == "conf" || file.fileExtension == "ini" else { return false }
        if file.lowercasedName == "supervisord.conf" || file.lowercasedName == "supervisor.conf" { return true }
        return Self.folders.contains(file.lowercasedFolderName)
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        guard file.contains("[program:") else { return }
        let ini = INIFile(file, format: "supervisord", indentedContinuation: true)
        analysis.problems += ini.problems
        for section in ini.sections where section.name.hasPrefix("program:") {
            if let runner = runner(section, file: file) { analysis.runners.append(runner) }
        }
    }

    private func runner(_ section: INIFile.Section, file: SourceFile) -> RunnerDecl? {
        guard let command = section.entry("command"), !command.value.isEmpty else { return nil }
        let name = String(section.name.dropFirst("program:".count))
        var instances = Instances(count: 1, reason: "numprocs = 1 (supervisord's default)", location: section.location)
        if let numprocs = section.entry("numprocs"), let count = Int(numprocs.value) {
            instances = Instances(count: count, reason: "numprocs = \(count)", location: numprocs.location)
        }
        if let autostart = section.entry("autostart"), autostart.value.lowercased() == "false" {
            instances = Instances(count: 0, reason: "autostart = false: started only by `supervisorctl start \(name)`",
                                  location: autostart.location)
        }
        var directory = file.directory
        if let folder = section["directory"], !folder.hasPrefix("/"), !folder.contains("%(") {
            directory = PathUtil.join(file.directory, folder)
        }
        var settings: [String: String] = [:]
        for key in ["autorestart", "numprocs"] { settings[key] = section[key] }
        return RunnerDecl(kind: .supervisorProgram, platform: .supervisord, name: name, group: file.name,
                          command: command.value.contains("%(") ? expandKnown(command.value) : command.value,
                          commandLocation: command.valueLocation, instances: instances,
                          env: section.entry("environment").map(assignments) ?? [], directory: directory,
                          location: section.location, settings: settings)
    }

    /// `%(program_name)s`-style expansions become shell words botlint can still read; `%(ENV_X)s`
    /// becomes `$X`.
    private func expandKnown(_ command: String) -> String {
        var result = command
        while let start = result.range(of: "%("), let end = result.range(of: ")", range: start.upperBound..<result.endIndex) {
            let name = String(result[start.upperBound..<end.lowerBound])
            var stop = end.upperBound
            while stop < result.endIndex, result[stop].isLetter || result[stop].isNumber { stop = result.index(after: stop) }
            let replacement = name.hasPrefix("ENV_") ? "$" + name.dropFirst(4) : name
            result.replaceSubrange(start.lowerBound..<stop, with: replacement)
        }
        return result
    }

    /// `environment=A="1",B=two,C="x,y"`.
    private func assignments(_ entry: INIFile.Entry) -> [EnvAssignment] {
        var result: [EnvAssignment] = []
        var name = ""
        var value = ""
        var inValue = false
        var quote: Character?
        func finish() {
            let key = name.trimmingWhitespaceAndNewlines()
            if ShellNames.isIdentifier(key) {
                let text = value.trimmingWhitespaceAndNewlines()
                result.append(EnvAssignment(name: key, value: text.contains("%(") ? nil : text, location: entry.location))
            }
            name = ""
            value = ""
            inValue = false
        }
        for char in entry.value {
            if let q = quote {
                if char == q { quote = nil } else { value.append(char) }
            } else if inValue, char == "\"" || char == "'" {
                quote = char
            } else if char == "," {
                finish()
            } else if !inValue, char == "=" {
                inValue = true
            } else if inValue {
                value.append(char)
            } else {
                name.append(char)
            }
        }
        if !name.isEmpty { finish() }
        return result
    }
}
