import Testing
@testable import BotLintKit

private func resolve(_ line: String) -> ResolvedLaunch {
    LaunchResolver.resolveAll(line, path: "Procfile").last?.launch ?? ResolvedLaunch(target: .unknown("nothing parsed"))
}

private func target(_ line: String) -> LaunchTarget { resolve(line).target }

@Suite struct LaunchResolverTests {
    static let bot = LaunchTarget.pythonScript(path: "bot.py", args: [])

    @Test(arguments: [
        "exec python bot.py", "nohup python bot.py", "time python bot.py", "timeout -s KILL 3600 python bot.py",
        "timeout 1h python bot.py", "nice -n 10 python bot.py", "ionice -c 3 python bot.py", "stdbuf -oL python bot.py",
        "env -i python bot.py", "setsid python bot.py", "chpst -u bot python bot.py", "sudo -u bot -E python bot.py",
        "runuser -u bot -- python bot.py", "poetry run python bot.py", "pipenv run python bot.py",
        "uv run python bot.py", "uv run bot.py", "pdm run python bot.py", "hatch run python bot.py",
        "hatch run prod:python bot.py", "rye run python bot.py", "conda run -n env --no-capture-output python bot.py",
        "pixi run python bot.py", "newrelic-admin run-program python bot.py", "ddtrace-run python bot.py",
        "opentelemetry-instrument --traces_exporter console python bot.py", "xvfb-run -a python bot.py",
        "doppler run -- python bot.py", "infisical run --env=prod -- python bot.py", "op run -- python bot.py",
        "aws-vault exec prod -- python bot.py", "watchmedo auto-restart -d . -p '*.py' -R -- python bot.py",
        "python3 -u bot.py", "python3.11 -O bot.py", "py bot.py", ".venv/bin/python bot.py",
        "/usr/bin/env python3 bot.py", "pypy3 -X dev -W ignore -B bot.py", "railway run python bot.py",
        "poetry -C backend run python bot.py",
    ])
    func wrappersAroundPythonScript(line: String) {
        #expect(target(line) == Self.bot)
    }

    @Test func wrapperContributions() {
        let env = resolve("env -i A=1 B=two python bot.py")
        #expect(env.env.map(\.name) == ["A", "B"])
        #expect(env.env.map(\.value) == ["1", "two"])
        #expect(resolve("cross-env NODE_ENV=production node index.js").env.first?.value == "production")
        #expect(resolve("MODE=polling python bot.py").env.first?.name == "MODE")
        #expect(resolve("dotenv -e .env.prod -- node index.js").envFiles == [".env.prod"])
        #expect(resolve("dotenv -- node index.js").envFiles == [".env"])
        #expect(resolve("dotenv -f config.env run python bot.py").target == Self.bot)
        #expect(resolve("dotenvx run -f .env.production -- node index.js").envFiles == [".env.production"])
        #expect(resolve("uv run --env-file .env python bot.py").envFiles == [".env"])
        #expect(resolve("flock -n /tmp/bot.lock python bot.py").singleInstanceGuard?.kind == .flock)
        #expect(resolve("flock -w 0 /tmp/bot.lock python bot.py").singleInstanceGuard?.kind == .flock)
        #expect(resolve("flock /tmp/bot.lock python bot.py").singleInstanceGuard == nil)
        #expect(resolve("flock /tmp/bot.lock python bot.py").target == Self.bot)
        #expect(resolve("run-one python bot.py").singleInstanceGuard?.kind == .flock)
        #expect(resolve("honcho run python bot.py").envFiles == [".env"])
    }

