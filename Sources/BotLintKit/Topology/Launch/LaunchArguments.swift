/// Options and positional arguments of a command line, split the way getopt-style tools do.
struct LaunchArguments {
    /// `(name, value)`; value nil for flags. `--x=y` and `-wN`-style attached values are split.
    var options: [(name: String, value: String?)] = []
    /// Everything from the first positional argument on (or after `--`).
    var rest: [String] = []

    /// Reads options from `args` until the first positional one. `valued` lists options that
    /// take the next word as their value; `stopAtFirstPositional` false keeps reading options
    /// after positionals (gunicorn, uvicorn put options anywhere).
    init(_ args: ArraySlice<String>, valued: Set<String>, stopAtFirstPositional: Bool = true) {
        var index = args.startIndex
        while index < args.endIndex {
            let arg = args[index]
            index += 1
            if arg == "--" {
                rest.append(contentsOf: args[index...])
                return
            }
            guard arg.hasPrefix("-"), arg.count > 1 else {
                rest.append(arg)
                if stopAtFirstPositional {
                    rest.append(contentsOf: args[index...])
                    return
                }
                continue
            }
            if let eq = arg.firstIndex(of: "="), arg.hasPrefix("--") {
                options.append((String(arg[..<eq]), String(arg[arg.index(after: eq)...])))
            } else if valued.contains(arg) {
                options.append((arg, index < args.endIndex ? args[index] : nil))
                index += 1
            } else if !arg.hasPrefix("--"), arg.count > 2, valued.contains(String(arg.prefix(2))) {
                options.append((String(arg.prefix(2)), String(arg.dropFirst(2))))
            } else {
                options.append((arg, nil))
            }
        }
    }

    func has(_ names: String...) -> Bool { options.contains { names.contains($0.name) } }

    /// The last value given for any of `names`.
    func value(_ names: String...) -> String? { options.last { names.contains($0.name) }?.value }

    func values(_ names: String...) -> [String] { options.filter { names.contains($0.name) }.compactMap(\.value) }
}

/// Small helpers shared by the target readers.
enum LaunchNames {
    static let nodeExtensions: Set<String> = ["js", "mjs", "cjs", "ts", "mts", "cts", "tsx", "jsx"]

    /// `bot.ts`, `src/index.js`, `.`: a file path rather than a package script name.
    static func isScriptPath(_ arg: String) -> Bool {
        arg == "." || arg.contains("/") || nodeExtensions.contains(PathUtil.fileExtension(arg))
    }

    static func isPython(_ name: String) -> Bool {
        if name == "py" { return true }
        for prefix in ["python", "pypy"] where name.hasPrefix(prefix) {
            return name.dropFirst(prefix.count).allSatisfy { $0.isNumber || $0 == "." }
        }
        return false
    }

    /// `VAR=value` words (env, cross-env, sudo) as assignments.
    static func assignment(_ word: String, location: SourceLocation) -> EnvAssignment? {
        guard let eq = word.firstIndex(of: "="), ShellNames.isIdentifier(String(word[..<eq])) else { return nil }
        let value = String(word[word.index(after: eq)...])
        return EnvAssignment(name: String(word[..<eq]), value: value.contains("$") ? nil : value, location: location)
    }
}
