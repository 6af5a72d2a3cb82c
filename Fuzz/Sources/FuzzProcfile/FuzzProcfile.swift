import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProcfile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.extract(data, size, as: ["Procfile", "Procfile.dev"])
    return 0
}
