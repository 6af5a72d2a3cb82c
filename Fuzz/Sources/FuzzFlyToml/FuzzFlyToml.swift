import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFlyToml(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.extract(data, size, as: ["fly.toml", "fly.staging.toml"])
    return 0
}
