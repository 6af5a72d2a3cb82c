import Foundation
import TOMLKit

/// A TOML or JSON document in one shape, so extractors that accept both formats (Railway) read
/// them the same way and never touch TOMLKit or Foundation types.
enum ConfigValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case double(Double)
    case bool(Bool)
    case array([ConfigValue])
    case table([String: ConfigValue])
    /// Dates, times, JSON null: values no extractor reads.
    case other

    subscript(key: String) -> ConfigValue? {
        if case .table(let fields) = self { return fields[key] }
        return nil
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Integers, and whole doubles (JSON writers sometimes emit `2.0`).
    var int: Int? {
        switch self {
        case .integer(let value): value
        case .double(let value) where value.rounded() == value && abs(value) < 1e15: Int(value)
        default: nil
        }
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var array: [ConfigValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var table: [String: ConfigValue]? {
        if case .table(let fields) = self { return fields }
        return nil
    }

    /// Scalars as text for `RunnerDecl.settings`; nil for arrays, tables and other values.
    var scalarText: String? {
        switch self {
        case .string(let value): value
        case .integer(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): value ? "true" : "false"
        case .array, .table, .other: nil
        }
    }

    /// A command given either as a shell string or as an exec-style array of words.
    var commandLine: String? {
        if let text = string { return text }
        guard let items = array else { return nil }
        let words = items.compactMap(\.string)
        guard words.count == items.count, !words.isEmpty else { return nil }
        return ShellQuoting.join(words)
    }
}

extension ConfigValue {
    init(toml value: any TOMLValueConvertible) {
        switch value.type {
        case .string: self = value.string.map(ConfigValue.string) ?? .other
        case .int: self = value.int.map(ConfigValue.integer) ?? .other
        case .double: self = value.double.map(ConfigValue.double) ?? .other
        case .bool: self = value.bool.map(ConfigValue.bool) ?? .other
        case .array: self = .array(value.array.map { $0.map(ConfigValue.init(toml:)) } ?? [])
        case .table: self = value.table.map(ConfigValue.init(tomlTable:)) ?? .other
        case .date, .time, .dateTime: self = .other
        }
    }

    init(tomlTable: TOMLTable) {
        var fields: [String: ConfigValue] = [:]
        for (key, value) in tomlTable { fields[key] = ConfigValue(toml: value) }
        self = .table(fields)
    }

    /// From `JSONSerialization` output. Booleans are checked first: they also bridge to numbers.
    init(json value: Any) {
        switch value {
        case let flag as Bool where Self.isJSONBoolean(value): self = .bool(flag)
        case let text as String: self = .string(text)
        case let number as NSNumber:
            let whole = number.int64Value
            self = number.doubleValue == Double(whole) && !Self.isFloatingPoint(number)
                ? .integer(Int(whole)) : .double(number.doubleValue)
        case let items as [Any]: self = .array(items.map(ConfigValue.init(json:)))
        case let fields as [String: Any]: self = .table(fields.mapValues(ConfigValue.init(json:)))
        default: self = .other
        }
    }

    private static func isJSONBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return value is Bool }
        return String(cString: number.objCType) == "c"
    }

    private static func isFloatingPoint(_ number: NSNumber) -> Bool {
        let type = String(cString: number.objCType)
        return type == "d" || type == "f"
    }
}
