/// The shortest time between two runs of a five-field cron expression, in minutes, so a job
/// that may outlive that gap is known to overlap its next run.
enum CronInterval {
    /// nil when the expression is not five valid fields (`@daily` and friends: one day).
    static func shortestMinutes(_ expression: String) -> Int? {
        let fields = expression.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if fields.count == 1, let shortcut = fields.first {
            switch shortcut {
            case "@hourly": return 60
            case "@daily", "@midnight": return 24 * 60
            case "@weekly": return 7 * 24 * 60
            case "@monthly", "@yearly", "@annually": return 28 * 24 * 60
            default: return nil
            }
        }
        guard fields.count == 5, CronSchedule.invalidField(fields) == nil,
              let minutes = values(fields[0], 0...59), let hours = values(fields[1], 0...23),
              !minutes.isEmpty, !hours.isEmpty else { return nil }
        let times = hours.flatMap { hour in minutes.map { hour * 60 + $0 } }.sorted()
        // Across midnight into the next day: consecutive days are the common case, and the
        // lower bound is what decides an overlap.
        var shortest = times[0] + 24 * 60 - times[times.count - 1]
        for (earlier, later) in zip(times, times.dropFirst()) { shortest = min(shortest, later - earlier) }
        return shortest
    }

    /// The values a minute or hour field selects; nil for names or anything else unexpected.
    private static func values(_ field: String, _ range: ClosedRange<Int>) -> Set<Int>? {
        var result = Set<Int>()
        for item in field.split(separator: ",") {
            let parts = item.split(separator: "/", maxSplits: 1)
            let step = parts.count == 2 ? Int(parts[1]) ?? 0 : 1
            guard step > 0 else { return nil }
            var lower = range.lowerBound, upper = range.upperBound
            if parts[0] != "*" {
                let bounds = parts[0].split(separator: "-").compactMap { Int($0) }
                guard let first = bounds.first, bounds.count <= 2 else { return nil }
                lower = first
                // `5/15` means from 5 to the end of the range.
                upper = bounds.count == 2 ? bounds[1] : (parts.count == 2 ? range.upperBound : first)
            }
            guard range.contains(lower), range.contains(upper), lower <= upper else { return nil }
            result.formUnion(stride(from: lower, through: upper, by: step))
        }
        return result
    }
}
