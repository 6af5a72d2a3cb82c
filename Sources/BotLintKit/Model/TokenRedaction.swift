#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recognises and redacts Telegram bot tokens (`<bot id>:<35 url-safe characters>`).
public enum TokenRedaction {
    /// Whole-string check: does this value look like a real bot token?
    public static func looksLikeToken(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        return isTokenShape(bytes, idStart: 0, colon: colon, end: bytes.count)
    }

    /// The bot id (digits before the colon) of a token-shaped value.
    public static func botID(_ value: String) -> String? {
        guard looksLikeToken(value) else { return nil }
        return value.split(separator: ":", maxSplits: 1).first.map(String.init)
    }

    /// `123456789:AA…xY`: enough to tell bots apart, never enough to use one.
    public static func redact(_ token: String) -> String {
        let parts = token.split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { return "…" }
        let secret = Array(parts[1])
        guard secret.count >= 8 else { return "\(parts[0]):…" }
        return "\(parts[0]):\(String(secret.prefix(2)))…\(String(secret.suffix(2)))"
    }

    public static func redactIfToken(_ value: String) -> String {
        looksLikeToken(value) ? redact(value) : value
    }

    /// Replaces every token-shaped run inside arbitrary text (a last line of defence in reporters).
    public static func scrub(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: ":")) else { return text }
        let tokens = findTokens(in: Array(text.utf8))
        guard !tokens.isEmpty else { return text }
        var out = text
        for range in tokens.reversed() {
            let bytes = Array(text.utf8)[range]
            let token = String(decoding: bytes, as: UTF8.self)
            let start = out.utf8.index(out.utf8.startIndex, offsetBy: range.lowerBound)
            let end = out.utf8.index(out.utf8.startIndex, offsetBy: range.upperBound)
            out.replaceSubrange(start..<end, with: redact(token))
        }
        return out
    }

    /// Byte ranges of token-shaped runs in a buffer. Every file is scanned, so candidates (a
    /// digit followed by `:`) are found 16 bytes at a time; a `memchr` per colon cost twice as
    /// much in Python and JavaScript, where colons are everywhere.
    public static func findTokens(in bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let n = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var skipUntil = 0
            func check(colon i: Int) {
                guard i >= skipUntil, i > 0, isDigit(buffer[i - 1]) else { return }
                var idStart = i
                while idStart > 0, isDigit(buffer[idStart - 1]) { idStart -= 1 }
                var end = i + 1
                while end < n, isSecretChar(buffer[end]) { end += 1 }
                // No check on what precedes the id: URLs write tokens as `/bot<id>:<secret>/`.
                if isTokenShape(bytes, idStart: idStart, colon: i, end: end) {
                    result.append(idStart..<end)
                    skipUntil = end
                }
            }
            let colon = SIMD16<UInt8>(repeating: UInt8(ascii: ":"))
            let zero = SIMD16<UInt8>(repeating: UInt8(ascii: "0"))
            let ten = SIMD16<UInt8>(repeating: 10)
            var block = 0
            // Lane k of a block is the pair (block + k, block + k + 1): a digit, then a colon.
            while block + 17 <= n {
                let digits = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: block, as: SIMD16<UInt8>.self)
                let colons = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: block + 1, as: SIMD16<UInt8>.self)
                let pairs = (colons .== colon) .& ((digits &- zero) .< ten)
                if any(pairs) {
                    for lane in 0..<16 where pairs[lane] { check(colon: block + lane + 1) }
                }
                block += 16
            }
            for i in max(block + 1, 1)..<max(n, 1) where buffer[i] == UInt8(ascii: ":") { check(colon: i) }
        }
        return result
    }

    static func isTokenShape(_ b: [UInt8], idStart: Int, colon: Int, end: Int) -> Bool {
        let idLength = colon - idStart
        let secretLength = end - colon - 1
        guard (5...12).contains(idLength), secretLength == 35 else { return false }
        for k in idStart..<colon where !isDigit(b[k]) { return false }
        for k in (colon + 1)..<end where !isSecretChar(b[k]) { return false }
        // Placeholders such as 123456789:AAAAAAAA... are not tokens worth reporting or matching.
        let secret = b[(colon + 1)..<end]
        if Set(secret).count < 6 { return false }
        return true
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    @inline(__always) static func isWordChar(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
    }
    @inline(__always) static func isSecretChar(_ c: UInt8) -> Bool { isWordChar(c) || c == 45 }
}
