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
    /// The effective settings: defaults, `.botlint.toml`, flags.
    public var configuration: Configuration
}

public struct LintOptions: Sendable {
    public var path: String
    /// Files above this size are skipped with a note.
    public var maxFileBytes: Int
    public var rules: [any Rule]
    /// `--config FILE`; nil looks for `.botlint.toml` from the scanned folder up to the root.
    public var configFile: String?
    public var overrides: ConfigOverrides
    /// Findings to leave out (`--baseline`).
    public var baseline: Baseline?

    public init(path: String, maxFileBytes: Int = 4 << 20, rules: [any Rule] = RuleRegistry.all,
                configFile: String? = nil, overrides: ConfigOverrides = ConfigOverrides(), baseline: Baseline? = nil) {
        self.path = path
        self.maxFileBytes = maxFileBytes
        self.rules = rules
        self.configFile = configFile
        self.overrides = overrides
        self.baseline = baseline
    }
}

/// The engine: list → read and extract in parallel → link → rules. Prints nothing.
public enum Linter {
    public static func run(_ options: LintOptions, source: (any FileSource)? = nil) throws -> LintReport {
        let fileSource = source ?? WorkTreeSource(path: options.path)
        var listing = try fileSource.listing()
        let configuration = try ConfigLoader.load(explicit: options.configFile, listing: listing, overrides: options.overrides)
        listing.entries.removeAll { configuration.isExcluded($0.path) }
        let inline = configuration.inlineSuppressions.value
        var analyses = extract(listing, from: fileSource, maxBytes: options.maxFileBytes, scanSuppressions: inline)
        let usedEnvironments = configuration.applyEnvironments(to: &analyses.files)
        let paths = ListedPaths(listing.entries.map(\.path))
        let loader = DeferredCodeLoader { path in
            guard let position = paths.position(of: path), analyses.deferred[position] else { return nil }
            let entry = listing.entries[position]
            guard case .file(let file) = fileSource.read(entry, in: listing, maxBytes: options.maxFileBytes) else { return nil }
            var analysis = FileAnalysis(path: path)
            for extractor in Extractors.all where extractor.asDeferrable != nil
                && extractor.accepts(path: path, name: entry.name, isExecutable: entry.isExecutable) {
                extractor.extract(file, into: &analysis)
            }
            WebhookSecret.mark(&analysis, file)
            return analysis.code
        }
        let linker = Linker(analyses: analyses.files, paths: paths, deferredCode: loader)
        var topology = linker.link()
        var extraNotes = configuration.applyRunnerFacts(to: &topology, usedEnvironments: usedEnvironments)
        let rules = options.rules.filter { configuration.isEnabled($0.id) }
        // Rules are independent: they run on all cores, and their findings are joined in rule order.
        let frozen = topology
        let perRule = ResultSlots<[Finding]>(count: rules.count)
        DispatchQueue.concurrentPerform(iterations: rules.count) { perRule[$0] = rules[$0].check(frozen) }
        var findings = perRule.values.flatMap { $0 ?? [] }
        findings = configuration.adjust(findings)
        if inline {
            let matcher = SuppressionMatcher(suppressions: analyses.suppressions)
            let (kept, unused) = matcher.apply(to: findings, ignoring: { !configuration.isEnabled($0) })
            findings = kept
            if let unusedRule = rules.lazy.compactMap({ $0 as? UnusedSuppressionRule }).first {
                findings += configuration.adjust(unusedRule.report(unused))
            }
        }
        findings.sort(by: Finding.ordered)
        var fingerprints = fingerprintKeys(findings, listing: listing, paths: paths, source: fileSource, maxBytes: options.maxFileBytes)
        if let baseline = options.baseline {
            let keep = fingerprints.map { !baseline.contains(fingerprint: $0) }
            let hidden = keep.filter { !$0 }.count
            findings = zip(findings, keep).filter(\.1).map(\.0)
            fingerprints = zip(fingerprints, keep).filter(\.1).map(\.0)
            if hidden > 0 { extraNotes.append(Note(path: nil, message: "\(hidden) finding(s) in the baseline are not shown")) }
        }
        let notes = (listing.notes + analyses.notes + extraNotes).sorted { ($0.path ?? "", $0.message) < ($1.path ?? "", $1.message) }
        return LintReport(root: listing.root, scope: listing.scope, isGit: listing.isGit, findings: findings,
                          fingerprints: fingerprints, topology: topology, notes: notes, filesListed: listing.entries.count,
                          filesRead: analyses.read, configuration: configuration)
    }

    /// The effective settings for a folder, without checking it (`botlint config --show`).
    public static func configuration(_ options: LintOptions, source: (any FileSource)? = nil) throws -> Configuration {
        let listing = try (source ?? WorkTreeSource(path: options.path)).listing()
        return try ConfigLoader.load(explicit: options.configFile, listing: listing, overrides: options.overrides)
    }

    /// Reads the primary line of each finding (only files that have findings are read again).
    static func fingerprintKeys(_ findings: [Finding], listing: FileListing, paths: ListedPaths, source: any FileSource,
                                maxBytes: Int) -> [String] {
        var files: [String: [UInt8]] = [:]
        return FindingFingerprint.keys(findings) { location in
            if files[location.path] == nil, let position = paths.position(of: location.path),
               case .file(let file) = source.read(listing.entries[position], in: listing, maxBytes: maxBytes) {
                files[location.path] = file.bytes
            }
            return files[location.path].flatMap { FindingFingerprint.line(location.line, of: $0) }
        }
    }

