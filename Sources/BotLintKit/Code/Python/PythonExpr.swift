/// A parsed Python expression with its source span (UTF-8 offsets) and start position.
struct PyExpr: Sendable {
    var node: PyNode
    var start: Int
    var end: Int
    var line: Int
    var column: Int

    /// The dotted path of a name or attribute chain (`os.environ`, `self.app`), nil otherwise.
    var dottedName: String? {
        switch node {
        case .name(let name): name
        case .attribute(let base, let member): base.dottedName.map { "\($0).\(member)" }
        default: nil
        }
    }

    /// The last component of a callee: `run_polling` for `app.run_polling`, `Bot` for `Bot`.
    var terminalName: String? {
        switch node {
        case .name(let name): name
        case .attribute(_, let member): member
        default: nil
        }
    }

    var stringValue: String? {
        if case .string(let literal, let parts) = node, parts.isEmpty { return literal.value }
        return nil
    }

    var callee: PyExpr? {
        if case .call(let callee, _) = node { return callee }
        return nil
    }

    var arguments: [PyArgument] {
        if case .call(_, let arguments) = node { return arguments }
        return []
    }

    /// `keyword=value`, else the positional argument at `position`.
    func argument(_ keyword: String?, position: Int? = nil) -> PyExpr? {
        let args = arguments
        if let keyword, let match = args.first(where: { $0.keyword == keyword }) { return match.value }
        guard let position else { return nil }
        let positional = args.filter { $0.keyword == nil }
        return position < positional.count ? positional[position].value : nil
    }

    var positionalArguments: [PyExpr] { arguments.filter { $0.keyword == nil }.map(\.value) }

    /// Visits direct sub-expressions in source order, without building an array (walks over
    /// every expression of large files are allocation-bound).
    func forEachChild(_ body: (PyExpr) -> Void) {
        switch node {
        case .name, .number, .constant, .other:
            break
        case .attribute(let base, _):
            body(base)
        case .call(let callee, let args):
            body(callee)
            for argument in args { body(argument.value) }
        case .subscripted(let base, let index):
            body(base)
            body(index)
        case .string(_, let pieces):
            for case .expression(let inner) in pieces { body(inner) }
        case .unary(_, let operand), .not(let operand), .await(let operand), .lambda(let operand),
             .starred(let operand), .walrus(_, let operand):
            body(operand)
        case .binary(_, let lhs, let rhs):
            body(lhs)
            body(rhs)
        case .compare(let first, let rest):
            body(first)
            for comparison in rest { body(comparison.operand) }
        case .boolean(_, let operands), .collection(let operands):
            operands.forEach(body)
        case .dict(let entries):
            for entry in entries {
                if let key = entry.key { body(key) }
                body(entry.value)
            }
        case .ternary(let thenValue, let test, let orElse):
            body(thenValue)
            body(test)
            body(orElse)
        }
    }
}

struct PyArgument: Sendable {
    /// nil for positional (and `*args`/`**kwargs`, which appear as `.starred`).
    var keyword: String?
    var value: PyExpr
}

struct PyComparison: Sendable {
    /// `==`, `!=`, `<`, `in`, `not in`, `is`, `is not`, ...
    var op: String
    var operand: PyExpr
}

struct PyDictEntry: Sendable {
    /// nil for `**spread`.
    var key: PyExpr?
    var value: PyExpr
}

enum PyFStringPiece: Sendable {
    case text(String)
    case expression(PyExpr)
}

indirect enum PyNode: Sendable {
    case name(String)
    case attribute(PyExpr, String)
    case call(PyExpr, [PyArgument])
    case subscripted(PyExpr, PyExpr)
    /// Adjacent literals are joined; f-strings keep their pieces (empty for plain strings).
    case string(PythonStringLiteral, [PyFStringPiece])
    case number(String)
    /// `None`, `True`, `False`, `...`.
    case constant(String)
    case unary(String, PyExpr)
    case not(PyExpr)
    case binary(String, PyExpr, PyExpr)
    case compare(PyExpr, [PyComparison])
    case boolean(isAnd: Bool, [PyExpr])
    case ternary(body: PyExpr, test: PyExpr, orElse: PyExpr)
    /// Tuple, list or set display.
    case collection([PyExpr])
    case dict([PyDictEntry])
    case await(PyExpr)
    case lambda(PyExpr)
    case starred(PyExpr)
    case walrus(String, PyExpr)
    /// Syntax the scanner does not model (comprehension tails are skipped, not represented).
    case other
}
