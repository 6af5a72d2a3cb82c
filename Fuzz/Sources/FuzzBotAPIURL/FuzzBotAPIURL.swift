import FuzzSupport

/// The Bot API URL scanner in each comment/loop syntax it knows.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBotAPIURL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.extract(data, size, as: ["main.go", "poll.php", ".github/workflows/deploy.yml", "Makefile", "bot.rb", "conf.json"])
    return 0
}