    @Test func pythonTargets() {
        #expect(target("python -m app.main --debug") == .pythonModule(module: "app.main", args: ["--debug"]))
        #expect(target("python bot.py --token-env X") == .pythonScript(path: "bot.py", args: ["--token-env", "X"]))
        #expect(target("python manage.py runbot --verbose") ==
                .djangoManage(command: "runbot", args: ["--verbose"], managePath: "manage.py"))
        #expect(target("./manage.py runserver 0.0.0.0:8000") ==
                .djangoManage(command: "runserver", args: ["0.0.0.0:8000"], managePath: "./manage.py"))
        #expect(target("django-admin runbot") == .djangoManage(command: "runbot", args: [], managePath: ""))
        for maintenance in ["migrate", "collectstatic --noinput", "createsuperuser", "check", "compilemessages"] {
            #expect(target("python manage.py \(maintenance)") == .notALaunch)
        }
        #expect(target("python -m pip install -r requirements.txt") == .notALaunch)
        #expect(target("python -c 'print(1)'") == .unknown("python -c"))
        #expect(target("./bot.py") == .pythonScript(path: "./bot.py", args: []))
        #expect(target("python -m celery -A proj worker") == .unknown("celery"))
    }

    @Test func webServers() {
        #expect(target("gunicorn proj.wsgi -w 3") == .pythonWebServer(
            server: "gunicorn", app: "proj.wsgi", workers: WorkerCount(count: 3), preload: false, reload: false))
        #expect(target("gunicorn --workers=4 --preload -k uvicorn.workers.UvicornWorker --bind 0.0.0.0:$PORT app:app") ==
                .pythonWebServer(server: "gunicorn", app: "app:app", workers: WorkerCount(count: 4), preload: true, reload: false))
        #expect(target("gunicorn -c python:app.gunicorn_config --reload app:app") == .pythonWebServer(
            server: "gunicorn", app: "app:app",
            workers: WorkerCount(count: nil, fromEnv: "WEB_CONCURRENCY", configFile: "python:app.gunicorn_config"),
            preload: false, reload: true))
        #expect(target("gunicorn app:app") == .pythonWebServer(
            server: "gunicorn", app: "app:app",
            workers: WorkerCount(count: nil, fromEnv: "WEB_CONCURRENCY", configFile: "gunicorn.conf.py"),
            preload: false, reload: false))
        #expect(target("gunicorn -w $WEB_CONCURRENCY app:app") == .pythonWebServer(
            server: "gunicorn", app: "app:app", workers: WorkerCount(count: nil, fromEnv: "WEB_CONCURRENCY"),
            preload: false, reload: false))
        #expect(target("python -m gunicorn -w ${WORKERS:-2} app:app") == .pythonWebServer(
            server: "gunicorn", app: "app:app", workers: WorkerCount(count: 2, fromEnv: "WORKERS"), preload: false, reload: false))
        #expect(target("uvicorn main:app --host 0.0.0.0 --port 8000 --workers 2 --reload") == .pythonWebServer(
            server: "uvicorn", app: "main:app", workers: WorkerCount(count: 2), preload: false, reload: true))
        #expect(target("python -m uvicorn main:app") == .pythonWebServer(
            server: "uvicorn", app: "main:app", workers: WorkerCount(count: nil, fromEnv: "WEB_CONCURRENCY"),
            preload: false, reload: false))
        #expect(resolve("uvicorn main:app --env-file .env.prod").envFiles == [".env.prod"])
        #expect(target("hypercorn -w 2 app:app") == .pythonWebServer(
            server: "hypercorn", app: "app:app", workers: WorkerCount(count: 2), preload: false, reload: false))
        #expect(target("daphne -b 0.0.0.0 -p 8000 proj.asgi:application") == .pythonWebServer(
            server: "daphne", app: "proj.asgi:application", workers: WorkerCount(count: 1), preload: false, reload: false))
        #expect(target("waitress-serve --port=8080 app:app") == .pythonWebServer(
            server: "waitress-serve", app: "app:app", workers: WorkerCount(count: 1), preload: false, reload: false))
    }

    @Test func flask() {
        #expect(target("flask run --host=0.0.0.0") == .flaskRun(app: nil, reload: false))
        #expect(target("flask --app bot run --debug") == .flaskRun(app: "bot", reload: true))
        #expect(target("python -m flask run --reload") == .flaskRun(app: nil, reload: true))
        #expect(target("flask db upgrade") == .notALaunch)
    }

    @Test func nodeTargets() {
        #expect(target("node index.js") == .nodeScript(path: "index.js", args: [], watch: false))
        #expect(target("node .") == .nodeScript(path: ".", args: [], watch: false))
        #expect(target("node --watch src/bot.js") == .nodeScript(path: "src/bot.js", args: [], watch: true))
        let dotenv = resolve("node -r dotenv/config dist/index.js")
        #expect(dotenv.envFiles == [".env"])
        #expect(dotenv.target == .nodeScript(path: "dist/index.js", args: [], watch: false))
        #expect(resolve("node --env-file=.env.prod x.js").envFiles == [".env.prod"])
        #expect(target("ts-node -r tsconfig-paths/register src/index.ts") == .nodeScript(path: "src/index.ts", args: [], watch: false))
        #expect(target("ts-node-dev --respawn --transpile-only src/index.ts") == .nodeScript(path: "src/index.ts", args: [], watch: true))
        #expect(target("tsx watch src/bot.ts") == .nodeScript(path: "src/bot.ts", args: [], watch: true))
        #expect(target("npx tsx src/bot.ts") == .nodeScript(path: "src/bot.ts", args: [], watch: false))
        #expect(target("nodemon bot.js") == .nodeScript(path: "bot.js", args: [], watch: true))
        #expect(target("nodemon") == .nodeScript(path: ".", args: [], watch: true))
        #expect(target("nodemon --exec ts-node src/index.ts") == .nodeScript(path: "src/index.ts", args: [], watch: true))
        #expect(target("bun run src/index.ts") == .nodeScript(path: "src/index.ts", args: [], watch: false))
        #expect(target("bun --watch index.ts") == .nodeScript(path: "index.ts", args: [], watch: true))
        #expect(target("deno run -A --watch main.ts") == .nodeScript(path: "main.ts", args: [], watch: true))
        #expect(target("pnpm exec ts-node bot.ts") == .nodeScript(path: "bot.ts", args: [], watch: false))
        #expect(target("bunx tsx bot.ts") == .nodeScript(path: "bot.ts", args: [], watch: false))
        #expect(target("yarn exec node bot.js") == .nodeScript(path: "bot.js", args: [], watch: false))
    }

    @Test(arguments: [
        ("npm start", "start"), ("npm run bot", "bot"), ("npm run-script start:prod", "start:prod"),
        ("yarn dev", "dev"), ("yarn start", "start"), ("yarn run bot", "bot"), ("pnpm bot", "bot"),
        ("pnpm run dev", "dev"), ("bun run dev", "dev"), ("npm --prefix backend run start", "start"),
        ("pnpm --filter api start", "start"), ("npm run start -- --port 3000", "start"), ("deno task start", "start"),
    ])
    func packageScripts(line: String, name: String) {
        #expect(target(line) == .packageScript(name: name))
    }

    @Test func shellAndManagers() {
        #expect(target("sh start.sh") == .shellScript(path: "start.sh", args: []))
        #expect(target("bash -e scripts/run.sh prod") == .shellScript(path: "scripts/run.sh", args: ["prod"]))
        #expect(target("./start.sh") == .shellScript(path: "./start.sh", args: []))
        #expect(target("source x.sh") == .shellScript(path: "x.sh", args: []))
        let inline = resolve("su bot -c 'python bot.py'")
        #expect(inline.target == .inlineShell("python bot.py"))
        #expect(LaunchResolver.resolve(ShellCommand(argv: ["bash", "-c", "python bot.py"], location: SourceLocation(path: "x")))
                .target == .inlineShell("python bot.py"))
        #expect(target("honcho start") == .procfileManager(process: nil))
        #expect(target("honcho -f Procfile.dev start bot") == .procfileManager(process: "bot"))
        #expect(resolve("foreman start -e prod.env web").envFiles == ["prod.env"])
        #expect(target("foreman start web") == .procfileManager(process: "web"))
        #expect(target("heroku local worker") == .procfileManager(process: "worker"))
        #expect(target("overmind start -l bot") == .procfileManager(process: "bot"))
        #expect(target("hivemind") == .procfileManager(process: nil))
    }

    @Test(arguments: [
        "pip install -r requirements.txt", "echo hi", "sleep 5", "mkdir -p data", "cp a b", "mv a b", "rm -rf x",
        "chmod +x start.sh", "apt-get install -y ffmpeg", "npm install", "npm ci", "npm run build", "yarn build",
        "yarn", "tsc", "alembic upgrade head", "fly deploy", "flyctl deploy", "railway up", "git pull", "curl -s x",
        "wget x", "cat x", "printf x", "test -f x", "kill 1", "pkill -f bot.py", "pgrep bot", "ps aux",
        "grep x y", "docker build .", "npx prisma migrate deploy", "python", "node", "bash",
    ])
    func notLaunches(line: String) {
        #expect(target(line) == .notALaunch)
    }

    @Test func builtinsGivenDirectly() {
        for builtin in ["true", "exit", "wait", "trap", "set", "export", "source"] {
            let command = ShellCommand(argv: [builtin], location: SourceLocation(path: "x"))
            #expect(LaunchResolver.resolve(command).target == .notALaunch)
        }
    }

    @Test func unknownPrograms() {
        #expect(target("docker run bot") == .unknown("docker"))
        #expect(target("celery -A proj worker") == .unknown("celery"))
    }

    @Test func otherEcosystems() {
        func program(_ kind: ProgramLaunch.Kind, _ path: String, _ name: String? = nil, _ args: [String] = []) -> LaunchTarget {
            .program(ProgramLaunch(kind: kind, path: path, name: name, args: args))
        }
        #expect(target("go run ./cmd/bot -v") == program(.goPackage, "./cmd/bot", nil, ["-v"]))
        #expect(target("go run -tags prod .") == program(.goPackage, "."))
        #expect(target("go build -o bot ./cmd/bot") == .notALaunch)
        #expect(target("cargo run --release --bin bot") == program(.cargoBinary, ".", "bot"))
        #expect(target("cargo build --release") == .notALaunch)
        #expect(target("java -Xmx512m -jar target/app.jar") == program(.jvmApplication, "target/app.jar"))
        #expect(target("./gradlew :bot:bootRun") == program(.jvmApplication, "bot"))
        #expect(target("./mvnw spring-boot:run") == program(.jvmApplication, "."))
        #expect(target("mvn package") == .notALaunch)
        #expect(target("dotnet run --project src/Bot -c Release") == program(.dotnetProject, "src/Bot"))
        #expect(target("dotnet Bot.dll") == program(.dotnetProject, "Bot.dll"))
        #expect(target("dotnet ef database update") == .notALaunch)
        #expect(target("php artisan telegram:poll") == program(.artisanCommand, "artisan", "telegram:poll"))
        #expect(target("php artisan serve") == program(.phpWebServer, "public"))
        #expect(target("php -S 0.0.0.0:80 -t web") == program(.phpWebServer, "web"))
        #expect(target("php bot.php --once") == program(.phpScript, "bot.php", nil, ["--once"]))
        #expect(target("heroku-php-apache2 public/") == program(.phpWebServer, "public/"))
        #expect(target("bundle exec ruby bot.rb") == program(.rubyScript, "bot.rb"))
        #expect(target("bundle exec rake telegram:bot:poller") == program(.rakeTask, ".", "telegram:bot:poller", ["telegram:bot:poller"]))
        #expect(target("bundle exec rake db:migrate") == .notALaunch)
        #expect(target("bin/rails server -p 3000") == program(.railsApp, "."))
        #expect(target("swift run -c release Bot") == program(.swiftProduct, ".", "Bot"))
        #expect(target("./bin/server --port 80") == program(.builtBinary, "./bin/server", nil, ["--port", "80"]))
        #expect(target("./target/release/bot") == program(.builtBinary, "./target/release/bot"))
    }

    @Test func resolveAllKeepsOrderAndLocations() {
        let resolved = LaunchResolver.resolveAll("pip install -r r.txt && python bot.py", path: "Procfile",
                                                 firstLine: 2, firstColumn: 8)
        #expect(resolved.map(\.launch.target) == [.notALaunch, Self.bot])
        #expect(resolved.last?.command.location == SourceLocation(path: "Procfile", line: 2, column: 32))
    }
}
