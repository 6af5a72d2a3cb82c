import Foundation

/// One simple command about to be recorded, with the words it came from (for nested parses).
private struct ShellInvocation {
    var argv: [String]
    var words: [ShellWord]
    var envPrefix: [EnvAssignment]
    var background = false
    var isExec = false
    var guardOnCommand: SingleInstanceGuard?
    var location: SourceLocation

    func dropping(_ count: Int) -> ShellInvocation {
        var copy = self
        copy.argv = Array(argv.dropFirst(count))
        copy.words = Array(words.dropFirst(count))
        return copy
    }
}

/// Follows a parsed script in order, the way the shell would run it without running anything:
/// tracks variables, `cd`, conditions, loops, background starts and single-instance guards,
/// and records every command that starts a process.
///
/// Functions: a definition records the body; a call runs the body at the call site (with the
/// caller's condition, loop and background), so a function nobody calls starts nothing.
/// Builtins that only change shell state (`cd`, `export`, `source`, `set`) are applied, not recorded.
final class ShellWalker {
    private let path: String
    private(set) var commands: [ShellCommand] = []
    private(set) var exports: [EnvAssignment] = []
    private(set) var sourcedFiles: [String] = []
    private var functions: [String: ShellNode] = [:]
    private var callStack: [String] = []
    private var nestedParses = 0

    private static let maxCallDepth = 16
    private static let maxNestedParses = 4
    private static let maxUnrolledItems = 16
    private static let unrecordedBuiltins: Set<String> = ["cd", "pushd", "popd", "export", "declare", "typeset", "readonly",
                                                     "local", "source", ".", "set", "unset", "shift", "disown", "eval",
                                                     "alias", "ulimit", "umask", "shopt", "exit", "return",
                                                     "break", "continue", "true", "false", ":"]

    init(path: String) { self.path = path }

    // MARK: - Lists and compound commands

    @discardableResult
    func walk(_ items: [ShellListItem], _ ctx: inout ShellContext) -> ShellStatus {
        var status = ShellStatus.none
        for item in items {
            if item.background {
                var copy = ctx
                copy.background = true
                status = walk(item.node, &copy)
            } else {
                status = walk(item.node, &ctx)
            }
        }
        return status
    }

    private func walk(_ node: ShellNode, _ ctx: inout ShellContext) -> ShellStatus {
        switch node {
        case .simple(let command): return walkSimple(command, &ctx)
        case .pipeline(let stages, let negated): return walkPipeline(stages, negated: negated, &ctx)
        case .chain(let first, let links): return walkChain(first, links, &ctx)
        case .subshell(let items):
            var copy = ctx
            return walk(items, &copy)
        case .group(let items): return walk(items, &ctx)
        case .ifClause(let branches, let otherwise): walkIf(branches, otherwise, &ctx)
        case .whileLoop(let condition, let body, let isUntil): walkWhile(condition, body, isUntil: isUntil, &ctx)
        case .forLoop(let variable, let items, let body): walkFor(variable, items, body, &ctx)
        case .caseClause(let subject, let arms): walkCase(subject, arms, &ctx)
        case .function(let name, let body): functions[name] = body
        }
        return .none
    }

    private func walkPipeline(_ stages: [ShellNode], negated: Bool, _ ctx: inout ShellContext) -> ShellStatus {
        var status: ShellStatus
        var argvs: [[String]] = []
        if stages.count == 1 {
            status = walk(stages[0], &ctx)
        } else {
            status = .none
            for stage in stages {
                var copy = ctx
                let stageStatus = walk(stage, &copy)
                if case .simple(let command) = stage {
                    argvs.append(command.words.map { ctx.expander.expand($0).text })
                }
                status.location = status.location ?? stageStatus.location
                status.text += (status.text.isEmpty ? "" : " | ") + stageStatus.text
            }
            status.check = ShellGuardProbe.check(stages: argvs)
        }
        if negated {
            status.test = status.test?.negated
            status.check = status.check?.flipped
            status.text = "! " + status.text
        }
        return status
    }

