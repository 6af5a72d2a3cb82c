import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJavaScript(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.extract(data, size, as: ["index.js", "src/bot.ts"])
    return 0
}
