import Foundation

/// `[section]` + `key = value` files as systemd and supervisord write them: `#`/`;` comments,
/// a trailing `\` continues a line (systemd), indented lines continue a value (supervisord).
struct INIFile {
    struct Entry {
        var key: String
        var value: String
        var location: SourceLocation
        /// Where the value starts.
        var valueLocation: SourceLocation
    }

    struct Section {
        var name: String
        var location: SourceLocation
        var entries: [Entry] = []

        /// The last value of a key (later lines override earlier ones).
        subscript(key: String) -> String? { entries.last { $0.key == key }?.value }
        func entry(_ key: String) -> Entry? { entries.last { $0.key == key } }
        func all(_ key: String) -> [Entry] { entries.filter { $0.key == key } }
    }

    var sections: [Section] = []
    var problems: [ParseProblem] = []

    init(_ file: SourceFile, format: String, indentedContinuation: Bool) {
        var pending: (entry: Entry, continued: Bool)?
        func flush(_ sections: inout [Section]) {
            if let entry = pending?.entry, !sections.isEmpty { sections[sections.count - 1].entries.append(entry) }
            pending = nil
        }
        for (offset, raw) in TextLines.split(file.text).enumerated() {
            let lineNumber = offset + 1
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            let trimmed = line.trimmingWhitespace()
            if let open = pending, open.continued {
                let more = trimmed.hasSuffix("\\")
                pending?.entry.value += " " + (more ? String(trimmed.dropLast()) : trimmed)
                pending?.continued = more
                if !more, !indentedContinuation { flush(&sections) }
                continue
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") {
                if trimmed.isEmpty { flush(&sections) }
                continue
            }
            if indentedContinuation, pending != nil, line.first == " " || line.first == "\t" {
                pending?.entry.value += "\n" + trimmed
                continue
            }
            flush(&sections)
            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]") else {
                    problems.append(ParseProblem(location: SourceLocation(path: file.path, line: lineNumber, column: 1),
                                                 format: format, message: "section header without ']'"))
                    continue
                }
                sections.append(Section(name: String(trimmed.dropFirst().dropLast()).trimmingWhitespace(),
                                        location: SourceLocation(path: file.path, line: lineNumber, column: 1)))
                continue
            }
            guard let eq = line.firstIndex(of: "="), !sections.isEmpty else {
                problems.append(ParseProblem(location: SourceLocation(path: file.path, line: lineNumber, column: 1),
                                             format: format, message: sections.isEmpty ? "setting before any [section]" : "expected 'key = value'"))
                continue
            }
            let key = line[..<eq].trimmingWhitespace()
            let afterEq = line[line.index(after: eq)...]
            let leading = afterEq.prefix { $0 == " " || $0 == "\t" }.utf8.count
            var value = afterEq.trimmingWhitespace()
            let continued = !indentedContinuation && value.hasSuffix("\\")
            if continued { value = String(value.dropLast()).trimmingWhitespace() }
            let keyColumn = line.utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count + 1
            let valueColumn = line[..<eq].utf8.count + 2 + leading
            pending = (Entry(key: key, value: value,
                             location: SourceLocation(path: file.path, line: lineNumber, column: keyColumn),
                             valueLocation: SourceLocation(path: file.path, line: lineNumber, column: valueColumn)),
                       continued)
            if !continued, !indentedContinuation { flush(&sections) }
        }
        flush(&sections)
    }

    func section(_ name: String) -> Section? { sections.first { $0.name == name } }
}
