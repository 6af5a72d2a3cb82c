/// Expands `$NAME`, `${NAME}` and `${NAME:-default}` / `${NAME-default}` the way dotenv loaders
/// and Docker do. A reference to a variable whose value is not known makes the whole value
/// unknown (nil): guessing would invent tokens. `\$` is a literal dollar; command substitution
/// (`$(...)`, backticks) is always unknown.
enum VariableExpander {
    static func expand(_ text: String, lookup: (String) -> String?) -> String? {
        guard text.utf8.contains(UInt8(ascii: "$")) || text.utf8.contains(UInt8(ascii: "`")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "`") { return nil }
            if byte == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "$") {
                out.append(UInt8(ascii: "$"))
                i += 2
                continue
            }
            guard byte == UInt8(ascii: "$"), let reference = reference(in: bytes, at: i, lookup: lookup) else {
                out.append(byte)
                i += 1
                continue
            }
            guard let value = reference.value else { return nil }
            out.append(contentsOf: value.utf8)
            i = reference.end
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The `$` reference starting at `start`: its value (nil when unknown) and the index after
    /// it. nil when the `$` starts no reference (`$` at the end, `$ `, `$1`): a literal dollar.
    static func reference(in bytes: [UInt8], at start: Int,
                          lookup: (String) -> String?) -> (value: String?, end: Int)? {
        guard start + 1 < bytes.count else { return nil }
        let next = bytes[start + 1]
        if next == UInt8(ascii: "(") { return (nil, bytes.count) }
        if next == UInt8(ascii: "{") {
            guard let close = bytes[(start + 2)...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
            return (braced(bytes[(start + 2)..<close], lookup: lookup), close + 1)
        }
        var end = start + 1
        while end < bytes.count, isNameByte(bytes[end], first: end == start + 1) { end += 1 }
        guard end > start + 1 else { return nil }
        return (lookup(String(decoding: bytes[(start + 1)..<end], as: UTF8.self)), end)
    }

    /// The inside of `${...}`: a name, optionally followed by `:-default` or `-default`.
    private static func braced(_ inner: ArraySlice<UInt8>, lookup: (String) -> String?) -> String? {
        var nameEnd = inner.startIndex
        while nameEnd < inner.endIndex, isNameByte(inner[nameEnd], first: nameEnd == inner.startIndex) { nameEnd += 1 }
        let name = String(decoding: inner[inner.startIndex..<nameEnd], as: UTF8.self)
        guard !name.isEmpty, let value = lookup(name) else { return nil }
        let rest = inner[nameEnd...]
        if rest.starts(with: Array(":-".utf8)) {
            return value.isEmpty ? String(decoding: rest.dropFirst(2), as: UTF8.self) : value
        }
        return rest.isEmpty || rest.first == UInt8(ascii: "-") ? value : nil
    }

    static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
        TokenRedaction.isWordChar(byte) && !(first && TokenRedaction.isDigit(byte))
    }
}
