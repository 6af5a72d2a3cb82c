/// Human-readable numbers for notes. Binary units (1 MB = 1,048,576 bytes) because limits are
/// usually written as powers of two (`4 << 20` reads back as "4 MB").
enum ByteCountText {
    private static let units = ["KB", "MB", "GB", "TB"]

    /// "812 bytes", "3 KB", "12.3 MB": one decimal, dropped when it is zero.
    static func size(_ bytes: Int) -> String {
        guard bytes >= 1024 else { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        let number = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
        return "\(number) \(units[unit])"
    }

    /// "200,000".
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return number < 0 ? "-" + out : out
    }
}
