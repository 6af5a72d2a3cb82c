/// Reads values (env reads, literals, bound names, concatenations) and conditions on them from
/// token ranges of a C-like language. What it cannot read is `unknown` or `opaque`, never guessed.
struct CFamilyValues {
    let walker: CFamilyWalker
    var tokens: [CToken] { walker.tokens }

    /// Methods that leave an env value's identity alone: `.unwrap()`, `.expect("..")`, `.trim()`,
    /// `!!`, `.ToString()`, `.orEmpty()`, `.as_deref()`.
    private static let transparentMethods: Set<String> = [
        "unwrap", "expect", "trim", "Trim", "to_string", "to_owned", "into", "as_str", "as_deref", "ToString", "toString",
        "orEmpty", "strip", "clone", "ok", "unwrap_or_default", "context", "with_context", "map_err", "get", "orElseThrow",
        "orThrow", "toLowerCase", "lowercase", "ToLower", "ToLowerInvariant", "lowercased", "strtolower",
    ]
    /// Methods whose string argument is the default when the variable is unset.
    private static let defaultMethods: Set<String> = ["unwrap_or", "orElse", "getOrDefault", "or"]

    func value(_ range: Range<Int>) -> ValueExpr {
        var range = trimParens(range)
        guard !range.isEmpty else { return .unknown("") }
        // `(string)`, `(String)`, `as string` casts and `&`/`*` address operators do not change the value.
        while range.count > 1, tokens[range.lowerBound].isPunctuator("&") || tokens[range.lowerBound].isPunctuator("*") {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        let parts = split(range, on: ["+", "."], onlyWhenStrings: true)
        if parts.count > 1 { return .concat(parts.map(value)) }
        if let (read, end) = walker.dialect.read(tokens, at: range.lowerBound), end <= range.upperBound {
            return withDefault(read, suffix: end..<range.upperBound)
        }
        let first = tokens[range.lowerBound]
        if range.count == 1 {
            switch first.kind {
            case .string: return .literal(first.text)
            case .identifier: return bound(first.text)
            case .number: return .literal(first.text)
            case .punctuator: return .unknown(first.text)
            }
        }
        if first.kind == .string, onlyTransparent((range.lowerBound + 1)..<range.upperBound) { return .literal(first.text) }
        // PHP `$config['api_key']`: bound by an array literal (see PHPDialect).
        if first.kind == .identifier, first.text.hasPrefix("$"), range.count == 4, tokens[range.lowerBound + 1].isPunctuator("["),
           tokens[range.lowerBound + 2].kind == .string {
            return bound("\(first.text)[\(tokens[range.lowerBound + 2].text)]")
        }
        // `this.token`, `self.token`, `$this->token`, `cfg.Token`: the field's bound value when known.
        if first.kind == .identifier, range.count >= 3, tokens[range.lowerBound + 1].text == "." || tokens[range.lowerBound + 1].text == "->",
           tokens[range.lowerBound + 2].kind == .identifier {
            let field = tokens[range.lowerBound + 2].text
            if onlyTransparent((range.lowerBound + 3)..<range.upperBound) {
                if ["this", "self", "$this", "Self"].contains(first.text) || walker.bindings[field] != nil { return bound(field) }
                return .attribute(base: first.text, name: field)
            }
        }
        // `getBotToken()`, `token()`: a method whose returned value this file bound.
        if first.kind == .identifier, range.count >= 3, tokens[range.lowerBound + 1].isPunctuator("("),
           walker.closing(range.lowerBound + 1) == range.upperBound - 1, let held = walker.bindings[first.text + "()"] {
            return held
        }
        if first.kind == .identifier, onlyTransparent((range.lowerBound + 1)..<range.upperBound), range.count > 1 {
            return bound(first.text)
        }
        return .unknown(walker.text(range))
    }

    private func bound(_ name: String) -> ValueExpr {
        walker.bindings[name] ?? .symbol(name)
    }

    /// `.unwrap_or("x")`, `?? "x"`, `?: "x"`, `getenv('X') ?: 'x'`: a default for an env read.
    private func withDefault(_ read: ValueExpr, suffix: Range<Int>) -> ValueExpr {
        guard case .env(let name, nil) = read else { return read }
        for k in suffix {
            let t = tokens[k]
            if t.isPunctuator("??") || t.isPunctuator("?:") || (t.isPunctuator("?") && k + 1 < suffix.upperBound && tokens[k + 1].isPunctuator(":")),
               let literal = suffix.first(where: { $0 > k && tokens[$0].kind == .string }) {
                return .env(name, default: tokens[literal].text)
            }
            if t.kind == .identifier, Self.defaultMethods.contains(t.text), k + 2 < suffix.upperBound, tokens[k + 2].kind == .string {
                return .env(name, default: tokens[k + 2].text)
            }
        }
        return read
    }

    /// Only transparent method calls, `?`, `!`, `!!` and casts follow.
    private func onlyTransparent(_ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k < range.upperBound {
            let t = tokens[k]
            if t.kind == .punctuator, ["?", "!", "!!", ".", "?.", "->"].contains(t.text) { k += 1; continue }
            if t.kind == .identifier, Self.transparentMethods.contains(t.text) || t.text == "as" || t.text == "String" || t.text == "str" {
                k += 1
                if k < range.upperBound, tokens[k].isPunctuator("(") { k = walker.closing(k) + 1 }
                continue
            }
            return false
        }
        return true
    }

    private func trimParens(_ range: Range<Int>) -> Range<Int> {
        var r = range
        while r.count >= 2, tokens[r.lowerBound].isPunctuator("("), walker.closing(r.lowerBound) == r.upperBound - 1 {
            r = (r.lowerBound + 1)..<(r.upperBound - 1)
        }
        return r
    }

    /// Splits at depth-0 operators; with `onlyWhenStrings`, only when a string literal or an env
    /// read takes part (so `a.b.c` stays one value while `"https://" + host` is a concatenation).
    private func split(_ range: Range<Int>, on ops: Set<String>, onlyWhenStrings: Bool = false) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = range.lowerBound
        var depth = 0
        for k in range {
            let t = tokens[k]
            guard t.kind == .punctuator else { continue }
            if ["(", "[", "{"].contains(t.text) { depth += 1 }
            if [")", "]", "}"].contains(t.text) { depth -= 1 }
            if depth == 0, ops.contains(t.text), k > start {
                let isConcat = t.text == "+" || (walker.dialect.syntax.php && t.text == ".")
                    || (tokens[k - 1].kind == .string && k + 1 < range.upperBound && tokens[k + 1].kind == .string)
                if !onlyWhenStrings || isConcat {
                    parts.append(start..<k)
                    start = k + 1
                }
            }
        }
        parts.append(start..<range.upperBound)
        // A trailing operator (`a +` in broken input) leaves an empty part with no token to look at.
        parts = parts.filter { !$0.isEmpty }
        if onlyWhenStrings, parts.count > 1,
           !parts.contains(where: { tokens[$0.lowerBound].kind == .string || walker.dialect.read(tokens, at: $0.lowerBound) != nil }) {
            return [range]
        }
        return parts
    }

