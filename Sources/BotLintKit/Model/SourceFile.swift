import CByteScan
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file of the scanned repository, as read (bounded, regular files only).
public struct SourceFile: Sendable {
    /// Relative to the scan root, `/`-separated.
    public let path: String
    public let bytes: [UInt8]
    public let isExecutable: Bool

    public init(path: String, bytes: [UInt8], isExecutable: Bool = false) {
        self.path = path
        self.bytes = bytes
        self.isExecutable = isExecutable
    }

    /// Text with invalid UTF-8 replaced (U+FFFD), a UTF-8 BOM dropped and CRLF kept as is.
    public var text: String {
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        return String(decoding: slice, as: UTF8.self)
    }

    public var name: String { PathUtil.lastComponent(of: path) }

    /// The folder, relative to the root ("" for the root).
    public var directory: String { PathUtil.directory(of: path) }

    public func contains(_ needle: String) -> Bool { ByteSearch.contains(bytes, Array(needle.utf8)) }
}

/// What every extractor adds for one file. One file can give several kinds of facts (a fly.toml
/// gives runners, an app.py gives code facts), so all are optional or empty.
public struct FileAnalysis: Sendable {
    public var path: String
    public var runners: [RunnerDecl] = []
    public var envFile: EnvFile?
    public var code: CodeSummary?
    public var dockerfile: DockerfileInfo?
    public var packageManifest: PackageManifest?
    /// Set for builder configs (`nixpacks.toml`): the default start command of builds that use it.
    public var buildPlan: BuildPlan?
    /// Set for shell scripts: the linker runs them when a runner's command calls them, and
    /// treats unreferenced ones that start a bot as local start scripts.
    public var shellScript: ShellScript?
    /// Token-shaped literals (BL401). Values are kept only to compute bot ids; never printed.
    public var tokenLiterals: [TokenLiteral] = []
    public var problems: [ParseProblem] = []
    public var notes: [Note] = []

    public init(path: String) { self.path = path }

    /// Nothing was learnt from the file (most files of a large repository).
    /// `case .none` tests presence without copying: `== nil` resolved to the Equatable
    /// comparison of two optionals and copied each summary, on every file read.
    public var isEmpty: Bool {
        guard case .none = envFile, case .none = code, case .none = dockerfile, case .none = packageManifest,
              case .none = buildPlan, case .none = shellScript else { return false }
        return runners.isEmpty && tokenLiterals.isEmpty && problems.isEmpty && notes.isEmpty
    }
}

public struct TokenLiteral: Hashable, Sendable {
    public var value: String
    public var location: SourceLocation

    public init(value: String, location: SourceLocation) {
        self.value = value
        self.location = location
    }

    public var botID: String { String(value.prefix { $0 != ":" }) }
    public var redacted: String { TokenRedaction.redact(value) }
}

/// One extractor per format or language. Extractors see one file at a time and never print.
public protocol Extractor: Sendable {
    /// Cheap test on the path (and executable bit) only; runs for every file of the repository
    /// against every extractor, so it compares the candidate's precomputed forms.
    func accepts(_ file: FileCandidate) -> Bool
    func extract(_ file: SourceFile, into analysis: inout FileAnalysis)
    /// Itself when it is a `DeferrableExtractor`. A requirement, so the engine asks through the
    /// witness table: `as? any DeferrableExtractor` scanned every protocol conformance record in
    /// the binary once per extractor type, a tenth of a millisecond each, on every run.
    var asDeferrable: (any DeferrableExtractor)? { get }
}

extension Extractor {
    public var asDeferrable: (any DeferrableExtractor)? { nil }

    public func accepts(path: String, name: String, isExecutable: Bool) -> Bool {
        accepts(FileCandidate(path: path, name: name, isExecutable: isExecutable))
    }
}

/// A listed file as extractors decide on it. The lowercased name and the extension are
/// computed once per file here instead of once per extractor (33 of them, for every file).
public struct FileCandidate: Sendable {
    public let path: String
    public let name: String
    /// `name` with ASCII letters lowercased (the same string when it has no capitals).
    public let lowercasedName: String
    /// Lowercased, without the dot; "" when the name has none or only starts with one (`.env`).
    public let fileExtension: String
    public let isExecutable: Bool

    public init(path: String, name: String, isExecutable: Bool) {
        self.path = path
        self.name = name
        self.isExecutable = isExecutable
        lowercasedName = PathUtil.asciiLowercased(name)
        fileExtension = PathUtil.extensionOfLowercased(lowercasedName)
    }

