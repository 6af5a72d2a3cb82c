import Foundation

/// How many times a `for ... in` loop runs, when the item list says.
enum ShellIteration {
    /// `1 2 3`, `{1..4}`, `{a,b}`, `$(seq 1 4)`, `` `seq 4` ``; nil for `"$@"`, globs, other substitutions.
    static func count(of items: [ShellWord], expander: ShellExpander) -> Int? {
        var total = 0
        for word in items {
            guard let count = count(of: word, expander: expander) else { return nil }
            total += count
        }
        return total
    }

    private static func count(of word: ShellWord, expander: ShellExpander) -> Int? {
        if word.parts.count == 1, case .substitution(let inner, _) = word.parts[0] { return seqCount(inner) }
        let value = expander.expand(word)
        guard value.isKnown else { return nil }
        if let braces = braceCount(value.text) { return braces }
        if word.parts.contains(where: { if case .literal(let t, quoted: false) = $0 { t.contains { "*?[".contains($0) } } else { false } }) {
            return nil
        }
        return value.text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).count
    }

    /// `seq 4`, `seq 1 4`, `seq 0 2 6`.
    private static func seqCount(_ inner: String) -> Int? {
        let words = inner.split(separator: " ").map(String.init)
        guard words.first == "seq" else { return nil }
        let numbers = words.dropFirst().compactMap { Int($0) }
        guard numbers.count == words.count - 1 else { return nil }
        switch numbers.count {
        case 1: return max(0, numbers[0])
        case 2: return max(0, numbers[1] - numbers[0] + 1)
        case 3 where numbers[1] > 0: return max(0, (numbers[2] - numbers[0]) / numbers[1] + 1)
        default: return nil
        }
    }

    /// `{1..4}` → 4, `{a,b,c}` → 3.
    private static func braceCount(_ text: String) -> Int? {
        guard text.hasPrefix("{"), text.hasSuffix("}"), text.count > 2 else { return nil }
        let inner = text.dropFirst().dropLast()
        let range = inner.components(separatedBy: "..")
        if range.count == 2, let low = Int(range[0]), let high = Int(range[1]) { return abs(high - low) + 1 }
        let options = inner.split(separator: ",", omittingEmptySubsequences: false)
        return options.count > 1 ? options.count : nil
    }
}
