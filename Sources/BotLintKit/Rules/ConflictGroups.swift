/// Groups pairwise conflicts into connected components, so three runners polling one bot give
/// one finding that names all three instead of three findings.
enum ConflictGroups {
    /// Groups sites linked by `conflict`, which only pairs sites of one bot (`SameBotIndex`).
    static func cluster(_ sites: [ReceiverSite], conflict: (ReceiverSite, ReceiverSite) -> Bool) -> [[ReceiverSite]] {
        let sameBot = SameBotIndex(sites)
        var parent = Array(sites.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        var linked = Set<Int>()
        for i in sites.indices {
            for j in sameBot.candidates(for: sites[i].token) where j > i && conflict(sites[i], sites[j]) {
                parent[find(j)] = find(i)
                linked.insert(i)
                linked.insert(j)
            }
        }
        var groups: [Int: [ReceiverSite]] = [:]
        for i in sites.indices.sorted() where linked.contains(i) {
            groups[find(i), default: []].append(sites[i])
        }
        return groups.keys.sorted().map { groups[$0]! }
    }

    /// Related locations: each runner's declaration, its launch line and its receiving call.
    static func related(_ sites: [ReceiverSite], skip primary: SourceLocation) -> [RelatedLocation] {
        var result: [RelatedLocation] = []
        var seen = Set<SourceLocation>([primary])
        func add(_ location: SourceLocation, _ message: String) {
            if seen.insert(location).inserted { result.append(RelatedLocation(location, message)) }
        }
        for site in sites {
            // A script or cron line is declared by the very line that starts the process.
            let declaredApart = site.runner.decl.kind != .startScript
                && (site.runner.location.path, site.runner.location.line) != (site.process.location.path, site.process.location.line)
            if declaredApart { add(site.runner.location, "\(site.runner.title) is declared here") }
            add(site.process.location, "\(site.runner.title) starts `\(site.process.commandText)` here")
            let what: String
            switch site.receiver.kind {
            case .poll: what = "polls getUpdates here"
            case .serveWebhook: what = "serves the webhook here"
            case .setWebhook: what = "sets the webhook here"
            case .deleteWebhook: what = "deletes the webhook here"
            }
            add(site.receiver.fact.location, "\(site.receiver.fact.api) (\(site.receiver.fact.library.rawValue)) \(what)")
        }
        return result
    }
}