    public init(path: String, isExecutable: Bool = false) {
        self.init(path: path, name: PathUtil.lastComponent(of: path), isExecutable: isExecutable)
    }

    /// The containing folder's name, lowercased ("" at the root).
    public var lowercasedFolderName: String {
        PathUtil.asciiLowercased(PathUtil.lastComponent(of: PathUtil.directory(of: path)))
    }

    /// Byte comparison: `String.hasSuffix` compares by Unicode characters, which costs far more.
    public func lowercasedNameHasSuffix(_ suffix: StaticString) -> Bool { PathUtil.hasSuffix(lowercasedName, suffix) }
    public func lowercasedNameHasPrefix(_ prefix: StaticString) -> Bool { PathUtil.hasPrefix(lowercasedName, prefix) }
}

public enum PathUtil {
    // Byte-level: these run for every file of the repository, and `/` is ASCII.
    public static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// The file name: what follows the last `/` (trailing slashes ignored).
    public static func lastComponent(of path: String) -> String {
        var end = path.utf8.endIndex
        while end > path.utf8.startIndex, path.utf8[path.utf8.index(before: end)] == UInt8(ascii: "/") {
            end = path.utf8.index(before: end)
        }
        guard end > path.utf8.startIndex else { return path }
        let start = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")).map { path.utf8.index(after: $0) } ?? path.utf8.startIndex
        return String(path[start..<end])
    }

    /// Whether `text` contains `lowercaseNeedle` (ASCII), ignoring ASCII case: a cheap filter
    /// before the `lowercased()` and splitting that name checks otherwise cost on every file.
    public static func containsIgnoringCase(_ text: String, _ lowercaseNeedle: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: lowercaseNeedle.utf8Start, count: lowercaseNeedle.utf8CodeUnitCount)
        guard !needle.isEmpty else { return true }
        // Over the contiguous bytes: walking `String.UTF8View` by index cost more than all the
        // rest of some extractors' `accepts`.
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            for start in 0...(bytes.count - needle.count) where bytes[start] | 0x20 == needle[0] {
                var k = 1
                while k < needle.count, bytes[start + k] | 0x20 == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            return false
        }
    }

    public static func join(_ base: String, _ rel: String) -> String {
        if rel.hasPrefix("/") { return normalize(String(rel.dropFirst())) }
        return normalize(base.isEmpty ? rel : base + "/" + rel)
    }

    /// Resolves `.` and `..` without touching the file system; leading `..` that would leave the
    /// root is dropped, so nothing resolves outside the repository.
    public static func normalize(_ path: String) -> String {
        // Most paths are normal already; the linker normalizes tens of thousands of candidates.
        if isNormal(path) { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// No empty, `.` or `..` segment: `normalize` would return the path unchanged.
    private static func isNormal(_ path: String) -> Bool {
        var length = 0, dots = 0
        func segmentIsNormal() -> Bool { length > 0 && !(dots == length && dots <= 2) }
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                guard segmentIsNormal() else { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return path.isEmpty || segmentIsNormal()
    }

    public static func fileExtension(_ name: String) -> String {
        extensionOfLowercased(asciiLowercased(name))
    }

    /// What follows the last `.` of an already lowercased name ("" for none or a leading dot only).
    static func extensionOfLowercased(_ name: String) -> String {
        let bytes = name.utf8
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot != bytes.startIndex else { return "" }
        return String(name[bytes.index(after: dot)...])
    }

    /// ASCII letters lowercased; the string itself, uncopied, when it has no ASCII capitals.
    /// File names botlint matches are ASCII, so other letters are left alone.
    public static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 &- UInt8(ascii: "A") < 26 }) else { return text }
        return String(decoding: text.utf8.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    public static func hasSuffix(_ text: String, _ suffix: StaticString) -> Bool {
        let tail = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        let bytes = text.utf8
        guard bytes.count >= tail.count else { return false }
        return bytes.suffix(tail.count).elementsEqual(tail)
    }

    public static func hasPrefix(_ text: String, _ prefix: StaticString) -> Bool {
        let head = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        let bytes = text.utf8
        guard bytes.count >= head.count else { return false }
        return bytes.prefix(head.count).elementsEqual(head)
    }
}

public enum ByteSearch {
    /// Substring search over bytes: libc's vectorised `memchr` finds candidates for the needle's
    /// rarest byte, `memcmp` checks them. The prefilters run on every file of a repository, so
    /// anchoring on `e` of `telegram` would verify a candidate every few bytes.
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    public static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard !needle.isEmpty, start >= 0, haystack.count - start >= needle.count else { return nil }
        return haystack.withUnsafeBytes { h -> Int? in
            needle.withUnsafeBytes { n -> Int? in
                guard let base = h.baseAddress, let needleBase = n.baseAddress else { return nil }
                let anchor = rarestIndex(needle)
                let anchorByte = Int32(needle[anchor])
                var offset = start + anchor
                let lastAnchor = h.count - needle.count + anchor
                while offset <= lastAnchor {
                    guard let hit = memchr(base + offset, anchorByte, lastAnchor - offset + 1) else { return nil }
                    let position = base.distance(to: UnsafeRawPointer(hit)) - anchor
                    // First and last bytes inline: most candidates fail there, cheaper than a call.
                    if h[position] == n[0], h[position + needle.count - 1] == n[needle.count - 1],
                       memcmp(base + position, needleBase, needle.count) == 0 { return position }
                    offset = position + anchor + 1
                }
                return nil
            }
        }
    }

    /// Bytes in roughly descending frequency in source code and prose; anything else is rarer.
    /// `:` is as common as `=` in Python and JavaScript (blocks, slices, object literals).
    private static let commonBytes = Array(" etaoinsrlcdu\nphm.(),=:_\"'fgby/-TSE\tv0w1ACRIkNxL".utf8)

    static func rarestIndex(_ needle: [UInt8]) -> Int {
        var best = 0
        var bestRank = Int.max
        for (i, byte) in needle.enumerated() {
            let rank = commonBytes.firstIndex(of: byte).map { commonBytes.count - $0 } ?? 0
            if rank < bestRank { best = i; bestRank = rank }
        }
        return best
    }

    /// Whether any of the needles occurs.
    public static func containsAny(_ haystack: [UInt8], _ needles: [[UInt8]]) -> Bool {
        needles.contains { contains(haystack, $0) }
    }
}

