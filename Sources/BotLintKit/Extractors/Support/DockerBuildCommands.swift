/// Reads compile steps in a Dockerfile `RUN` line: `go build -o /bot ./cmd/bot`,
/// `cargo build --release --bin bot`, `dotnet publish Bot/Bot.csproj -o out`,
/// `swift build -c release --product Bot`.
enum DockerBuildCommands {
    static func programs(in commandLine: String, path: String) -> [BuiltProgram] {
        ShellParser.parse(commandLine, path: path).commands.compactMap { program($0.argv) }
    }

    private static func program(_ argv: [String]) -> BuiltProgram? {
        guard let tool = argv.first.map(ShellNames.basename), argv.count >= 2 else { return nil }
        let args = argv.dropFirst(2)
        switch (tool, argv[1]) {
        case ("go", "build"), ("go", "install"):
            let parsed = LaunchArguments(args, valued: ["-o", "-tags", "-ldflags", "-gcflags", "-mod", "-p", "-C", "-trimpath"],
                                         stopAtFirstPositional: false)
            let package = parsed.rest.first ?? "."
            // Without -o, go build names the binary after the package folder.
            let output = parsed.value("-o").map(ShellNames.basename)
                ?? ShellNames.basename(package == "." || package.hasSuffix(".go") ? "" : package)
            return BuiltProgram(output: output, launch: ProgramLaunch(kind: .goPackage, path: package))
        case ("cargo", "build"), ("cargo", "install"):
            let parsed = LaunchArguments(args, valued: ["--bin", "-p", "--package", "--manifest-path", "--features", "-F",
                                                        "--profile", "--target", "-j", "--root", "--path"],
                                         stopAtFirstPositional: false)
            let bin = parsed.value("--bin") ?? parsed.value("-p", "--package")
            let crate = parsed.value("--manifest-path").map(PathUtil.directory(of:)) ?? parsed.value("--path") ?? "."
            return BuiltProgram(output: bin ?? "", launch: ProgramLaunch(kind: .cargoBinary, path: crate.isEmpty ? "." : crate, name: bin))
        case ("dotnet", "publish"), ("dotnet", "build"):
            let parsed = LaunchArguments(args, valued: ["-o", "--output", "-c", "--configuration", "-r", "--runtime", "-f",
                                                        "--framework", "-p"], stopAtFirstPositional: false)
            let project = parsed.rest.first ?? "."
            let name = ShellNames.basename(project).replacing(".csproj", with: "")
            return BuiltProgram(output: name + ".dll", launch: ProgramLaunch(kind: .dotnetProject, path: project))
        case ("swift", "build"):
            let parsed = LaunchArguments(args, valued: ["-c", "--configuration", "--product", "--package-path", "-Xswiftc",
                                                        "--scratch-path"], stopAtFirstPositional: false)
            let product = parsed.value("--product")
            return BuiltProgram(output: product ?? "", launch: ProgramLaunch(kind: .swiftProduct, path: parsed.value("--package-path") ?? ".",
                                                                             name: product))
        default:
            return nil
        }
    }
}
