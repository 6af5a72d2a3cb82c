@_spi(Fuzzing) import BotLintKit
import FuzzSupport

/// The direct git index reader: whatever the bytes, it refuses them or returns paths that hold
/// together, every one inside the bytes it was given.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGitIndex(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    guard let paths = GitIndexFile.parse(bytes) else { return 0 }
    precondition(paths.starts.count == paths.count + 1 && paths.starts.last == paths.bytes.count)
    precondition(zip(paths.starts, paths.starts.dropFirst()).allSatisfy { $0 < $1 }, "an empty or reversed path")
    precondition(!paths.bytes.contains(0), "a NUL inside a path")
    return 0
}