    /// `a && b || c`: each link runs under what the previous test implied; `check && exit` and
    /// `check || exit` guard the rest of the script; `[ -z "$X" ] && exit` conditions it.
    private func walkChain(_ first: ShellNode, _ links: [ShellChainLink], _ ctx: inout ShellContext) -> ShellStatus {
        let base = ctx.condition
        let baseGuard = ctx.guardInEffect
        let head = walk(first, &ctx)
        var previous = head
        var path = base
        var tests: [Condition] = head.test.map { [$0] } ?? []
        for link in links {
            if let test = previous.test {
                path = link.isAnd ? Condition.all([path, test]) : Condition.all([base, test.negated])
            } else if !link.isAnd {
                path = base
            }
            ctx.condition = path
            if let check = previous.check, check.runningWhenTrue != link.isAnd, let location = previous.location {
                ctx.guardInEffect = SingleInstanceGuard(kind: check.kind, location: location)
            }
            previous = walk(link.node, &ctx)
            ctx.guardInEffect = baseGuard
            if let test = previous.test { tests.append(test) }
        }
        ctx.condition = base
        applyEarlyExit(head: head, links: links, &ctx)
        var status = ShellStatus(text: head.text)
        if tests.count == links.count + 1 {
            status.test = links.allSatisfy(\.isAnd) ? Condition.all(tests)
                : links.allSatisfy { !$0.isAnd } ? Condition.any(tests) : nil
        }
        if links.allSatisfy(\.isAnd), head.check != nil, links.allSatisfy({ Self.isCheck($0.node) }) {
            status.check = head.check
            status.location = head.location
        }
        return status
    }

    private func applyEarlyExit(head: ShellStatus, links: [ShellChainLink], _ ctx: inout ShellContext) {
        guard let last = links.last, Self.terminates(last.node),
              links.allSatisfy({ $0.isAnd == links[0].isAnd }) else { return }
        let isAnd = links[0].isAnd
        if let check = head.check, check.runningWhenTrue == isAnd, let location = head.location {
            ctx.guardInEffect = SingleInstanceGuard(kind: check.kind, location: location)
        } else if let test = head.test {
            ctx.condition = Condition.all([ctx.condition, isAnd ? test.negated : test])
        }
    }

    private func walkIf(_ branches: [ShellIfBranch], _ otherwise: [ShellListItem]?, _ ctx: inout ShellContext) {
        var negations: [Condition] = []
        var survivors: [Condition] = []
        var ends: [ShellContext] = []
        var anyExits = false
        var restGuard: SingleInstanceGuard?
        var elseGuard: SingleInstanceGuard?
        for branch in branches {
            var conditionCtx = ctx
            conditionCtx.condition = Condition.all([ctx.condition] + negations)
            let status = walk(branch.condition, &conditionCtx)
            let test = status.check == nil ? (status.test ?? .opaque(status.text)) : nil
            let guardFromCheck = status.location.flatMap { location in
                status.check.map { SingleInstanceGuard(kind: $0.kind, location: location) }
            }
            var bodyCtx = conditionCtx
            bodyCtx.condition = Condition.all([conditionCtx.condition] + (test.map { [$0] } ?? []))
            if status.check?.runningWhenTrue == false { bodyCtx.guardInEffect = guardFromCheck }
            if status.check?.runningWhenTrue == true { elseGuard = guardFromCheck }
            walk(branch.body, &bodyCtx)
            if Self.terminates(branch.body) {
                anyExits = true
                if status.check?.runningWhenTrue == true { restGuard = guardFromCheck }
            } else {
                survivors.append(Condition.all(negations + (test.map { [$0] } ?? [])))
                ends.append(bodyCtx)
            }
            if let test { negations.append(test.negated) }
        }
        if let otherwise {
            var elseCtx = ctx
            elseCtx.condition = Condition.all([ctx.condition] + negations)
            elseCtx.guardInEffect = elseGuard ?? ctx.guardInEffect
            walk(otherwise, &elseCtx)
            if Self.terminates(otherwise) { anyExits = true } else {
                survivors.append(Condition.all(negations))
                ends.append(elseCtx)
            }
        } else {
            survivors.append(Condition.all(negations))
            ends.append(ctx)
        }
        finishBranches(survivors: survivors, ends: ends, anyExits: anyExits, &ctx)
        if let restGuard { ctx.guardInEffect = restGuard }
    }

