import Testing
@testable import BotLintKit

private func parse(_ text: String, path: String = "scripts/start.sh") -> ShellScript {
    ShellParser.parse(text, path: path)
}

private func launches(_ script: ShellScript, _ program: String) -> [ShellCommand] {
    let probes: Set<String> = ["grep", "pgrep", "pkill", "kill", "ps"]
    return script.commands.filter { $0.argv.contains(program) && !probes.contains($0.argv[0]) }
}

@Suite struct ShellParserTests {
    @Test func startBetaGuardWithPsGrep() {
        let script = parse("""
        #!/bin/bash
        if ps aux | grep -E "bot.py" | grep -v grep > /dev/null; then
            echo "Bot already running"
            exit 1
        fi
        python bot.py
        """)
        let bot = launches(script, "bot.py")
        #expect(bot.count == 1)
        #expect(bot.first?.argv == ["python", "bot.py"])
        #expect(bot.first?.singleInstanceGuard?.kind == .pgrep)
        #expect(bot.first?.condition == .always)
        #expect(bot.first?.location == SourceLocation(path: "scripts/start.sh", line: 6, column: 1))
    }

    @Test func twoBackgroundStartsAreTwoCommands() {
        let script = parse("python bot.py &\npython bot.py &\nwait\n")
        let bot = launches(script, "bot.py")
        #expect(bot.count == 2)
        #expect(bot.allSatisfy { $0.background && $0.singleInstanceGuard == nil && $0.loop == nil })
    }

    @Test func nohupWithRedirections() {
        let script = parse("nohup python3 bot.py > bot.log 2>&1 &\n")
        #expect(script.commands.count == 1)
        #expect(script.commands[0].argv == ["nohup", "python3", "bot.py"])
        #expect(script.commands[0].background)
    }

    @Test func whileTrueRestarts() {
        let script = parse("while true; do python bot.py; sleep 5; done\n")
        #expect(launches(script, "bot.py").first?.loop == .restart)
        let colon = parse("while :\ndo\n  node index.js\ndone\n")
        #expect(launches(colon, "index.js").first?.loop == .restart)
        let until = parse("until python bot.py; do echo crashed; sleep 1; done\n")
        #expect(launches(until, "bot.py").first?.loop == .restart)
    }

    @Test func forLoopWithBackgroundRepeats() {
        let script = parse("for i in 1 2; do node index.js & done; wait\n")
        #expect(launches(script, "index.js").first?.loop == .repeated(count: 2))
        let seq = parse("for i in $(seq 1 4); do\n  python bot.py &\ndone\n")
        #expect(launches(seq, "bot.py").first?.loop == .repeated(count: 4))
        let brace = parse("for i in {1..3}; do python bot.py & done\n")
        #expect(launches(brace, "bot.py").first?.loop == .repeated(count: 3))
        let unknown = parse("for i in \"$@\"; do python bot.py & done\n")
        #expect(launches(unknown, "bot.py").first?.loop == .repeated(count: nil))
    }

    @Test func forLoopUsingItsVariableIsUnrolled() {
        let script = parse("for d in alpha beta; do (cd $d && python main.py &); done\n")
        let mains = launches(script, "main.py")
        #expect(mains.map(\.directory) == ["alpha", "beta"])
        #expect(mains.allSatisfy { $0.background })
    }

    @Test func cdAndExecGunicorn() {
        let script = parse("cd backend && exec gunicorn proj.wsgi -w 3\n")
        let gunicorn = launches(script, "gunicorn").first
        #expect(gunicorn?.argv == ["gunicorn", "proj.wsgi", "-w", "3"])
        #expect(gunicorn?.isExec == true)
        #expect(gunicorn?.directory == "backend")
    }

    @Test func cdToScriptFolderAndPushd() {
        let script = parse("""
        cd "$(dirname "$0")"
        cd ../app
        python run.py
        pushd worker
        python w.py
        popd
        python again.py
        """)
        #expect(launches(script, "run.py").first?.directory == "../app")
        #expect(launches(script, "w.py").first?.directory == "../app/worker")
        #expect(launches(script, "again.py").first?.directory == "../app")
    }

    @Test func setAllexportSourcesEnvFile() {
        let script = parse("set -a; . ./.env; set +a\nexport $(grep -v '^#' config/prod.env | xargs)\nsource venv/bin/activate\n")
        #expect(script.sourcedFiles == [".env", "config/prod.env"])
    }

