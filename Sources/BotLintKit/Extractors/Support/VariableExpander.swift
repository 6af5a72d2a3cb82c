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
            guard byte == UInt8(ascii: "$"), i + 1 < bytes.count else {
                out.append(byte)
                i += 1
                continue
            }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "(") { return nil }
            if next == UInt8(ascii: "{") {
                guard let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: "}")) else {
                    out.append(contentsOf: bytes[i...])
                    break
                }
                guard let value = braced(bytes[(i + 2)..<close], lookup: lookup) else { return nil }
                out.append(contentsOf: value.utf8)
                i = close + 1
                continue
            }
            var end = i + 1
            while end < bytes.count, isNameByte(bytes[end], first: end == i + 1) { end += 1 }
            if end == i + 1 {
                out.append(byte)
                i += 1
                continue
            }
            guard let value = lookup(String(decoding: bytes[(i + 1)..<end], as: UTF8.self)) else { return nil }
            out.append(contentsOf: value.utf8)
            i = end
        }
        return String(decoding: out, as: UTF8.self)
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
