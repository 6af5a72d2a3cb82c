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
