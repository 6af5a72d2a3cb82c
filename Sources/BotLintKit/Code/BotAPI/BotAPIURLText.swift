/// Reads one `api.telegram.org/bot<token>/<method>` URL in raw (comment-masked) text: the
/// token expression however the language writes it, the method, and the webhook URL when visible.
struct BotAPIURLText {
    struct Match {
        var method: BotAPIMethod
        var token: ValueExpr
        var webhookURL: ValueExpr?
    }

    let bytes: [UInt8]
    let kind: BotAPISourceKind

    /// `hostOffset` is where `api.telegram.org/bot` starts.
    func match(at hostOffset: Int) -> Match? {
        let tokenStart = hostOffset + BotAPIMethod.hostMarker.count
        guard tokenStart < bytes.count, let (token, tokenEnd) = expression(at: tokenStart) else { return nil }
        let restEnd = lineEnd(from: tokenEnd)
        let rest = text(tokenEnd..<restEnd)[...]
        guard let (method, query) = BotAPIMethod.leading(rest) else { return nil }
        var url: ValueExpr?
        if method == .setWebhook {
            let queryOffset = tokenEnd + rest.utf8.distance(from: rest.startIndex, to: query.startIndex)
            url = queryURL(query, at: queryOffset) ?? commandURL(from: hostOffset)
        }
        return Match(method: method, token: token, webhookURL: url)
    }

    /// Offset of the URL's scheme when written (`https://`), for the fact's location.
    func urlStart(hostOffset: Int) -> Int {
        for scheme in ["https://", "http://"] {
            let start = hostOffset - scheme.utf8.count
            if start >= 0, bytes[start..<hostOffset].elementsEqual(scheme.utf8) { return start }
        }
        return hostOffset
    }

    // MARK: - Token expressions

    /// A value written inside a string at `start`: `$VAR`, `${VAR}`, `{token}`, `#{ENV["X"]}`,
    /// `\(token)`, `%s`, a literal token, or `" + expr + "` leaving the string. Returns the
    /// value and the offset where the string text resumes.
    private func expression(at start: Int) -> (ValueExpr, Int)? {
        let first = bytes[start]
        let next = byte(start + 1)
        switch first {
        case UInt8(ascii: "$"):
            return dollar(at: start)
        case UInt8(ascii: "{"):
            return enclosed(from: start + 1, closer: UInt8(ascii: "}"))
        case UInt8(ascii: "#") where next == UInt8(ascii: "{"):
            return enclosed(from: start + 2, closer: UInt8(ascii: "}"))
        case UInt8(ascii: "\\") where next == UInt8(ascii: "("):
            return enclosed(from: start + 2, closer: UInt8(ascii: ")"))
        case UInt8(ascii: "%"):
            return (.unknown(text(start..<min(bytes.count, start + 2))), min(bytes.count, start + 2))
        case UInt8(ascii: "<"):
            return enclosed(from: start + 1, closer: UInt8(ascii: ">"))
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
            return concatenation(closingQuote: start)
        default:
            return literalToken(at: start)
        }
    }

    /// `$VAR`, `${VAR:-x}`, `$(VAR)` (Make), `${{ secrets.TOKEN }}` (GitHub Actions).
    private func dollar(at start: Int) -> (ValueExpr, Int)? {
        if byte(start + 1) == UInt8(ascii: "{"), byte(start + 2) == UInt8(ascii: "{") {
            guard let close = find("}}", from: start + 3) else { return nil }
            return (.unknown(text((start + 3)..<close).trimmingBlanks), close + 2)
        }
        if byte(start + 1) == UInt8(ascii: "{") || byte(start + 1) == UInt8(ascii: "(") {
            let closer = byte(start + 1) == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
            guard let close = (start + 2..<lineEnd(from: start)).first(where: { bytes[$0] == closer }) else { return nil }
            let name = String(text((start + 2)..<close).prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            guard !name.isEmpty else { return (.unknown(text(start..<(close + 1))), close + 1) }
            return (variable(name), close + 1)
        }
        var end = start + 1
        while end < bytes.count, Self.isNameByte(bytes[end]) { end += 1 }
        guard end > start + 1 else { return nil }
        return (variable(text((start + 1)..<end)), end)
    }

    /// In shell-like files `$NAME` is the environment; elsewhere (PHP, Kotlin) a variable.
    private func variable(_ name: String) -> ValueExpr {
        kind.shellVariables ? .env(name, default: nil) : .unknown(name)
    }

    private func enclosed(from start: Int, closer: UInt8) -> (ValueExpr, Int)? {
        guard let close = (start..<lineEnd(from: start)).first(where: { bytes[$0] == closer }) else { return nil }
        let inner = text(start..<close).trimmingBlanks
        if let env = Self.environmentName(in: inner) { return (.env(env, default: nil), close + 1) }
        return (.unknown(inner.hasPrefix("$") ? String(inner.dropFirst()) : inner), close + 1)
    }

    /// `123456:AA...` written into the URL, or a placeholder word (`TOKEN`, `XXX`).
    private func literalToken(at start: Int) -> (ValueExpr, Int)? {
        var end = start
        while end < bytes.count, Self.isNameByte(bytes[end]) || bytes[end] == UInt8(ascii: ":") || bytes[end] == UInt8(ascii: "-") {
            end += 1
        }
        guard end > start else { return nil }
        let word = text(start..<end)
        let parts = word.split(separator: ":", maxSplits: 1)
        let isToken = parts.count == 2 && !parts[0].isEmpty && parts[0].allSatisfy(\.isNumber)
        return (isToken ? .literal(word) : .unknown(word), end)
    }

    /// `"...bot" + os.Getenv("TOKEN") + "/setWebhook"`: the string closes, an expression is
    /// concatenated, and (when `continued`) the next string goes on with the URL. Returns the
    /// expression's value and the offset after the next opening quote.
    private func concatenation(closingQuote quote: Int, continued: Bool = true) -> (ValueExpr, Int)? {
        guard let operatorEnd = concatOperatorEnd(at: skipBlanks(from: quote + 1)) else { return nil }
        let expressionStart = skipBlanks(from: operatorEnd)
        var i = expressionStart
        var depth = 0
        var reachedString = false
        scan: while i < bytes.count, bytes[i] != 0x0A {
            switch bytes[i] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if depth == 0 { reachedString = true; break scan }
                i = quotedEnd(from: i)
                continue
            case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                depth -= 1
                if depth < 0 { break scan }
            case UInt8(ascii: ",") where depth == 0, UInt8(ascii: ";") where depth == 0: break scan
            default: break
            }
            i += 1
        }
        guard reachedString || !continued else { return nil }
        var expression = text(expressionStart..<i).trimmingBlanks
        while let last = expression.last, "+.&~<>".contains(last) { expression = String(expression.dropLast()).trimmingBlanks }
        guard !expression.isEmpty else { return nil }
        let value: ValueExpr = Self.environmentName(in: expression).map { .env($0, default: nil) } ?? .unknown(expression)
        return (value, i + 1)
    }

