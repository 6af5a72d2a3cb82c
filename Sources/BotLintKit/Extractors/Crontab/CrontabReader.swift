import Foundation

/// Reads crontab lines one by one: variables, schedules, optional user column, commands.
struct CrontabReader {
    let path: String
    let directory: String
    let hasUserColumn: Bool
    private(set) var runners: [RunnerDecl] = []
    private(set) var problems: [ParseProblem] = []
    private var env: [EnvAssignment] = []

    init(path: String, directory: String, hasUserColumn: Bool) {
        self.path = path
        self.directory = directory
        self.hasUserColumn = hasUserColumn
    }

    mutating func read(_ rawLine: String, lineNumber: Int) {
        let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : rawLine
        let fields = CrontabFields(line)
        guard let first = fields.first, !first.text.hasPrefix("#") else { return }
        if let assignment = variable(line, lineNumber: lineNumber) {
            env.append(assignment)
            return
        }
        let scheduleCount = first.text.hasPrefix("@") ? 1 : 5
        guard fields.count > scheduleCount else {
            problem(lineNumber, first.column, "incomplete crontab line: expected a schedule and a command")
            return
        }
        let schedule = fields.texts(0..<scheduleCount)
        if scheduleCount == 1, !CronSchedule.shortcuts.contains(first.text.lowercased()) {
            problem(lineNumber, first.column, "unknown schedule '\(first.text)'")
            return
        }
        if scheduleCount == 5, let invalid = CronSchedule.invalidField(schedule) {
            problem(lineNumber, fields.column(invalid.index), "invalid \(invalid.name) field '\(schedule[invalid.index])'")
            return
        }
        var commandIndex = scheduleCount
        var user: String?
        if fields.count > commandIndex + 1, isUser(fields.text(commandIndex)) {
            user = fields.text(commandIndex)
            commandIndex += 1
        }
        let column = fields.column(commandIndex)
        let command = Self.commandText(String(line.utf8.dropFirst(column - 1)) ?? "")
        guard !command.isEmpty else {
            problem(lineNumber, column, "crontab line without a command")
            return
        }
        addRunner(schedule: schedule.joined(separator: " "), user: user, command: command, line: lineNumber, column: column)
    }

    private mutating func addRunner(schedule: String, user: String?, command: String, line: Int, column: Int) {
        var settings = ["schedule": schedule]
        settings["user"] = user
        let isReboot = schedule.lowercased() == "@reboot"
        runners.append(RunnerDecl(
            kind: .cronEntry, platform: .cron, name: "cron line \(line)", command: command,
            commandLocation: SourceLocation(path: path, line: line, column: column),
            instances: Instances(count: 1, reason: "one crontab entry", location: SourceLocation(path: path, line: line)),
            lifetime: isReboot ? .longRunning : .scheduled(schedule), env: env, directory: directory,
            location: SourceLocation(path: path, line: line, column: 1),
            singleInstanceGuard: Self.guardIn(command, path: path, line: line, column: column), settings: settings))
    }

    private func isUser(_ field: String) -> Bool {
        guard hasUserColumn else { return field == "root" }
        guard field.count <= 32, let first = field.unicodeScalars.first,
              first == "_" || ("a"..."z").contains(first) else { return false }
        return field.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "_.-$".unicodeScalars.contains($0) }
    }

    /// `NAME=value` / `NAME = "value"` lines set variables for the entries after them.
    private func variable(_ line: String, lineNumber: Int) -> EnvAssignment? {
        guard let eq = line.firstIndex(of: "=") else { return nil }
        let name = line[..<eq].trimmingWhitespace()
        guard ShellNames.isIdentifier(name) else { return nil }
        var value = line[line.index(after: eq)...].trimmingWhitespace()
        if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
            value = String(value.dropFirst().dropLast())
        }
        let column = line.utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count + 1
        return EnvAssignment(name: name, value: value, location: SourceLocation(path: path, line: lineNumber, column: column))
    }

    /// cron turns the first unescaped `%` into a newline and feeds the rest as input; `\%` is a `%`.
    static func commandText(_ text: String) -> String {
        var command = ""
        var escaped = false
        for char in text {
            if escaped {
                if char != "%" { command.append("\\") }
                command.append(char)
                escaped = false
            } else if char == "\\" {
                escaped = true
            } else if char == "%" {
                break
            } else {
                command.append(char)
            }
        }
        if escaped { command.append("\\") }
        return command.trimmingWhitespace()
    }

    /// `flock -n`, `run-one`, `solo`, `pgrep ... ||` in the entry's command line.
    private static func guardIn(_ command: String, path: String, line: Int, column: Int) -> SingleInstanceGuard? {
        let script = ShellParser.parse(command, path: path, firstLine: line, firstColumn: column)
        return script.commands.lazy.compactMap { LaunchResolver.resolve($0).singleInstanceGuard }.first
    }

    private mutating func problem(_ line: Int, _ column: Int, _ message: String) {
        problems.append(ParseProblem(location: SourceLocation(path: path, line: line, column: column),
                                     format: "crontab", message: message))
    }
}

/// Whitespace-separated fields of a line with their 1-based byte columns.
private struct CrontabFields {
    private var fields: [(text: String, column: Int)] = []

    init(_ line: String) {
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: "\t") { index += 1 }
            if index > start { fields.append((String(decoding: bytes[start..<index], as: UTF8.self), start + 1)) }
        }
    }

    var count: Int { fields.count }
    var first: (text: String, column: Int)? { fields.first }
    func text(_ index: Int) -> String { fields[index].text }
    func column(_ index: Int) -> Int { fields[index].column }
    func texts(_ range: Range<Int>) -> [String] { fields[range].map(\.text) }
}
