import Foundation
import Testing

/// Validates JSON documents against a JSON Schema with Python's `jsonschema`, which picks the
/// draft from the schema's `$schema` (draft-04 for SARIF, draft-07 for botlint's own schemas).
/// All documents go through one Python process, so checking every rule case stays fast.
enum JSONSchemaCheck {
    /// One message per document that does not validate: `label: first error`.
    static func failures(_ documents: [(label: String, json: String)], schema: String) throws -> [String] {
        try requireJSONSchema()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("botlint-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            validator = jsonschema.validators.validator_for(schema)(schema)
            for label, path in zip(sys.argv[2::2], sys.argv[3::2]):
                try:
                    document = json.load(open(path))
                except ValueError as error:
                    print(f"{label}: not JSON: {error}")
                    continue
                error = jsonschema.exceptions.best_match(validator.iter_errors(document))
                if error is not None:
                    print(f"{label}: {error.message} at {'/'.join(map(str, error.absolute_path))}")
            """, schema]
        for (index, document) in documents.enumerated() {
            let file = folder.appendingPathComponent("\(index).json")
            try document.json.write(to: file, atomically: true, encoding: .utf8)
            arguments += [document.label, file.path]
        }
        let process = Foundation.Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        // Through files, not pipes: see `CLITests.capture`.
        let result = try CLITests.capture(process)
        try #require(result.status == 0, "the validator failed: \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    static func requireJSONSchema() throws {
        let check = Foundation.Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import jsonschema"]
        check.standardError = FileHandle.nullDevice
        try check.run()
        check.waitUntilExit()
        try #require(check.terminationStatus == 0, "python3 with jsonschema is needed for this test")
    }
}
