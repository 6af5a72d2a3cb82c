@_spi(Fuzzing) import BotLintKit
import FuzzSupport

/// The direct loose-object reader: whatever the bytes, it refuses them or returns a blob within
/// the limit, and the limit is honoured before anything past the header is inflated.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGitLooseObject(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    for limit in [0, 64, 1 << 20] {
        switch GitLooseBlob.decode(bytes, maxBytes: limit) {
        case .blob(let content): precondition(content.count <= limit, "a blob over the limit")
        case .tooLarge(let stated): precondition(stated > limit, "a blob within the limit reported too large")
        case nil: break
        }
    }
    return 0
}
