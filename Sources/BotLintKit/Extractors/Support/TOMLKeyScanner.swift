/// Finds `[table]` / `[[array.table]]` headers and `key = value` lines in TOML text, line by line,
/// skipping multi-line strings and arrays. It never fails: odd lines are simply not recorded.
struct TOMLKeyScanner {
    private let bytes: [UInt8]
    private var sightings: [KeyLocator.Sighting] = []
    private var table: [String] = []
    /// Elements seen so far per array of tables (resolved path, joined).
    private var arrayTableCounts: [String: Int] = [:]
    /// The closing `"""`/`'''` of a multi-line string that is still open.
    private var openString: [UInt8]?
    /// Open `[`/`{` of a value continued on the next line.
    private var bracketDepth = 0
    /// Header lines whose name is missing (`[`, `[ # x`, `[=]`): toml++ aborts on an assertion
    /// instead of reporting them.
    private var namelessHeaderLines: [Int] = []
    /// Lines of values toml++ asserts on instead of reporting (see `linesWithAValueTheParserAssertsOn`).
    private var valueAssertionLines: [(line: Int, problem: String)] = []
    private var currentLine = 0
    /// The last byte of a value outside strings and comments, across its lines.
    private var previousValueByte: UInt8 = 0

    static func scan(_ bytes: [UInt8]) -> [KeyLocator.Sighting] {
        scanner(for: bytes).sightings
    }

    /// Lines the TOML parser (toml++) would crash on rather than report, with what is wrong:
    /// they are blanked before parsing and reported as a parse problem.
    static func linesTheParserCannotTake(_ bytes: [UInt8]) -> [(line: Int, problem: String)] {
        let deep = linesWithTooDeepKeys(bytes).map { ($0, "a key nested deeper than \(KeyLocator.maxDepth) levels was not read") }
        let scanned = scanner(for: bytes)
        let nameless = scanned.namelessHeaderLines.map { ($0, "a table header without a name") }
        return (nameless + deep + scanned.valueAssertionLines).sorted { $0.0 < $1.0 }
    }

    /// Lines where toml++ asserts that a value starts instead of reporting an error (found by
    /// fuzzing): `}` after `[` or `,` in a value, and the Unicode line breaks U+0085, U+2028 and
    /// U+2029 outside its strings (never valid TOML).
    static func linesWithAValueTheParserAssertsOn(_ bytes: [UInt8]) -> [(line: Int, problem: String)] {
        scanner(for: bytes).valueAssertionLines
    }

