/// The topology as a picture, independent of the drawing language: runners grouped into
/// clusters (a fly app, a Railway environment, a Procfile, a crontab, local scripts), the
/// processes they start, the entry files those run and the bot tokens they receive updates for.
/// Parts involved in findings are flagged, so the conflict stands out in red.
/// `TopologyMermaid` and `TopologyDot` draw it.
public struct TopologyGraph: Sendable {
    public enum NodeKind: String, Sendable {
        case runner, process, entry, token
    }

    public struct Node: Sendable, Equatable {
        /// Letters and digits only, valid as a Mermaid and a Graphviz id.
        public var id: String
        public var kind: NodeKind
        /// Display lines, already free of tokens.
        public var lines: [String]
        public var flagged: Bool
    }

    public enum EdgeKind: String, Sendable {
        /// A runner starts a process.
        case starts
        /// A process executes an entry file.
        case runs
        /// A process receives a bot's updates (poll, webhook) or calls setWebhook/deleteWebhook.
        case receives
    }

    public struct Edge: Sendable, Equatable {
        public var from: String
        public var to: String
        public var kind: EdgeKind
        public var label: String?
        public var flagged: Bool
    }

    public struct Cluster: Sendable, Equatable {
        public var id: String
        public var label: String
        public var nodeIDs: [String]
    }

    public var clusters: [Cluster] = []
    /// Every node in drawing order: clustered runner and process nodes first, then entries and tokens.
    public var nodes: [Node] = []
    public var edges: [Edge] = []

    public init(_ topology: Topology, findings: [Finding]) {
        let involvement = TopologyInvolvement(topology, findings: findings)
        let tokens = TokenNodes(topology)
        var clusterIndex: [String: Int] = [:]
        var entries: [String: Int] = [:]
        var entryNodes: [Node] = []
        var tokenNodes: [String: Node] = [:]
        var tokenOrder: [String] = []
        var receiveEdges: [String: Int] = [:]

        for (r, runner) in topology.runners.enumerated() {
            let (clusterKey, clusterLabel) = Self.cluster(runner)
            if clusterIndex[clusterKey] == nil {
                clusterIndex[clusterKey] = clusters.count
                clusters.append(Cluster(id: "c\(clusters.count)", label: clusterLabel, nodeIDs: []))
            }
            let runnerID = "r\(r)"
            nodes.append(Node(id: runnerID, kind: .runner, lines: Self.runnerLines(runner),
                              flagged: !involvement.rules(runner: r).isEmpty))
            clusters[clusterIndex[clusterKey]!].nodeIDs.append(runnerID)
            for (p, process) in runner.processes.enumerated() {
                let processID = "\(runnerID)p\(p)"
                let processFlagged = !involvement.rules(runner: r, process: p).isEmpty
                nodes.append(Node(id: processID, kind: .process, lines: Self.processLines(process), flagged: processFlagged))
                clusters[clusterIndex[clusterKey]!].nodeIDs.append(processID)
                edges.append(Edge(from: runnerID, to: processID, kind: .starts, label: nil, flagged: processFlagged))
                if let entry = process.entry {
                    if entries[entry.path] == nil {
                        entries[entry.path] = entryNodes.count
                        entryNodes.append(Node(id: "e\(entryNodes.count)", kind: .entry, lines: Self.entryLines(entry), flagged: false))
                    }
                    let index = entries[entry.path]!
                    if processFlagged { entryNodes[index].flagged = true }
                    edges.append(Edge(from: processID, to: entryNodes[index].id, kind: .runs, label: "runs", flagged: processFlagged))
                }
                for (k, receiver) in process.receivers.enumerated() where receiver.active != .no {
                    let tokenKey = tokens.key(receiver.token)
                    if tokenNodes[tokenKey] == nil {
                        tokenNodes[tokenKey] = Node(id: "t\(tokenOrder.count)", kind: .token, lines: tokens.lines(tokenKey), flagged: false)
                        tokenOrder.append(tokenKey)
                    }
                    let flagged = !involvement.rules(runner: r, process: p, receiver: k).isEmpty
                    if flagged { tokenNodes[tokenKey]!.flagged = true }
                    let label = Self.label(receiver.kind)
                    // One edge per process, token and kind: a "?" stays only if no call is certain.
                    let edgeKey = "\(processID) \(tokenKey) \(label)"
                    if let existing = receiveEdges[edgeKey] {
                        if receiver.active == .yes { edges[existing].label = label }
                        if flagged { edges[existing].flagged = true }
                    } else {
                        receiveEdges[edgeKey] = edges.count
                        edges.append(Edge(from: processID, to: tokenNodes[tokenKey]!.id, kind: .receives,
                                          label: receiver.active == .yes ? label : label + "?", flagged: flagged))
                    }
                }
            }
        }
        nodes += entryNodes + tokenOrder.map { tokenNodes[$0]! }
    }

    public func node(_ id: String) -> Node? { nodes.first { $0.id == id } }

    // MARK: - Labels

