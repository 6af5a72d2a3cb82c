import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAppJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.extract(data, size, as: ["app.json"])
    return 0
}
