import Dispatch
import Foundation

/// What one run of botlint produced.
public struct LintReport: Sendable {
    public var root: String
    public var scope: String
    public var isGit: Bool
    /// Sorted deterministically (`Finding.ordered`).
    public var findings: [Finding]
    /// `FindingFingerprint` keys, one per finding, in the same order.
    public var fingerprints: [String]
    public var topology: Topology
    public var notes: [Note]
    public var filesListed: Int
    public var filesRead: Int
}

public struct LintOptions: Sendable {
    public var path: String
    /// Files above this size are skipped with a note.
    public var maxFileBytes: Int
    public var rules: [any Rule]

    public init(path: String, maxFileBytes: Int = 4 << 20, rules: [any Rule] = RuleRegistry.all) {
        self.path = path
        self.maxFileBytes = maxFileBytes
        self.rules = rules
    }
}

/// The engine: list → read and extract in parallel → link → rules. Prints nothing.
public enum Linter {
    public static func run(_ options: LintOptions, source: (any FileSource)? = nil) throws -> LintReport {
        let fileSource = source ?? WorkTreeSource(path: options.path)
        let listing = try fileSource.listing()
        let analyses = extract(listing, from: fileSource, maxBytes: options.maxFileBytes)
        let loader = DeferredCodeLoader { path in
            guard let entry = analyses.deferred[path],
                  case .file(let file) = fileSource.read(entry, in: listing, maxBytes: options.maxFileBytes) else { return nil }
            var analysis = FileAnalysis(path: path)
            for extractor in Extractors.all where extractor is any DeferrableExtractor
                && extractor.accepts(path: path, name: entry.name, isExecutable: entry.isExecutable) {
                extractor.extract(file, into: &analysis)
            }
            return analysis.code
        }
        let linker = Linker(analyses: analyses.files, allPaths: listing.entries.map(\.path), deferredCode: loader)
        let topology = linker.link()
        var findings: [Finding] = []
        for rule in options.rules { findings += rule.check(topology) }
        findings.sort(by: Finding.ordered)
        let fingerprints = fingerprintKeys(findings, listing: listing, source: fileSource, maxBytes: options.maxFileBytes)
        let notes = (listing.notes + analyses.notes).sorted { ($0.path ?? "", $0.message) < ($1.path ?? "", $1.message) }
        return LintReport(root: listing.root, scope: listing.scope, isGit: listing.isGit, findings: findings,
                          fingerprints: fingerprints, topology: topology, notes: notes, filesListed: listing.entries.count, filesRead: analyses.read)
    }

    /// Reads the primary line of each finding (only files that have findings are read again).
    static func fingerprintKeys(_ findings: [Finding], listing: FileListing, source: any FileSource, maxBytes: Int) -> [String] {
        let entries = Dictionary(listing.entries.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var files: [String: [UInt8]] = [:]
        return FindingFingerprint.keys(findings) { location in
            if files[location.path] == nil, let entry = entries[location.path],
               case .file(let file) = source.read(entry, in: listing, maxBytes: maxBytes) {
                files[location.path] = file.bytes
            }
            return files[location.path].flatMap { FindingFingerprint.line(location.line, of: $0) }
        }
    }

    struct Extraction {
        var files: [FileAnalysis]
        var notes: [Note]
        var read: Int
        /// Code files left for the linker to scan if an entry reaches them.
        var deferred: [String: FileEntry]
    }

    /// Reads every listed file once, on all cores, and hands it to the extractors that accept
    /// it. Results are collected per index, so the output order never depends on scheduling.
    static func extract(_ listing: FileListing, from source: any FileSource, maxBytes: Int) -> Extraction {
        let extractors = Extractors.all
        let entries = listing.entries
        // One slot per listed file, so a slot stays small: an analysis (hundreds of bytes inline)
        // is boxed in an array, empty for the many files nothing was learnt from.
        let slots = ResultSlots<([FileAnalysis], Note?, Bool, Bool)>(count: entries.count)
        let chunk = 64
        let chunks = (entries.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in (c * chunk)..<min(entries.count, (c + 1) * chunk) {
                let entry = entries[i]
                let name = entry.name
                let accepting = extractors.filter { $0.accepts(path: entry.path, name: name, isExecutable: entry.isExecutable) }
                guard !accepting.isEmpty else { slots[i] = ([], nil, false, false); continue }
                switch source.read(entry, in: listing, maxBytes: maxBytes) {
                case .skipped(let note):
                    // Binary or huge files only matter when their name says they are code or config:
                    // an image (token scan only) or a compiled executable (accepted for its mode bit
                    // alone) is skipped silently.
                    let relevant = accepting.contains {
                        !($0 is TokenLiteralExtractor) && $0.accepts(path: entry.path, name: name, isExecutable: false)
                    }
                    slots[i] = ([], relevant ? note : nil, false, false)
                case .file(let file):
                    var analysis = FileAnalysis(path: entry.path)
                    var deferred = false
                    for extractor in accepting {
                        if let code = extractor as? any DeferrableExtractor, !code.scansEagerly(file) {
                            deferred = true
                            continue
                        }
                        extractor.extract(file, into: &analysis)
                    }
                    slots[i] = (analysis.isEmpty ? [] : [analysis], nil, true, deferred)
                }
            }
        }
        var files: [FileAnalysis] = []
        var notes: [Note] = []
        var read = 0
        var deferred: [String: FileEntry] = [:]
        for (i, slot) in slots.values.enumerated() {
            guard let (analysis, note, didRead, isDeferred) = slot else { continue }
            files += analysis
            if let note { notes.append(note) }
            if didRead { read += 1 }
            if isDeferred { deferred[entries[i].path] = entries[i] }
        }
        return Extraction(files: files, notes: notes, read: read, deferred: deferred)
    }
}

/// Fixed-size storage that parallel workers write by index without sharing a slot.
final class ResultSlots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> T? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [T?] { lock.withLock { storage } }
}

/// Scans deferred code files on first use and remembers the result. The linker runs on one
/// thread; the lock keeps it safe anyway.
final class DeferredCodeLoader: @unchecked Sendable {
    private let load: (String) -> CodeSummary?
    private var cache: [String: CodeSummary?] = [:]
    private let lock = NSLock()

    init(_ load: @escaping (String) -> CodeSummary?) { self.load = load }

    func code(_ path: String) -> CodeSummary? {
        lock.lock()
        if let cached = cache[path] { lock.unlock(); return cached }
        lock.unlock()
        let loaded = load(path)
        lock.lock()
        cache[path] = loaded
        lock.unlock()
        return loaded
    }
}
