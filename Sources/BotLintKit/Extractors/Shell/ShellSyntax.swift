/// A simple command as written: assignments, words, and its source text.
struct ShellSimpleCommand: Hashable, Sendable {
    var assignments: [ShellWord]
    var words: [ShellWord]
    /// Source text from the first to the last token, for opaque conditions.
    var text: String
}

/// One element of a `&&`/`||` chain after the first.
struct ShellChainLink: Hashable, Sendable {
    var isAnd: Bool
    var node: ShellNode
}

/// One command of a list, run in the background when it ends with `&`.
struct ShellListItem: Hashable, Sendable {
    var node: ShellNode
    var background: Bool
}

struct ShellIfBranch: Hashable, Sendable {
    var condition: [ShellListItem]
    var body: [ShellListItem]
}

struct ShellCaseArm: Hashable, Sendable {
    var patterns: [ShellWord]
    var body: [ShellListItem]
}

/// The syntax tree of a script. Redirections are parsed and dropped: they do not change what runs.
indirect enum ShellNode: Hashable, Sendable {
    case simple(ShellSimpleCommand)
    case pipeline([ShellNode], negated: Bool)
    case chain(ShellNode, [ShellChainLink])
    case subshell([ShellListItem])
    case group([ShellListItem])
    case ifClause([ShellIfBranch], otherwise: [ShellListItem]?)
    /// `while`/`until` (`isUntil`) loops.
    case whileLoop(condition: [ShellListItem], body: [ShellListItem], isUntil: Bool)
    /// `for name in items`; `items` nil for `for name; do` and C-style loops.
    case forLoop(variable: String, items: [ShellWord]?, body: [ShellListItem])
    case caseClause(subject: ShellWord, arms: [ShellCaseArm])
    case function(name: String, body: ShellNode)
}
