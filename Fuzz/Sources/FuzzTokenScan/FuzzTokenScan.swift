import BotLintKit
import FuzzSupport

/// The BL401 scan and the reporters' last line of defence: whatever the bytes, every token found
/// is redacted and `scrub` leaves no token-shaped run behind.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenScan(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    for range in TokenRedaction.findTokens(in: bytes) {
        let token = String(decoding: bytes[range], as: UTF8.self)
        precondition(TokenRedaction.redact(token) != token)
    }
    let scrubbed = TokenRedaction.scrub(String(decoding: bytes, as: UTF8.self))
    precondition(TokenRedaction.findTokens(in: Array(scrubbed.utf8)).isEmpty)
    FuzzInput.extract(data, size, as: ["notes.txt"])
    return 0
}
