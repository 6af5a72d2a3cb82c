import ArgumentParser
import BotLintKit
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github

    /// The format an `--output` file gets from its name: `.sarif` (or `.sarif.json`), `.json`,
    /// anything else plain text.
    init(fileName: String) {
        let name = fileName.lowercased()
        if name.hasSuffix(".sarif") || name.hasSuffix(".sarif.json") {
            self = .sarif
        } else if name.hasSuffix(".json") {
            self = .json
        } else {
            self = .text
        }
    }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// How findings are printed, and which files get a copy.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text, json, sarif (SARIF 2.1.0) or github (GitHub Actions annotations).")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Colour in text output: auto, always or never (NO_COLOR is honoured).")
    var color: ColorChoice = .auto

    @Option(name: .long, help: ArgumentHelp(
        "Also write the report to FILE, in the format its extension names (.sarif, .json, else text). Repeatable.",
        valueName: "FILE"))
    var output: [String] = []

    func render(_ report: LintReport) -> String {
        render(report, as: format, color: useColor)
    }

    func render(_ report: LintReport, as format: OutputFormat, color: Bool) -> String {
        switch format {
        case .text: TextReporter(color: color).render(report)
        case .json: JSONReporter.render(report)
        case .sarif: SARIFReporter.render(report)
        case .github: GitHubActionsReporter.render(report)
        }
    }

    /// Writes every `--output` file; files never get colour.
    func writeFiles(_ report: LintReport) throws {
        // What was printed comes first, even when a FILE is /dev/stdout.
        fflush(nil)
        for path in output {
            try Self.write(render(report, as: OutputFormat(fileName: path), color: false), to: path)
        }
    }

    /// Plain open/write so the error is the system's own ("Is a directory", "Permission denied")
    /// and paths such as /dev/stdout work too.
    static func write(_ text: String, to path: String) throws {
        func failure() -> InputFailure {
            InputFailure(message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure() }
        var remaining = Array(text.utf8)[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let error = failure()
                close(descriptor)
                throw error
            }
            remaining = remaining.dropFirst(written)
        }
        guard close(descriptor) == 0 else { throw failure() }
    }

    var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }
}
