/// GitHub Actions workflows (`.github/workflows/*.yml`): every job with `run:` steps is a runner
/// on GitHub's machines, started by the workflow's triggers and stopped by `timeout-minutes`
/// (360 by default), which is what ends a poller started in a job.
///
/// - command: the job's `run:` scripts, each kept on its own lines of the file so findings point
///   at the step; `uses:` steps run actions, not the repository's code. The folder is
///   `defaults.run.working-directory` of the job or workflow, under the repository root (the
///   folder holding `.github/`).
/// - lifetime: with `on.schedule`, scheduled (the most frequent `cron`); otherwise (`push`,
///   `workflow_dispatch`, ...) one run per event.
/// - guard: a `concurrency:` group (workflow or job) keeps one run at a time, with or without
///   `cancel-in-progress`; so does a timeout no longer than the schedule's shortest interval
///   (GitHub runs schedules at most every 5 minutes). Otherwise a poller in a 6-hour job started
///   every 5 hours is still polling when the next run starts.
/// - instances: the product of `strategy.matrix` list lengths (each combination is a job), else 1.
/// - env: workflow, job and step `env`; `${{ secrets.X }}` and other expressions are unknown values.
///
/// Settings: `repository` (the folder holding `.github/`), `workflow` (file name), `timeoutMinutes`,
/// `scheduleIntervalMinutes`, `triggers` (comma-separated event names).
public struct GitHubActionsExtractor: Extractor {
    static let defaultTimeoutMinutes = 360
    /// GitHub delays schedules more often than it runs them early; never more often than this.
    static let shortestScheduleMinutes = 5

    public init() {}

    public func accepts(_ file: FileCandidate) -> Bool {
        (file.fileExtension == "yml" || file.fileExtension == "yaml") && PathUtil.directory(of: file.path).hasSuffix(".github/workflows")
    }

    public func extract(_ file: SourceFile, into analysis: inout FileAnalysis) {
        let document = YAMLDocuments.single(file, format: "GitHub Actions workflow")
        analysis.problems += document.problems
        guard let jobs = document["jobs"]?.table else { return }
        let workflow = Workflow(document: document, file: file)
        for name in document.locator.ordered(jobs.keys, under: ["jobs"]) {
            guard let job = jobs[name], let runner = workflow.runner(job: name, job) else { continue }
            analysis.runners.append(runner)
        }
    }
}

/// One workflow file: its triggers and workflow-level settings, read once for all its jobs.
private struct Workflow {
    let document: ConfigDocument
    let file: SourceFile
    let lines: [Substring]
    let repository: String
    let triggers: [String]
    /// The most frequent schedule and its interval in minutes.
    let schedule: (cron: String, minutes: Int?)?

    init(document: ConfigDocument, file: SourceFile) {
        self.document = document
        self.file = file
        lines = TextLines.split(file.text)
        let folder = PathUtil.directory(of: file.path)
        repository = String(folder.dropLast(".github/workflows".count)).trimmingSuffix("/")
        let on = document["on"]
        triggers = on?.string.map { [$0] } ?? on?.array?.compactMap(\.string)
            ?? on?.table.map { document.locator.ordered($0.keys, under: ["on"]) } ?? []
        let crons = (on?["schedule"]?.array ?? []).compactMap { $0["cron"]?.string }
        schedule = crons.map { cron in
            (cron, CronInterval.shortestMinutes(cron).map { max($0, GitHubActionsExtractor.shortestScheduleMinutes) })
        }.min { ($0.minutes ?? Int.max) < ($1.minutes ?? Int.max) }
    }

    func runner(job name: String, _ job: ConfigValue) -> RunnerDecl? {
        let path = ["jobs", name]
        let locator = document.locator
        guard let (command, commandLocation) = script(job, path: path) else { return nil }
        let location = locator.nearestKey(path)
        let timeout = job["timeout-minutes"]?.int
        let timeoutMinutes = timeout ?? GitHubActionsExtractor.defaultTimeoutMinutes
        var settings = ["repository": repository, "workflow": file.name, "timeoutMinutes": String(timeoutMinutes),
                        "triggers": triggers.joined(separator: ",")]
        var lifetime = Lifetime.oneShot
        var guardBy: SingleInstanceGuard?
        if let concurrency = concurrencyKey(job, path: path) {
            guardBy = SingleInstanceGuard(kind: .concurrencyPolicy, location: locator.nearestKey(concurrency))
        }
        if let schedule {
            lifetime = .scheduled(schedule.cron)
            settings["scheduleIntervalMinutes"] = schedule.minutes.map(String.init)
            if guardBy == nil, let minutes = schedule.minutes, timeoutMinutes <= minutes {
                // The job is cancelled before the next scheduled run starts.
                guardBy = SingleInstanceGuard(kind: .concurrencyPolicy,
                                              location: timeout == nil ? location : locator.nearestKey(path + ["timeout-minutes"]))
            }
        }
        return RunnerDecl(kind: .githubActionsJob, platform: .githubActions, name: name, group: file.path,
                          command: command, commandLocation: commandLocation,
                          instances: instances(job, path: path, location: location), lifetime: lifetime,
                          env: env(job, path: path), directory: directory(job), location: location,
                          singleInstanceGuard: guardBy, settings: settings)
    }

