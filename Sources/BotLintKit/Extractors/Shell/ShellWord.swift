/// One piece of a shell word before expansion.
enum ShellWordPart: Hashable, Sendable {
    /// Text after quote removal; `quoted` when it came from quotes or a backslash escape.
    case literal(String, quoted: Bool)
    /// `$NAME`, `${NAME}`, `${NAME:-default}`, `$1`: `modifier` is the text after the name
    /// (":-default", ",,", ""), `raw` the source text.
    case parameter(name: String, modifier: String, raw: String)
    /// `$(...)`, backticks, `$((...))`, `<(...)`: never run, kept opaque; `inner` is the text inside.
    case substitution(inner: String, raw: String)
}

/// A word as the lexer read it, with its place in the file.
struct ShellWord: Hashable, Sendable {
    var parts: [ShellWordPart]
    /// The source text of the whole word.
    var raw: String
    var line: Int
    var column: Int
    /// Line and column where the word's content starts (after an opening quote), for nested parses.
    var contentLine: Int
    var contentColumn: Int
    /// Byte offset of the word in the parsed text.
    var offset: Int

    /// The word when it is one unquoted literal (reserved words, `{`, `]]`).
    var plainText: String? {
        guard parts.count == 1, case .literal(let text, quoted: false) = parts[0] else { return nil }
        return text
    }

    /// Quote removal only, expansions kept as written: heredoc delimiters, patterns.
    var unquoted: String {
        parts.map { part in
            switch part {
            case .literal(let text, _): text
            case .parameter(_, _, let raw), .substitution(_, let raw): raw
            }
        }.joined()
    }

    /// `NAME=value` prefix: the name and the parts of the value, when this word is an assignment.
    var assignment: (name: String, value: [ShellWordPart])? {
        guard case .literal(let first, quoted: false)? = parts.first,
              let eq = first.firstIndex(of: "=") else { return nil }
        var name = String(first[..<eq])
        if name.hasSuffix("+") { name.removeLast() }
        guard ShellNames.isIdentifier(name) else { return nil }
        let rest = String(first[first.index(after: eq)...])
        var value: [ShellWordPart] = rest.isEmpty ? [] : [.literal(rest, quoted: false)]
        value.append(contentsOf: parts.dropFirst())
        return (name, value)
    }
}

enum ShellNames {
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return text.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || isDigit($0) }
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// The last path component: `/usr/bin/python3` → `python3`.
    static func basename(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
