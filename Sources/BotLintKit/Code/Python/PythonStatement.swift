/// One simple statement or compound-statement header, at its block depth (number of open
/// indents). A header's inline body (`if x: run()`) becomes its own statement one level deeper.
struct PythonStatement: Sendable {
    var depth: Int
    var kind: Kind

    enum Kind: Sendable {
        case ifHeader(PyExpr)
        case elifHeader(PyExpr)
        case elseHeader
        case whileHeader(PyExpr)
        case forHeader(iterable: PyExpr)
        /// `try:`, `except ...:`, `finally:`, `match`/`case`: blocks whose body runs unconditionally
        /// as far as botlint is concerned.
        case plainHeader
        case withHeader([PyWithItem])
        case defHeader(PyFunctionHeader)
        case classHeader(name: String, bases: [PyArgument])
        case decorator(PyExpr)
        case imports([PyImport])
        case assignment(targets: [PyExpr], value: PyExpr)
        /// `name: type` or `name: type = value`.
        case annotated(target: PyExpr, annotation: PyExpr, value: PyExpr?)
        case expression(PyExpr)
        /// `return`, `raise`, `break`, `continue`: the rest of the block does not run.
        case exit(PyExpr?)
        case other
    }

    var isHeader: Bool {
        switch kind {
        case .ifHeader, .elifHeader, .elseHeader, .whileHeader, .forHeader, .plainHeader, .withHeader,
             .defHeader, .classHeader:
            true
        default:
            false
        }
    }
}

struct PyWithItem: Sendable {
    var context: PyExpr
    var alias: String?
}

struct PyFunctionHeader: Sendable {
    var name: String
    var parameters: [String]
    /// `def run(token=TELEGRAM_TOKEN)`: a caller that passes nothing gets the default.
    var defaults: [String: PyExpr] = [:]
    var line: Int
    var column: Int
}

struct PyImport: Sendable {
    var localName: String?
    var module: String
    var importedName: String?
    var line: Int
    var column: Int
}
