/// Reads commands of the compiled and scripting ecosystems besides Python and Node: `go run`,
/// `cargo run`, `java -jar`, Gradle and Maven run tasks, `dotnet run`, `php`, `php artisan`, PHP
/// web servers, `ruby`, `rake`, `rails`, `puma`, `swift run`, and built binaries by path.
enum EcosystemLaunch {
    /// Program names this reader handles (after wrappers such as `bundle exec` are taken off).
    static let programs: Set<String> = [
        "go", "cargo", "java", "gradle", "gradlew", "mvn", "mvnw", "dotnet", "php", "heroku-php-apache2", "heroku-php-nginx",
        "php-fpm", "apache2-foreground", "frankenphp", "ruby", "rake", "rails", "puma", "rackup", "unicorn", "swift",
    ]

    static func target(_ argv: [String]) -> LaunchTarget {
        let name = ShellNames.basename(argv[0])
        let args = Array(argv.dropFirst())
        switch name {
        case "go": return go(args)
        case "cargo": return cargo(args)
        case "java": return java(args)
        case "gradle", "gradlew": return gradle(args)
        case "mvn", "mvnw": return maven(args)
        case "dotnet": return dotnet(args)
        case "php": return php(args)
        case "heroku-php-apache2", "heroku-php-nginx":
            let parsed = LaunchArguments(args[...], valued: ["-C", "-F", "-i", "-l", "-p"])
            return .program(ProgramLaunch(kind: .phpWebServer, path: parsed.rest.first ?? "."))
        case "php-fpm", "apache2-foreground", "frankenphp":
            return .program(ProgramLaunch(kind: .phpWebServer, path: "public"))
        case "ruby": return ruby(args)
        case "rake": return rake(args)
        case "rails": return rails(args)
        case "puma", "rackup", "unicorn": return .program(ProgramLaunch(kind: .railsApp, path: "."))
        case "swift": return swift(args)
        default: return .unknown(argv[0])
        }
    }

    /// `go run ./cmd/bot`, `go run .`, `go run main.go`; build and tooling subcommands start nothing.
    private static func go(_ args: [String]) -> LaunchTarget {
        guard args.first == "run" else { return .notALaunch }
        let parsed = LaunchArguments(args.dropFirst(), valued: ["-tags", "-ldflags", "-gcflags", "-mod", "-exec", "-o", "-p", "-C"])
        guard let package = parsed.rest.first else { return .program(ProgramLaunch(kind: .goPackage, path: ".")) }
        return .program(ProgramLaunch(kind: .goPackage, path: package, args: Array(parsed.rest.dropFirst())))
    }

    /// `cargo run [--release] [--bin bot | -p crate] [--manifest-path x/Cargo.toml] [-- args]`.
    private static func cargo(_ args: [String]) -> LaunchTarget {
        guard args.first == "run" || args.first == "r" else { return .notALaunch }
        let parsed = LaunchArguments(args.dropFirst(), valued: ["--bin", "-p", "--package", "--manifest-path", "--features", "-F",
                                                                "--profile", "--target", "-j", "--jobs", "--example"],
                                     stopAtFirstPositional: false)
        let manifest = parsed.value("--manifest-path").map(PathUtil.directory(of:))
        return .program(ProgramLaunch(kind: .cargoBinary, path: manifest.map { $0.isEmpty ? "." : $0 } ?? ".",
                                      name: parsed.value("--bin") ?? parsed.value("-p", "--package")))
    }

    /// `java [options] -jar app.jar`, `java -cp app.jar com.example.Main`.
    private static func java(_ args: [String]) -> LaunchTarget {
        var index = 0
        while index < args.count {
            let arg = args[index]
            if arg == "-jar" { return index + 1 < args.count ? .program(ProgramLaunch(kind: .jvmApplication, path: args[index + 1])) : .notALaunch }
            if ["-cp", "-classpath", "--class-path", "-p", "--module-path"].contains(arg) { index += 2; continue }
            if arg.hasPrefix("-") { index += 1; continue }
            return .program(ProgramLaunch(kind: .jvmApplication, path: ".", name: arg))
        }
        return .notALaunch
    }

    /// `./gradlew bootRun`, `gradle run`, `./gradlew :bot:bootRun`.
    private static func gradle(_ args: [String]) -> LaunchTarget {
        let parsed = LaunchArguments(args[...], valued: ["-p", "--project-dir", "-b", "--build-file", "-P", "-D", "-x"],
                                     stopAtFirstPositional: false)
        guard let task = parsed.rest.first(where: { $0.hasSuffix("bootRun") || $0 == "run" || $0.hasSuffix(":run") }) else {
            return .notALaunch
        }
        let module = task.split(separator: ":").dropLast().joined(separator: "/")
        return .program(ProgramLaunch(kind: .jvmApplication, path: parsed.value("-p", "--project-dir") ?? (module.isEmpty ? "." : module)))
    }

    /// `mvn spring-boot:run`, `./mvnw -pl bot spring-boot:run`, `mvn exec:java`.
    private static func maven(_ args: [String]) -> LaunchTarget {
        let parsed = LaunchArguments(args[...], valued: ["-pl", "--projects", "-f", "--file", "-P", "-s"], stopAtFirstPositional: false)
        guard parsed.rest.contains(where: { $0 == "spring-boot:run" || $0 == "exec:java" || $0 == "quarkus:dev" }) else { return .notALaunch }
        let module = parsed.value("-pl", "--projects") ?? parsed.value("-f", "--file").map(PathUtil.directory(of:))
        return .program(ProgramLaunch(kind: .jvmApplication, path: module.map { $0.isEmpty ? "." : $0 } ?? "."))
    }

