import CByteScan
import Foundation
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
    /// Reads the string's own bytes: reporters pass whole documents (1.5 MB of JSON for a
    /// 100k-file repository), and a copy of each would raise botlint's peak memory.
    public static func scrub(_ text: String) -> String {
        var text = text
        let scrubbed: String? = text.withUTF8 { bytes in
            let tokens = findTokens(in: bytes)
            guard !tokens.isEmpty else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var copied = 0
            for range in tokens {
                out += bytes[copied..<range.lowerBound]
                out += redact(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)).utf8
                copied = range.upperBound
            }
            out += bytes[copied...]
            return String(decoding: out, as: UTF8.self)
        }
        return scrubbed ?? text
    }

    /// A reporter's encoded document as text with a final newline, scrubbed, in one copy.
    static func scrubbedDocument(_ data: Data) -> String {
        scrub(String(unsafeUninitializedCapacity: data.count + 1) { buffer in
            _ = buffer.initialize(from: data)
            buffer[data.count] = UInt8(ascii: "\n")
            return data.count + 1
        })
    }

    /// Byte ranges of token-shaped runs in a buffer. Every file is scanned, so the scan skips
    /// what cannot hold a token 16 bytes at a time: a token is 41 to 48 bytes of `[0-9A-Za-z_:-]`,
    /// and any 31 such bytes in a row fill an aligned 16-byte block. Most blocks of code and
    /// prose hold a space, newline, quote or bracket (all below `-`), which one compare finds.
    /// Only the maximal run of such bytes around a block that passes is checked byte by byte.
    public static func findTokens(in bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { findTokens(in: $0) }
    }

    static func findTokens(in buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = buffer.baseAddress else { return [] }
        var result: [Range<Int>] = []
        let n = buffer.count
        var block = botlint_next_token_block(base, n, 0)
        while block < n {
            var start = block
            while start > 0, isRunByte(buffer[start - 1]) { start -= 1 }
            var end = block + 16
            while end < n, isRunByte(buffer[end]) { end += 1 }
            if end - start >= 41 { scanRun(buffer, start..<end, into: &result) }
            // The block holding `end` holds the byte that ends the run, so it is skipped too.
            block = botlint_next_token_block(base, n, (end / 16 + 1) * 16)
        }
        return result
    }

    /// Tokens inside one maximal run of `[0-9A-Za-z_:-]`: each colon after a digit starts a check,
    /// unless a token found before it covers it. Nothing a check reads crosses the run's ends, and
    /// an id never reaches back into the token before it (`<token>:123…` after a secret ending in
    /// digits), so the ranges never overlap.
    private static func scanRun(_ buffer: UnsafeBufferPointer<UInt8>, _ run: Range<Int>, into result: inout [Range<Int>]) {
        var colon = run.lowerBound + 1
        var taken = run.lowerBound
        while colon < run.upperBound {
            defer { colon += 1 }
            guard colon > taken, buffer[colon] == UInt8(ascii: ":"), isDigit(buffer[colon - 1]) else { continue }
            var idStart = colon
            while idStart > taken, isDigit(buffer[idStart - 1]) { idStart -= 1 }
            var end = colon + 1
            while end < run.upperBound, isSecretChar(buffer[end]) { end += 1 }
            // No check on what precedes the id: URLs write tokens as `/bot<id>:<secret>/`.
            if isTokenShape(buffer, idStart: idStart, colon: colon, end: end) {
                result.append(idStart..<end)
                taken = end
                colon = end - 1
            }
        }
    }

    @inline(__always) static func isRunByte(_ c: UInt8) -> Bool { isSecretChar(c) || c == UInt8(ascii: ":") }

    static func isTokenShape<Bytes: RandomAccessCollection<UInt8>>(_ b: Bytes, idStart: Int, colon: Int, end: Int) -> Bool
        where Bytes.Index == Int {
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