    @Test func exportsAndExpansion() {
        let script = parse("""
        export MODE=polling
        APP_DIR=src
        export TOKEN=$BOT_TOKEN
        python $APP_DIR/bot.py --port $PORT --mode ${MODE:-webhook} ${LEVEL:-info}
        """)
        #expect(script.exports.map(\.name) == ["MODE", "APP_DIR", "TOKEN"])
        // An unknown variable copied whole is kept as a reference, so the linker can follow it.
        #expect(script.exports.map(\.value) == ["polling", "src", "${BOT_TOKEN}"])
        #expect(script.exports[1].location == SourceLocation(path: "scripts/start.sh", line: 2, column: 1))
        #expect(launches(script, "python").first?.argv ==
                ["python", "src/bot.py", "--port", "$PORT", "--mode", "polling", "${LEVEL:-info}"])
    }

    @Test func envPrefixAndQuotes() {
        let script = parse("A=1 B='two words' C=$UNKNOWN python \"my bot.py\" 'it''s' \\$HOME\n")
        let command = script.commands.first
        #expect(command?.argv == ["python", "my bot.py", "its", "$HOME"])
        #expect(command?.envPrefix.map(\.name) == ["A", "B", "C"])
        #expect(command?.envPrefix.map(\.value) == ["1", "two words", nil])
        #expect(script.exports.isEmpty)
    }

    @Test func ifElseModeCondition() {
        let script = parse("""
        if [ "$MODE" = "webhook" ]; then
          gunicorn app:app
        elif [[ $MODE == poll ]]; then
          python poll.py
        else
          python bot.py
        fi
        """)
        let webhook = Condition.envEquals("MODE", "webhook", caseInsensitive: false)
        let poll = Condition.envEquals("MODE", "poll", caseInsensitive: false)
        #expect(launches(script, "gunicorn").first?.condition == webhook)
        #expect(launches(script, "poll.py").first?.condition == .and([.not(webhook), poll]))
        #expect(launches(script, "bot.py").first?.condition == .and([.not(webhook), .not(poll)]))
    }

    @Test func testCommandsAndEarlyExit() {
        let script = parse("""
        [ -z "$BOT_TOKEN" ] && { echo "BOT_TOKEN missing"; exit 1; }
        if test -n "$WEBHOOK_URL"; then
          exec uvicorn app:app
        fi
        exec python bot.py
        """)
        let uvicorn = launches(script, "uvicorn").first
        #expect(uvicorn?.condition == .and([.envSet("BOT_TOKEN"), .envSet("WEBHOOK_URL")]))
        #expect(launches(script, "bot.py").first?.condition == .and([.envSet("BOT_TOKEN"), .not(.envSet("WEBHOOK_URL"))]))
    }

    @Test func defaultsAndCaseAndArguments() {
        let script = parse("""
        if [ "${MODE:-polling}" = "polling" ]; then python poll.py; fi
        case "$1" in
          web|webhook) gunicorn app:app ;;
          *) python bot.py ;;
        esac
        """)
        let mode = Condition.envEquals("MODE", "polling", caseInsensitive: false)
        #expect(launches(script, "poll.py").first?.condition == .or([mode, .not(.envSet("MODE"))]))
        #expect(launches(script, "gunicorn").first?.condition == .or([.argument("web"), .argument("webhook")]))
        #expect(launches(script, "bot.py").first?.condition == .not(.or([.argument("web"), .argument("webhook")])))
    }

    @Test func opaqueConditionKeepsText() {
        let script = parse("if [ -f config.yml ]; then python bot.py; fi\n")
        #expect(launches(script, "bot.py").first?.condition == .opaque("-f config.yml"))
        let known = parse("MODE=webhook\nif [ \"$MODE\" = polling ]; then python poll.py; fi\n")
        #expect(launches(known, "poll.py").first?.condition == .never)
    }

    @Test func tmuxAndScreenAreUnwrapped() {
        let script = parse("""
        tmux new-session -d -s bot 'cd bot && python3 main.py'
        screen -dmS worker python3 worker.py
        screen -S x -dm bash -c "node index.js"
        tmux send-keys -t bot "python3 other.py" Enter
        """)
        let main = launches(script, "main.py").first
        #expect(main?.argv == ["python3", "main.py"])
        #expect(main?.directory == "bot")
        #expect(main?.background == true)
        #expect(main?.location == SourceLocation(path: "scripts/start.sh", line: 1, column: 39))
        #expect(launches(script, "worker.py").first?.argv == ["python3", "worker.py"])
        #expect(launches(script, "worker.py").first?.background == true)
        #expect(launches(script, "index.js").first?.background == true)
        #expect(launches(script, "other.py").first?.background == true)
        #expect(!script.commands.contains { $0.argv.first == "tmux" || $0.argv.first == "screen" })
    }

    @Test func bashDashCIsUnwrapped() {
        let script = parse("bash -c \"python bot.py\"\nexec sh -c 'python web.py'\n")
        #expect(script.commands.map(\.argv) == [["python", "bot.py"], ["python", "web.py"]])
        #expect(script.commands[1].isExec)
        #expect(script.commands[0].location == SourceLocation(path: "scripts/start.sh", line: 1, column: 10))
    }

    @Test func functionsRunWhereCalled() {
        let script = parse("""
        start() {
          python bot.py
        }
        unused() { node other.js; }
        function web {
          gunicorn app:app
        }
        start &
        """)
        #expect(launches(script, "bot.py").first?.background == true)
        #expect(launches(script, "other.js").isEmpty)
        #expect(launches(script, "gunicorn").isEmpty)
    }

    @Test func flockGuards() {
        let script = parse("flock -n /tmp/bot.lock python bot.py\nflock -xn /tmp/b.lock node a.js\n")
        #expect(script.commands.allSatisfy { $0.singleInstanceGuard?.kind == .flock })
        let fd = parse("""
        exec 200>/var/lock/bot.lock
        flock -n 200 || exit 1
        python bot.py
        """)
        #expect(fd.commands.count == 2)
        #expect(launches(fd, "bot.py").first?.singleInstanceGuard?.kind == .flock)
        #expect(launches(fd, "bot.py").first?.singleInstanceGuard?.location.line == 2)
    }

    @Test func pgrepPidFileAndPkillGuards() {
        let pgrep = parse("pgrep -f bot.py && exit 0\npython bot.py\n")
        #expect(launches(pgrep, "bot.py").first?.singleInstanceGuard?.kind == .pgrep)
        let orStart = parse("pgrep -f bot.py > /dev/null || nohup python bot.py &\n")
        #expect(launches(orStart, "bot.py").first?.singleInstanceGuard?.kind == .pgrep)
        let pid = parse("""
        if [ -f bot.pid ] && kill -0 "$(cat bot.pid)" 2>/dev/null; then
          echo running; exit 1
        fi
        python bot.py & echo $! > bot.pid
        """)
        #expect(launches(pid, "bot.py").first?.singleInstanceGuard?.kind == .pidFile)
        let pkill = parse("pkill -f bot.py\nsleep 1\npython bot.py &\n")
        #expect(launches(pkill, "bot.py").first?.singleInstanceGuard?.kind == .pkill)
        let none = parse("if pgrep -f bot.py; then echo running; fi\npython bot.py\n")
        #expect(launches(none, "bot.py").first?.singleInstanceGuard == nil)
        let elseBranch = parse("if pgrep -f bot.py >/dev/null; then echo up; else python bot.py & fi\n")
        #expect(launches(elseBranch, "bot.py").first?.singleInstanceGuard?.kind == .pgrep)
    }

    @Test func heredocsAreData() {
        let script = parse("""
        cat <<EOF > config.ini
        python not_a_command.py
        EOF
        cat <<-'END'
        \tnode nope.js
        \tEND
        python bot.py
        """)
        #expect(launches(script, "not_a_command.py").isEmpty)
        #expect(launches(script, "nope.js").isEmpty)
        #expect(launches(script, "bot.py").first?.location.line == 7)
    }

    @Test func commentsContinuationsAndSubstitutions() {
        let script = parse("""
        # python commented.py
        python \\
          bot.py --id "$(date +%s)" `hostname` # trailing
        """)
        #expect(script.commands.count == 1)
        #expect(script.commands[0].argv == ["python", "bot.py", "--id", "$(date +%s)", "`hostname`"])
    }

    @Test func embeddedCommandLineLocations() {
        let script = ShellParser.parse("cd app && python bot.py", path: "Procfile", firstLine: 3, firstColumn: 7)
        #expect(script.commands.first?.location == SourceLocation(path: "Procfile", line: 3, column: 17))
    }

    @Test func problemsAreReportedAndRestIsRead() {
        let result = ShellParser.parseReportingProblems("python a.py\necho 'unterminated\n", path: "x.sh")
        #expect(result.script.commands.first?.argv == ["python", "a.py"])
        #expect(result.problems.first?.format == "shell")
        #expect(result.problems.first?.location.line == 2)
        let stray = ShellParser.parseReportingProblems("fi\npython b.py\n", path: "x.sh")
        #expect(stray.problems.count == 1)
        #expect(stray.script.commands.first?.argv == ["python", "b.py"])
    }

    @Test func hostileInputNeverCrashes() {
        let deep = String(repeating: "(", count: 10_000) + "python bot.py"
        let result = ShellParser.parseReportingProblems(deep, path: "x.sh")
        #expect(!result.problems.isEmpty)
        _ = ShellParser.parse(String(repeating: "$(", count: 10_000), path: "x.sh")
        _ = ShellParser.parse(String(repeating: "{ ", count: 5_000), path: "x.sh")
        _ = ShellParser.parse("cat <<EOF\nno end", path: "x.sh")
        _ = ShellParser.parse("f() { f; }; f", path: "x.sh")
        _ = ShellParser.parse("case $x in\n a) echo;;\n", path: "x.sh")
        var generator = SeededGenerator(seed: 42)
        let alphabet = Array("ab $'\"`\\(){}[];&|<>\n#=!*0-9".utf8) + [0xFF, 0xC3]
        for _ in 0..<200 {
            let bytes = (0..<200).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            _ = ShellParser.parse(String(decoding: bytes, as: UTF8.self), path: "fuzz.sh")
        }
    }
}

