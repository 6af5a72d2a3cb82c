@_spi(Fuzzing) import BotLintKit
import FuzzSupport

/// The direct loose-object reader: whatever the bytes, it answers (a blob within the limit, a
/// size over it, or a reason) without hanging, and honours the limit before inflating content.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGitLooseObject(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    for limit in [0, 64, 1 << 20] {
        for isWholeFile in [true, false] {
            switch GitLooseObject.decodeBlob(bytes, maxBytes: limit, isWholeFile: isWholeFile) {
            case .content(let content):
                precondition(content.count <= limit, "a blob over the limit")
                precondition(isWholeFile, "a blob from part of a file")
            case .tooLarge(let stated): precondition(stated > limit, "a blob within the limit reported too large")
            case .unreadable(let reason): precondition(!reason.isEmpty)
            }
        }
    }
    return 0
}