    /// The job's `run:` scripts as one text in which every line sits on its line of the file (the
    /// lines between are blank), so processes point at their step.
    private func script(_ job: ConfigValue, path: [String]) -> (String, SourceLocation)? {
        var placed: [Int: String] = [:]
        for (index, step) in (job["steps"]?.array ?? []).enumerated() {
            guard let run = step["run"]?.string, !run.isEmpty,
                  let start = document.locator.value(path + ["steps", String(index), "run"]) else { continue }
            for (offset, text) in placement(of: run, at: start) { placed[offset] = text }
        }
        guard let first = placed.keys.min(), let last = placed.keys.max() else { return nil }
        let text = (first...last).map { placed[$0] ?? "" }.joined(separator: "\n")
        return (text, SourceLocation(path: file.path, line: first, column: 1))
    }

    /// Line number → text for one `run:` value: a literal block (`|`) as written in the file
    /// (indentation is harmless to a shell), a one-line value at its column.
    private func placement(of run: String, at start: SourceLocation) -> [(Int, String)] {
        let runLines = run.split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).reversed().drop { $0.isEmpty }.reversed()
        guard start.line >= 1, start.line <= lines.count else { return [] }
        let keyLine = lines[start.line - 1]
        let valueText = keyLine.utf8.dropFirst(max(start.column - 1, 0))
        let isBlock = valueText.first == UInt8(ascii: "|") || valueText.first == UInt8(ascii: ">")
        if isBlock {
            let literal = valueText.first == UInt8(ascii: "|")
            return runLines.enumerated().map { offset, text in
                let line = start.line + 1 + offset
                // Folded (`>`) lines were joined by the parser; placing them one per line keeps
                // the line numbers close enough.
                if literal, line <= lines.count { return (line, String(lines[line - 1])) }
                return (line, text)
            }
        }
        guard runLines.count == 1, let only = runLines.first else {
            return runLines.enumerated().map { (start.line + $0.offset, $0.element) }
        }
        return [(start.line, String(repeating: " ", count: max(start.column - 1, 0)) + only)]
    }

    /// The `concurrency:` key that serialises this job's runs: the job's, else the workflow's.
    private func concurrencyKey(_ job: ConfigValue, path: [String]) -> [String]? {
        if hasGroup(job["concurrency"]) { return path + ["concurrency"] }
        if hasGroup(document["concurrency"]) { return ["concurrency"] }
        return nil
    }

    private func hasGroup(_ value: ConfigValue?) -> Bool {
        guard let value else { return false }
        if let group = value.scalarText { return !group.isEmpty }
        return value["group"]?.scalarText.map { !$0.isEmpty } ?? false
    }

    private func instances(_ job: ConfigValue, path: [String], location: SourceLocation) -> Instances {
        guard let matrix = job["strategy"]?["matrix"] else {
            return Instances(count: 1, reason: "one run of the job per trigger", location: location)
        }
        let matrixPath = path + ["strategy", "matrix"]
        guard let table = matrix.table, table["include"] == nil, table["exclude"] == nil else {
            return Instances(count: nil, reason: "strategy.matrix", location: document.locator.nearestKey(matrixPath))
        }
        let sizes = table.values.map { $0.array?.count }
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 != nil }) else {
            return Instances(count: nil, reason: "strategy.matrix", location: document.locator.nearestKey(matrixPath))
        }
        let count = sizes.reduce(1) { $0 * ($1 ?? 1) }
        return Instances(count: count, reason: "strategy.matrix runs \(count) copies of the job",
                         location: document.locator.nearestKey(matrixPath))
    }

    private func env(_ job: ConfigValue, path: [String]) -> [EnvAssignment] {
        var result = ConfigEnv.assignments(document["env"], at: ["env"], in: document)
        result += ConfigEnv.assignments(job["env"], at: path + ["env"], in: document)
        for (index, step) in (job["steps"]?.array ?? []).enumerated() where step["run"] != nil {
            result += ConfigEnv.assignments(step["env"], at: path + ["steps", String(index), "env"], in: document)
        }
        return result
    }

    private func directory(_ job: ConfigValue) -> String {
        let configured = job["defaults"]?["run"]?["working-directory"]?.string
            ?? document["defaults"]?["run"]?["working-directory"]?.string
        guard let configured, !configured.contains("${{") else { return repository }
        return PathUtil.join(repository, configured)
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
