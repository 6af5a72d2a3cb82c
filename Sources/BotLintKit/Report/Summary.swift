/// Counts by severity and the exit decision, shared by every output format.
public struct Summary: Sendable, Codable, Equatable {
    public var errors: Int
    public var warnings: Int
    public var notes: Int
    public var filesScanned: Int

    public init(_ findings: [Finding], filesScanned: Int) {
        errors = findings.filter { $0.severity == .error }.count
        warnings = findings.filter { $0.severity == .warning }.count
        notes = findings.filter { $0.severity == .note }.count
        self.filesScanned = filesScanned
    }

    public static func fails(_ findings: [Finding], at threshold: Severity) -> Bool {
        findings.contains { $0.severity >= threshold }
    }
}