    struct Extraction {
        var files: [FileAnalysis]
        var notes: [Note]
        var read: Int
        /// Per listed entry: a code file left for the linker to scan if an entry reaches it.
        var deferred: [Bool]
        /// `botlint: disable` comments of every file read.
        var suppressions: [Suppression]
    }

    /// Reads every listed file once, on all cores, and hands it to the extractors that accept
    /// it. Results are collected per index, so the output order never depends on scheduling.
    static func extract(_ listing: FileListing, from source: any FileSource, maxBytes: Int, scanSuppressions: Bool) -> Extraction {
        // What the engine asks of each extractor's type, once per run rather than once per file.
        let extractors = Extractors.all.map { ExtractorPlan(extractor: $0) }
        // Which extractors accept a file is a bit set: filtering into an array copied (and
        // retained) every accepting plan for each of a repository's files.
        precondition(extractors.count <= UInt64.bitWidth, "more extractors than bits in the accepting set")
        let entries = listing.entries
        // One slot per listed file, so a slot stays small: an analysis (hundreds of bytes inline)
        // is boxed in an array, empty for the many files nothing was learnt from.
        let slots = ResultSlots<([FileAnalysis], Note?, Bool, Bool, [Suppression])>(count: entries.count)
        // Chunks of up to 64 files keep the scheduling cost low on big trees; a small repository
        // (a `--staged` run) is cut finer, so one slow file does not leave a core idle. The online
        // CPU count is enough here (ProcessInfo.activeProcessorCount reads cgroup files: 0.5 ms).
        let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let chunk = max(1, min(64, entries.count / (cores * 8)))
        let chunks = (entries.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            // Per chunk: the chunk's files are read in order on this thread.
            let reader = source.sequentialReader(in: listing, maxBytes: maxBytes)
            for i in (c * chunk)..<min(entries.count, (c + 1) * chunk) {
                let entry = entries[i]
                let candidate = FileCandidate(path: entry.path, isExecutable: entry.isExecutable)
                var accepting = AcceptingExtractors()
                for k in extractors.indices where extractors[k].extractor.accepts(candidate) { accepting.insert(k) }
                guard !accepting.isEmpty else { slots[i] = ([], nil, false, false, []); continue }
                switch reader.read(entry) {
                case .skipped(let note):
                    // Binary or huge files only matter when their name says they are code or config:
                    // an image (token scan only) or a compiled executable (accepted for its mode bit
                    // alone) is skipped silently.
                    let asPlainFile = FileCandidate(path: entry.path, name: candidate.name, isExecutable: false)
                    let relevant = accepting.contains(where: {
                        !extractors[$0].scansForTokensOnly && extractors[$0].extractor.accepts(asPlainFile)
                    })
                    slots[i] = ([], relevant ? note : nil, false, false, [])
                case .file(let file):
                    var analysis = FileAnalysis(path: entry.path)
                    var deferred = false
                    accepting.forEach { k in
                        if let code = extractors[k].deferrable {
                            if !code.extractIfEager(file, into: &analysis) { deferred = true }
                            return
                        }
                        extractors[k].extractor.extract(file, into: &analysis)
                    }
                    WebhookSecret.mark(&analysis, file)
                    slots[i] = (analysis.isEmpty ? [] : [analysis], nil, true, deferred,
                                scanSuppressions ? SuppressionScanner.scan(file) : [])
                }
            }
        }
        var files: [FileAnalysis] = []
        var notes: [Note] = []
        var read = 0
        var deferred = Array(repeating: false, count: entries.count)
        var suppressions: [Suppression] = []
        for (i, slot) in slots.values.enumerated() {
            guard let (analysis, note, didRead, isDeferred, found) = slot else { continue }
            suppressions += found
            files += analysis
            if let note { notes.append(note) }
            if didRead { read += 1 }
            deferred[i] = isDeferred
        }
        return Extraction(files: files, notes: notes, read: read, deferred: deferred, suppressions: suppressions)
    }
}

/// An extractor with what the engine asks of its type, looked up once.
private struct ExtractorPlan: Sendable {
    let extractor: any Extractor
    let deferrable: (any DeferrableExtractor)?
    /// Its findings alone do not make a binary file worth a note.
    let scansForTokensOnly: Bool

    init(extractor: any Extractor) {
        self.extractor = extractor
        deferrable = extractor.asDeferrable
        scansForTokensOnly = extractor is TokenLiteralExtractor
    }
}

/// Indices of the extractors that accept one file, in ascending order.
private struct AcceptingExtractors {
    private var bits: UInt64 = 0

    var isEmpty: Bool { bits == 0 }

    mutating func insert(_ index: Int) { bits |= 1 << UInt64(index) }

    func forEach(_ body: (Int) -> Void) {
        var rest = bits
        while rest != 0 {
            body(rest.trailingZeroBitCount)
            rest &= rest - 1
        }
    }

    func contains(where predicate: (Int) -> Bool) -> Bool {
        var rest = bits
        while rest != 0 {
            if predicate(rest.trailingZeroBitCount) { return true }
            rest &= rest - 1
        }
        return false
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
