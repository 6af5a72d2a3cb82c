/// Validates the five time fields of a crontab line and the `@` shortcuts.
enum CronSchedule {
    static let shortcuts: Set<String> = ["@reboot", "@hourly", "@daily", "@weekly", "@monthly", "@yearly",
                                         "@annually", "@midnight"]

    private static let fields: [(name: String, range: ClosedRange<Int>, names: [String])] = [
        ("minute", 0...59, []),
        ("hour", 0...23, []),
        ("day-of-month", 1...31, []),
        ("month", 1...12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        ("day-of-week", 0...7, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ]

    /// The name of the first invalid field (`"hour"`) among the five, or nil when all are valid.
    static func invalidField(_ values: [String]) -> (index: Int, name: String)? {
        for (index, field) in fields.enumerated() where !isValid(values[index], field.range, field.names) {
            return (index, field.name)
        }
        return nil
    }

    private static func isValid(_ text: String, _ range: ClosedRange<Int>, _ names: [String]) -> Bool {
        text.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { item in
            let stepParts = item.split(separator: "/", omittingEmptySubsequences: false)
            guard stepParts.count <= 2 else { return false }
            if stepParts.count == 2, Int(stepParts[1]).map({ $0 > 0 }) != true { return false }
            if stepParts[0] == "*" { return true }
            let bounds = stepParts[0].split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2 else { return false }
            let numbers = bounds.compactMap { value(String($0), range, names) }
            guard numbers.count == bounds.count else { return false }
            return numbers.count == 1 || numbers[0] <= numbers[1]
        }
    }

    private static func value(_ text: String, _ range: ClosedRange<Int>, _ names: [String]) -> Int? {
        if let number = Int(text) { return range.contains(number) ? number : nil }
        guard let index = names.firstIndex(of: text.lowercased()) else { return nil }
        return range.lowerBound + index
    }
}
