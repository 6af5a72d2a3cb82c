/// `docker compose` merges `docker-compose.override.yml` (and the files given with `-f`) onto
/// the base file service by service. botlint merges every compose file of a folder onto its base
/// (`docker-compose.yml`/`compose.yaml`, else the first file), the override first, then the others
/// by name: one runner per service, as the server runs it.
enum ComposeOverrides {
    static func merge(_ decls: [RunnerDecl]) -> [RunnerDecl] {
        let compose = decls.filter { $0.kind == .composeService }
        guard !compose.isEmpty else { return decls }
        var byFolder: [String: [RunnerDecl]] = [:]
        for decl in compose { byFolder[PathUtil.directory(of: decl.location.path), default: []].append(decl) }
        var merged: [RunnerDecl] = []
        for folder in byFolder.keys.sorted() {
            let ordered = byFolder[folder]!.sorted { (rank($0), $0.location) < (rank($1), $1.location) }
            var services: [RunnerDecl] = []
            for decl in ordered {
                if let i = services.firstIndex(where: { $0.name == decl.name }) {
                    services[i] = overlay(decl, onto: services[i])
                } else {
                    services.append(decl)
                }
            }
            merged += services
        }
        return decls.filter { $0.kind != .composeService } + merged
    }

    private static func rank(_ decl: RunnerDecl) -> Int {
        let file = decl.settings["compose.file"] ?? ""
        if ComposeExtractor.isBaseFile(file) { return 0 }
        return file.lowercased().contains(".override.") ? 1 : 2
    }

    /// Fields the override sets win; env and env files add up (later ones win by name).
    private static func overlay(_ override: RunnerDecl, onto base: RunnerDecl) -> RunnerDecl {
        var result = base
        if override.command != nil {
            result.command = override.command
            result.commandLocation = override.commandLocation
        }
        if override.settings["compose.replicas"] != nil { result.instances = override.instances }
        result.env += override.env
        result.envFiles += override.envFiles.filter { !result.envFiles.contains($0) }
        result.servesHTTP = base.servesHTTP || override.servesHTTP
        result.deployOverlap = override.deployOverlap ?? base.deployOverlap
        if override.settings["dockerfile"] != nil { result.directory = override.directory }
        let files = [base.settings["compose.file"], override.settings["compose.file"]].compactMap { $0 }
        result.settings.merge(override.settings) { _, new in new }
        result.settings["compose.file"] = files.joined(separator: " + ")
        return result
    }
}
