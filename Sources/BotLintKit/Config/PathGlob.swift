/// A path pattern anchored at the repository root: `*` and `?` stay within one path segment,
/// a `**` segment spans any number of folders. A pattern that matches a folder matches
/// everything in it (`legacy` is `legacy/**`). Other characters, `[` included, are literal.
public struct PathGlob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let segments: [Substring]

    /// nil for an empty pattern or one that leaves the repository (`..`).
    public init?(_ pattern: String) {
        var trimmed = Substring(pattern)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.isEmpty, !segments.contains("..") else { return nil }
        self.pattern = pattern
        self.segments = segments.filter { $0 != "." }
    }

    public var description: String { pattern }

    /// `path` is relative to the repository root, `/`-separated.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        // The path itself or one of its folders.
        for length in stride(from: parts.count, through: 1, by: -1) where Self.match(segments[...], parts[..<length]) {
            return true
        }
        return false
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            for skip in 0...path.count where match(rest, path.dropFirst(skip)) { return true }
            return false
        }
        guard let segment = path.first, matchSegment(Array(first.utf8)[...], Array(segment.utf8)[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// `*` any run of bytes, `?` one character; UTF-8 continuation bytes follow their lead byte.
    private static func matchSegment(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        guard let p = pattern.first else { return text.isEmpty }
        switch p {
        case UInt8(ascii: "*"):
            let rest = pattern.drop { $0 == UInt8(ascii: "*") }
            if rest.isEmpty { return true }
            var candidate = text
            while true {
                if matchSegment(rest, candidate) { return true }
                guard !candidate.isEmpty else { return false }
                candidate = candidate.dropFirst()
            }
        case UInt8(ascii: "?"):
            guard !text.isEmpty else { return false }
            return matchSegment(pattern.dropFirst(), text.dropFirst().drop { $0 & 0xC0 == 0x80 })
        default:
            guard text.first == p else { return false }
            return matchSegment(pattern.dropFirst(), text.dropFirst())
        }
    }
}
