/// Imports, exports, declarations and module-level assignments.
extension JSWalker {
    func recordImport(local: String?, module: String, importedName: String?, at index: Int) {
        summary.imports.append(ImportBinding(localName: local, module: module, importedName: importedName, location: location(index)))
        if let local { bindings.bindImport(local: local, module: module, importedName: importedName) }
        if local == nil, JavaScriptLibraryCatalog.loadsDotenv(sideEffectModule: module) { summary.dotenvLoads.append("") }
    }

    /// `dotenv.config()` / `config({ path: ".env.local" })`, the `(` at `open`.
    func dotenvConfig(open: Int, limit: Int) {
        let inner = file.inner(of: open, limit: limit)
        var path = ""
        if file.isOp(inner.lowerBound, JSOp.openBrace),
           let value = property("path", inObject: file.inner(of: inner.lowerBound, limit: inner.upperBound)),
           let text = file.stringValue(value.lowerBound), value.count == 1 {
            path = text
        }
        summary.dotenvLoads.append(path)
    }

    // MARK: - import

    /// `import x, { a, b as c } from "m"`, `import * as m from "m"`, `import "m"`,
    /// `import x = require("m")`; type-only imports bind nothing at run time.
    func importStatement(at i: Int, limit: Int, _ context: JSContext) -> Int {
        let end = statementEnd(from: i + 1, limit: limit)
        let next = after(end)
        var k = i + 1
        if file.isWord(k, "type"), !file.isOp(k + 1, JSOp.comma), !file.isWord(k + 1, "from") { return next }
        if let module = file.stringValue(k), file.isString(k) {
            recordImport(local: nil, module: module, importedName: nil, at: i)
            return next
        }
        guard let fromIndex = (k..<end).last(where: { file.isWord($0, "from") }), let module = file.stringValue(fromIndex + 1) else {
            if file.isIdentifier(k), file.isOp(k + 1, JSOp.assign), file.isWord(k + 2, "require"),
               let module = file.stringValue(k + 4) {
                recordImport(local: file.text(k), module: module, importedName: nil, at: i)
            }
            return next
        }
        while k < fromIndex {
            if file.isIdentifier(k), !file.isWord(k, "from") {
                recordImport(local: file.text(k), module: module, importedName: "default", at: i)
                k += 1
            } else if file.isOp(k, JSOp.star), file.isWord(k + 1, "as"), file.isIdentifier(k + 2) {
                recordImport(local: file.text(k + 2), module: module, importedName: nil, at: i)
                k += 3
            } else if file.isOp(k, JSOp.openBrace) {
                for (imported, local) in namedList(file.inner(of: k, limit: fromIndex)) {
                    recordImport(local: local, module: module, importedName: imported, at: i)
                }
                k = file.close(of: k, limit: fromIndex) + 1
            } else {
                k += 1
            }
        }
        return next
    }

    /// `a, b as c, type T, "x" as y` → (imported, local) pairs, type-only names left out.
    private func namedList(_ range: Range<Int>) -> [(String, String)] {
        file.splitCommas(range).compactMap { element in
            var start = element.lowerBound
            if file.isWord(start, "type"), element.count > 1, !file.isWord(start + 1, "as") { return nil }
            if file.isWord(start, "type"), element.count == 4 { start += 1 }
            let imported = file.stringValue(start) ?? file.text(start)
            if start + 2 < element.upperBound, file.isWord(start + 1, "as") { return (imported, file.text(start + 2)) }
            return (imported, imported)
        }
    }

    // MARK: - export

    func exportStatement(at i: Int, limit: Int, _ context: JSContext) -> Int {
        let k = i + 1
        if file.isWord(k, "default") { return exportDefault(at: k + 1, limit: limit, context) }
        if file.isOp(k, JSOp.assign) { return exportValue(named: "default", at: k + 1, limit: limit, context) }
        if file.isOp(k, JSOp.star) || file.isOp(k, JSOp.openBrace) || file.isWord(k, "type") && file.isOp(k + 1, JSOp.openBrace) {
            return exportList(at: file.isWord(k, "type") ? k + 1 : k, limit: limit)
        }
        if file.isOp(k, JSOp.at) { return decoratedDeclaration(at: k, limit: limit, context) }
        return statement(at: k, limit: limit, context).next
    }

    private func exportDefault(at k: Int, limit: Int, _ context: JSContext) -> Int {
        if file.isWord(k, "function") { return functionDeclaration(at: k, limit: limit, context, defaultName: "default") }
        if file.isWord(k, "async"), file.isWord(k + 1, "function") {
            return functionDeclaration(at: k + 1, limit: limit, context, defaultName: "default")
        }
        if file.isWord(k, "class") || file.isWord(k, "abstract") {
            return classDeclaration(at: file.isWord(k, "abstract") ? k + 1 : k, limit: limit, context, decorated: false)
        }
        return exportValue(named: "default", at: k, limit: limit, context)
    }

