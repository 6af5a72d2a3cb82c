import Testing
@testable import BotLintKit

/// ByteNeedleSet anchors each needle on its rarest byte and verifies needles sharing an anchor
/// at the same `memchr` hits; it must agree with the plain definition everywhere, ends included.
@Suite struct ByteNeedleSetTests {
    private func naiveOffsets(_ haystack: [UInt8], _ needles: [String]) -> [Int] {
        let patterns = needles.filter { !$0.isEmpty }.map { Array($0.utf8) }
        var found: [Int] = []
        for start in haystack.indices {
            for pattern in patterns where start + pattern.count <= haystack.count
                && haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
                found.append(start)
            }
        }
        return found.sorted()
    }

    private static let sets: [[String]] = [
        TelegramMarkersForTests.python,
        ["olling", "elegra", "ebhook", "etUpdates", "aiogram", "telebot", "AppConfig", "grammy"],
        ["telegram.org", "Telegram.org", "TELEGRAM.ORG"],
        // Many needles sharing anchors, overlapping one another.
        ["ab", "ba", "aab", "bba", "abab", "eta", "tea", "ate", "ae", "ea", "eat"],
        ["a", "aa", ""],
    ]

    @Test(arguments: sets.indices)
    func agreesWithTheDefinition(set: Int) {
        let needles = Self.sets[set]
        let matcher = ByteNeedleSet(needles)
        var generator = SystemRandomNumberGenerator()
        // The needles' own bytes, so matches and near misses are frequent.
        let alphabet = Array(Set(needles.joined().utf8)) + [UInt8(ascii: " "), UInt8(ascii: "\n")]
        for _ in 0..<400 {
            var haystack = (0..<Int.random(in: 0...200, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            if let needle = needles.randomElement(using: &generator), Bool.random(using: &generator) {
                haystack.insert(contentsOf: Array(needle.utf8), at: Int.random(in: 0...haystack.count, using: &generator))
            }
            let expected = naiveOffsets(haystack, needles)
            #expect(matcher.offsets(in: haystack) == expected, "\(needles) in \(String(decoding: haystack, as: UTF8.self))")
            #expect(matcher.occurs(in: haystack) == !expected.isEmpty)
        }
    }

    @Test func findsANeedleAtEveryOffsetAndAtTheEnd() {
        let matcher = ByteNeedleSet(["olling", "ebhook"])
        for length in 0...70 {
            for needle in ["olling", "ebhook"] {
                let haystack = Array(String(repeating: "x", count: length).utf8) + Array(needle.utf8)
                #expect(matcher.offsets(in: haystack) == [length], "\(needle) after \(length) bytes")
            }
        }
    }
}

/// The Python marker list, spelled out so the test does not depend on TelegramMarkers' layout.
private enum TelegramMarkersForTests {
    static let python = ["elegra", "olling", "ebhook", "etUpdates", "aiogram", "telebot", "AppConfig"]
}
