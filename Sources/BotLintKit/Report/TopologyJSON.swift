import Foundation

/// `botlint topology --format json`: what botlint inferred, for editors and scripts. Version 1,
/// published as `docs/botlint-topology.schema.json`: runners → processes → receivers, each with
/// its location and the ids of the rules whose findings involve it. Optional keys are left out
/// when empty; env values are never printed (only names), tokens only redacted.
public enum TopologyJSON {
    public static let schemaVersion = 1

    struct Document: Encodable {
        var version: Int
        var tool: JSONReporter.Tool
        var scope: String
        var runners: [RunnerJSON]
        var tokenLiterals: [LiteralJSON]
    }

    struct RunnerJSON: Encodable {
        var title: String
        var kind: String
        var platform: String
        var deployed: Bool
        var name: String
        var group: String?
        var location: JSONReporter.LocationJSON
        var lifetime: String
        var schedule: String?
        var instances: InstancesJSON
        var command: String?
        var commandLocation: JSONReporter.LocationJSON?
        var env: EnvJSON
        var guardKind: String?
        var findings: [String]
        var processes: [ProcessJSON]

        enum CodingKeys: String, CodingKey {
            case title, kind, platform, deployed, name, group, location, lifetime, schedule, instances, command,
                 commandLocation, env, guardKind = "guard", findings, processes
        }
    }

    struct InstancesJSON: Encodable {
        var count: Int?
        var reason: String?
        var location: JSONReporter.LocationJSON?
    }

    struct EnvJSON: Encodable {
        var variables: [String]
        var sources: [String]
    }

    struct ProcessJSON: Encodable {
        var command: String
        var location: JSONReporter.LocationJSON
        var background: Bool
        var copies: InstancesJSON
        var workers: InstancesJSON?
        var guardKind: String?
        var entry: EntryJSON?
        var findings: [String]
        var receivers: [ReceiverJSON]

        enum CodingKeys: String, CodingKey {
            case command, location, background, copies, workers, guardKind = "guard", entry, findings, receivers
        }
    }

    struct EntryJSON: Encodable {
        var path: String
        var kind: String
        var server: String?
        var reachable: [String]
    }

    struct ReceiverJSON: Encodable {
        var kind: String
        var library: String
        var api: String
        var location: JSONReporter.LocationJSON
        var token: TokenJSON
        var condition: String?
        var active: String
        var dependsOn: [String]?
        var importTime: Bool
        var perWorker: Bool
        var via: [JSONReporter.LocationJSON]
        var findings: [String]
    }

    struct TokenJSON: Encodable {
        var display: String
        var variable: String?
        var botId: String?
        var redacted: String?
        var store: String?
    }

    struct LiteralJSON: Encodable {
        var redacted: String
        var location: JSONReporter.LocationJSON
    }

    public static func render(_ topology: Topology, scope: String, findings: [Finding]) -> String {
        let involvement = TopologyInvolvement(topology, findings: findings)
        let runners = topology.runners.enumerated().map { r, runner in
            self.runner(runner, processes: runner.processes.enumerated().map { p, process in
                self.process(process, findings: involvement.rules(runner: r, process: p),
                             receivers: process.receivers.enumerated().map { k, receiver in
                                 self.receiver(receiver, findings: involvement.rules(runner: r, process: p, receiver: k))
                             })
            }, findings: involvement.rules(runner: r))
        }
        let document = Document(
            version: schemaVersion, tool: JSONReporter.Tool(name: "botlint", version: BotLint.version),
            scope: scope, runners: runners,
            tokenLiterals: topology.tokenLiterals.map { LiteralJSON(redacted: $0.redacted, location: location($0.location)) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        // The last line of defence, as in every reporter: a token-shaped run never leaves.
        return TokenRedaction.scrubbedDocument(data)
    }

    static func runner(_ runner: Runner, processes: [ProcessJSON], findings: [String]) -> RunnerJSON {
        var schedule: String?
        let lifetime: String
        switch runner.lifetime {
        case .longRunning: lifetime = "long-running"
        case .scheduled(let s): lifetime = "scheduled"; schedule = s
        case .oneShot: lifetime = "one-shot"
        }
        return RunnerJSON(
            title: runner.title, kind: runner.decl.kind.rawValue, platform: runner.platform.rawValue,
            deployed: runner.platform.isDeployed, name: runner.decl.name, group: runner.decl.group,
            location: location(runner.location), lifetime: lifetime, schedule: schedule,
            instances: instances(runner.instances), command: runner.command,
            commandLocation: runner.commandLocation.map(location),
            env: EnvJSON(variables: runner.env.values.keys.sorted(), sources: runner.env.sources),
            guardKind: runner.decl.singleInstanceGuard?.kind.rawValue, findings: findings, processes: processes)
    }

    static func process(_ process: Process, findings: [String], receivers: [ReceiverJSON]) -> ProcessJSON {
        ProcessJSON(
            command: process.commandText, location: location(process.location), background: process.background,
            copies: instances(process.copies), workers: process.workers.map(instances),
            guardKind: process.singleInstanceGuard?.kind.rawValue,
            entry: process.entry.map { EntryJSON(path: $0.path, kind: $0.kind.rawValue, server: $0.server, reachable: $0.reachable) },
            findings: findings, receivers: receivers)
    }

    static func receiver(_ receiver: Receiver, findings: [String]) -> ReceiverJSON {
        let active: String
        var dependsOn: [String]?
        switch receiver.active {
        case .yes: active = "yes"
        case .no: active = "no"
        case .unknown(let names): active = "unknown"; dependsOn = names
        }
        let token = receiver.token
        return ReceiverJSON(
            kind: receiver.kind.rawValue, library: receiver.fact.library.rawValue, api: receiver.fact.api,
            location: location(receiver.fact.location),
            token: TokenJSON(display: token.display, variable: token.variable, botId: token.botID,
                             redacted: token.redacted, store: token.store),
            condition: receiver.condition == .always ? nil : receiver.condition.display,
            active: active, dependsOn: dependsOn, importTime: receiver.importTime, perWorker: receiver.perWorker,
            via: receiver.via.map(location), findings: findings)
    }

    static func instances(_ instances: Instances) -> InstancesJSON {
        InstancesJSON(count: instances.count, reason: instances.reason, location: instances.location.map(location))
    }

    static func location(_ location: SourceLocation) -> JSONReporter.LocationJSON {
        JSONReporter.LocationJSON(path: location.path, line: location.line, column: location.column)
    }
}
