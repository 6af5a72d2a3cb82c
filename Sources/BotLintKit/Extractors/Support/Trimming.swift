/// Whitespace trimming without Foundation. On Linux `trimmingCharacters(in:)` goes through
/// NSString: a few microseconds a call, and a third of a millisecond on its first use in a run.
/// The sets are Foundation's (which keeps U+200B, a space separator before Unicode 4.0.1),
/// compared scalar by scalar as Foundation does.
extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`: tab and the space separators (Unicode Zs).
    func trimmingWhitespace() -> String {
        trimming { scalar in
            scalar.isASCII ? scalar == " " || scalar == "\t"
                : scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
        }
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`: Unicode's White_Space property.
    func trimmingWhitespaceAndNewlines() -> String {
        trimming { scalar in
            scalar.isASCII ? scalar == " " || ("\t"..."\r").contains(scalar)
                : scalar == "\u{200B}" || scalar.properties.isWhitespace
        }
    }

    /// Drops the leading and trailing scalars `isTrimmed` accepts.
    func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
