/// `botlint topology`: what botlint inferred, so a user can see why a finding exists.
public enum TopologyPrinter {
    public static func text(_ topology: Topology) -> String {
        var out = ""
        let active = topology.runners
        out += "Runners (\(active.count))\n"
        if active.isEmpty { out += "  none found: no deploy config, start script or crontab line here starts a process\n" }
        for runner in active {
            out += "\n  \(runner.title)  [\(runner.location)]\n"
            out += "    platform:  \(runner.platform.displayName)\(runner.platform.isDeployed ? " (deployed)" : "")\n"
            out += "    lifetime:  \(lifetime(runner.lifetime))\n"
            out += "    instances: \(instances(runner.instances))\n"
            if let command = runner.command {
                out += "    command:   \(oneLine(command))" + (runner.commandLocation.map { "  [\($0)]" } ?? "") + "\n"
            }
            if !runner.env.sources.isEmpty {
                let names = runner.env.values.keys.sorted().joined(separator: ", ")
                out += "    env:       \(names)  (from \(runner.env.sources.joined(separator: ", ")))\n"
            }
            if let guardUsed = runner.decl.singleInstanceGuard {
                out += "    guard:     \(guardUsed.kind.rawValue)  [\(guardUsed.location)]\n"
            }
            for process in runner.processes {
                out += "    process:   \(process.commandText)  [\(process.location)]"
                if process.background { out += " (background)" }
                out += "\n"
                if let entry = process.entry {
                    out += "      entry:   \(entry.path) (\(entry.kind.rawValue)\(entry.server.map { ", \($0)" } ?? ""))"
                    out += entry.reachable.count > 1 ? ", loads \(entry.reachable.count - 1) more file(s)\n" : "\n"
                } else {
                    out += "      entry:   not found in the repository\n"
                }
                if let workers = process.workers { out += "      workers: \(instances(workers))\n" }
                if process.copies.count != 1 { out += "      copies:  \(instances(process.copies))\n" }
                if let g = process.singleInstanceGuard { out += "      guard:   \(g.kind.rawValue)  [\(g.location)]\n" }
                for receiver in process.receivers {
                    let f = receiver.fact
                    var line = "      \(f.kind.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \(f.api) (\(f.library.rawValue))"
                    line += "  token \(TokenRedaction.scrub(receiver.token.display))  [\(f.location)]"
                    switch receiver.active {
                    case .yes: if receiver.condition != .always { line += "  when \(receiver.condition.display) (true here)" }
                    case .no: break
                    case .unknown: line += "  when \(receiver.condition.display) (unknown here)"
                    }
                    if let url = receiver.webhookURL { line += "  url \(TokenRedaction.scrub(url.displayName))" }
                    if receiver.importTime { line += "  at import" }
                    if receiver.perWorker { line += "  per worker" }
                    out += line + "\n"
                }
            }
        }
        if !topology.tokenLiterals.isEmpty {
            out += "\nLiteral tokens (\(topology.tokenLiterals.count))\n"
            for literal in topology.tokenLiterals { out += "  \(literal.redacted)  [\(literal.location)]\n" }
        }
        // Commands, paths and values are printed as written, and any of them may hold a token.
        return TokenRedaction.scrub(out)
    }

    /// A multi-line script (a workflow's `run: |` block) on one line, its lines joined by `; `.
    static func oneLine(_ command: String) -> String {
        command.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }

    static func lifetime(_ lifetime: Lifetime) -> String {
        switch lifetime {
        case .longRunning: "long-running"
        case .scheduled(let s): "scheduled (\(s))"
        case .oneShot: "one-shot"
        }
    }

    static func instances(_ instances: Instances) -> String {
        let count = instances.count.map(String.init) ?? "unknown"
        return instances.reason.map { "\(count) (\($0))" } ?? count
    }
}
