/// What a name in the file stands for, as far as the scanner tracks it. One flat table for the
/// whole file (latest declaration wins): bot files rarely shadow the names that matter.
struct JSBindings {
    enum Binding {
        /// A declaration's initializer, as a token range of the file.
        case expression(Range<Int>)
        /// A value known directly: a destructured env var, an imported name.
        case value(ValueExpr)
    }

    private(set) var names: [String: Binding] = [:]
    /// Bot objects by receiver path (`bot`, `this.bot`).
    private(set) var bots: [String: JSBotObject] = [:]
    /// First segments of `bots` keys: most calls are on other objects and stop here.
    private(set) var botRoots: Set<String> = []
    /// Names bound to a library export (`TelegramBot`, `Telegraf`, `run`, `dotenv`), with the
    /// module for namespace lookups (`grammy.Bot`).
    private(set) var libraryNames: [String: (module: String, importedName: String?)] = [:]
    /// Local names imported from other files of the repository (`./bot`, `@/bot`), not packages.
    private(set) var relativeImports: Set<String> = []
    /// Variables holding an instance of a class (`const service = new BotService()`).
    private(set) var instances: [String: String] = [:]

    mutating func bind(_ name: String, _ binding: Binding) { names[name] = binding }
    mutating func bindBot(_ path: String, _ bot: JSBotObject) {
        bots[path] = bot
        botRoots.insert(String(path.prefix { $0 != "." }))
    }
    mutating func bindInstance(_ name: String, of className: String) { instances[name] = className }

    mutating func bindImport(local: String, module: String, importedName: String?) {
        if JavaScriptLibraryCatalog.family(of: module) != nil {
            libraryNames[local] = (module, importedName)
            return
        }
        names[local] = .value(.symbol(local))
        if Self.isRepositoryModule(module) { relativeImports.insert(local) }
    }

    /// Relative paths and the usual in-repository aliases (`@/`, `~/`, `#` subpath imports);
    /// bare names (`express`), `node:` builtins and URLs are packages.
    static func isRepositoryModule(_ module: String) -> Bool {
        ["./", "../", "/", "@/", "~/", "#", "src/"].contains { module.hasPrefix($0) } || module == "." || module == ".."
    }

    /// The library export a callee path names: `Telegraf`, `tg.Telegraf`, `require("telegraf")`.
    func libraryExport(_ path: [String]) -> JSLibraryExport? {
        guard let root = path.first, let entry = libraryNames[root] else { return nil }
        switch path.count {
        case 1: return JavaScriptLibraryCatalog.export(module: entry.module, importedName: entry.importedName)
        case 2 where entry.importedName == nil || entry.importedName == "default":
            return JavaScriptLibraryCatalog.export(module: entry.module, importedName: path[1])
        default: return nil
        }
    }

    /// The families of the Telegram libraries this file imports.
    var importedFamilies: Set<JavaScriptLibraryCatalog.Family> {
        Set(libraryNames.values.compactMap { JavaScriptLibraryCatalog.family(of: $0.module) })
    }
}

/// A bot object made by a library constructor in this file.
struct JSBotObject: Sendable {
    var kind: JSBotKind
    var token: ValueExpr
}
