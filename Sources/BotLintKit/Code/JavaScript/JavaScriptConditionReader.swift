/// Reads a JavaScript test expression (`if`, ternary, `&&` guard, `polling:` option) into a
/// `Condition`. Whatever is not about the environment or argv becomes `opaque`.
struct JSConditionReader {
    let values: JSValueReader
    private static let maxDepth = 8

    private var file: JSTokens { values.file }

    func condition(_ range: Range<Int>, depth: Int = 0) -> Condition {
        let range = file.trimmed(range)
        guard !range.isEmpty else { return .opaque("") }
        guard depth <= Self.maxDepth else { return opaque(range) }
        var hasOr = false, hasAnd = false, hasOther = false
        file.forEachTopLevel(range) { i in
            switch file[i].op {
            case JSOp.or: hasOr = true
            case JSOp.and: hasAnd = true
            case JSOp.nullish, JSOp.question: hasOther = true
            default: break
            }
            return true
        }
        if hasOr {
            return .any(file.split(range) { file.isOp($0, JSOp.or) }.map { condition($0, depth: depth + 1) })
        }
        if hasOther { return opaque(range) }
        if hasAnd {
            return .all(file.split(range) { file.isOp($0, JSOp.and) }.map { condition($0, depth: depth + 1) })
        }
        if file.isOp(range.lowerBound, JSOp.not) {
            return condition((range.lowerBound + 1)..<range.upperBound, depth: depth + 1).negated
        }
        if let comparison = comparison(range, depth: depth) { return comparison }
        return truthiness(range, depth: depth)
    }

    /// Whether this is the entry-point test: `require.main === module`, `!module.parent`,
    /// `import.meta.main`, `import.meta.url === \`file://${process.argv[1]}\``.
    func isMainGuard(_ range: Range<Int>) -> Bool {
        let range = file.trimmed(range)
        let first = file.isOp(range.lowerBound, JSOp.not) ? range.lowerBound + 1 : range.lowerBound
        guard file.isWord(first, "require") || file.isWord(first, "module") || file.isWord(first, "import") else { return false }
        let text = file.sourceText(range)
        return text == "require.main === module" || text == "require.main == module"
            || text == "module === require.main" || text == "!module.parent" || text == "import.meta.main"
            || (text.hasPrefix("import.meta.url") && text.contains("process.argv[1]"))
    }

    /// `case label:` of `switch (discriminant)`.
    func caseMatches(_ discriminant: Range<Int>, _ label: Range<Int>) -> Condition {
        equality(discriminant, label, depth: 0)
            ?? .opaque("\(file.sourceText(discriminant)) === \(file.sourceText(label))")
    }

    private func opaque(_ range: Range<Int>) -> Condition { .opaque(file.sourceText(range)) }

    // MARK: - Comparisons

    private static let equalityOps: [UInt32: Bool] = [
        JSOp.strictEqual: false, JSOp.looseEqual: false, JSOp.strictNotEqual: true, JSOp.looseNotEqual: true,
    ]

    private func comparison(_ range: Range<Int>, depth: Int) -> Condition? {
        guard let opIndex = file.firstTopLevel(range, where: { Self.equalityOps[file[$0].op] != nil }),
              let negate = Self.equalityOps[file[opIndex].op] else { return nil }
        let lhs = range.lowerBound..<opIndex, rhs = (opIndex + 1)..<range.upperBound
        let result = equality(lhs, rhs, depth: depth) ?? equality(rhs, lhs, depth: depth) ?? opaque(range)
        return negate ? result.negated : result
    }

    /// `subject == literal` where subject reads the environment or argv.
    private func equality(_ subject: Range<Int>, _ other: Range<Int>, depth: Int) -> Condition? {
        let other = file.trimmed(other)
        if other.count == 1, file.isWord(other.lowerBound, "undefined") || file.isWord(other.lowerBound, "null") {
            return envName(subject, depth: depth).map { Condition.envSet($0.name).negated }
        }
        guard other.count == 1, let literal = file.stringValue(other.lowerBound)
                ?? (file[other.lowerBound].kind == .number ? file.text(other.lowerBound) : nil) else { return nil }
        if isArgvElement(subject) { return .argument(literal) }
        guard let env = envName(subject, depth: depth) else { return nil }
        return .envEquals(env.name, literal, caseInsensitive: env.caseFolded)
    }

