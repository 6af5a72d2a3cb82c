/// Which runners, processes and receiving calls each finding is about, so topology pictures and
/// the topology JSON can mark them. Rules cite a conflict's parts as locations (the primary and
/// the related ones: each runner's declaration, its launch line, its receiving call), so a
/// receiver is involved when a finding cites its call *and* the process (or single-process
/// runner) that executes it: the same `bot.py:14` reached by an unrelated runner stays unmarked.
public struct TopologyInvolvement: Sendable {
    struct Key: Hashable {
        var runner: Int
        var process: Int
        var receiver: Int
    }

    private var rulesByKey: [Key: Set<String>] = [:]

    public init(_ topology: Topology, findings: [Finding]) {
        for finding in findings {
            let cited = Set([finding.location] + finding.related.map(\.location))
            for (r, runner) in topology.runners.enumerated() {
                let runnerCited = cited.contains(runner.location)
                    || runner.instances.location.map(cited.contains) == true
                for (p, process) in runner.processes.enumerated() {
                    let processCited = cited.contains(process.location)
                        || (runnerCited && runner.processes.count == 1)
                    guard processCited else { continue }
                    for (k, receiver) in process.receivers.enumerated() where cited.contains(receiver.fact.location) {
                        for key in [Key(runner: r, process: -1, receiver: -1), Key(runner: r, process: p, receiver: -1),
                                    Key(runner: r, process: p, receiver: k)] {
                            rulesByKey[key, default: []].insert(finding.rule)
                        }
                    }
                }
            }
        }
    }

    /// Rule ids of the findings that involve a runner, sorted.
    public func rules(runner: Int) -> [String] {
        rulesByKey[Key(runner: runner, process: -1, receiver: -1)].map { $0.sorted() } ?? []
    }

    public func rules(runner: Int, process: Int) -> [String] {
        rulesByKey[Key(runner: runner, process: process, receiver: -1)].map { $0.sorted() } ?? []
    }

    public func rules(runner: Int, process: Int, receiver: Int) -> [String] {
        rulesByKey[Key(runner: runner, process: process, receiver: receiver)].map { $0.sorted() } ?? []
    }
}
