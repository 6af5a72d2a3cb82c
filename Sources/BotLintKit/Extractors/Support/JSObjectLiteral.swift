/// Reads the literal parts of a JavaScript configuration file (`ecosystem.config.js`:
/// `module.exports = { apps: [{ name: "bot", script: "index.js" }] }`) into a `ConfigDocument`,
/// without running it. Strings, numbers, booleans, arrays and objects are read; anything
/// computed (`process.env.X`, calls, spreads) is `.other`, so the reader never guesses.
enum JSObjectLiteral {
    static let maxDepth = 64

    /// The object or array that is the value of the first property named `key` anywhere in the
    /// file, wrapped as `{ key: value }`.
    static func document(_ file: SourceFile, key: String) -> ConfigDocument {
        let tokens = JSTokens(bytes: file.bytes)
        var reader = Reader(tokens: tokens, lines: LineIndex(bytes: file.bytes))
        var root: [String: ConfigValue] = [:]
        for i in 0..<max(0, tokens.count - 2) where tokens.tokens[i + 1].op == JSOp.colon && name(tokens, i) == key {
            let start = i + 2
            guard tokens.isOpener(start) else { continue }
            reader.record([key], key: i, value: start)
            root[key] = reader.value(at: start, path: [key], depth: 0)
            break
        }
        return ConfigDocument(root: root, locator: KeyLocator(path: file.path, sightings: reader.sightings), problems: [])
    }

    /// A property name: `name`, `"name"` or `'name'`.
    static func name(_ tokens: JSTokens, _ index: Int) -> String? {
        if tokens.isIdentifier(index) { return tokens.text(index) }
        if tokens.isString(index) { return tokens.stringValue(index) }
        return nil
    }

    private struct Reader {
        let tokens: JSTokens
        let lines: LineIndex
        var sightings: [KeyLocator.Sighting] = []

        mutating func value(at index: Int, path: [String], depth: Int) -> ConfigValue {
            guard index < tokens.count, depth < JSObjectLiteral.maxDepth else { return .other }
            let token = tokens[index]
            if token.op == JSOp.openBrace { return object(at: index, path: path, depth: depth) }
            if token.op == JSOp.openBracket {
                let parts = tokens.splitCommas(tokens.inner(of: index, limit: tokens.count))
                return .array(parts.enumerated().map { offset, part in
                    record(path + [String(offset)], key: part.lowerBound, value: part.lowerBound)
                    return part.count == 1 || tokens.isOpener(part.lowerBound)
                        ? value(at: part.lowerBound, path: path + [String(offset)], depth: depth + 1) : .other
                })
            }
            if let text = tokens.stringValue(index) { return .string(text) }
            if token.kind == .number, let number = Double(tokens.text(index)) {
                return number.rounded() == number && abs(number) < 1e15 ? .integer(Int(number)) : .double(number)
            }
            if token.op == UInt32(UInt8(ascii: "-")), index + 1 < tokens.count, tokens[index + 1].kind == .number,
               let number = Int(tokens.text(index + 1)) {
                return .integer(-number)
            }
            if tokens.isWord(index, "true") { return .bool(true) }
            if tokens.isWord(index, "false") { return .bool(false) }
            return .other
        }

        private mutating func object(at index: Int, path: [String], depth: Int) -> ConfigValue {
            var fields: [String: ConfigValue] = [:]
            for part in tokens.splitCommas(tokens.inner(of: index, limit: tokens.count)) {
                let keyIndex = part.lowerBound
                guard part.count >= 3, tokens[keyIndex + 1].op == JSOp.colon,
                      let key = JSObjectLiteral.name(tokens, keyIndex) else { continue }
                let valueIndex = keyIndex + 2
                record(path + [key], key: keyIndex, value: valueIndex)
                // `key: "a" + b` and other expressions are computed: not a literal.
                let isSingle = part.count == 3 || (tokens.isOpener(valueIndex)
                    && tokens.close(of: valueIndex, limit: part.upperBound) == part.upperBound - 1)
                    || (part.count == 4 && tokens[valueIndex].op == UInt32(UInt8(ascii: "-")))
                fields[key] = isSingle ? value(at: valueIndex, path: path + [key], depth: depth + 1) : .other
            }
            return .table(fields)
        }

        mutating func record(_ path: [String], key: Int, value: Int) {
            guard key < tokens.count, value < tokens.count else { return }
            let k = lines.position(ofUTF8Offset: tokens[key].start)
            let v = lines.position(ofUTF8Offset: tokens[value].start)
            sightings.append(KeyLocator.Sighting(keyPath: path, key: .init(line: k.line, column: k.column),
                                                 value: .init(line: v.line, column: v.column)))
        }
    }
}