    /// `process.argv[2]`: compared to a flag, it means "started with that flag".
    private func isArgvElement(_ range: Range<Int>) -> Bool {
        let range = file.trimmed(range)
        return range.count == 6 && file.isWord(range.lowerBound, "process") && file.isOp(range.lowerBound + 1, JSOp.dot)
            && file.isWord(range.lowerBound + 2, "argv") && file.isOp(range.lowerBound + 3, JSOp.openBracket)
    }

    /// The env var an expression reads, through constants (`const MODE = process.env.MODE`).
    private func envName(_ range: Range<Int>, depth: Int) -> (name: String, caseFolded: Bool)? {
        let range = file.trimmed(range)
        if let env = file.envRead(range) { return env }
        guard range.count == 1, file.isIdentifier(range.lowerBound) else { return nil }
        let name = file.text(range.lowerBound)
        switch values.bindings.names[name] {
        case .expression(let initializer)? where depth < Self.maxDepth:
            return envName(initializer, depth: depth + 1)
        case .value(.env(let env, nil))?:
            return (env, false)
        default:
            return nil
        }
    }

    // MARK: - Truthiness

    private func truthiness(_ range: Range<Int>, depth: Int) -> Condition {
        let first = range.lowerBound
        if range.count == 1 {
            if file.isWord(first, "true") { return .always }
            if file.isWord(first, "false") || file.isWord(first, "undefined") || file.isWord(first, "null") { return .never }
            if let literal = file.stringValue(first) { return literal.isEmpty ? .never : .always }
            if file[first].kind == .number { return file.text(first) == "0" ? .never : .always }
        }
        if file.isOp(first, JSOp.openBrace) || file.isOp(first, JSOp.openBracket) && file.close(of: first, limit: range.upperBound) == range.upperBound - 1 {
            return .always
        }
        if let call = call(range, depth: depth) { return call }
        switch values.value(range, in: file, depth: depth) {
        case .env(let name, let fallback):
            return (fallback ?? "").isEmpty ? .envSet(name) : .always
        case .literal(let text):
            return text.isEmpty ? .never : .always
        default:
            return boundCondition(range, depth: depth) ?? opaque(range)
        }
    }

    /// A constant assigned from a test: `const isProd = process.env.NODE_ENV === "production"`.
    private func boundCondition(_ range: Range<Int>, depth: Int) -> Condition? {
        guard range.count == 1, file.isIdentifier(range.lowerBound),
              case .expression(let initializer)? = values.bindings.names[file.text(range.lowerBound)] else { return nil }
        let resolved = condition(initializer, depth: depth + 1)
        if case .opaque = resolved { return nil }
        return resolved
    }

    /// `Boolean(x)`, `["1", "true"].includes(process.env.X)`, `process.argv.includes("--webhook")`.
    private func call(_ range: Range<Int>, depth: Int) -> Condition? {
        guard file.isOp(range.upperBound - 1, JSOp.closeParen) else { return nil }
        let first = range.lowerBound
        if file.isWord(first, "Boolean"), file.isOp(first + 1, JSOp.openParen),
           file.close(of: first + 1, limit: range.upperBound) == range.upperBound - 1 {
            return condition(file.inner(of: first + 1, limit: range.upperBound), depth: depth + 1)
        }
        guard let includes = file.firstTopLevel(range, where: { file.isWord($0, "includes") && file.isOp($0 - 1, JSOp.dot) }),
              file.isOp(includes + 1, JSOp.openParen) else { return nil }
        let argument = file.inner(of: includes + 1, limit: range.upperBound)
        let receiver = range.lowerBound..<(includes - 1)
        if file.sourceText(receiver) == "process.argv", argument.count == 1, let flag = file.stringValue(argument.lowerBound) {
            return .argument(flag)
        }
        guard file.isOp(receiver.lowerBound, JSOp.openBracket),
              file.close(of: receiver.lowerBound, limit: receiver.upperBound) == receiver.upperBound - 1,
              let env = envName(argument, depth: depth) else { return nil }
        let options = file.splitCommas(file.inner(of: receiver.lowerBound, limit: receiver.upperBound))
        let literals = options.compactMap { $0.count == 1 ? file.stringValue($0.lowerBound) : nil }
        guard literals.count == options.count else { return nil }
        return .any(literals.map { .envEquals(env.name, $0, caseInsensitive: env.caseFolded) })
    }
}
