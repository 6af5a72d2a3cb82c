import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPackageJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.extract(data, size, as: ["package.json"])
    return 0
}
