import BotLintKit
import FuzzSupport

/// The whole engine on a small in-memory repository (`### PATH` lines separate files): extractors,
/// linker, every rule and both output formats.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRepository(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let repository = InMemoryRepository(FuzzInput.bytes(data, size))
    guard let report = try? Linter.run(LintOptions(path: "/fuzz"), source: repository) else { return 0 }
    _ = TextReporter(color: false).render(report)
    _ = JSONReporter.render(report)
    _ = TopologyPrinter.text(report.topology)
    return 0
}
