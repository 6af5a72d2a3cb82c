import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShell(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.extract(data, size, as: ["start.sh", "bin/run"], executable: true)
    return 0
}
