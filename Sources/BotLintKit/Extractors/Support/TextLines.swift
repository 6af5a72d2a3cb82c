/// Splits text into lines at LF bytes. Swift treats CRLF as one Character, so splitting a String
/// on "\n" would miss every line break of a Windows file; a trailing CR is dropped here.
enum TextLines {
    static func split(_ text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { slice in
            let line = Substring(slice)
            return line.utf8.last == UInt8(ascii: "\r") ? Substring(line.utf8.dropLast()) : line
        }
    }
}