    /// After `if`/`case`: the rest runs only on paths that did not `exit`/`exec`.
    private func finishBranches(survivors: [Condition], ends: [ShellContext], anyExits: Bool, _ ctx: inout ShellContext) {
        let entry = ctx.condition
        ctx.merge(branchEnds: ends)
        ctx.condition = anyExits ? Condition.all([entry, Condition.any(survivors)]) : entry
    }

    private func walkWhile(_ condition: [ShellListItem], _ body: [ShellListItem], isUntil: Bool, _ ctx: inout ShellContext) {
        var conditionCtx = ctx
        // `until python bot.py; do sleep 1; done` / `while ! python bot.py`: restarts the command.
        if Self.isCommandCondition(condition, negated: !isUntil) { conditionCtx.restarts = true }
        let status = walk(condition, &conditionCtx)
        let endless = status.test == (isUntil ? .never : .always)
        var bodyCtx = ctx
        if endless {
            bodyCtx.restarts = true
        } else if let test = status.test {
            bodyCtx.condition = Condition.all([ctx.condition, isUntil ? test.negated : test])
        }
        walk(body, &bodyCtx)
        ctx.merge(branchEnds: [ctx, bodyCtx])
    }

    private func walkFor(_ variable: String, _ items: [ShellWord]?, _ body: [ShellListItem], _ ctx: inout ShellContext) {
        let expanded = items?.map { ctx.expander.expand($0) }
        if let expanded, !variable.isEmpty, expanded.allSatisfy(\.isKnown),
           expanded.count <= Self.maxUnrolledItems, body.contains(where: { Self.mentions($0.node, variable) }) {
            // `for d in bot1 bot2; do (cd $d && python main.py &); done`: each iteration differs.
            for value in expanded {
                var iterationCtx = ctx
                iterationCtx.variables[variable] = value.text
                walk(body, &iterationCtx)
            }
            return
        }
        var bodyCtx = ctx
        bodyCtx.variables[variable] = nil
        let count = items.flatMap { ShellIteration.count(of: $0, expander: ctx.expander) }
        switch ctx.repetitions {
        case .some(.some(let outer)): bodyCtx.repetitions = .some(count.map { $0 * outer })
        case .some(.none): bodyCtx.repetitions = .some(nil)
        case .none: bodyCtx.repetitions = .some(count)
        }
        walk(body, &bodyCtx)
        ctx.merge(branchEnds: [ctx, bodyCtx])
    }

    private func walkCase(_ subject: ShellWord, _ arms: [ShellCaseArm], _ ctx: inout ShellContext) {
        let reader = ShellTestReader(expander: ctx.expander)
        var negations: [Condition] = []
        var survivors: [Condition] = []
        var ends: [ShellContext] = []
        var anyExits = false
        var hasDefault = false
        for arm in arms {
            let matches = Condition.any(arm.patterns.map { reader.casePattern(subject: subject, pattern: $0) })
            hasDefault = hasDefault || matches == .always
            var bodyCtx = ctx
            bodyCtx.condition = Condition.all([ctx.condition] + negations + [matches])
            walk(arm.body, &bodyCtx)
            if Self.terminates(arm.body) { anyExits = true } else {
                survivors.append(Condition.all(negations + [matches]))
                ends.append(bodyCtx)
            }
            negations.append(matches.negated)
        }
        if !hasDefault {
            survivors.append(Condition.all(negations))
            ends.append(ctx)
        }
        finishBranches(survivors: survivors, ends: ends, anyExits: anyExits, &ctx)
    }

    // MARK: - Simple commands

