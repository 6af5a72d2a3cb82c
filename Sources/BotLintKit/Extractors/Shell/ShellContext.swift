/// What is in effect at a point of a script while the walker follows it.
struct ShellContext {
    var variables: [String: String] = [:]
    /// `cd` directory relative to the script's folder.
    var directory = ""
    var directoryStack: [String] = []
    var condition: Condition = .always
    /// `while true` around the commands.
    var restarts = false
    /// Inside `for ... in`: the number of iterations (nil: unknown), multiplied for nested loops.
    var repetitions: Int?? = nil
    var background = false
    var guardInEffect: SingleInstanceGuard?

    var expander: ShellExpander { ShellExpander(variables: variables, directory: directory) }

    /// The loop a command started here is under; a background start inside a loop is repeated.
    func loop(background: Bool) -> ShellLoop? {
        if background, let repetitions { return .repeated(count: repetitions) }
        if background, restarts { return .repeated(count: nil) }
        return restarts ? .restart : nil
    }

    /// After branches that may or may not have run: keep only what all of them agree on.
    mutating func merge(branchEnds: [ShellContext]) {
        guard let first = branchEnds.first else { return }
        var names = Set(variables.keys)
        for end in branchEnds { names.formUnion(end.variables.keys) }
        for name in names {
            let value = first.variables[name]
            variables[name] = branchEnds.allSatisfy { $0.variables[name] == value } ? value : nil
        }
        if branchEnds.allSatisfy({ $0.directory == first.directory }) { directory = first.directory }
    }
}

/// What a command's exit status means, for `if`/`&&`/`||` around it.
struct ShellStatus {
    /// The condition it tests (`[ "$MODE" = webhook ]`), when it is a test.
    var test: Condition?
    /// Whether it checks for another running copy or a lock.
    var check: ShellGuardCheck?
    var location: SourceLocation?
    /// Source text, for opaque conditions.
    var text: String

    static let none = ShellStatus(text: "")
}