    /// `+` (most languages), `.` (PHP, Perl), `..` (Lua), `<>` (Elixir), `&` (VB), `~` (D).
    private func concatOperatorEnd(at i: Int) -> Int? {
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "<"), byte(i + 1) == UInt8(ascii: ">") { return i + 2 }
        if bytes[i] == UInt8(ascii: "."), byte(i + 1) == UInt8(ascii: ".") { return i + 2 }
        return "+.&~".utf8.contains(bytes[i]) ? i + 1 : nil
    }

    /// The variable an environment read names: `os.Getenv("X")`, `System.getenv("X")`,
    /// `ENV["X"]`, `env::var("X")`, `Environment.GetEnvironmentVariable("X")`, `getenv('X')`.
    static func environmentName(in expression: String) -> String? {
        guard expression.lowercased().contains("env") else { return nil }
        let quotes: Set<Character> = ["\"", "'"]
        guard let open = expression.firstIndex(where: { quotes.contains($0) }) else { return nil }
        let rest = expression[expression.index(after: open)...]
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard !name.isEmpty, rest.dropFirst(name.count).first == expression[open] else { return nil }
        return String(name)
    }

    // MARK: - Webhook URL

    /// `?url=https://x/hook`, `?url=$URL`, `?url=" + url`.
    private func queryURL(_ query: Substring, at queryOffset: Int) -> ValueExpr? {
        guard let parameter = BotAPIMethod.webhookURLParameter(in: query) else { return nil }
        let valueOffset = queryOffset + query.utf8.distance(from: query.startIndex, to: parameter.startIndex)
        return value(at: valueOffset, written: parameter)
    }

    /// curl arguments on the same command: `-d url=...`, `-F "url=..."`, `-d '{"url": "..."}'`.
    private func commandURL(from hostOffset: Int) -> ValueExpr? {
        guard kind.shellVariables else { return nil }
        var end = lineEnd(from: hostOffset)
        while end > 0, end < bytes.count, bytes[end - 1] == UInt8(ascii: "\\") { end = lineEnd(from: end + 1) }
        var lineStart = hostOffset
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var i = lineStart
        while true {
            guard let found = find("url", from: i), found < end else { return nil }
            i = found + 3
            guard Self.argumentStarts.contains(byte(found - 1)) else { continue }
            var valueStart = i
            if byte(i) == UInt8(ascii: "\"") { valueStart = skipBlanks(from: i + 1) }  // JSON key `"url"`
            guard byte(valueStart) == UInt8(ascii: "=") || byte(valueStart) == UInt8(ascii: ":") else { continue }
            valueStart = skipBlanks(from: valueStart + 1)
            if byte(valueStart) == UInt8(ascii: "\"") || byte(valueStart) == UInt8(ascii: "'") { valueStart += 1 }
            let written = text(valueStart..<min(end, lineEnd(from: valueStart)))
                .prefix { !" \"'&}".contains($0) }
            guard !written.isEmpty else { continue }
            return value(at: valueStart, written: written)
        }
    }

    /// What may precede `url` when it starts an argument: a blank, a quote, a JSON brace.
    private static let argumentStarts: Set<UInt8> = [0x20, 0x09, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "{")]

    private func value(at offset: Int, written: Substring) -> ValueExpr? {
        if written.isEmpty {
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") else { return nil }
            return concatenation(closingQuote: offset, continued: false)?.0
        }
        if written.first == "$", let (value, _) = dollar(at: offset) { return value }
        return .literal(String(written))
    }

    // MARK: - Bytes

    private func byte(_ i: Int) -> UInt8 { i >= 0 && i < bytes.count ? bytes[i] : 0 }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[max(0, range.lowerBound)..<min(bytes.count, max(range.lowerBound, range.upperBound))], as: UTF8.self)
    }

    private func lineEnd(from start: Int) -> Int {
        var i = start
        while i < bytes.count, bytes[i] != 0x0A { i += 1 }
        return i
    }

    private func skipBlanks(from start: Int) -> Int {
        var i = start
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        return i
    }

    private func quotedEnd(from start: Int) -> Int {
        let quote = bytes[start]
        var i = start + 1
        while i < bytes.count, bytes[i] != quote, bytes[i] != 0x0A { i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1 }
        return min(bytes.count, i + 1)
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        ByteSearch.firstIndex(of: Array(needle.utf8), in: bytes, from: max(0, start))
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 95
    }
}

private extension StringProtocol {
    var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
