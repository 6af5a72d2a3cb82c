import BotLintKit

/// A repository held in memory, so the whole engine (extractors, linker, rules, reporters) can
/// be fuzzed without touching the disk.
///
/// Input format: lines `### PATH` start a file; everything up to the next such line is its
/// content. Text before the first header belongs to `Procfile`. Paths are normalised and
/// deduplicated as a real listing would give them.
public struct InMemoryRepository: FileSource {
    public let files: [String: [UInt8]]

    public init(_ input: [UInt8]) {
        var files: [String: [UInt8]] = [:]
        var path = "Procfile"
        var content: [UInt8] = []
        for line in input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.starts(with: Array("### ".utf8)) {
                files[path, default: []] += content
                content = []
                let named = PathUtil.normalize(String(decoding: line.dropFirst(4), as: UTF8.self))
                path = named.isEmpty || named.utf8.contains(0) ? "file\(files.count)" : named
            } else {
                content += line
                content.append(UInt8(ascii: "\n"))
            }
        }
        files[path, default: []] += content
        self.files = files
    }

    public func listing() throws -> FileListing {
        let entries = files.keys.sorted().map { FileEntry(path: $0, isExecutable: $0.hasSuffix(".sh")) }
        return FileListing(root: "/fuzz", scope: "", isGit: false, entries: entries, notes: [])
    }

    public func read(_ entry: FileEntry, in listing: FileListing, maxBytes: Int) -> FileRead {
        guard let bytes = files[entry.path], bytes.count <= maxBytes, !bytes.prefix(8192).contains(0) else {
            return .skipped(nil)
        }
        return .file(SourceFile(path: entry.path, bytes: bytes, isExecutable: entry.isExecutable))
    }
}
