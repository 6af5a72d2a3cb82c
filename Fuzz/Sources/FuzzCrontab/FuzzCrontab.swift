import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCrontab(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.extract(data, size, as: ["crontab", "cron.d/bot"])
    return 0
}
