/// Byte ranges of loop bodies that can be seen without parsing the language: shell
/// `while/for/until ... do ... done`, and brace blocks headed by a loop keyword
/// (`for`, `while`, `foreach`, `loop`, `do`, `repeat`). Works on comment-masked bytes.
struct LoopRegions {
    private var bodies: [Range<Int>] = []

    init(_ bytes: [UInt8], syntax: BotAPISourceKind.LoopSyntax) {
        switch syntax {
        case .shell: scanShell(bytes)
        case .braces: scanBraces(bytes)
        case .none: break
        }
    }

    func contains(_ offset: Int) -> Bool { bodies.contains { $0.contains(offset) } }

    // MARK: - Shell

    private mutating func scanShell(_ bytes: [UInt8]) {
        var open: [Int] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                i = Self.quoteEnd(bytes, from: i)
                continue
            }
            guard Self.isWordByte(byte), i == 0 || !Self.isWordByte(bytes[i - 1]) else { i += 1; continue }
            var end = i
            while end < bytes.count, Self.isWordByte(bytes[end]) { end += 1 }
            if Self.atCommandPosition(bytes, i) {
                let word = bytes[i..<end]
                if word.elementsEqual("do".utf8) { open.append(end) }
                if word.elementsEqual("done".utf8), let start = open.popLast() { bodies.append(start..<i) }
            }
            i = end
        }
        bodies.append(contentsOf: open.map { $0..<bytes.count })
    }

    /// After `;`, `&`, `|`, `(` or a line start (blanks skipped): where `do`/`done` are keywords.
    private static func atCommandPosition(_ bytes: [UInt8], _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, bytes[k] == 0x20 || bytes[k] == 0x09 { k -= 1 }
        guard k >= 0 else { return true }
        return [UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "("), 0x0A].contains(bytes[k])
    }

    // MARK: - Braces

    private static let loopWords: Set<String> = ["for", "while", "foreach", "loop", "do", "repeat", "until"]

    private mutating func scanBraces(_ bytes: [UInt8]) {
        var stack: [(isLoop: Bool, start: Int)] = []
        // The header is the text since the last `;`, brace or line break; an Allman-style `{`
        // alone on its line takes the previous line's.
        var headerStart = 0
        var previousLineStart = 0
        var parens = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
                i = Self.quoteEnd(bytes, from: i)
                continue
            case UInt8(ascii: "("): parens += 1
            case UInt8(ascii: ")"): parens = max(0, parens - 1)
            case UInt8(ascii: ";") where parens == 0:
                headerStart = i + 1
            case 0x0A where parens == 0:
                if !Self.isBlank(bytes[headerStart..<i]) { previousLineStart = headerStart }
                headerStart = i + 1
            case UInt8(ascii: "{"):
                let header = Self.isBlank(bytes[headerStart..<i]) ? bytes[min(previousLineStart, i)..<i] : bytes[headerStart..<i]
                stack.append((Self.isLoopHeader(header), i + 1))
                headerStart = i + 1
                parens = 0
            case UInt8(ascii: "}"):
                if let block = stack.popLast(), block.isLoop { bodies.append(block.start..<i) }
                headerStart = i + 1
                parens = 0
            default: break
            }
            i += 1
        }
        bodies.append(contentsOf: stack.filter(\.isLoop).map { $0.start..<bytes.count })
    }

    /// `for (...)`, `while true`, `outer: for`, `loop`: the first word (after a label) decides.
    private static func isLoopHeader(_ header: ArraySlice<UInt8>) -> Bool {
        let words = String(decoding: header, as: UTF8.self)
            .split(whereSeparator: { !$0.isLetter && $0 != ":" && $0 != "_" })
            .prefix(2)
        guard let first = words.first else { return false }
        if first.hasSuffix(":"), words.count > 1 { return loopWords.contains(String(words[words.index(after: words.startIndex)])) }
        return loopWords.contains(String(first))
    }

    // MARK: - Bytes

    private static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }

    /// The end of a quoted run, at the closing quote or the line end.
    private static func quoteEnd(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = bytes[start]
        var i = start + 1
        while i < bytes.count {
            if bytes[i] == quote { return i + 1 }
            if bytes[i] == 0x0A, quote != UInt8(ascii: "`") { return i }
            i += bytes[i] == UInt8(ascii: "\\") && quote != UInt8(ascii: "'") ? 2 : 1
        }
        return bytes.count
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 95
    }
}