    /// `export default bot`, `export = bot`, `module.exports = bot`: the value under `name`.
    private func exportValue(named name: String, at k: Int, limit: Int, _ context: JSContext) -> Int {
        let end = statementEnd(from: k, limit: limit)
        assignExport(name, value: k..<end, context)
        return after(end)
    }

    func assignExport(_ name: String, value range: Range<Int>, _ context: JSContext) {
        let trimmed = file.trimmed(range)
        if file.isWord(trimmed.lowerBound, "new") {
            if let bot = construction(at: trimmed.lowerBound, limit: trimmed.upperBound, context, boundTo: nil).bot {
                summary.assignments[name] = bot.token
            }
            return
        }
        if isFunctionValue(trimmed) {
            functionValue(named: name == "default" ? nil : name, trimmed, context)
            return
        }
        expression(range, context)
        let value = values.value(range, in: file)
        if case .unknown = value { return }
        summary.assignments[name] = value
    }

    /// `export { a, b as c }`, `export { x } from "m"`, `export * from "m"`, `export * as ns from "m"`.
    private func exportList(at k: Int, limit: Int) -> Int {
        let end = statementEnd(from: k, limit: limit)
        let fromIndex = (k..<end).last(where: { file.isWord($0, "from") })
        let module = fromIndex.flatMap { file.stringValue($0 + 1) }
        if file.isOp(k, JSOp.star) {
            if let module {
                let local = file.isWord(k + 1, "as") ? file.text(k + 2) : nil
                recordImport(local: local, module: module, importedName: nil, at: k)
            }
            return after(end)
        }
        for (source, exported) in namedList(file.inner(of: k, limit: end)) {
            if let module {
                recordImport(local: exported, module: module, importedName: source, at: k)
            } else if source != exported, let value = summary.assignments[source] ?? exportable(source) {
                summary.assignments[exported] = value
            }
        }
        return after(end)
    }

    private func exportable(_ name: String) -> ValueExpr? {
        let value = values.name(name, depth: 0)
        if case .unknown = value { return nil }
        return value
    }

    // MARK: - Declarations

    func declaration(at i: Int, limit: Int, _ context: JSContext) -> Int {
        let end = statementEnd(from: i + 1, limit: limit)
        for declarator in file.splitCommas((i + 1)..<end) { self.declarator(declarator, context) }
        return after(end)
    }

    private func declarator(_ range: Range<Int>, _ context: JSContext) {
        guard let assign = file.firstTopLevel(range, where: { file.isOp($0, JSOp.assign) }) else { return }
        let initializer = (assign + 1)..<range.upperBound
        if file.isOp(range.lowerBound, JSOp.openBrace) {
            destructure(file.inner(of: range.lowerBound, limit: assign), from: initializer, at: range.lowerBound, context)
        } else if file.isIdentifier(range.lowerBound) {
            bind(file.text(range.lowerBound), to: initializer, at: range.lowerBound, context)
        } else {
            expression(initializer, context)
        }
    }

    /// `const name = <initializer>`: functions, requires, bot objects, constants.
    func bind(_ name: String, to initializer: Range<Int>, at index: Int, _ context: JSContext) {
        let trimmed = file.trimmed(initializer)
        guard !trimmed.isEmpty else { return }
        if isFunctionValue(trimmed) {
            functionValue(named: name, trimmed, context)
            return
        }
        if let required = requiredModule(trimmed) {
            recordImport(local: name, module: required.module, importedName: required.member, at: index)
            return
        }
        if file.isWord(trimmed.lowerBound, "new") {
            let bot = construction(at: trimmed.lowerBound, limit: trimmed.upperBound, context, boundTo: name).bot
            if context.isModuleScope, let bot { summary.assignments[name] = bot.token }
            if bot == nil { bindings.bind(name, .expression(initializer)) }
            return
        }
        bindings.bind(name, .expression(initializer))
        expression(initializer, context)
        guard context.isModuleScope else { return }
        let value = values.value(initializer, in: file)
        if case .unknown = value { return }
        summary.assignments[name] = value
    }