    private func walkSimple(_ command: ShellSimpleCommand, _ ctx: inout ShellContext) -> ShellStatus {
        let expander = ctx.expander
        let firstWord = command.assignments.first ?? command.words.first
        let location = SourceLocation(path: path, line: firstWord?.line ?? 0, column: firstWord?.column ?? 0)
        var status = ShellStatus(location: location, text: command.text)
        guard !command.words.isEmpty else {
            command.assignments.forEach { assign($0, &ctx) }
            return status
        }
        let argv = command.words.map { expander.expand($0).text }
        status.test = ShellTestReader(expander: expander).condition(words: command.words)
        status.check = ShellGuardProbe.check(stages: [argv])
        let envPrefix = command.assignments.compactMap { word -> EnvAssignment? in
            guard let (name, parts) = word.assignment else { return nil }
            let value = expander.expand(parts)
            return EnvAssignment(name: name, value: value.isKnown ? value.text : nil,
                                 location: SourceLocation(path: path, line: word.line, column: word.column))
        }
        run(ShellInvocation(argv: argv, words: command.words, envPrefix: envPrefix, location: location), &ctx)
        return status
    }

    private func run(_ invocation: ShellInvocation, _ ctx: inout ShellContext) {
        guard let name = invocation.argv.first else { return }
        if let body = functions[name], !callStack.contains(name), callStack.count < Self.maxCallDepth {
            callStack.append(name)
            _ = walk(body, &ctx)
            callStack.removeLast()
            return
        }
        if Self.unrecordedBuiltins.contains(name) {
            applyBuiltin(invocation, &ctx)
            return
        }
        if unwrap(invocation, &ctx) { return }
        record(invocation, ctx)
        if ShellGuardProbe.stopsOldCopy(invocation.argv) {
            ctx.guardInEffect = SingleInstanceGuard(kind: .pkill, location: invocation.location)
        }
    }

    /// Commands that run another command line: `exec`, `nohup`/`setsid`, `bash -c`, detached
    /// `screen`/`tmux`, `flock ... -c`. Returns true when it recorded the inner commands instead.
    private func unwrap(_ invocation: ShellInvocation, _ ctx: inout ShellContext) -> Bool {
        let argv = invocation.argv
        switch ShellNames.basename(argv[0]) {
        case "exec":
            guard argv.count > 1 else { return true }
            var inner = invocation.dropping(1)
            inner.isExec = true
            run(inner, &ctx)
            return true
        case "nohup", "setsid", "time":
            let skip = 1 + argv.dropFirst().prefix { $0.hasPrefix("-") }.count
            guard skip < argv.count, Self.isNestingCommand(argv[skip]) else {
                if argv[0] == "setsid" {
                    var detached = invocation
                    detached.background = true
                    record(detached, ctx)
                    return true
                }
                return false
            }
            var inner = invocation.dropping(skip)
            inner.background = invocation.background || argv[0] != "time"
            run(inner, &ctx)
            return true
        case "bash", "sh", "zsh", "dash", "ksh":
            return unwrapShellDashC(invocation, &ctx)
        case "screen":
            return unwrapScreen(invocation, &ctx)
        case "tmux":
            return unwrapTmux(invocation, &ctx)
        case "flock":
            let options = FlockOptions(argv)
            let guardKind: SingleInstanceGuard.Kind? = options.isNonBlocking ? .flock : nil
            let withGuard = guardKind.map { SingleInstanceGuard(kind: $0, location: invocation.location) }
            if options.command.first == "-c" || options.command.first == "--command", options.command.count > 1 {
                parseNested(invocation.words[argv.count - options.command.count + 1], invocation, guardOnCommand: withGuard, &ctx)
                return true
            }
            return false
        default:
            return false
        }
    }

    private static func isNestingCommand(_ name: String) -> Bool {
        ["bash", "sh", "zsh", "dash", "ksh", "screen", "tmux"].contains(ShellNames.basename(name))
    }