    // MARK: - Conditions

    func condition(_ range: Range<Int>) -> Condition {
        let range = trimParens(range)
        guard !range.isEmpty else { return .opaque("") }
        let ors = split(range, on: ["||"])
        if ors.count > 1 { return .any(ors.map(condition)) }
        let ands = split(range, on: ["&&"])
        if ands.count > 1 { return .all(ands.map(condition)) }
        let first = tokens[range.lowerBound]
        if first.isPunctuator("!") || first.isIdentifier("not") {
            return condition((range.lowerBound + 1)..<range.upperBound).negated
        }
        if let comparison = comparison(range) { return comparison }
        if let test = methodTest(range) { return test }
        let value = value(range)
        // A bare env read is truthy when set (PHP `if (getenv('X'))`).
        if case .env(let name, _) = value { return .envSet(name) }
        return .opaque(walker.text(range))
    }

    private func comparison(_ range: Range<Int>) -> Condition? {
        var depth = 0
        for k in range {
            let t = tokens[k]
            if ["(", "["].contains(t.text) { depth += 1 }
            if [")", "]"].contains(t.text) { depth -= 1 }
            guard depth == 0, t.kind == .punctuator, ["==", "!=", "===", "!=="].contains(t.text) else { continue }
            let left = value(range.lowerBound..<k)
            let right = value((k + 1)..<range.upperBound)
            let negate = t.text.hasPrefix("!")
            guard let result = compare(left, right) ?? compare(right, left) else { return .opaque(walker.text(range)) }
            return negate ? result.negated : result
        }
        return nil
    }

    private func compare(_ env: ValueExpr, _ other: ValueExpr) -> Condition? {
        guard case .env(let name, _) = env else { return nil }
        switch other {
        case .literal(let v) where v.isEmpty: return Condition.envSet(name).negated
        case .literal(let v): return .envEquals(name, v, caseInsensitive: false)
        case .symbol(let s) where ["null", "nil", "None"].contains(s): return Condition.envSet(name).negated
        default: return nil
        }
    }

