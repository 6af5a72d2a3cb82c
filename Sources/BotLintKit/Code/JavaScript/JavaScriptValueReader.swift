/// Reads a JavaScript expression into a `ValueExpr`, resolving names through the file's
/// bindings. `tokens` may be the file or a template's `${}` part; bindings always point into `file`.
struct JSValueReader {
    let file: JSTokens
    let bindings: JSBindings
    /// Bounds resolution through chains of constants (and cycles such as `a = b; b = a`).
    private static let maxDepth = 8

    func value(_ range: Range<Int>, in tokens: JSTokens, depth: Int = 0) -> ValueExpr {
        let range = tokens.trimmed(range)
        guard !range.isEmpty, depth <= Self.maxDepth else { return .unknown(tokens.sourceText(range)) }
        if let fallback = fallbackValue(range, in: tokens, depth: depth) { return fallback }
        let summands = tokens.split(range) { tokens.isOp($0, JSOp.plus) }
        if summands.count > 1, !summands.contains(where: \.isEmpty) {
            return .concat(summands.map { value($0, in: tokens, depth: depth + 1) })
        }
        if let env = tokens.envRead(range) { return .env(env.name, default: nil) }
        if range.count == 1 { return single(range.lowerBound, in: tokens, depth: depth) }
        return compound(range, in: tokens, depth: depth)
    }

    /// `process.env.X || "default"` and `?? "default"`: the env var with its fallback.
    private func fallbackValue(_ range: Range<Int>, in tokens: JSTokens, depth: Int) -> ValueExpr? {
        let parts = tokens.split(range) { tokens.isOp($0, JSOp.or) || tokens.isOp($0, JSOp.nullish) }
        guard parts.count > 1, let firstPart = parts.first, !firstPart.isEmpty else { return nil }
        let first = value(firstPart, in: tokens, depth: depth + 1)
        guard case .env(let name, nil) = first else { return first }
        let fallback = value(parts[1], in: tokens, depth: depth + 1)
        if case .literal(let text) = fallback { return .env(name, default: text) }
        return first
    }

    private func single(_ index: Int, in tokens: JSTokens, depth: Int) -> ValueExpr {
        let token = tokens[index]
        switch token.kind {
        case .string, .number:
            return .literal(tokens.stringValue(index) ?? tokens.text(index))
        case .template:
            return template(index, in: tokens, depth: depth)
        case .identifier:
            return name(tokens.text(index), depth: depth)
        default:
            return .unknown(tokens.text(index))
        }
    }

    func name(_ name: String, depth: Int) -> ValueExpr {
        if let bot = bindings.bots[name] { return bot.token }
        switch bindings.names[name] {
        case .value(let known)?:
            return known
        case .expression(let range)?:
            let resolved = value(range, in: file, depth: depth + 1)
            if case .unknown = resolved { return .unknown(name) }
            return resolved
        case nil:
            // Declared later in this module, imported, or a parameter: the linker decides.
            return .symbol(name)
        }
    }

    private func template(_ index: Int, in tokens: JSTokens, depth: Int) -> ValueExpr {
        let parts = tokens.templateParts(index)
        let values: [ValueExpr] = parts.map { part in
            switch part {
            case .text(let text): return .literal(text)
            case .code(let byteRange):
                let inner = JSTokens(bytes: tokens.bytes, range: byteRange)
                return value(0..<inner.count, in: inner, depth: depth + 1)
            }
        }
        if values.isEmpty { return .literal("") }
        return values.count == 1 ? values[0] : .concat(values)
    }

    /// Member paths and calls: `config.token`, `this.configService.get("BOT_TOKEN")`.
    private func compound(_ range: Range<Int>, in tokens: JSTokens, depth: Int) -> ValueExpr {
        let text = tokens.sourceText(range)
        guard let path = tokens.path(at: range.lowerBound, limit: range.upperBound) else { return .unknown(text) }
        if path.end == range.upperBound {
            if let bot = bindings.bots[path.joined] { return bot.token }
            if path.segments.count >= 2 {
                return .attribute(base: path.segments.dropLast().joined(separator: "."), name: path.segments[path.segments.count - 1])
            }
            return name(path.segments[0], depth: depth)
        }
        if let key = configServiceKey(path, range, in: tokens) { return .env(key, default: nil) }
        if path.segments == ["String"], tokens.isOp(path.end, JSOp.openParen),
           tokens.close(of: path.end, limit: range.upperBound) == range.upperBound - 1 {
            return value(tokens.inner(of: path.end, limit: range.upperBound), in: tokens, depth: depth + 1)
        }
        return .unknown(text)
    }

    /// NestJS `configService.get("BOT_TOKEN")` reads the process environment (and `.env`).
    private func configServiceKey(_ path: JSTokens.Path, _ range: Range<Int>, in tokens: JSTokens) -> String? {
        guard path.segments.count >= 2,
              path.segments[path.segments.count - 2].lowercased().hasSuffix("configservice"),
              ["get", "getOrThrow"].contains(path.segments[path.segments.count - 1]) else { return nil }
        var open = path.end
        if tokens.isOp(open, JSOp.less) {
            while open < range.upperBound, !tokens.isOp(open, JSOp.greater) { open += 1 }
            open += 1
        }
        guard tokens.isOp(open, JSOp.openParen), let key = tokens.stringValue(open + 1),
              key.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) else { return nil }
        return key
    }
}
