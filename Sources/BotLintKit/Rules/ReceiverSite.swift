/// One receiving call as one runner's process executes it: the unit conflict rules compare.
/// A class: rules filter, group and pass sites around, and as a value each copy of one copied
/// its runner and process field by field.
final class ReceiverSite {
    let runner: Runner
    let runnerIndex: Int
    let process: Process
    let processIndex: Int
    let receiver: Receiver

    init(runner: Runner, runnerIndex: Int, process: Process, processIndex: Int, receiver: Receiver) {
        self.runner = runner
        self.runnerIndex = runnerIndex
        self.process = process
        self.processIndex = processIndex
        self.receiver = receiver
    }

    var key: String { "\(runnerIndex)/\(processIndex)" }
    var token: TokenIdentity { receiver.token }
}

extension Topology {
    func sites(where include: (Receiver) -> Bool) -> [ReceiverSite] {
        var result: [ReceiverSite] = []
        // A runner with 0 instances is declared but not started (a compose profile, replicas: 0).
        for (r, runner) in runners.enumerated() where runner.instances.count != 0 {
            for (p, process) in runner.processes.enumerated() {
                for receiver in process.receivers where include(receiver) {
                    result.append(ReceiverSite(runner: runner, runnerIndex: r, process: process, processIndex: p,
                                               receiver: receiver))
                }
            }
        }
        return result
    }

    var pollers: [ReceiverSite] { sites { $0.kind == .poll } }
    var webhookSites: [ReceiverSite] { sites { $0.kind == .setWebhook || $0.kind == .serveWebhook } }
}

/// Sites bucketed by what `TokenIdentity.sameBot(as:)` can match on (bot id, variable,
/// expression): two identities it calls the same bot always share one of these. Rules compare a
/// site with its few candidates instead of with every site, which was quadratic in a monorepo
/// of many bots.
struct SameBotIndex {
    private let tokens: [TokenIdentity]
    private var byKey: [String: [Int]] = [:]

    init(_ sites: [ReceiverSite]) { self.init(tokens: sites.map(\.token)) }

    init(tokens: [TokenIdentity]) {
        self.tokens = tokens
        for (index, token) in tokens.enumerated() {
            for key in Self.keys(token) { byKey[key, default: []].append(index) }
        }
    }

    /// Indices, ascending, of the sites that may be the same bot as `token`. Callers still ask
    /// `sameBot(as:)`: a shared variable name is not enough across two secret stores.
    func candidates(for token: TokenIdentity) -> [Int] {
        Set(Self.keys(token).flatMap { byKey[$0] ?? [] }).sorted()
    }

    /// Indices, ascending, of the sites that are the same bot as `token`.
    func sameBot(as token: TokenIdentity) -> [Int] {
        candidates(for: token).filter { tokens[$0].sameBot(as: token) }
    }

    private static func keys(_ token: TokenIdentity) -> [String] {
        [token.botID.map { "id " + $0 }, token.variable.map { "variable " + $0 }, token.expression.map { "expression " + $0 }]
            .compactMap { $0 }
    }
}

/// Whether two receiving calls can run at the same time, and why not when they cannot.
enum Overlap {
    static func concurrent(_ a: ReceiverSite, _ b: ReceiverSite) -> Bool {
        if a.runnerIndex == b.runnerIndex {
            if a.processIndex == b.processIndex {
                guard a.receiver.fact.location != b.receiver.fact.location else { return false }
                // Inside one process: an if/else pair never runs both; a blocking call first
                // means the second never starts while it runs.
                let evaluator = ConditionEvaluator(env: a.process.env, argv: a.process.argv,
                                                   assumedSet: Set([a.token.variable, b.token.variable].compactMap { $0 }))
                guard evaluator.canBothHold(a.receiver.condition, b.receiver.condition) else { return false }
                return a.receiver.fact.concurrency == .background || b.receiver.fact.concurrency == .background
            }
            // A script's foreground command blocks; only a backgrounded earlier one overlaps.
            let first = min(a.processIndex, b.processIndex)
            return a.runner.processes[first].background
        }
        if let ga = a.process.singleInstanceGuard ?? a.runner.decl.singleInstanceGuard,
           let gb = b.process.singleInstanceGuard ?? b.runner.decl.singleInstanceGuard,
           ga.kind == gb.kind, ga.kind != .pkill, ga.kind != .systemd, ga.kind != .concurrencyPolicy {
            // A unit or job policy only keeps that unit from starting twice; a lock file is shared.
            return false
        }
        return true
    }

    /// Softens a severity and says why when a conflict depends on values botlint cannot see.
    static func uncertainty(_ sites: [ReceiverSite]) -> (depends: [String], text: String?) {
        var depends: [String] = []
        var parts: [String] = []
        for site in sites {
            guard case .unknown(let deps) = site.receiver.active else { continue }
            for d in deps where !depends.contains(d) { depends.append(d) }
            let where_ = site.runner.title
            let part = "\(site.receiver.fact.api) in \(where_) runs only if \(site.receiver.condition.display)"
            // One call can be two sites (run_webhook serves and sets the webhook): say it once.
            if !parts.contains(part) { parts.append(part) }
        }
        guard !depends.isEmpty else { return ([], nil) }
        let names = depends.map { "`\($0)`" }.joined(separator: ", ")
        return (depends, "This depends on \(names), whose value is not in the repository (set in a dashboard or shell?): "
                + parts.joined(separator: "; ") + ".")
    }
}