    /// `bash -c "cd bot && python main.py"`, `sh -lc '...'`: the string is the command line.
    private func unwrapShellDashC(_ invocation: ShellInvocation, _ ctx: inout ShellContext) -> Bool {
        var index = 1
        while index < invocation.argv.count, invocation.argv[index].hasPrefix("-") || invocation.argv[index].hasPrefix("+") {
            let option = invocation.argv[index]
            if !option.hasPrefix("--"), option.contains("c"), index + 1 < invocation.argv.count {
                parseNested(invocation.words[index + 1], invocation, guardOnCommand: nil, &ctx)
                return true
            }
            index += option == "-o" || option == "+o" ? 2 : 1
        }
        return false
    }

    /// `screen -dmS bot python bot.py`, `screen -S bot -X stuff "python bot.py\n"`.
    private func unwrapScreen(_ invocation: ShellInvocation, _ ctx: inout ShellContext) -> Bool {
        let argv = invocation.argv
        if let stuff = argv.firstIndex(of: "stuff"), stuff + 1 < argv.count {
            parseNested(invocation.words[stuff + 1], invocation, guardOnCommand: nil, background: true, &ctx)
            return true
        }
        var index = 1
        var detached = false
        let valued: Set<String> = ["-S", "-t", "-c", "-L", "-Logfile", "-h", "-p", "-e", "-T", "-X"]
        while index < argv.count, argv[index].hasPrefix("-") {
            let option = argv[index]
            if option.hasPrefix("-d") || option.hasPrefix("-D") { detached = detached || option.contains("m") }
            if option == "-m" { detached = argv.contains("-d") || argv.contains("-D") }
            if option.count > 2, option.hasPrefix("-dmS") || option.hasPrefix("-Sdm") {
                index += option.count == 4 ? 2 : 1
                continue
            }
            index += valued.contains(option) || (option.hasSuffix("S") && !option.hasPrefix("--")) ? 2 : 1
        }
        guard detached, index < argv.count else { return false }
        var inner = invocation.dropping(index)
        inner.background = true
        inner.location = SourceLocation(path: path, line: invocation.words[index].line, column: invocation.words[index].column)
        run(inner, &ctx)
        return true
    }

    /// `tmux new -d -s bot 'python bot.py'`, `tmux send-keys -t bot "python bot.py" Enter`.
    private func unwrapTmux(_ invocation: ShellInvocation, _ ctx: inout ShellContext) -> Bool {
        let argv = invocation.argv
        guard argv.count > 1 else { return false }
        let sendsKeys = argv[1] == "send-keys" || argv[1] == "send"
        guard sendsKeys || ["new-session", "new", "new-window", "neww", "split-window", "splitw"].contains(argv[1]) else {
            return false
        }
        var index = 2
        var directory: String?
        let valued: Set<String> = ["-s", "-n", "-t", "-c", "-x", "-y", "-e", "-F", "-f", "-l", "-N"]
        while index < argv.count, argv[index].hasPrefix("-"), argv[index] != "--" {
            if argv[index] == "-c", index + 1 < argv.count { directory = argv[index + 1] }
            index += valued.contains(argv[index]) ? 2 : 1
        }
        if index < argv.count, argv[index] == "--" { index += 1 }
        var keys = Array(invocation.words[min(index, argv.count)...])
        if sendsKeys { keys.removeAll { ["Enter", "C-m", "KPEnter"].contains($0.plainText ?? "") } }
        guard let first = keys.first else { return !sendsKeys }
        var innerCtx = ctx
        if let directory { innerCtx.directory = ShellPath.join(ctx.directory, directory) }
        if keys.count == 1 || sendsKeys {
            parseNested(first, invocation, guardOnCommand: nil, background: true, text: keys.map { ctx.expander.expand($0).text }.joined(separator: " "), &innerCtx)
        } else {
            var inner = invocation.dropping(argv.count - keys.count)
            inner.background = true
            inner.location = SourceLocation(path: path, line: first.line, column: first.column)
            run(inner, &innerCtx)
        }
        return true
    }