/// Needles searched together, for prefilters that run on every file: each needle is anchored on
/// its rarest byte once, needles sharing an anchor are checked at the same `memchr` hits, and a
/// hit is verified inline (most fail on the first byte; a `memcmp` call per hit cost more than
/// the search). Needles live in one flat byte array and the loops run on raw pointers: iterating
/// arrays of arrays retained and released them at every hit, which cost more than the search.
public struct ByteNeedleSet: Sendable {
    /// Every needle's bytes, one after another.
    private let bytes: [UInt8]
    /// Needle k is `bytes[start[k]..<start[k + 1]]`, anchored at `anchor[k]` within itself.
    private let start: [Int]
    private let anchor: [Int]
    /// Distinct anchor bytes, each with the needles that share it (`members[memberStart[g]..<memberStart[g + 1]]`).
    private let groupByte: [UInt8]
    private let memberStart: [Int]
    private let members: [Int]
    /// One pass for all needles (`botlint_teddy_next`) where the CPU has byte shuffles (SSSE3)
    /// and the needles fit (at most 8, each 3 bytes or more); else the `memchr` passes above.
    /// Python's markers made 5 `memchr` passes, one on `g` stopping every few dozen bytes.
    private let teddy: botlint_teddy_tables?

    public init(_ needles: [String]) {
        var grouped: [(byte: UInt8, needles: [Int])] = []
        var bytes: [UInt8] = []
        var start: [Int] = []
        var anchor: [Int] = []
        for text in needles where !text.isEmpty {
            let needle = Array(text.utf8)
            // Sharing anchors across needles was measured slower: verifying more needles at each
            // hit of a common byte costs more than another memchr pass.
            let at = ByteSearch.rarestIndex(needle)
            let index = start.count
            start.append(bytes.count)
            anchor.append(at)
            bytes += needle
            if let group = grouped.firstIndex(where: { $0.byte == needle[at] }) {
                grouped[group].needles.append(index)
            } else {
                grouped.append((needle[at], [index]))
            }
        }
        start.append(bytes.count)
        self.bytes = bytes
        self.start = start
        self.anchor = anchor
        groupByte = grouped.map(\.byte)
        memberStart = grouped.reduce(into: [0]) { $0.append($0.last! + $1.needles.count) }
        members = grouped.flatMap(\.needles)
        let count = anchor.count
        if botlint_teddy_available() != 0, count <= 8, (0..<count).allSatisfy({ start[$0 + 1] - start[$0] >= 3 }) {
            var tables = botlint_teddy_tables()
            bytes.withUnsafeBufferPointer { flat in
                let needleStarts: [UnsafePointer<UInt8>?] = start.dropLast().map { flat.baseAddress! + $0 }
                needleStarts.withUnsafeBufferPointer { botlint_teddy_build(&tables, $0.baseAddress, count) }
            }
            teddy = tables
        } else {
            teddy = nil
        }
    }

