/// A place in the scanned repository. Paths are relative to the scan root and use `/`.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var path: String
    /// 1-based; 0 means "the file as a whole".
    public var line: Int
    /// 1-based; 0 means "the line as a whole".
    public var column: Int

    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }

    public var description: String {
        line > 0 ? (column > 0 ? "\(path):\(line):\(column)" : "\(path):\(line)") : path
    }
}

/// Finds 1-based line/column for byte or character offsets; built once per file.
public struct LineIndex: Sendable {
    private let lineStarts: [Int]  // UTF-8 offsets where each line starts

    public init(_ text: String) {
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        lineStarts = starts
    }

    public init(bytes: [UInt8]) {
        var starts = [0]
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    /// Line (1-based) and column (1-based, in UTF-8 bytes) of a UTF-8 offset.
    public func position(ofUTF8Offset offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, offset - lineStarts[lo] + 1)
    }

    public var lineCount: Int { lineStarts.count }
}
