import FuzzSupport

/// The scanners of the C-family languages and Ruby, each reading the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLanguages(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzInput.extract(data, size, as: ["main.go", "src/main.rs", "Bot.java", "Bot.kt", "Program.cs", "bot.php",
                                       "Sources/Bot/main.swift", "bot.rb"])
    return 0
}
