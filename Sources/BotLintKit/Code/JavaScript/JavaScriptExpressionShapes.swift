/// Small shape tests over token ranges shared by the value and condition readers.
extension JSTokens {
    /// A member path such as `process.env.BOT_TOKEN`, `this.bot?.telegram`, `env["X"]`.
    struct Path {
        var segments: [String]
        /// Token index just past the path.
        var end: Int

        var joined: String { segments.joined(separator: ".") }
    }

    func path(at start: Int, limit: Int) -> Path? {
        guard start < limit, isIdentifier(start) else { return nil }
        var segments = [text(start)]
        let end = walkPath(from: start, limit: limit) { segments.append($0) }
        return Path(segments: segments, end: end)
    }

    /// Where the path starting at `start` ends, without building its segments.
    func pathEnd(at start: Int, limit: Int) -> Int? {
        guard start < limit, isIdentifier(start) else { return nil }
        return walkPath(from: start, limit: limit, segment: nil)
    }

    private func walkPath(from start: Int, limit: Int, segment: ((String) -> Void)?) -> Int {
        var i = start + 1
        while i < limit {
            if (isOp(i, JSOp.dot) || isOp(i, JSOp.optionalChain)), i + 1 < limit,
               isIdentifier(i + 1) || tokens[i + 1].kind == .privateName {
                segment?(text(i + 1))
                i += 2
            } else if isOp(i, JSOp.openBracket), i + 2 < limit, tokens[i + 1].kind == .string, isOp(i + 2, JSOp.closeBracket) {
                segment?(stringValue(i + 1) ?? "")
                i += 3
            } else if isOp(i, JSOp.not), i + 1 < limit, isOp(i + 1, JSOp.dot) {
                i += 1  // TypeScript non-null assertion inside a path: `config!.token`
            } else {
                break
            }
        }
        return i
    }

    /// The range without wrappers that do not change the value: parentheses, `await`,
    /// TypeScript `!`, `as T`, `satisfies T` and `<T>` casts.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var range = range
        while !range.isEmpty {
            let first = range.lowerBound, last = range.upperBound - 1
            if isWord(first, "await") || isWord(first, "void") {
                range = (first + 1)..<range.upperBound
            } else if isOp(first, JSOp.openParen), close(of: first, limit: range.upperBound) == last {
                range = (first + 1)..<last
            } else if isOp(last, JSOp.not) {
                range = first..<last
            } else if let cast = firstTopLevel(range, where: { $0 > first && (isWord($0, "as") || isWord($0, "satisfies")) }) {
                range = first..<cast
            } else if isOp(first, JSOp.less), let closing = (first..<range.upperBound).first(where: { isOp($0, JSOp.greater) }) {
                range = (closing + 1)..<range.upperBound
            } else {
                return range
            }
        }
        return range
    }

    /// `process.env.X`, `process.env["X"]`, `import.meta.env.X`, `Bun.env.X`, `Deno.env.get("X")`,
    /// optionally followed by `.trim()`/`.toLowerCase()` (`caseFolded` tells which).
    func envRead(_ range: Range<Int>) -> (name: String, caseFolded: Bool)? {
        let range = trimmed(range)
        guard let path = path(at: range.lowerBound, limit: range.upperBound) else { return nil }
        var segments = path.segments
        var i = path.end
        var caseFolded = false
        if segments.count == 3, segments[0] == "Deno", segments[1] == "env", segments[2] == "get",
           isOp(i, JSOp.openParen), let name = stringValue(i + 1), isOp(i + 2, JSOp.closeParen) {
            segments = ["Deno", "env", name]
            i += 3
        }
        // Trailing string methods: `process.env.MODE.toLowerCase()`, `?.trim()`.
        while segments.count > 3, let method = segments.last, Self.valuePreservingMethods.contains(method) {
            if isOp(i, JSOp.openParen), isOp(i + 1, JSOp.closeParen) { i += 2 }
            caseFolded = caseFolded || method != "trim"
            segments.removeLast()
        }
        while i < range.upperBound, isOp(i, JSOp.not) { i += 1 }
        guard i == range.upperBound, let name = Self.envName(segments) else { return nil }
        return (name, caseFolded)
    }

    private static let valuePreservingMethods: Set<String> = ["trim", "toLowerCase", "toUpperCase", "toLocaleLowerCase"]

    private static func envName(_ segments: [String]) -> String? {
        switch segments.count {
        case 3 where segments[0] == "process" && segments[1] == "env": segments[2]
        case 3 where (segments[0] == "Bun" || segments[0] == "Deno") && segments[1] == "env": segments[2]
        case 4 where segments[0] == "import" && segments[1] == "meta" && segments[2] == "env": segments[3]
        default: nil
        }
    }

    /// `process.env` itself (the source of `const { X } = process.env`).
    func isEnvObject(_ range: Range<Int>) -> Bool {
        let range = trimmed(range)
        guard let path = path(at: range.lowerBound, limit: range.upperBound), path.end == range.upperBound else { return false }
        return path.segments == ["process", "env"] || path.segments == ["import", "meta", "env"] || path.segments == ["Bun", "env"]
    }

    /// The `:` that closes the ternary whose `?` is at `question`.
    func ternaryColon(after question: Int, limit: Int) -> Int? {
        var depth = 0
        return firstTopLevel((question + 1)..<limit) { i in
            if isOp(i, JSOp.question) { depth += 1 }
            guard isOp(i, JSOp.colon) else { return false }
            if depth == 0 { return true }
            depth -= 1
            return false
        }
    }
}
