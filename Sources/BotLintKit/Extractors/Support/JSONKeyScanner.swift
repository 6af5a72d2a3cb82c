/// Records where each object key and array element of a JSON text starts. Tolerant: broken
/// input yields whatever was seen before and around the damage.
struct JSONKeyScanner {
    private enum Frame {
        case object(path: [String], pendingKey: (name: String, position: KeyLocator.Position)?)
        case array(path: [String], nextIndex: Int)
        /// Nested deeper than `maxDepth`: skipped without paths, so hostile nesting stays linear.
        case unrecorded
    }


    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var stack: [Frame] = []
    private var sightings: [KeyLocator.Sighting] = []

    static func scan(_ bytes: [UInt8]) -> [KeyLocator.Sighting] {
        var scanner = JSONKeyScanner(bytes: bytes)
        scanner.run()
        return scanner.sightings
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var position: KeyLocator.Position { .init(line: line, column: index - lineStart + 1) }

    private mutating func run() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
                advance()
            case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"),
                 UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                advance()
            case UInt8(ascii: "\"") where expectsKey:
                let keyPosition = position
                let name = readString()
                if case .object(let path, _) = stack.last {
                    stack[stack.count - 1] = .object(path: path, pendingKey: (name, keyPosition))
                }
            default:
                scanValue()
            }
        }
    }

    private var expectsKey: Bool {
        if case .object(_, nil) = stack.last { return true }
        return false
    }

    private mutating func scanValue() {
        let valuePosition = position
        let path = claimValuePath(at: valuePosition)
        switch bytes[index] {
        case UInt8(ascii: "{"):
            stack.append(stack.count >= KeyLocator.maxDepth ? .unrecorded : .object(path: path, pendingKey: nil))
            advance()
        case UInt8(ascii: "["):
            stack.append(stack.count >= KeyLocator.maxDepth ? .unrecorded : .array(path: path, nextIndex: 0))
            advance()
        case UInt8(ascii: "\""):
            _ = readString()
        default:
            while index < bytes.count, !Self.endsLiteral(bytes[index]) { advance() }
        }
    }

    static let maxRecordedDepth = 64

    /// The path of the value starting here, recorded with its key (or itself for array items).
    private mutating func claimValuePath(at valuePosition: KeyLocator.Position) -> [String] {
        switch stack.last {
        case .object(let path, _)? where path.count >= Self.maxRecordedDepth,
             .array(let path, _)? where path.count >= Self.maxRecordedDepth:
            // No config key lives this deep; growing paths would cost memory quadratic in depth.
            return path
        case .object(let path, let pendingKey?)?:
            stack[stack.count - 1] = .object(path: path, pendingKey: nil)
            let keyPath = path + [pendingKey.name]
            sightings.append(.init(keyPath: keyPath, key: pendingKey.position, value: valuePosition))
            return keyPath
        case .array(let path, let nextIndex)?:
            stack[stack.count - 1] = .array(path: path, nextIndex: nextIndex + 1)
            let itemPath = path + [String(nextIndex)]
            sightings.append(.init(keyPath: itemPath, key: valuePosition, value: valuePosition))
            return itemPath
        case .object(let path, nil)?:
            return path  // a value where a key belongs: broken input, keep going
        case .unrecorded?, nil:
            return []
        }
    }

    /// Reads a string starting at its opening quote; backslash escapes keep the escaped byte.
    private mutating func readString() -> String {
        advance()
        var raw: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { advance() }
            raw.append(bytes[index])
            advance()
        }
        if index < bytes.count { advance() }
        return String(decoding: raw, as: UTF8.self)
    }

    private mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    private static func endsLiteral(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: "\""),
             UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
            true
        default:
            false
        }
    }
}
