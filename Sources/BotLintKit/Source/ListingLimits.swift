/// Bounds that keep a hostile or huge tree from hanging or exhausting a scan.
struct ListingLimits {
    var maxEntries: Int
    var maxDepth: Int

    static let standard = ListingLimits(maxEntries: 200_000, maxDepth: 64)

    /// The first `maxEntries` of a sorted listing, with a note when some were cut.
    func bound(_ entries: [FileEntry]) -> (entries: [FileEntry], notes: [Note]) {
        guard entries.count > maxEntries else { return (entries, []) }
        return (Array(entries.prefix(maxEntries)), [truncationNote(total: entries.count)])
    }

    func truncationNote(total: Int?) -> Note {
        let count = total.map { "\(ByteCountText.grouped($0)) files; " } ?? ""
        return Note(path: nil, message:
            "listing cut at \(ByteCountText.grouped(maxEntries)) files (\(count)the rest is not checked)")
    }

    func depthNote(folder: String) -> Note {
        Note(path: folder, message:
            "folders nested deeper than \(maxDepth) levels are not scanned")
    }
}
