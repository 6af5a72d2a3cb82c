import Foundation
import Testing
@testable import BotLintKit

/// The Foundation-free trimming helpers must trim exactly what `trimmingCharacters(in:)` does.
@Suite struct TrimmingTests {
    @Test func trimsTheSameScalarsAsFoundation() {
        var differences: [String] = []
        for value in 0...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)x\(scalar)"
            if text.trimmingWhitespace() != text.trimmingCharacters(in: .whitespaces) {
                differences.append("whitespace U+" + String(value, radix: 16))
            }
            if text.trimmingWhitespaceAndNewlines() != text.trimmingCharacters(in: .whitespacesAndNewlines) {
                differences.append("whitespace and newlines U+" + String(value, radix: 16))
            }
        }
        #expect(differences.isEmpty)
    }

    @Test(arguments: ["  a b \t", "\r\n x \r\n", "a \u{301}", " \u{3000}é\u{00A0}", "", " \t ", "x", "\u{FEFF} a "])
    func matchesFoundationOnWholeStringsAndSubstrings(text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        let inner = text.dropFirst(0)
        #expect(inner.trimmingWhitespace() == inner.trimmingCharacters(in: .whitespaces))
    }

    @Test func trimsACustomSet() {
        #expect(" -- reason: legacy bot —".trimming { " -:—".unicodeScalars.contains($0) } == "reason: legacy bot")
    }
}
