/// Every listed path, sorted, with its position: shared by the linker's existence checks, the
/// loader of deferred code and finding fingerprints.
///
/// Lookups are binary searches over the sorted paths. A hash table cost more to build than all
/// of a run's lookups together (SipHash over every path of a 100k-file listing: 20 ms, on one
/// core), and a listing arrives sorted.
struct ListedPaths: Sendable {
    /// Sorted by `<`, as listings are.
    let sorted: [String]
    /// Position in the list given to `init` of each sorted path; nil when it was sorted already.
    private let givenPositions: [Int]?

    init(_ paths: [String]) {
        if zip(paths, paths.dropFirst()).allSatisfy({ $0 <= $1 }) {
            sorted = paths
            givenPositions = nil
        } else {
            // Stable, so the first of equal paths keeps the lowest position.
            let order = paths.indices.sorted { paths[$0] < paths[$1] || (paths[$0] == paths[$1] && $0 < $1) }
            sorted = order.map { paths[$0] }
            givenPositions = order
        }
    }

    func contains(_ path: String) -> Bool { sortedIndex(of: path) != nil }

    /// Position in the list given to `init` (the first, when a path was given twice).
    func position(of path: String) -> Int? {
        sortedIndex(of: path).map { givenPositions?[$0] ?? $0 }
    }

    /// Whether any path starts with `prefix`: paths sharing a prefix are adjacent in sorted order.
    func containsPath(withPrefix prefix: String) -> Bool {
        let low = lowerBound(prefix)
        return low < sorted.count && sorted[low].hasPrefix(prefix)
    }

    private func sortedIndex(of path: String) -> Int? {
        let low = lowerBound(path)
        return low < sorted.count && sorted[low] == path ? low : nil
    }

    /// The first sorted index whose path is not below `key`.
    private func lowerBound(_ key: String) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
