import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDockerfile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.extract(data, size, as: ["Dockerfile", "deploy/bot.Dockerfile"])
    return 0
}
