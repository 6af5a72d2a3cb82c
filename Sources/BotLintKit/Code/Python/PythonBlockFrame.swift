/// One open block while walking statements: what it contributes to the condition of code inside
/// it, and what early exits (`if not TOKEN: return`) imply for the statements after them.
struct PythonBlockFrame {
    enum Role: Equatable {
        case module
        /// Qualified name (`Bot.run`, `outer.inner`).
        case function(String)
        case classBody(String)
        /// An `if`/`elif`/`else` body.
        case branch
        case loop
        case mainGuard
        case plain
    }

    var role: Role
    var bodyDepth: Int
    /// The guard of this block alone (for `elif`: the earlier tests negated and its own).
    var condition: Condition = .always
    /// Negated guards of earlier branches in this block that ended in return/raise/exit.
    var exits: [Condition] = []
    /// Early exits of the current if/elif/else chain, applied once the chain is over.
    var pendingExits: [Condition] = []
    /// Tests of the current chain's `if`/`elif` branches, for the next `elif`/`else`.
    var ifChain: [Condition] = []
    var lastTerminates = false
    /// Function frames: names assigned so far, and parameters.
    var locals: [String: PyLocalBinding] = [:]
    var decorators: [PyExpr] = []
    /// Function frames: index into `CodeSummary.functions`.
    var functionIndex: Int?
    /// Function frames: constructs a Flask/FastAPI/aiohttp app (an app factory when module-level).
    var buildsWebApp = false

    init(role: Role, bodyDepth: Int, condition: Condition = .always) {
        self.role = role
        self.bodyDepth = bodyDepth
        self.condition = condition
    }

    var isFunction: Bool { if case .function = role { true } else { false } }

    var functionName: String? { if case .function(let name) = role { name } else { nil } }

    var className: String? { if case .classBody(let name) = role { name } else { nil } }

    /// Names that qualify nested definitions.
    var qualifier: String? { functionName ?? className }
}