    /// Parses a command string found inside a word and walks it in a child shell.
    private func parseNested(_ word: ShellWord, _ invocation: ShellInvocation, guardOnCommand: SingleInstanceGuard?,
                             background: Bool = false, text: String? = nil, _ ctx: inout ShellContext) {
        guard nestedParses < Self.maxNestedParses else { return }
        nestedParses += 1
        defer { nestedParses -= 1 }
        let source = (text ?? ctx.expander.expand(word).text).replacing("^M", with: "\n")
        var lexer = ShellLexer(source, firstLine: word.contentLine, firstColumn: word.contentColumn)
        let tokens = lexer.tokenize()
        var parser = ShellSyntaxParser(tokens: tokens, source: source)
        let items = parser.parseProgram()
        var child = ctx
        child.background = ctx.background || invocation.background || background
        child.guardInEffect = guardOnCommand ?? ctx.guardInEffect
        let inheritedExec = invocation.isExec
        let before = commands.count
        walk(items, &child)
        if inheritedExec, commands.count == before + 1 { commands[before].isExec = true }
    }

    private func record(_ invocation: ShellInvocation, _ ctx: ShellContext) {
        let background = ctx.background || invocation.background
        let commandGuard = ShellGuardProbe.commandGuard(invocation.argv).map {
            SingleInstanceGuard(kind: $0, location: invocation.location)
        }
        commands.append(ShellCommand(argv: invocation.argv, envPrefix: invocation.envPrefix, background: background,
                                     isExec: invocation.isExec, directory: ctx.directory, condition: ctx.condition,
                                     loop: ctx.loop(background: background),
                                     singleInstanceGuard: invocation.guardOnCommand ?? commandGuard ?? ctx.guardInEffect,
                                     location: invocation.location))
    }

    // MARK: - State builtins

    private func applyBuiltin(_ invocation: ShellInvocation, _ ctx: inout ShellContext) {
        let argv = invocation.argv
        switch argv[0] {
        case "cd", "pushd":
            if argv[0] == "pushd" { ctx.directoryStack.append(ctx.directory) }
            let target = argv.dropFirst().first { !$0.hasPrefix("-") || $0 == "-" } ?? "~"
            ctx.directory = target == "-" || target == "~" ? target : ShellPath.join(ctx.directory, target)
        case "popd":
            if let previous = ctx.directoryStack.popLast() { ctx.directory = previous }
        case "export", "declare", "typeset", "readonly", "local":
            for word in invocation.words.dropFirst() {
                if word.assignment != nil { assign(word, &ctx) } else { addEnvFiles(mentionedIn: word, ctx) }
            }
        case "source", ".":
            guard argv.count > 1 else { return }
            let file = argv[1]
            if ["sh", "bash", "zsh"].contains(PathUtil.fileExtension(file)) {
                // A sourced script's commands run here: record it so the linker can follow it.
                record(invocation, ctx)
            } else if ShellNames.basename(file) != "activate" {
                addSourced(ShellPath.join(ctx.directory, file))
            }
        case "eval":
            invocation.words.dropFirst().forEach { addEnvFiles(mentionedIn: $0, ctx) }
        default:
            break
        }
    }

    private func assign(_ word: ShellWord, _ ctx: inout ShellContext) {
        guard let (name, parts) = word.assignment else { return }
        let value = ctx.expander.expand(parts)
        ctx.variables[name] = value.isKnown ? value.text : nil
        // `BOT_TOKEN="$DEV_BOT_TOKEN"`: unknown, but an alias worth keeping (`${DEV_BOT_TOKEN}`):
        // the linker reads it as "the token is whatever DEV_BOT_TOKEN holds".
        var recorded = value.isKnown ? value.text : nil
        if !value.isKnown, parts.count == 1, case .parameter(let other, let modifier, _) = parts[0], modifier.isEmpty {
            recorded = "${\(other)}"
        }
        exports.append(EnvAssignment(name: name, value: recorded,
                                     location: SourceLocation(path: path, line: word.line, column: word.column)))
    }

