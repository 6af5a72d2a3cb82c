/// Applies what `.botlint.toml` says about runners: dashboard variables before linking (so
/// conditions evaluate in them), instance counts and bot names after.
extension Configuration {
    /// The bot local runners use with `local-uses-dev-token = true`.
    static let developmentBot = "local development bot"

    /// Adds `[env."…"]` values to the declarations and start scripts they name. Returns the
    /// indices of the environments that named something.
    func applyEnvironments(to analyses: inout [FileAnalysis]) -> Set<Int> {
        var used = Set<Int>()
        for (i, environment) in dashboardEnvironments.enumerated() {
            for f in analyses.indices {
                for r in analyses[f].runners.indices where environment.selector.matches(analyses[f].runners[r]) {
                    // Later than the file's own values: the platform applies dashboard values last.
                    analyses[f].runners[r].env += environment.assignments
                    used.insert(i)
                }
                if analyses[f].shellScript != nil, environment.selector.matchesScript(at: analyses[f].path) {
                    // The shell that runs the script has them; the script's own exports still win.
                    analyses[f].shellScript!.exports = environment.assignments + analyses[f].shellScript!.exports
                    used.insert(i)
                }
            }
        }
        return used
    }

    /// Instance counts (0 removes the runner) and bot names from `[[runners]]`, and the local
    /// development bot. Returns notes for entries that name no runner.
    func applyRunnerFacts(to topology: inout Topology, usedEnvironments: Set<Int>) -> [Note] {
        var used = Set<Int>()
        var kept: [Runner] = []
        for var runner in topology.runners {
            var bot: String? = nil
            var instances: (Int, RunnerFact)? = nil
            for (i, fact) in runnerFacts.enumerated() where fact.selector.matches(runner.decl) {
                used.insert(i)
                if let name = fact.bot { bot = name }
                if let count = fact.instances { instances = (count, fact) }
            }
            if bot == nil, localUsesDevToken.value, !runner.platform.isDeployed { bot = Self.developmentBot }
            if let (count, fact) = instances {
                if count == 0 { continue }
                let reason = "instances = \(count) in \(fact.location.path)" + (fact.reason.map { ": \($0)" } ?? "")
                runner.decl.instances = Instances(count: count, reason: reason, location: fact.location)
            }
            if let bot {
                for p in runner.processes.indices {
                    for r in runner.processes[p].receivers.indices { runner.processes[p].receivers[r].token.declaredBot = bot }
                }
            }
            kept.append(runner)
        }
        topology.runners = kept
        var notes: [Note] = []
        for (i, fact) in runnerFacts.enumerated() where !used.contains(i) {
            notes.append(Note(path: fact.location.path, message: "[[runners]] match = \"\(fact.selector)\" at \(fact.location) names no runner botlint found"))
        }
        for (i, environment) in dashboardEnvironments.enumerated() where !usedEnvironments.contains(i) {
            notes.append(Note(path: environment.location.path, message: "[env.\"\(environment.selector)\"] at \(environment.location) names no runner botlint found"))
        }
        return notes
    }
}