    private static func scanner(for bytes: [UInt8]) -> TOMLKeyScanner {
        var scanner = TOMLKeyScanner(bytes: bytes)
        var lineNumber = 1
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            scanner.scanLine(start..<end, number: lineNumber)
            start = end + 1
            lineNumber += 1
        }
        return scanner
    }

    /// Lines holding a dotted name of more than `KeyLocator.maxDepth` parts (`a.b."c"…`, in a
    /// header, a key or an inline table). The TOML parser (toml++) limits nested values but not
    /// dotted keys, and frees such a table by recursion: 100,000 parts overflow the stack.
    /// Numbers and versions have a few dots; nothing real comes near the limit.
    private static func linesWithTooDeepKeys(_ bytes: [UInt8]) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var parts = 0
        var afterDot = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                parts = 0
                afterDot = false
            case UInt8(ascii: "."):
                afterDot = parts > 0
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                break
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                // A quoted part: skip to its closing quote on this line.
                var end = i + 1
                while end < bytes.count, bytes[end] != byte, bytes[end] != UInt8(ascii: "\n") {
                    if byte == UInt8(ascii: "\""), bytes[end] == UInt8(ascii: "\\") { end += 1 }
                    end += 1
                }
                parts = afterDot ? parts + 1 : 1
                afterDot = false
                i = min(end, bytes.count - 1)
                if bytes[i] == UInt8(ascii: "\n") { continue }
            default:
                if isBareKeyByte(byte) {
                    while i + 1 < bytes.count, isBareKeyByte(bytes[i + 1]) { i += 1 }
                    parts = afterDot ? parts + 1 : 1
                } else {
                    parts = 0
                }
                afterDot = false
            }
            if parts > KeyLocator.maxDepth, lines.last != line { lines.append(line) }
            i += 1
        }
        return lines
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func scanLine(_ line: Range<Int>, number: Int) {
        currentLine = number
        var i = line.lowerBound
        if let delimiter = openString {
            guard let close = find(delimiter, in: i..<line.upperBound) else { return }
            openString = nil
            i = close + delimiter.count
        }
        if bracketDepth > 0 || i > line.lowerBound {
            scanValue(from: i, to: line.upperBound)
            return
        }
        i = skipSpaces(from: i, to: line.upperBound)
        guard i < line.upperBound, bytes[i] != UInt8(ascii: "#") else { return }
        let position = KeyLocator.Position(line: number, column: i - line.lowerBound + 1)
        if bytes[i] == UInt8(ascii: "[") {
            scanHeader(from: i, to: line.upperBound, at: position)
        } else {
            scanKeyValue(from: i, line: line, at: position)
        }
    }

    private mutating func scanHeader(from start: Int, to end: Int, at position: KeyLocator.Position) {
        let isArray = start + 1 < end && bytes[start + 1] == UInt8(ascii: "[")
        var nameStart = start + (isArray ? 2 : 1)
        while nameStart < end, bytes[nameStart] == UInt8(ascii: " ") || bytes[nameStart] == UInt8(ascii: "\t") { nameStart += 1 }
        let first = nameStart < end ? bytes[nameStart] : UInt8(ascii: "\n")
        guard Self.isBareKeyByte(first) || first == UInt8(ascii: "\"") || first == UInt8(ascii: "'")
                || first == UInt8(ascii: "]") else { return namelessHeaderLines.append(position.line) }
        guard let (parts, _) = keyParts(from: start + (isArray ? 2 : 1), to: end), !parts.isEmpty else { return }
        guard parts.count <= KeyLocator.maxDepth else { return }
        if isArray {
            let arrayPath = resolve(Array(parts.dropLast())) + [parts[parts.count - 1]]
            let joined = KeyLocator.joined(arrayPath)
            let index = arrayTableCounts[joined] ?? 0
            arrayTableCounts[joined] = index + 1
            sightings.append(.init(keyPath: arrayPath, key: position, value: position))
            table = arrayPath + [String(index)]
        } else {
            table = resolve(parts)
        }
        // `[a.b.c]` also defines `a` and `a.b` when they have no header of their own.
        for length in 1...table.count {
            sightings.append(.init(keyPath: Array(table.prefix(length)), key: position, value: position))
        }
    }

    private mutating func scanKeyValue(from start: Int, line: Range<Int>, at position: KeyLocator.Position) {
        guard let (parts, afterKey) = keyParts(from: start, to: line.upperBound), !parts.isEmpty,
              afterKey < line.upperBound, bytes[afterKey] == UInt8(ascii: "=") else { return }
        guard table.count + parts.count <= KeyLocator.maxDepth else { return }
        let valueStart = skipSpaces(from: afterKey + 1, to: line.upperBound)
        let value = KeyLocator.Position(line: position.line, column: valueStart - line.lowerBound + 1)
        for length in 1..<parts.count {
            sightings.append(.init(keyPath: table + parts.prefix(length), key: position, value: position))
        }
        sightings.append(.init(keyPath: table + parts, key: position, value: value))
        previousValueByte = UInt8(ascii: "=")
        scanValue(from: valueStart, to: line.upperBound)
    }

    /// A header path where every array of tables on the way is its latest element.
    private func resolve(_ parts: [String]) -> [String] {
        var resolved: [String] = []
        for part in parts {
            resolved.append(part)
            if let count = arrayTableCounts[KeyLocator.joined(resolved)] { resolved.append(String(count - 1)) }
        }
        return resolved
    }

    /// Dotted key (`a."b.c".d`) up to the byte after it (and after trailing spaces).
    private func keyParts(from start: Int, to end: Int) -> ([String], Int)? {
        var parts: [String] = []
        var i = start
        while true {
            i = skipSpaces(from: i, to: end)
            guard i < end else { return nil }
            let quote = bytes[i]
            var partEnd = i
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                partEnd = i + 1
                while partEnd < end, bytes[partEnd] != quote {
                    partEnd += (quote == UInt8(ascii: "\"") && bytes[partEnd] == UInt8(ascii: "\\")) ? 2 : 1
                }
                guard partEnd < end else { return nil }
                parts.append(Self.unescape(bytes[(i + 1)..<partEnd]))
                i = partEnd + 1
            } else {
                while partEnd < end, Self.isBareKeyByte(bytes[partEnd]) { partEnd += 1 }
                guard partEnd > i else { return nil }
                parts.append(String(decoding: bytes[i..<partEnd], as: UTF8.self))
                i = partEnd
            }
            i = skipSpaces(from: i, to: end)
            guard i < end, bytes[i] == UInt8(ascii: ".") else { return (parts, i) }
            i += 1
        }
    }

    /// Follows strings, comments and brackets so a value continued on later lines is skipped.
    private mutating func scanValue(from start: Int, to end: Int) {
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "#") { return }
            if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t"), byte != UInt8(ascii: "\r") {
                noteAssertion(at: i, after: previousValueByte)
                previousValueByte = byte
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let triple = [byte, byte, byte]
                if i + 2 < end, Array(bytes[i..<(i + 3)]) == triple {
                    guard let close = find(triple, in: (i + 3)..<end) else { openString = triple; return }
                    i = close + 3
                    continue
                }
                i = skipString(from: i + 1, quote: byte, to: end)
                continue
            }
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { bracketDepth += 1 }
            if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { bracketDepth = max(0, bracketDepth - 1) }
            i += 1
        }
    }

    private mutating func noteAssertion(at i: Int, after previous: UInt8) {
        guard valueAssertionLines.last?.line != currentLine else { return }
        if bytes[i] == UInt8(ascii: "}"), previous == UInt8(ascii: "[") || previous == UInt8(ascii: ",") {
            valueAssertionLines.append((currentLine, "a value is missing before `}`"))
        } else if let name = Self.unicodeLineBreak(at: i, in: bytes) {
            valueAssertionLines.append((currentLine, "an invisible \(name) outside a string: delete it"))
        }
    }

    /// U+0085 (NEL), U+2028 and U+2029 in UTF-8.
    private static func unicodeLineBreak(at i: Int, in bytes: [UInt8]) -> String? {
        if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 { return "next-line character (U+0085)" }
        guard bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 else { return nil }
        if bytes[i + 2] == 0xA8 { return "line separator (U+2028)" }
        if bytes[i + 2] == 0xA9 { return "paragraph separator (U+2029)" }
        return nil
    }

    private func skipString(from start: Int, quote: UInt8, to end: Int) -> Int {
        var i = start
        while i < end, bytes[i] != quote {
            i += (quote == UInt8(ascii: "\"") && bytes[i] == UInt8(ascii: "\\")) ? 2 : 1
        }
        return min(i + 1, end)
    }

    private func find(_ needle: [UInt8], in range: Range<Int>) -> Int? {
        var i = range.lowerBound
        while i + needle.count <= range.upperBound {
            if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle,
               i == range.lowerBound || bytes[i - 1] != UInt8(ascii: "\\") || needle[0] == UInt8(ascii: "'") {
                return i
            }
            i += 1
        }
        return nil
    }

    private func skipSpaces(from start: Int, to end: Int) -> Int {
        var i = start
        while i < end, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") || bytes[i] == UInt8(ascii: "\r") {
            i += 1
        }
        return i
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        TokenRedaction.isWordChar(byte) || byte == UInt8(ascii: "-")
    }

    /// Quoted keys: a backslash keeps the next byte (enough for `\"` and `\\` in key names).
    static func unescape(_ raw: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        var escaped = false
        for byte in raw {
            if !escaped, byte == UInt8(ascii: "\\") { escaped = true; continue }
            escaped = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
