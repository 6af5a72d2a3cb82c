import Foundation

/// `Makefile`, `makefile` and `GNUmakefile`: each explicit target whose recipe starts something is
/// a local runner (`make run`), started by hand like a start script.
///
/// Recipe lines are what make hands to the shell: the leading tab and `@`/`-`/`+` prefixes are
/// dropped, `\` continuations joined, `$$` becomes `$`, and `$(VAR)`/`${VAR}` take the value the
/// Makefile assigns (`=`, `:=`, `::=`, `?=`, `+=` appends); a variable the Makefile does not set
/// comes from the environment, so it stays a shell variable. Function calls (`$(shell ...)`)
/// are unknown and dropped. `export VAR = value` is also an environment variable of the recipes,
/// and `include .env` (or `-include`) with `export` loads that file's variables. Targets with
/// `%` (pattern rules) or a leading `.` (`.PHONY`) run nothing by name.
public struct MakefileExtractor: Extractor {
    static let names: Set<String> = ["Makefile", "makefile", "GNUmakefile"]
    static let maxExpansionDepth = 8

    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool { Self.names.contains(file.name) }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        var parsed = ParsedMakefile()
        var current: (name: String, line: Int)?
        var recipes: [(target: String, targetLine: Int, line: Int, text: String)] = []
        var pending: (line: Int, text: String)?
        for (offset, raw) in TextLines.split(file.text).enumerated() {
            let lineNumber = offset + 1
            var line = String(raw)
            if let started = pending {
                line = started.text + " " + line.drop { $0 == " " || $0 == "\t" }
            }
            if line.hasSuffix("\\") {
                pending = (pending?.line ?? lineNumber, String(line.dropLast()))
                continue
            }
            let startLine = pending?.line ?? lineNumber
            pending = nil
            if line.hasPrefix("\t") {
                if let target = current {
                    recipes.append((target.name, target.line, startLine, String(line.dropFirst())))
                }
                continue
            }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if parsed.readDirective(trimmed, directory: file.directory, location: SourceLocation(path: file.path, line: startLine)) {
                current = nil
                continue
            }
            current = Self.target(trimmed).map { ($0, startLine) }
        }
        var seen = Set<String>()
        for target in recipes.map(\.target) where seen.insert(target).inserted {
            let lines = recipes.filter { $0.target == target }
            let placed = Dictionary(lines.map { ($0.line, parsed.shellLine($0.text)) }, uniquingKeysWith: { $1 })
            guard let first = placed.keys.min(), let last = placed.keys.max() else { continue }
            let command = (first...last).map { placed[$0] ?? "" }.joined(separator: "\n")
            let location = SourceLocation(path: file.path, line: lines[0].targetLine)
            analysis.runners.append(RunnerDecl(
                kind: .makeTarget, platform: .local, name: target, command: command,
                commandLocation: SourceLocation(path: file.path, line: first, column: 1),
                instances: Instances(count: 1, reason: "`make \(target)` starts one copy", location: location),
                env: parsed.exported, envFiles: parsed.includedEnvFiles, directory: file.directory, location: location))
        }
    }

    /// The first target a rule line names (`run start: deps`), or nil for lines that are not rules.
    static func target(_ line: String) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let after = line[line.index(after: colon)...]
        // `A := b` and `A ::= b` are assignments; `a:: b` is a double-colon rule.
        if after.hasPrefix("=") || after.hasPrefix(":=") { return nil }
        guard let name = line[..<colon].split(separator: " ").first.map(String.init),
              !name.hasPrefix("."), !name.contains("%"), !name.contains("$"), !name.contains("=") else { return nil }
        return name
    }
}

/// Variables, exports and includes of one Makefile, read in file order.
private struct ParsedMakefile {
    var variables: [String: String] = [:]
    var exported: [EnvAssignment] = []
    var includedEnvFiles: [String] = []
    private var includes: [String] = []
    private var exportsAll = false

    /// Reads an assignment, `export` or `include` line; false when the line is none of them.
    mutating func readDirective(_ line: String, directory: String, location: SourceLocation) -> Bool {
        var text = Substring(line)
        let isExport = text.hasPrefix("export ")
        if line == "export" {
            exportsAll = true
            includedEnvFiles = includes
            return true
        }
        if isExport { text = text.dropFirst("export ".count).drop { $0 == " " } }
        if text.hasPrefix("include ") || text.hasPrefix("-include ") || text.hasPrefix("sinclude ") {
            for name in text.split(separator: " ").dropFirst() where name.split(separator: "/").last?.hasPrefix(".env") == true {
                includes.append(PathUtil.join(directory, String(name)))
            }
            if exportsAll { includedEnvFiles = includes }
            return true
        }
        guard let (name, op, value) = Self.assignment(text) else {
            if isExport {
                // `export NAME` exports a variable set elsewhere.
                for name in text.split(separator: " ").map(String.init) where ShellNames.isIdentifier(name) {
                    exported.append(EnvAssignment(name: name, value: variables[name], location: location))
                }
                return true
            }
            return false
        }
        switch op {
        case "?=": if variables[name] == nil { variables[name] = value }
        case "+=": variables[name] = (variables[name].map { $0 + " " } ?? "") + value
        case ":=", "::=", ":::=": variables[name] = expand(value, depth: 0)
        default: variables[name] = value
        }
        if isExport {
            exported.removeAll { $0.name == name }
            exported.append(EnvAssignment(name: name, value: variables[name].map { expand($0, depth: 0) }, location: location))
        }
        return true
    }

    /// `NAME op value` for make's assignment operators.
    private static func assignment(_ text: Substring) -> (String, String, String)? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        var opStart = equals
        while opStart > text.startIndex, ":?+!".contains(text[text.index(before: opStart)]) {
            opStart = text.index(before: opStart)
        }
        let name = text[..<opStart].trimmingWhitespace()
        guard ShellNames.isIdentifier(name) || name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }),
              !name.isEmpty else { return nil }
        let op = String(text[opStart...equals])
        let value = text[text.index(after: equals)...].trimmingWhitespace()
        return (name, op, value)
    }

    /// A recipe line as the shell receives it.
    func shellLine(_ recipe: String) -> String {
        let body = recipe.drop { $0 == "@" || $0 == "-" || $0 == "+" || $0 == " " || $0 == "\t" }
        return expand(String(body), depth: 0)
    }

    private func expand(_ text: String, depth: Int) -> String {
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let after = rest.index(after: dollar)
            guard after < rest.endIndex else { result += "$"; rest = rest[after...]; break }
            let next = rest[after]
            if next == "$" {
                result += "$"
                rest = rest[rest.index(after: after)...]
                continue
            }
            guard next == "(" || next == "{", let close = rest[after...].firstIndex(of: next == "(" ? ")" : "}") else {
                // `$X`: a one-letter make variable; automatic ones (`$@`) are unknown.
                rest = rest[rest.index(after: after)...]
                continue
            }
            let name = String(rest[rest.index(after: after)..<close])
            rest = rest[rest.index(after: close)...]
            if let value = variables[name] {
                result += depth < MakefileExtractor.maxExpansionDepth ? expand(value, depth: depth + 1) : ""
            } else if ShellNames.isIdentifier(name) {
                result += "${\(name)}"
            }
        }
        return result + rest
    }
}
