import Testing
@testable import BotLintKit

@Suite struct TokenScanTests {
    /// The definition `findTokens` vectorises: every colon after a digit, outside a token found
    /// before it, starts a check.
    private func reference(_ bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 1
        while i < bytes.count {
            defer { i += 1 }
            guard bytes[i] == UInt8(ascii: ":"), TokenRedaction.isDigit(bytes[i - 1]) else { continue }
            var idStart = i
            while idStart > 0, TokenRedaction.isDigit(bytes[idStart - 1]) { idStart -= 1 }
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

    @Test func agreesWithTheDefinitionOnRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789:AaZz_-".utf8) + [UInt8(ascii: " ")]
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...200, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(TokenRedaction.findTokens(in: bytes) == reference(bytes))
        }
    }
}
