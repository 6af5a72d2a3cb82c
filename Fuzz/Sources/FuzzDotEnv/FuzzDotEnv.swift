import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDotEnv(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.extract(data, size, as: [".env", ".envrc", "deploy/prod.env"])
    return 0
}