    /// Whether the needle stored at `needleBytes[from..<to]` starts at `position` of `text`.
    @inline(__always)
    private static func matches(_ text: UnsafeBufferPointer<UInt8>, at position: Int,
                                _ needleBytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        let length = to - from
        guard position >= 0, position + length <= text.count else { return false }
        var k = 0
        while k < length, text[position + k] == needleBytes[from + k] { k += 1 }
        return k == length
    }

    public func occurs(in haystack: [UInt8]) -> Bool {
        var found = false
        scan(haystack) { _ in found = true; return false }
        return found
    }

    /// Start offsets of every occurrence of any needle, ascending.
    public func offsets(in haystack: [UInt8]) -> [Int] {
        var found: [Int] = []
        scan(haystack) { found.append($0); return true }
        return found.sorted()
    }

    /// Calls `report` with each match's start (group by group) until it returns false.
    private func scan(_ haystack: [UInt8], _ report: (Int) -> Bool) {
        if var tables = teddy {
            teddyScan(haystack, &tables, report)
            return
        }
        haystack.withUnsafeBufferPointer { text in
            bytes.withUnsafeBufferPointer { needleBytes in
                start.withUnsafeBufferPointer { start in
                    anchor.withUnsafeBufferPointer { anchor in
                        members.withUnsafeBufferPointer { members in
                            guard let base = text.baseAddress else { return }
                            let count = text.count
                            for group in 0..<groupByte.count {
                                let byte = Int32(groupByte[group])
                                let first = memberStart[group], last = memberStart[group + 1]
                                var offset = 0
                                while offset < count, let hit = memchr(base + offset, byte, count - offset) {
                                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                                    for m in first..<last {
                                        let needle = members[m]
                                        let from = at - anchor[needle]
                                        if Self.matches(text, at: from, needleBytes, from: start[needle], to: start[needle + 1]),
                                           !report(from) { return }
                                    }
                                    offset = at + 1
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension ByteNeedleSet {
    /// Needle k is bucket k: each reported position is checked against its buckets' needles.
    private func teddyScan(_ haystack: [UInt8], _ tables: inout botlint_teddy_tables, _ report: (Int) -> Bool) {
        haystack.withUnsafeBufferPointer { text in
            bytes.withUnsafeBufferPointer { needleBytes in
                guard let base = text.baseAddress else { return }
                let count = text.count
                var position = 0
                var buckets: UInt8 = 0
                while position < count {
                    position = botlint_teddy_next(&tables, base, count, position, &buckets)
                    guard position < count else { return }
                    var rest = buckets
                    while rest != 0 {
                        let needle = rest.trailingZeroBitCount
                        rest &= rest - 1
                        if Self.matches(text, at: position, needleBytes, from: start[needle], to: start[needle + 1]),
                           !report(position) { return }
                    }
                    position += 1
                }
            }
        }
    }
}

/// A code scanner that may leave a file for later. Files without any Telegram marker are not
/// scanned while the repository is read; the linker scans them on demand if an entry's imports
/// reach them, so a monorepo's unrelated code costs one byte search per file.
public protocol DeferrableExtractor: Extractor {
    /// Cheap byte test: can this file matter without being reached from an entry?
    func scansEagerly(_ file: SourceFile) -> Bool
    /// Extracts the file if `scansEagerly` says so, else leaves it for later and returns false.
    /// A scanner whose test does part of the scan (Python lexes) hands that work over here.
    func extractIfEager(_ file: SourceFile, into analysis: inout FileAnalysis) -> Bool
}

extension DeferrableExtractor {
    public var asDeferrable: (any DeferrableExtractor)? { self }

    public func extractIfEager(_ file: SourceFile, into analysis: inout FileAnalysis) -> Bool {
        guard scansEagerly(file) else { return false }
        extract(file, into: &analysis)
        return true
    }
}
