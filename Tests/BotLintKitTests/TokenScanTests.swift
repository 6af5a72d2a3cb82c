import Testing
@testable import BotLintKit

@Suite struct TokenScanTests {
    /// The definition `findTokens` vectorises: every colon after a digit, outside a token found
    /// before it, starts a check; an id never reaches back into that token.
    private func reference(_ bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 1
        while i < bytes.count {
            defer { i += 1 }
            guard bytes[i] == UInt8(ascii: ":"), TokenRedaction.isDigit(bytes[i - 1]) else { continue }
            let taken = result.last?.upperBound ?? 0
            guard i > taken else { continue }
            var idStart = i
            while idStart > taken, TokenRedaction.isDigit(bytes[idStart - 1]) { idStart -= 1 }
            var end = i + 1
            while end < bytes.count, TokenRedaction.isSecretChar(bytes[end]) { end += 1 }
            if TokenRedaction.isTokenShape(bytes, idStart: idStart, colon: i, end: end) {
                result.append(idStart..<end)
                i = end - 1
            }
        }
        return result
    }

    @Test func findsTokensAtEveryOffsetOfABlock() {
        let token = Array("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1".utf8)
        var generator = SystemRandomNumberGenerator()
        let filler = Array("ab:1 x=2:\n_-".utf8)
        for length in [0, 1, 15, 16, 17, 31, 32, 33, 47, 100, 257] {
            for offset in 0...min(length, 40) {
                var bytes = (0..<length).map { _ in filler.randomElement(using: &generator)! }
                bytes.insert(contentsOf: [UInt8(ascii: "'")] + token + [UInt8(ascii: "'")], at: offset)
                let found = TokenRedaction.findTokens(in: bytes)
                #expect(found == reference(bytes), "length \(length), offset \(offset)")
                #expect(found.contains { bytes[$0] == token[...] }, "length \(length), offset \(offset)")
            }
        }
    }

    /// Runs of token bytes built from token-like pieces: ids of 4 to 13 digits, secrets of 33 to
    /// 37 characters, colons, and separators that do or do not end a run, at every alignment.
    @Test func agreesWithTheDefinitionOnTokenLikeRuns() {
        var generator = SystemRandomNumberGenerator()
        let secretAlphabet = Array("ABCDEFGHabcdefgh0123456789_-".utf8)
        func piece() -> [UInt8] {
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: return (0..<Int.random(in: 4...13, using: &generator)).map { _ in UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &generator) }
            case 1: return (0..<Int.random(in: 33...37, using: &generator)).map { _ in secretAlphabet.randomElement(using: &generator)! }
            case 2: return [UInt8(ascii: ":")]
            case 3: return [[UInt8(ascii: " ")], [UInt8(ascii: "/")], [UInt8(ascii: "\n")], [UInt8(ascii: ".")], [UInt8(ascii: "=")]]
                .randomElement(using: &generator)!
            default: return Array("bot".utf8)
            }
        }
        var found = 0
        for _ in 0..<2_000 {
            var bytes = (0..<Int.random(in: 0...16, using: &generator)).map { _ in UInt8(ascii: "x") }
            for _ in 0..<Int.random(in: 1...12, using: &generator) { bytes += piece() }
            let tokens = TokenRedaction.findTokens(in: bytes)
            #expect(tokens == reference(bytes), "\(String(decoding: bytes, as: UTF8.self))")
            found += tokens.count
        }
        #expect(found > 0, "the generator made no token at all, so this compared nothing")
    }

    /// A secret ending in digits, then `:` and more: the second check must not start inside the
    /// first token (the fuzzer found scrub failing on the overlapping ranges this gave).
    @Test func rangesNeverOverlap() {
        // The first secret ends in seven digits, which could pass for the id of a second token.
        let first = "5912837465:AAHk3vQ9wT2nLx8ZpR4sYc7uJm1b1234567"
        let bytes = Array((first + ":AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1 " + first + ":AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1").utf8)
        #expect(first.count == 10 + 1 + 35)
        let found = TokenRedaction.findTokens(in: bytes)
        #expect(found == reference(bytes))
        #expect(!found.isEmpty)
        for (a, b) in zip(found, found.dropFirst()) { #expect(a.upperBound <= b.lowerBound) }
        let scrubbed = TokenRedaction.scrub(String(decoding: bytes, as: UTF8.self))
        #expect(TokenRedaction.findTokens(in: Array(scrubbed.utf8)).isEmpty)
    }

    @Test func agreesWithTheDefinitionOnRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789:AaZz_-".utf8) + [UInt8(ascii: " ")]
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...200, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(TokenRedaction.findTokens(in: bytes) == reference(bytes))
        }
    }
}
