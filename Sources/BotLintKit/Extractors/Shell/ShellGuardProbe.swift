/// A command whose exit status tells whether another copy is running (`pgrep -f bot.py`,
/// `ps aux | grep bot.py | grep -v grep`, `kill -0 "$(cat bot.pid)"`) or whether this copy got
/// the lock (`flock -n 200`). Paired with `exit`, it keeps a second copy from starting.
struct ShellGuardCheck: Hashable, Sendable {
    var kind: SingleInstanceGuard.Kind
    /// True for "another copy runs" checks (pgrep), false for "we hold the lock" (flock).
    var runningWhenTrue: Bool

    var flipped: ShellGuardCheck { ShellGuardCheck(kind: kind, runningWhenTrue: !runningWhenTrue) }
}

/// Recognises guard checks and commands that stop an old copy before starting a new one.
enum ShellGuardProbe {
    /// The check a pipeline performs; `stages` are the expanded argv of each stage.
    static func check(stages: [[String]]) -> ShellGuardCheck? {
        guard let first = stages.first, let name = first.first.map(ShellNames.basename) else { return nil }
        let names = stages.compactMap { $0.first.map(ShellNames.basename) }
        switch name {
        case "pgrep", "pidof":
            return ShellGuardCheck(kind: .pgrep, runningWhenTrue: true)
        case _ where (name == "ps" || name == "screen") && names.dropFirst().contains(where: isGrep) && names.last != "wc":
            return ShellGuardCheck(kind: .pgrep, runningWhenTrue: true)
        case "tmux" where first.dropFirst().first == "has-session" || first.dropFirst().first == "has":
            return ShellGuardCheck(kind: .pgrep, runningWhenTrue: true)
        case "kill" where first.dropFirst().first == "-0":
            return ShellGuardCheck(kind: .pidFile, runningWhenTrue: true)
        case "systemctl" where first.contains("is-active"):
            return ShellGuardCheck(kind: .systemd, runningWhenTrue: true)
        case "flock" where FlockOptions(first).isNonBlocking && FlockOptions(first).command.isEmpty:
            return ShellGuardCheck(kind: .flock, runningWhenTrue: false)
        case "[", "[[", "test":
            return testCheck(Array(first.dropFirst()))
        default:
            return nil
        }
    }

    private static func isGrep(_ name: String) -> Bool { name == "grep" || name == "egrep" || name == "fgrep" }

    /// `[ -f bot.pid ]`, `[ -n "$(pgrep -f bot.py)" ]`, `[ $(ps aux | grep -c bot) -gt 1 ]`.
    private static func testCheck(_ args: [String]) -> ShellGuardCheck? {
        var args = args.filter { $0 != "]" && $0 != "]]" }
        var negated = false
        if args.first == "!" { negated = true; args.removeFirst() }
        var result: ShellGuardCheck?
        if args.count == 2, ["-f", "-e", "-s"].contains(args[0]), isPidOrLockFile(args[1]) {
            result = ShellGuardCheck(kind: .pidFile, runningWhenTrue: true)
        } else if args.contains(where: mentionsProcessLookup) {
            let freeOperators: Set<String> = ["-z", "-eq", "-lt", "-le"]
            let running = !args.contains { freeOperators.contains($0) }
            result = ShellGuardCheck(kind: .pgrep, runningWhenTrue: running)
        }
        return negated ? result?.flipped : result
    }

    private static func isPidOrLockFile(_ path: String) -> Bool {
        let name = ShellNames.basename(path).lowercased()
        return name.contains("pid") || name.hasSuffix(".lock") || name.hasSuffix(".lck")
    }

    private static func mentionsProcessLookup(_ text: String) -> Bool {
        guard text.contains("$(") || text.contains("`") else { return false }
        return text.contains("pgrep") || text.contains("pidof") || (text.contains("ps ") && text.contains("grep"))
    }

    /// `pkill -f bot.py`, `killall python`, `kill $(cat bot.pid)`, `tmux kill-session`, `screen -X quit`:
    /// the old copy is stopped before the new one starts.
    static func stopsOldCopy(_ argv: [String]) -> Bool {
        guard let name = argv.first.map(ShellNames.basename) else { return false }
        switch name {
        case "pkill", "killall": return true
        case "kill":
            return argv.dropFirst().first != "-0" && argv.dropFirst().contains { $0.contains("$(") || $0.contains("`") }
        case "fuser": return argv.contains("-k")
        case "tmux": return argv.dropFirst().first == "kill-session"
        case "screen": return argv.contains("-X") && argv.last == "quit"
        default: return false
        }
    }

    /// Guards a command itself carries: `flock -n f cmd`, `run-one cmd`, `solo -port=N cmd`.
    static func commandGuard(_ argv: [String]) -> SingleInstanceGuard.Kind? {
        switch argv.first.map(ShellNames.basename) {
        case "flock": FlockOptions(argv).isNonBlocking && !FlockOptions(argv).command.isEmpty ? .flock : nil
        case "run-one", "solo": .flock
        case "run-this-one": .pkill
        default: nil
        }
    }
}

/// `flock [-n|-x|-s|-w N|--nonblock|--timeout N] file [-c cmd | cmd args]`.
struct FlockOptions {
    private(set) var isNonBlocking = false
    private(set) var lockFile: String?
    /// The command it runs (`["-c", "string"]` for the `-c` form); empty for a bare lock check.
    private(set) var command: [String] = []

    init(_ argv: [String]) {
        var index = 1
        while index < argv.count, argv[index].hasPrefix("-"), argv[index] != "-c", argv[index] != "--command" {
            let option = argv[index]
            index += 1
            if option == "--" { break }
            if option == "-w" || option == "--timeout" || option == "-E" || option == "--conflict-exit-code" {
                if option.hasPrefix("-w") || option == "--timeout", index < argv.count,
                   Double(argv[index]) == 0 { isNonBlocking = true }
                index += 1
            } else if option == "--nonblock" || (!option.hasPrefix("--") && option.contains("n")) {
                isNonBlocking = true
            } else if option.hasPrefix("--timeout="), Double(option.dropFirst(10)) == 0 {
                isNonBlocking = true
            }
        }
        guard index < argv.count else { return }
        lockFile = argv[index]
        command = Array(argv[(index + 1)...])
    }
}
