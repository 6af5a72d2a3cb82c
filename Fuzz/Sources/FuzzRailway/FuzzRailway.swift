import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRailway(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.extract(data, size, as: ["railway.toml", "railway.json"])
    return 0
}