    /// `export $(grep -v '^#' .env | xargs)`, `eval "$(cat .env)"`: the env file is loaded.
    private func addEnvFiles(mentionedIn word: ShellWord, _ ctx: ShellContext) {
        for part in word.parts {
            guard case .substitution(let inner, _) = part else { continue }
            let separators = CharacterSet(charactersIn: " \t|<>;()'\"")
            for token in inner.components(separatedBy: separators) where Self.looksLikeEnvFile(token) {
                addSourced(ShellPath.join(ctx.directory, token))
            }
        }
    }

    private static func looksLikeEnvFile(_ token: String) -> Bool {
        let name = ShellNames.basename(token)
        return name.hasPrefix(".env") || name.hasSuffix(".env")
    }

    private func addSourced(_ file: String) {
        if !sourcedFiles.contains(file) { sourcedFiles.append(file) }
    }

    // MARK: - Static shape checks

    /// Whether a list ends by leaving the script: `exit`, or `exec` of another program.
    static func terminates(_ items: [ShellListItem]) -> Bool {
        guard let last = items.last, !last.background else { return false }
        return terminates(last.node)
    }

    static func terminates(_ node: ShellNode) -> Bool {
        switch node {
        case .simple(let command):
            guard let first = command.words.first?.plainText else { return false }
            return first == "exit" || (first == "exec" && command.words.count > 1)
        case .group(let items): return terminates(items)
        case .chain(_, let links): return links.allSatisfy(\.isAnd) && links.last.map { terminates($0.node) } == true
        case .ifClause(let branches, let otherwise):
            return otherwise.map(terminates) == true && branches.allSatisfy { terminates($0.body) }
        default: return false
        }
    }

    private static func isCheck(_ node: ShellNode) -> Bool {
        guard case .simple(let command) = node else { return false }
        return ["[", "[[", "test", "kill"].contains(command.words.first?.plainText ?? "")
    }

    /// A loop condition that is a real program (not a test): `while ! python bot.py`.
    private static func isCommandCondition(_ items: [ShellListItem], negated: Bool) -> Bool {
        guard items.count == 1 else { return false }
        switch items[0].node {
        case .pipeline(let stages, let isNegated) where isNegated == negated && stages.count == 1:
            guard case .simple(let command) = stages[0], let name = command.words.first?.plainText else { return false }
            return !["[", "[[", "test", "true", "false", ":", "read"].contains(name)
        case .simple(let command) where !negated:
            guard let name = command.words.first?.plainText else { return false }
            return !["[", "[[", "test", "true", "false", ":", "read"].contains(name)
        default:
            return false
        }
    }

    /// Whether `$name`/`${name}` appears anywhere in the node.
    static func mentions(_ node: ShellNode, _ name: String) -> Bool {
        func inWords(_ words: [ShellWord]) -> Bool {
            words.contains { word in
                word.parts.contains { part in
                    switch part {
                    case .parameter(let n, _, _): n == name
                    case .substitution(let inner, _): inner.contains("$" + name) || inner.contains("${" + name)
                    case .literal: false
                    }
                }
            }
        }
        func inItems(_ items: [ShellListItem]) -> Bool { items.contains { mentions($0.node, name) } }
        switch node {
        case .simple(let command): return inWords(command.words + command.assignments)
        case .pipeline(let stages, _): return stages.contains { mentions($0, name) }
        case .chain(let first, let links): return mentions(first, name) || links.contains { mentions($0.node, name) }
        case .subshell(let items), .group(let items): return inItems(items)
        case .ifClause(let branches, let otherwise):
            return branches.contains { inItems($0.condition) || inItems($0.body) } || inItems(otherwise ?? [])
        case .whileLoop(let condition, let body, _): return inItems(condition) || inItems(body)
        case .forLoop(_, let items, let body): return inWords(items ?? []) || inItems(body)
        case .caseClause(let subject, let arms): return inWords([subject]) || arms.contains { inItems($0.body) }
        case .function(_, let body): return mentions(body, name)
        }
    }
}
