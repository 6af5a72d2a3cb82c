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

    /// Direct sub-expressions, in source order, for walks that look for calls.
    var children: [PyExpr] {
        switch node {
        case .name, .number, .constant, .other: []
        case .attribute(let base, _): [base]
        case .call(let callee, let args): [callee] + args.map(\.value)
        case .subscripted(let base, let index): [base, index]
        case .string(_, let pieces):
            pieces.compactMap { piece -> PyExpr? in
                if case .expression(let e) = piece { return e }
                return nil
            }
        case .unary(_, let operand), .not(let operand), .await(let operand), .lambda(let operand),
             .starred(let operand), .walrus(_, let operand): [operand]
        case .binary(_, let lhs, let rhs): [lhs, rhs]
        case .compare(let first, let rest): [first] + rest.map(\.operand)
        case .boolean(_, let operands), .collection(let operands): operands
        case .dict(let entries): entries.flatMap { entry in [entry.key, entry.value].compactMap { $0 } }
        case .ternary(let body, let test, let orElse): [body, test, orElse]
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