    /// `dotnet run --project Bot`, `dotnet watch run`, `dotnet Bot.dll`.
    private static func dotnet(_ args: [String]) -> LaunchTarget {
        var rest = args[...]
        if rest.first == "watch" { rest = rest.dropFirst() }
        if rest.first == "run" {
            let parsed = LaunchArguments(rest.dropFirst(), valued: ["--project", "-p", "-c", "--configuration", "-f", "--framework",
                                                                    "-r", "--runtime", "--launch-profile", "-lp"])
            return .program(ProgramLaunch(kind: .dotnetProject, path: parsed.value("--project", "-p") ?? ".", args: parsed.rest))
        }
        if let dll = rest.first, dll.lowercased().hasSuffix(".dll") {
            return .program(ProgramLaunch(kind: .dotnetProject, path: dll, args: Array(rest.dropFirst())))
        }
        return .notALaunch
    }

    /// `php bot.php`, `php artisan telegram:poll`, `php -S 0.0.0.0:8080 -t public`.
    private static func php(_ args: [String]) -> LaunchTarget {
        let parsed = LaunchArguments(args[...], valued: ["-c", "-d", "-S", "-t", "-f", "-z"])
        if parsed.has("-S") { return .program(ProgramLaunch(kind: .phpWebServer, path: parsed.value("-t") ?? ".")) }
        guard let script = parsed.value("-f") ?? parsed.rest.first else { return .notALaunch }
        let scriptArgs = parsed.value("-f") != nil ? parsed.rest : Array(parsed.rest.dropFirst())
        if ShellNames.basename(script) == "artisan" {
            guard let command = scriptArgs.first else { return .notALaunch }
            if command == "serve" || command == "octane:start" { return .program(ProgramLaunch(kind: .phpWebServer, path: "public")) }
            return .program(ProgramLaunch(kind: .artisanCommand, path: script, name: command, args: Array(scriptArgs.dropFirst())))
        }
        return .program(ProgramLaunch(kind: .phpScript, path: script, args: scriptArgs))
    }

    private static func ruby(_ args: [String]) -> LaunchTarget {
        let parsed = LaunchArguments(args[...], valued: ["-I", "-r", "-C", "-E"])
        guard let script = parsed.rest.first, !parsed.has("-e") else { return .notALaunch }
        return .program(ProgramLaunch(kind: .rubyScript, path: script, args: Array(parsed.rest.dropFirst())))
    }

    /// `rake telegram:bot:poller`; `db:migrate`, `assets:precompile` and friends start nothing.
    private static func rake(_ args: [String]) -> LaunchTarget {
        let parsed = LaunchArguments(args[...], valued: ["-f", "--rakefile", "-I", "-C", "--directory"], stopAtFirstPositional: false)
        guard let task = parsed.rest.first(where: { !$0.contains("=") }) else { return .notALaunch }
        if ["db:", "assets:", "webpacker:", "tmp:", "log:", "test", "spec"].contains(where: { task.hasPrefix($0) }) { return .notALaunch }
        return .program(ProgramLaunch(kind: .rakeTask, path: ".", name: task, args: parsed.rest))
    }

    /// `rails server`, `rails s`, `rails runner "Bot.start"`, `rails telegram:bot:poller`.
    private static func rails(_ args: [String]) -> LaunchTarget {
        guard let command = args.first else { return .notALaunch }
        switch command {
        case "server", "s":
            return .program(ProgramLaunch(kind: .railsApp, path: "."))
        case "runner", "r":
            let parsed = LaunchArguments(args.dropFirst(), valued: ["-e", "--environment"])
            return .program(ProgramLaunch(kind: .railsApp, path: ".", name: parsed.rest.first))
        case _ where command.contains(":") && !command.hasPrefix("db:") && !command.hasPrefix("assets:"):
            return rake(args)
        default:
            return .notALaunch
        }
    }

    /// `swift run [Product]`, `swift run -c release Bot`.
    private static func swift(_ args: [String]) -> LaunchTarget {
        guard args.first == "run" else { return args.first.map { PathUtil.fileExtension($0) == "swift" } == true ? .unknown("swift") : .notALaunch }
        let parsed = LaunchArguments(args.dropFirst(), valued: ["-c", "--configuration", "--package-path", "--scratch-path", "-Xswiftc"])
        return .program(ProgramLaunch(kind: .swiftProduct, path: parsed.value("--package-path") ?? ".", name: parsed.rest.first))
    }

    /// `./bot`, `/app/server`, `bin/bot`, `./target/release/bot`, `.build/release/Bot`: a compiled
    /// program when the name has no script extension.
    static func builtBinary(_ path: String, args: [String]) -> LaunchTarget? {
        let name = ShellNames.basename(path)
        guard path.contains("/"), PathUtil.fileExtension(name).isEmpty || PathUtil.fileExtension(name) == "exe" else { return nil }
        if name == "rails" || name == "rake" { return nil }
        return .program(ProgramLaunch(kind: .builtBinary, path: path, args: args))
    }
}
