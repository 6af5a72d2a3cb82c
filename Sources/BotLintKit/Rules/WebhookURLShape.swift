/// A webhook URL as far as the repository shows it: literal parts, env values the runner gets,
/// and the names of variables whose values are not visible.
struct WebhookURLShape {
    /// Known text, with `{NAME}` where a variable's value is not visible.
    var display: String
    var scheme: String?
    /// The host when it is fully visible.
    var host: String?
    /// The variable that supplies the whole host (`RAILWAY_PUBLIC_DOMAIN`), when that is the shape.
    var hostVariable: String?
    /// The port written after the host, when visible (`8080`).
    var port: String?
    /// The variable that supplies the port (`PORT`), when that is the shape.
    var portVariable: String?

    private static let open: Character = "\u{1}"
    private static let close: Character = "\u{2}"

    init?(_ value: ValueExpr, env: EnvScope) {
        var raw = ""
        func render(_ v: ValueExpr) -> Bool {
            switch v {
            case .literal(let s): raw += s
            case .env(let name, _):
                if let value = env.value(of: name) { raw += value } else { raw += "\(Self.open)\(name)\(Self.close)" }
            case .concat(let parts): for part in parts where !render(part) { return false }
            default: return false
            }
            return true
        }
        guard render(value), !raw.isEmpty else { return nil }
        display = raw.replacing(String(Self.open), with: "{").replacing(String(Self.close), with: "}")
        guard let schemeEnd = raw.firstRange(of: "://") else { return }
        let schemeText = raw[..<schemeEnd.lowerBound]
        if !schemeText.contains(Self.open) { scheme = schemeText.lowercased() }
        let afterScheme = raw[schemeEnd.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var hostPart = Substring(authority)
        // Placeholders hold variable names only, so any colon in the authority starts the port.
        if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            let portText = authority[authority.index(after: colon)...]
            if let variable = Self.wholePlaceholder(portText) { portVariable = variable } else if !portText.contains(Self.open) { port = String(portText) }
        }
        if let variable = Self.wholePlaceholder(hostPart) {
            hostVariable = variable
        } else if !hostPart.contains(Self.open), !hostPart.isEmpty {
            host = hostPart.lowercased()
        }
    }

    private static func wholePlaceholder(_ text: Substring) -> String? {
        guard text.first == open, text.last == close, text.filter({ $0 == open }).count == 1 else { return nil }
        return String(text.dropFirst().dropLast())
    }
}