    /// `x.isEmpty()`, `x.is_ok()`, `string.IsNullOrEmpty(x)`, `empty($x)`, `"webhook".equals(x)`.
    private func methodTest(_ range: Range<Int>) -> Condition? {
        let setWords: Set<String> = ["isNotEmpty", "isNotBlank", "is_ok", "is_some", "isset", "isNotEmptyOrBlank", "present"]
        let unsetWords: Set<String> = ["isEmpty", "isBlank", "is_empty", "is_err", "is_none", "IsNullOrEmpty",
                                       "IsNullOrWhiteSpace", "empty", "isNullOrEmpty", "isNullOrBlank"]
        let equalWords: Set<String> = ["equals", "equalsIgnoreCase", "Equals", "eq", "contentEquals"]
        for k in range where tokens[k].kind == .identifier && k + 1 < range.upperBound && tokens[k + 1].isPunctuator("(") {
            let name = tokens[k].text
            let close = walker.closing(k + 1)
            let args = walker.arguments(k + 1)
            let receiverRange = range.lowerBound..<max(range.lowerBound, k - 1)
            // `x.isEmpty()` tests the receiver; `IsNullOrEmpty(x)` / `empty($x)` its argument.
            let subject = !receiverRange.isEmpty && k > range.lowerBound && [".", "?.", "->", "::"].contains(tokens[k - 1].text)
                && !["string", "String", "str"].contains(tokens[receiverRange.lowerBound].text)
                ? value(receiverRange) : args.first.map(value)
            if setWords.contains(name) || unsetWords.contains(name), let subject, case .env(let variable, _) = subject,
               close >= range.upperBound - 1 || onlyTransparent((close + 1)..<range.upperBound) {
                return setWords.contains(name) ? .envSet(variable) : Condition.envSet(variable).negated
            }
            if equalWords.contains(name), let argument = args.first, !receiverRange.isEmpty {
                let left = value(receiverRange)
                let right = value(argument)
                let insensitive = name.lowercased().contains("ignorecase")
                if case .env(let n, _) = left, case .literal(let v) = right { return .envEquals(n, v, caseInsensitive: insensitive) }
                if case .env(let n, _) = right, case .literal(let v) = left { return .envEquals(n, v, caseInsensitive: insensitive) }
            }
        }
        return nil
    }
}

/// Annotations and attributes that decide whether a class or method is loaded at all.
enum CFamilyAnnotations {
    /// `@ConditionalOnProperty(name = "telegram.mode", havingValue = "webhook")`: Spring binds
    /// `telegram.mode` from the env variable `TELEGRAM_MODE` (relaxed binding). `@Profile("x")`
    /// reads `SPRING_PROFILES_ACTIVE`.
    static func condition(_ tokens: [CToken], _ range: Range<Int>) -> Condition? {
        guard range.count >= 2 else { return nil }
        let name = tokens[range.lowerBound + 1].text
        let strings = range.filter { tokens[$0].kind == .string }
        func argument(_ key: String) -> String? {
            guard let k = range.first(where: { tokens[$0].isIdentifier(key) }), k + 2 < range.upperBound,
                  tokens[k + 1].isPunctuator("="), tokens[k + 2].kind == .string else { return nil }
            return tokens[k + 2].text
        }
        switch name {
        case "ConditionalOnProperty":
            let prefix = argument("prefix").map { $0 + "." } ?? ""
            guard let property = argument("name") ?? argument("value") ?? strings.first.map({ tokens[$0].text }) else { return nil }
            let variable = relaxedEnvName(prefix + property)
            if let expected = argument("havingValue") {
                let condition = Condition.envEquals(variable, expected, caseInsensitive: true)
                return range.contains(where: { tokens[$0].isIdentifier("matchIfMissing") }) && range.contains(where: { tokens[$0].isIdentifier("true") })
                    ? .any([condition, Condition.envSet(variable).negated]) : condition
            }
            // Without havingValue the property must be present and not "false".
            return .all([.envSet(variable), Condition.envEquals(variable, "false", caseInsensitive: true).negated])
        case "Profile":
            guard let profile = strings.first.map({ tokens[$0].text }) else { return nil }
            if profile.hasPrefix("!") {
                return Condition.envEquals("SPRING_PROFILES_ACTIVE", String(profile.dropFirst()), caseInsensitive: false).negated
            }
            return .envEquals("SPRING_PROFILES_ACTIVE", profile, caseInsensitive: false)
        default:
            return nil
        }
    }

    /// Spring's relaxed binding: `telegram.bot-token` ← `TELEGRAM_BOTTOKEN`, `telegram.mode` ← `TELEGRAM_MODE`.
    static func relaxedEnvName(_ property: String) -> String {
        property.replacing("-", with: "").replacing(".", with: "_").uppercased()
    }
}
