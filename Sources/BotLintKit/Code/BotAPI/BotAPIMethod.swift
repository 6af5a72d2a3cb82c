/// The Bot API methods that decide how a bot receives updates, as they appear in
/// `https://api.telegram.org/bot<token>/<method>` URLs (method names are case-insensitive).
enum BotAPIMethod: String, CaseIterable, Sendable {
    case getUpdates, setWebhook, deleteWebhook

    var kind: ReceiveKind {
        switch self {
        case .getUpdates: .poll
        case .setWebhook: .setWebhook
        case .deleteWebhook: .deleteWebhook
        }
    }

    /// The lowercase marker the URL scanners search for, before the token.
    static let hostMarker = Array("api.telegram.org/bot".utf8)

    /// The method at the start of `text` (`/getUpdates?offset=1`), with what follows it. The name
    /// must end there: `/setWebhookInfo` is not `/setWebhook`.
    static func leading(_ text: Substring) -> (method: BotAPIMethod, rest: Substring)? {
        guard text.first == "/" else { return nil }
        let name = text.dropFirst().prefix { $0.isLetter }
        guard let method = allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        return (method, text.dropFirst(1 + name.count))
    }

    /// The `url` query parameter in what follows a method (`?url=https://x/hook&drop=1`); empty
    /// when the parameter is present but its value comes from a later part of the expression.
    static func webhookURLParameter(in query: Substring) -> Substring? {
        guard let marker = query.firstRange(of: "?url=") ?? query.firstRange(of: "&url=") else { return nil }
        return query[marker.upperBound...].prefix { !" &\"'`;)".contains($0) && !$0.isNewline }
    }

    /// Offsets of the host marker in a byte buffer, ASCII case-insensitively.
    static func hostMarkerOffsets(in bytes: [UInt8], range: Range<Int>) -> [Int] {
        var offsets: [Int] = []
        var i = range.lowerBound
        let last = range.upperBound - hostMarker.count
        while i <= last {
            var k = 0
            while k < hostMarker.count, ByteSearch.asciiLowercased(bytes[i + k]) == hostMarker[k] { k += 1 }
            if k == hostMarker.count {
                offsets.append(i)
                i += k
            } else {
                i += 1
            }
        }
        return offsets
    }
}

extension ByteSearch {
    /// ASCII case-insensitive search of a lowercase `needle` within `range` of `haystack`.
    static func containsCaseInsensitive(_ haystack: [UInt8], _ needle: [UInt8], in range: Range<Int>) -> Bool {
        guard !needle.isEmpty, range.count >= needle.count else { return false }
        var i = range.lowerBound
        while i <= range.upperBound - needle.count {
            var k = 0
            while k < needle.count, asciiLowercased(haystack[i + k]) == needle[k] { k += 1 }
            if k == needle.count { return true }
            i += 1
        }
        return false
    }

    @inline(__always) static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}
