/// Every listed path, sorted, with its position: hashed once per run and shared by the linker's
/// existence checks, the loader of deferred code and finding fingerprints, which each built a
/// table of their own over every path before.
struct ListedPaths: Sendable {
    /// Sorted by `<`, as listings are.
    let sorted: [String]
    /// Position in the list given to `init` (the listing's entries).
    private let positions: [String: Int]

    init(_ paths: [String]) {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(paths.count)
        for (position, path) in paths.enumerated() where positions[path] == nil { positions[path] = position }
        self.positions = positions
        sorted = zip(paths, paths.dropFirst()).allSatisfy { $0 <= $1 } ? paths : paths.sorted()
    }

    func contains(_ path: String) -> Bool { positions[path] != nil }
    func position(of path: String) -> Int? { positions[path] }

    /// Whether any path starts with `prefix`: paths sharing a prefix are adjacent in sorted order.
    func containsPath(withPrefix prefix: String) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < prefix { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low].hasPrefix(prefix)
    }
}