    /// `require("m")`, `require("m").member`, `await import("m")`.
    private func requiredModule(_ range: Range<Int>) -> (module: String, member: String?)? {
        let start = range.lowerBound
        guard file.isWord(start, "require") || file.isWord(start, "import"), file.isOp(start + 1, JSOp.openParen),
              let module = file.stringValue(start + 2), file.isOp(start + 3, JSOp.closeParen) else { return nil }
        if range.count == 4 { return (module, nil) }
        if range.count == 6, file.isOp(start + 4, JSOp.dot), file.isIdentifier(start + 5) { return (module, file.text(start + 5)) }
        return nil
    }

    /// `const { A, B: b = "x" } = process.env` / `= require("m")` / `= config`.
    private func destructure(_ pattern: Range<Int>, from initializer: Range<Int>, at index: Int, _ context: JSContext) {
        let source = file.trimmed(initializer)
        let required = requiredModule(source)
        let fromEnv = file.isEnvObject(source)
        if required == nil, !fromEnv { expression(initializer, context) }
        for element in file.splitCommas(pattern) {
            guard let entry = destructuredName(element) else { continue }
            if let required {
                recordImport(local: entry.local, module: required.module, importedName: required.member == nil ? entry.key : nil, at: index)
                continue
            }
            let value: ValueExpr = fromEnv
                ? .env(entry.key, default: entry.fallback.flatMap { file.stringValue($0.lowerBound) })
                : .attribute(base: file.sourceText(source), name: entry.key)
            bindings.bind(entry.local, .value(value))
            if context.isModuleScope { summary.assignments[entry.local] = value }
        }
    }

    /// `key`, `key = fallback`, `key: local`, `key: local = fallback`, `"key": local`.
    private func destructuredName(_ element: Range<Int>) -> (key: String, local: String, fallback: Range<Int>?)? {
        let start = element.lowerBound
        guard file.isIdentifier(start) || file.isString(start) else { return nil }
        let key = file.stringValue(start) ?? file.text(start)
        var local = key
        var k = start + 1
        if file.isOp(k, JSOp.colon) {
            guard file.isIdentifier(k + 1) else { return nil }
            local = file.text(k + 1)
            k += 2
        }
        let fallback = file.isOp(k, JSOp.assign) && k + 1 < element.upperBound ? (k + 1)..<element.upperBound : nil
        return (key, local, fallback)
    }

    // MARK: - Assignments

    /// `module.exports = ...`, `exports.x = ...`, `this.bot = new Telegraf(...)`, `bot = ...`.
    /// Returns false when the statement is not a plain assignment.
    func assignment(_ range: Range<Int>, _ context: JSContext) -> Bool {
        guard let target = file.path(at: range.lowerBound, limit: range.upperBound), file.isOp(target.end, JSOp.assign) else { return false }
        let value = (target.end + 1)..<range.upperBound
        let segments = target.segments
        if segments == ["module", "exports"], file.isOp(file.trimmed(value).lowerBound, JSOp.openBrace) {
            exportObject(file.trimmed(value), context)
        } else if let exported = exportedName(segments) {
            assignExport(exported, value: value, context)
        } else if file.isWord(file.trimmed(value).lowerBound, "new") {
            let trimmed = file.trimmed(value)
            _ = construction(at: trimmed.lowerBound, limit: trimmed.upperBound, context, boundTo: target.joined)
        } else {
            if segments.count == 1 || segments.first == "this" { bindings.bind(target.joined, .expression(value)) }
            expression(value, context)
        }
        return true
    }

    private func exportedName(_ segments: [String]) -> String? {
        if segments == ["module", "exports"] || segments == ["module", "exports", "default"] || segments == ["exports", "default"] {
            return "default"
        }
        if segments.count == 3, segments[0] == "module", segments[1] == "exports" { return segments[2] }
        if segments.count == 2, segments[0] == "exports" { return segments[1] }
        return nil
    }

    /// `module.exports = { bot, start, token: TOKEN }`: renamed entries become assignments.
    private func exportObject(_ object: Range<Int>, _ context: JSContext) {
        for element in file.splitCommas(file.inner(of: object.lowerBound, limit: object.upperBound)) {
            let start = element.lowerBound
            guard file.isIdentifier(start), file.isOp(start + 1, JSOp.colon) else { continue }
            assignExport(file.text(start), value: (start + 2)..<element.upperBound, context)
        }
    }

    /// The value of `key` in an object literal's inside (`key: value` or shorthand `key`).
    func property(_ key: String, inObject inner: Range<Int>) -> Range<Int>? {
        for element in file.splitCommas(inner) {
            let start = element.lowerBound
            guard file.isIdentifier(start) || file.isString(start),
                  (file.stringValue(start) ?? file.text(start)) == key else { continue }
            if element.count == 1 { return element }
            if file.isOp(start + 1, JSOp.colon) { return (start + 2)..<element.upperBound }
        }
        return nil
    }
}
