/// Blanks comments out of a source buffer (bytes become spaces, line breaks stay so offsets and
/// line numbers are unchanged). Quoted strings are skipped so `"https://..."` is not a comment.
struct CommentMasker {
    let kind: BotAPISourceKind

    func masked(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            let next = i + 1 < n ? bytes[i + 1] : 0
            if kind.shellVariables, byte == UInt8(ascii: "\\") {
                i += 2  // `don\'t`: an escaped quote opens nothing
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || (byte == UInt8(ascii: "`") && kind.slashComments) {
                // Backticks quote only in C-like languages (Go raw strings); in shell they run code.
                i = stringEnd(bytes, from: i)
            } else if kind.slashComments, byte == UInt8(ascii: "/"), next == UInt8(ascii: "/") {
                i = blank(&out, from: i, to: lineEnd(bytes, from: i))
            } else if kind.slashComments, byte == UInt8(ascii: "/"), next == UInt8(ascii: "*") {
                i = blank(&out, from: i, to: blockCommentEnd(bytes, from: i))
            } else if kind.hashComments, byte == UInt8(ascii: "#"), startsHashComment(bytes, at: i) {
                i = blank(&out, from: i, to: lineEnd(bytes, from: i))
            } else {
                i += 1
            }
        }
        return out
    }

    private func blank(_ out: inout [UInt8], from start: Int, to end: Int) -> Int {
        for k in start..<end where out[k] != 0x0A { out[k] = 0x20 }
        return end
    }

    /// `#` opens a comment at a word start; not in `$#`, `${#x}`, `a#b` or PHP's `#[Attribute]`.
    private func startsHashComment(_ bytes: [UInt8], at i: Int) -> Bool {
        if kind.slashComments, i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") { return false }
        guard i > 0 else { return true }
        let previous = bytes[i - 1]
        return previous == 0x20 || previous == 0x09 || previous == 0x0A || previous == 0x0D
            || previous == UInt8(ascii: ";") || previous == UInt8(ascii: "(")
    }

    /// Where a quoted string ends; see `BotAPISourceKind.multilineStrings` (Rust lifetimes and
    /// YAML apostrophes end at the line). Backticks (Go raw strings) may span lines.
    private func stringEnd(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = bytes[start]
        let spansLines = quote == UInt8(ascii: "`") || kind.multilineStrings
        let escapes = !(quote == UInt8(ascii: "'") && kind.shellVariables) && quote != UInt8(ascii: "`")
        var i = start + 1
        while i < bytes.count {
            let byte = bytes[i]
            if byte == quote { return i + 1 }
            if byte == 0x0A, !spansLines { return i }
            i += escapes && byte == UInt8(ascii: "\\") ? 2 : 1
        }
        return bytes.count
    }

    private func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        while i < bytes.count, bytes[i] != 0x0A { i += 1 }
        return i
    }

    private func blockCommentEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start + 2
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "*"), bytes[i + 1] == UInt8(ascii: "/") { return i + 2 }
            i += 1
        }
        return bytes.count
    }
}