    /// Which box a runner is drawn in, and that box's title.
    static func cluster(_ runner: Runner) -> (key: String, label: String) {
        let decl = runner.decl
        switch decl.kind {
        case .flyProcess, .flyReleaseCommand:
            let app = decl.group ?? ""
            return ("fly:" + app, app.isEmpty ? "Fly.io app" : "Fly.io app \"\(app)\"")
        case .railwayService:
            let environment = decl.settings["environment"] ?? "production"
            return ("railway:" + environment, "Railway (\(environment))")
        case .procfileProcess:
            return ("procfile:" + decl.location.path, decl.location.path + (decl.platform == .local ? " (local)" : ""))
        case .startScript:
            return ("local", "local scripts")
        case .cronEntry:
            return ("cron:" + decl.location.path, "crontab " + decl.location.path)
        case .packageScript:
            return ("package:" + decl.location.path, decl.location.path + " scripts")
        case .makeTarget:
            return ("make:" + decl.location.path, decl.location.path + " targets")
        case .composeService, .renderService, .kubernetesWorkload, .kubernetesCronJob, .pm2App, .systemdUnit,
             .supervisorProgram, .launchdJob, .containerImage, .githubActionsJob:
            // One box per file: a compose project, a blueprint, a manifest, an ecosystem file, a unit.
            return ("\(decl.platform.rawValue):" + decl.location.path, "\(decl.platform.displayName) \(decl.location.path)")
        }
    }

    static func runnerLines(_ runner: Runner) -> [String] {
        let decl = runner.decl
        var lines: [String]
        switch decl.kind {
        case .flyProcess: lines = ["process group \(decl.name)"]
        case .flyReleaseCommand: lines = ["release_command"]
        case .railwayService: lines = ["service \(decl.group ?? decl.name)"]
        case .procfileProcess: lines = [decl.name]
        case .startScript: lines = [decl.location.path]
        case .cronEntry: lines = ["line \(decl.location.line)"]
        case .packageScript: lines = [decl.name]
        case .makeTarget: lines = ["make \(decl.name)"]
        case .composeService, .renderService, .kubernetesWorkload, .kubernetesCronJob, .pm2App, .systemdUnit,
             .supervisorProgram, .launchdJob, .containerImage, .githubActionsJob:
            lines = [decl.name]
        }
        switch runner.lifetime {
        case .longRunning: lines.append("×" + count(runner.instances))
        case .scheduled(let schedule): lines.append("every \(schedule)")
        case .oneShot: lines.append("once per deploy")
        }
        if let guardUsed = decl.singleInstanceGuard { lines.append("guard: \(guardUsed.kind.rawValue)") }
        return lines.map(TokenRedaction.scrub)
    }

    static func processLines(_ process: Process) -> [String] {
        var lines = [process.commandText]
        if let workers = process.workers { lines.append("workers ×" + count(workers)) }
        if process.copies.count != 1 { lines.append("copies ×" + count(process.copies)) }
        if process.background { lines.append("background") }
        if let guardUsed = process.singleInstanceGuard { lines.append("guard: \(guardUsed.kind.rawValue)") }
        return lines.map(TokenRedaction.scrub)
    }

    static func entryLines(_ entry: Entry) -> [String] {
        let kind: String
        switch entry.kind {
        case .script: kind = "script"
        case .webApp: kind = "web app" + (entry.server.map { ", \($0)" } ?? "")
        case .djangoCommand: kind = "Django command"
        }
        return [entry.path, kind].map(TokenRedaction.scrub)
    }

    static func label(_ kind: ReceiveKind) -> String {
        switch kind {
        case .poll: "poll"
        case .serveWebhook: "webhook"
        case .setWebhook: "setWebhook"
        case .deleteWebhook: "deleteWebhook"
        }
    }

    static func count(_ instances: Instances) -> String {
        instances.count.map(String.init) ?? "?"
    }

    /// One node per bot. A visible bot id identifies the bot; otherwise the variable does. Where
    /// one variable lives in several secret stores (two fly apps: production and staging), each
    /// store is its own node, and local runs (the shell or a .env) get one more.
    struct TokenNodes {
        private var splitVariables: Set<String> = []
        private var displays: [String: Set<String>] = [:]
        private var storeLabels: [String: String] = [:]

        init(_ topology: Topology) {
            var stores: [String: Set<String>] = [:]
            let identities = topology.runners.flatMap { $0.processes.flatMap { $0.receivers.map(\.token) } }
            for token in identities where token.botID == nil {
                if let variable = token.variable, let store = token.store { stores[variable, default: []].insert(store) }
            }
            splitVariables = Set(stores.filter { $0.value.count > 1 }.keys)
            for token in identities {
                let key = key(token)
                displays[key, default: []].insert(TokenRedaction.scrub(token.display))
                if token.botID == nil, let variable = token.variable, splitVariables.contains(variable) {
                    storeLabels[key] = token.store.map { $0 + " secrets" } ?? "local shell or .env"
                }
            }
        }

        func key(_ token: TokenIdentity) -> String {
            if let botID = token.botID { return "bot " + botID }
            if let variable = token.variable {
                guard splitVariables.contains(variable) else { return "variable " + variable }
                return "variable \(variable) in " + (token.store ?? "local")
            }
            return token.expression.map { "expression " + $0 } ?? "unknown"
        }

        func lines(_ key: String) -> [String] {
            (displays[key] ?? []).sorted() + (storeLabels[key].map { [$0] } ?? [])
        }
    }
}
