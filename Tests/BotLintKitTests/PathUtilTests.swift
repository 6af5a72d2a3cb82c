import Testing
@testable import BotLintKit

@Suite struct PathUtilTests {
    /// What `normalize` means, written the slow way: its fast path must agree on every input.
    private func reference(_ path: String) -> String {
        path.split(separator: "/").reduce(into: [Substring]()) { parts, part in
            switch part {
            case ".": break
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }.joined(separator: "/")
    }

    @Test(arguments: [
        ("", ""), ("a", "a"), ("a/b.py", "a/b.py"), (".env", ".env"), ("a/.venv/x", "a/.venv/x"), ("...", "..."),
        ("a/./b", "a/b"), ("./a", "a"), ("a/.", "a"), ("a/../b", "b"), ("../a", "a"), ("a/..", ""), ("a//b", "a/b"),
        ("/a", "a"), ("a/", "a"), ("/", ""), (".", ""), ("..", ""), ("a/b/../../..", ""), ("..a/b..", "..a/b.."),
    ])
    func normalizesPaths(_ input: String, _ expected: String) {
        #expect(PathUtil.normalize(input) == expected)
    }

    @Test func normalizeAgreesWithTheSegmentDefinition() {
        // Every path of up to five characters over the bytes that matter.
        let alphabet: [Character] = ["a", ".", "/"]
        var paths = [""]
        for _ in 0..<5 {
            paths += paths.filter { $0.count == paths.last!.count }.flatMap { p in alphabet.map { p + String($0) } }
        }
        for path in paths {
            #expect(PathUtil.normalize(path) == reference(path), "\(path)")
        }
    }
}

@Suite struct ListedPathsTests {
    @Test func positionsIndexTheGivenOrderEvenWhenUnsorted() {
        let paths = ListedPaths(["b.py", "a.py", "src/x.ts", "a.py"])
        #expect(paths.position(of: "a.py") == 1)
        #expect(paths.position(of: "src/x.ts") == 2)
        #expect(paths.position(of: "c.py") == nil)
        #expect(paths.sorted == ["a.py", "a.py", "b.py", "src/x.ts"])
    }

    @Test func findsAPathUnderAPrefix() {
        let paths = ListedPaths(["app/main.py", "src.txt", "src/bot.ts", "srcs/x.ts", "web/src/y.ts"])
        #expect(paths.containsPath(withPrefix: "src/"))
        #expect(paths.containsPath(withPrefix: "web/src/"))
        #expect(!paths.containsPath(withPrefix: "lib/"))
        #expect(!paths.containsPath(withPrefix: "web/src/z"))
        #expect(!ListedPaths([]).containsPath(withPrefix: "src/"))
    }
}

@Suite struct PythonModuleResolutionTests {
    /// Resolutions are remembered; each is asked for twice, so a remembered answer that ignored
    /// the importer's folder or the process's roots would show.
    @Test func resolutionsDependOnTheImportersFolderAndTheRoots() {
        let paths = ListedPaths(["a/main.py", "a/util.py", "b/main.py", "b/util.py", "lib/util.py", "pkg/__init__.py",
                                 "pkg/sub/mod.py", "src/shared/x.py"])
        let index = RepositoryIndex([], paths: paths)
        for _ in 0..<2 {
            #expect(index.resolvePythonModule("util", from: "a/main.py", roots: []) == "a/util.py")
            #expect(index.resolvePythonModule("util", from: "b/main.py", roots: []) == "b/util.py")
            #expect(index.resolvePythonModule("util", from: "c/main.py", roots: ["lib"]) == "lib/util.py")
            #expect(index.resolvePythonModule("util", from: "c/main.py", roots: []) == nil)
            #expect(index.resolvePythonModule("shared.x", from: "app.py", roots: []) == "src/shared/x.py")
            #expect(index.resolvePythonModule(".sub.mod", from: "pkg/__init__.py", roots: []) == "pkg/sub/mod.py")
            #expect(index.resolvePythonModule("telegram.ext", from: "a/main.py", roots: []) == nil)
        }
    }
}

@Suite struct CaseInsensitiveSearchTests {
    @Test(arguments: [("deploy/crontab", true), ("CRON.d/x", true), ("etc/Cron", true), ("cro", false), ("", false),
                      ("c-r-o-n", false), ("crocron", true), ("été/cron", true), ("acr\u{00F6}n", false)])
    func findsALowercaseNeedleWhateverTheCase(path: String, found: Bool) {
        #expect(PathUtil.containsIgnoringCase(path, "cron") == found)
        #expect(PathUtil.containsIgnoringCase(path, "cron") == path.lowercased().contains("cron"))
    }
}
