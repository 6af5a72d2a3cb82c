/// Docker's word rules for ENV, ARG and WORKDIR arguments: whitespace splits words outside
/// quotes, single quotes are literal, double quotes and bare text expand `$VAR`/`${VAR}`, and the
/// escape character (`\` or `` ` ``) makes the next character literal.
struct DockerWords {
    let escape: UInt8

    /// Raw words (quotes kept) with their UTF-8 offsets in `text`.
    func split(_ text: String) -> [(raw: String, offset: Int)] {
        let bytes = Array(text.utf8)
        var words: [(String, Int)] = []
        var start: Int?
        var quote: UInt8?
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if quote == nil, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                if let begin = start { words.append((String(decoding: bytes[begin..<i], as: UTF8.self), begin)) }
                start = nil
                i += 1
                continue
            }
            if start == nil { start = i }
            if byte == escape, quote != UInt8(ascii: "'") {
                i += 2
                continue
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = quote == nil ? byte : (quote == byte ? nil : quote)
            }
            i += 1
        }
        if let begin = start { words.append((String(decoding: bytes[begin..<min(i, bytes.count)], as: UTF8.self), begin)) }
        return words
    }

    /// One word with quotes removed and variables expanded; nil when a variable is unknown.
    func value(_ raw: String, lookup: (String) -> String?) -> String? {
        let bytes = Array(raw.utf8)
        var out: [UInt8] = []
        var inDouble = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case escape where i + 1 < bytes.count:
                let next = bytes[i + 1]
                if inDouble, next != UInt8(ascii: "\""), next != UInt8(ascii: "$"), next != escape { out.append(byte) }
                out.append(next)
                i += 2
            case UInt8(ascii: "'") where !inDouble:
                let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "'")) ?? bytes.count
                out.append(contentsOf: bytes[(i + 1)..<close])
                i = close + 1
            case UInt8(ascii: "\""):
                inDouble.toggle()
                i += 1
            case UInt8(ascii: "$"):
                guard let reference = VariableExpander.reference(in: bytes, at: i, lookup: lookup) else {
                    out.append(byte)
                    i += 1
                    continue
                }
                guard let value = reference.value else { return nil }
                out.append(contentsOf: value.utf8)
                i = reference.end
            default:
                out.append(byte)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
