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

    public var name: String { path.split(separator: "/").last.map(String.init) ?? path }

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
    /// Set for shell scripts: the linker runs them when a runner's command calls them, and
    /// treats unreferenced ones that start a bot as local start scripts.
    public var shellScript: ShellScript?
    /// Token-shaped literals (BL401). Values are kept only to compute bot ids; never printed.
    public var tokenLiterals: [TokenLiteral] = []
    public var problems: [ParseProblem] = []
    public var notes: [Note] = []

    public init(path: String) { self.path = path }
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
    /// Cheap test on the path (and executable bit) only; runs for every file of the repository.
    func accepts(path: String, name: String, isExecutable: Bool) -> Bool
    func extract(_ file: SourceFile, into analysis: inout FileAnalysis)
}

public enum PathUtil {
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    public static func join(_ base: String, _ rel: String) -> String {
        if rel.hasPrefix("/") { return normalize(String(rel.dropFirst())) }
        return normalize(base.isEmpty ? rel : base + "/" + rel)
    }

    /// Resolves `.` and `..` without touching the file system; leading `..` that would leave the
    /// root is dropped, so nothing resolves outside the repository.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    public static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }
}

public enum ByteSearch {
    /// Substring search over bytes; fast enough as a prefilter (first-byte scan).
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    public static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        let last = haystack.count - needle.count
        var i = start
        return haystack.withUnsafeBufferPointer { h -> Int? in
            while i <= last {
                if h[i] == first {
                    var k = 1
                    while k < needle.count, h[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return i }
                }
                i += 1
            }
            return nil
        }
    }
}
