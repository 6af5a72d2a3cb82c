/// Reads shell scripts: `*.sh`, `*.bash`, `*.zsh`, executable files whose `#!` names a shell,
/// and extension-less `entrypoint`/`docker-entrypoint`/`start`/`run` scripts (with a shell
/// shebang or none). Sets `analysis.shellScript`; never runs anything.
public struct ShellScriptExtractor: Extractor {
    private static let extensions: Set<String> = ["sh", "bash", "zsh"]
    private static let scriptNames: Set<String> = ["entrypoint", "docker-entrypoint", "start", "run"]
    private static let shells: Set<String> = ["sh", "bash", "zsh", "dash", "ksh", "ash"]

    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        let ext = file.fileExtension
        if ext.isEmpty { return !PathUtil.hasPrefix(file.name, ".") && (file.isExecutable || Self.scriptNames.contains(file.name)) }
        return Self.extensions.contains(ext)
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        guard Self.extensions.contains(PathUtil.fileExtension(file.name)) || isShellWithoutExtension(file) else { return }
        let result = ShellParser.parseReportingProblems(file.text, path: file.path)
        analysis.shellScript = result.script
        analysis.problems.append(contentsOf: result.problems)
    }

    /// The shebang decides; a named start script without one counts when it is text.
    private func isShellWithoutExtension(_ file: SourceFile) -> Bool {
        guard let interpreter = Self.shebangInterpreter(file.bytes) else {
            return Self.scriptNames.contains(file.name) && !file.bytes.prefix(1024).contains(0)
        }
        return Self.shells.contains(interpreter)
    }

    /// `#!/bin/bash -e` → bash, `#!/usr/bin/env -S bash` → bash.
    static func shebangInterpreter(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("#!".utf8)) else { return nil }
        let line = String(decoding: bytes.prefix(256).prefix { $0 != UInt8(ascii: "\n") }.dropFirst(2), as: UTF8.self)
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard let program = words.first.map(ShellNames.basename) else { return nil }
        guard program == "env" else { return program }
        return words.dropFirst().first { !$0.hasPrefix("-") && !$0.contains("=") }.map(ShellNames.basename)
    }
}
