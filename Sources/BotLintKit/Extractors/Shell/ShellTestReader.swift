/// Turns `[ ... ]`, `[[ ... ]]`, `test ...`, `true`/`false` and `case` patterns into `Condition`s
/// over environment variables and `$1`. What it cannot read becomes `.opaque(text)`.
struct ShellTestReader {
    let expander: ShellExpander

    /// What a test operand stands for.
    private enum Operand {
        /// `$NAME` / `${NAME:-default}` / `${NAME,,}` for a variable the script did not set.
        case env(String, defaultValue: String?, caseInsensitive: Bool)
        /// `$1`: the script's first argument.
        case firstArgument
        case literal(String)
        case other
    }

    /// The condition a test command expresses, or nil when the command is not a test.
    func condition(words: [ShellWord]) -> Condition? {
        guard let name = words.first?.plainText else { return nil }
        switch name {
        case "true", ":": return .always
        case "false": return .never
        case "test": return expression(Array(words.dropFirst()))
        case "[":
            let inner = words.last?.plainText == "]" ? Array(words.dropFirst().dropLast()) : Array(words.dropFirst())
            return expression(inner)
        case "[[":
            let inner = words.last?.plainText == "]]" ? Array(words.dropFirst().dropLast()) : Array(words.dropFirst())
            return expression(inner, extended: true)
        default: return nil
        }
    }

    /// `case subject in pattern)`.
    func casePattern(subject: ShellWord, pattern: ShellWord) -> Condition {
        if pattern.plainText == "*" { return .always }
        if hasGlob(pattern) { return .opaque("\(subject.raw) matches \(pattern.raw)") }
        let value = expander.expand(pattern)
        guard value.isKnown else { return .opaque("\(subject.raw) == \(pattern.raw)") }
        return equality(operand(subject), value.text) ?? .opaque("\(subject.raw) == \(pattern.raw)")
    }

    // MARK: - Expressions

    private func expression(_ words: [ShellWord], extended: Bool = false) -> Condition {
        var cursor = 0
        return orExpression(words, &cursor, extended)
    }

    private func isOperator(_ word: ShellWord, _ names: Set<String>) -> Bool {
        word.plainText.map(names.contains) ?? false
    }

    private func orExpression(_ words: [ShellWord], _ cursor: inout Int, _ extended: Bool) -> Condition {
        var parts = [andExpression(words, &cursor, extended)]
        while cursor < words.count, isOperator(words[cursor], extended ? ["||"] : ["-o"]) {
            cursor += 1
            parts.append(andExpression(words, &cursor, extended))
        }
        return Condition.any(parts)
    }

    private func andExpression(_ words: [ShellWord], _ cursor: inout Int, _ extended: Bool) -> Condition {
        var parts = [notExpression(words, &cursor, extended)]
        while cursor < words.count, isOperator(words[cursor], extended ? ["&&"] : ["-a"]) {
            cursor += 1
            parts.append(notExpression(words, &cursor, extended))
        }
        return Condition.all(parts)
    }

    private func notExpression(_ words: [ShellWord], _ cursor: inout Int, _ extended: Bool) -> Condition {
        if cursor < words.count, isOperator(words[cursor], ["!"]) {
            cursor += 1
            return notExpression(words, &cursor, extended).negated
        }
        return primary(words, &cursor, extended)
    }

    private func primary(_ words: [ShellWord], _ cursor: inout Int, _ extended: Bool) -> Condition {
        guard cursor < words.count else { return .opaque("empty test") }
        if isOperator(words[cursor], ["("]), cursor + 1 < words.count {
            cursor += 1
            let inner = orExpression(words, &cursor, extended)
            if cursor < words.count, isOperator(words[cursor], [")"]) { cursor += 1 }
            return inner
        }
        let start = cursor
        if cursor + 2 < words.count,
           let op = words[cursor + 1].plainText, Self.binaryOperators.contains(op) {
            cursor += 3
            return binary(words[start], op, words[start + 2], extended: extended)
                ?? .opaque(words[start..<cursor].map(\.raw).joined(separator: " "))
        }
        if let op = words[cursor].plainText, op.hasPrefix("-"), op.count == 2, cursor + 1 < words.count {
            cursor += 2
            return unary(op, words[start + 1]) ?? .opaque(words[start..<cursor].map(\.raw).joined(separator: " "))
        }
        cursor += 1
        return unary("-n", words[start]) ?? .opaque(words[start].raw)
    }

    private static let binaryOperators: Set<String> = ["=", "==", "!=", "=~", "-eq", "-ne", "-gt", "-ge", "-lt", "-le", "<", ">"]

    private func binary(_ left: ShellWord, _ op: String, _ right: ShellWord, extended: Bool) -> Condition? {
        switch op {
        case "=", "==", "!=":
            if extended, hasGlob(right) { return nil }
            let rightValue = expander.expand(right)
            var result: Condition?
            if rightValue.isKnown {
                result = equality(operand(left), rightValue.text)
            } else if case .literal(let leftText) = operand(left) {
                result = equality(operand(right), leftText)
            }
            return op == "!=" ? result?.negated : result
        default:
            return nil
        }
    }

    private func unary(_ op: String, _ word: ShellWord) -> Condition? {
        guard op == "-n" || op == "-z" else { return nil }
        let set: Condition?
        switch operand(word) {
        case .env(let name, let defaultValue, _):
            set = (defaultValue?.isEmpty == false) ? .always : .envSet(name)
        case .literal(let text):
            set = text.isEmpty ? .never : .always
        case .firstArgument, .other:
            set = nil
        }
        return op == "-z" ? set?.negated : set
    }

    private func equality(_ operand: Operand, _ value: String) -> Condition? {
        switch operand {
        case .env(let name, let defaultValue, let caseInsensitive):
            let equals = Condition.envEquals(name, value, caseInsensitive: caseInsensitive)
            return defaultValue == value ? Condition.any([equals, .not(.envSet(name))]) : equals
        case .firstArgument:
            return .argument(value)
        case .literal(let text):
            return text == value ? .always : .never
        case .other:
            return nil
        }
    }

    private func operand(_ word: ShellWord) -> Operand {
        let meaningful = word.parts.filter { if case .literal("", _) = $0 { return false } else { return true } }
        if meaningful.count == 1, case .parameter(let name, let modifier, _) = meaningful[0],
           expander.variables[name] == nil {
            if name == "1", modifier.isEmpty { return .firstArgument }
            guard ShellNames.isIdentifier(name) else { return .other }
            switch modifier {
            case "": return .env(name, defaultValue: nil, caseInsensitive: false)
            case ",,", "^^": return .env(name, defaultValue: nil, caseInsensitive: true)
            case _ where modifier.hasPrefix(":-") || modifier.hasPrefix("-"):
                let defaultValue = String(modifier.drop { $0 == ":" }.dropFirst())
                return defaultValue.contains("$") ? .other : .env(name, defaultValue: defaultValue, caseInsensitive: false)
            default: return .other
            }
        }
        let value = expander.expand(word)
        return value.isKnown ? .literal(value.text) : .other
    }

    /// Unquoted `*`, `?` or `[` make a `[[ == ]]`/`case` operand a pattern.
    private func hasGlob(_ word: ShellWord) -> Bool {
        word.parts.contains { part in
            if case .literal(let text, quoted: false) = part { return text.contains { "*?[".contains($0) } }
            return false
        }
    }
}
