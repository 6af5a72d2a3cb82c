import Testing
@testable import BotLintKit

private func extract(_ text: String, path: String = "deploy/crontab") -> FileAnalysis {
    let file = SourceFile(path: path, bytes: Array(text.utf8))
    var analysis = FileAnalysis(path: path)
    CrontabExtractor().extract(file, into: &analysis)
    return analysis
}

@Suite struct CrontabExtractorTests {
    @Test func acceptedNames() {
        let extractor = CrontabExtractor()
        for path in ["crontab", "ops/crontab.txt", "cronjobs", "jobs.cron", "x/bot.crontab", "etc/cron.d/bot",
                     "docker/cron/jobs", "etc/crontab"] {
            #expect(extractor.accepts(path: path, name: SourceFile(path: path, bytes: []).name, isExecutable: false), "\(path)")
        }
        for path in ["cron/daily.py", "cron.d/README.md", "crontab.py", "src/cron.ts", "cron/.keep"] {
            #expect(!extractor.accepts(path: path, name: SourceFile(path: path, bytes: []).name, isExecutable: false), "\(path)")
        }
    }

    @Test func rebootAndFlockEntries() {
        let analysis = extract("""
        # bot jobs
        SHELL=/bin/bash
        TOKEN_FILE = "/home/me/bot/.env"
        @reboot cd /home/me/bot && python3 bot.py
        */5 * * * * /usr/bin/flock -n /tmp/bot.lock python3 /home/me/bot/bot.py >> /tmp/bot.log 2>&1
        """)
        #expect(analysis.problems.isEmpty)
        #expect(analysis.runners.count == 2)
        let reboot = analysis.runners[0]
        #expect(reboot.kind == .cronEntry)
        #expect(reboot.platform == .cron)
        #expect(reboot.name == "cron line 4")
        #expect(reboot.command == "cd /home/me/bot && python3 bot.py")
        #expect(reboot.commandLocation == SourceLocation(path: "deploy/crontab", line: 4, column: 9))
        #expect(reboot.lifetime == .longRunning)
        #expect(reboot.instances.count == 1)
        #expect(reboot.directory == "deploy")
        #expect(reboot.env.map(\.name) == ["SHELL", "TOKEN_FILE"])
        #expect(reboot.env.map(\.value) == ["/bin/bash", "/home/me/bot/.env"])
        #expect(reboot.singleInstanceGuard == nil)
        let every5 = analysis.runners[1]
        #expect(every5.lifetime == .scheduled("*/5 * * * *"))
        #expect(every5.singleInstanceGuard?.kind == .flock)
        #expect(every5.commandLocation?.column == 13)
        #expect(every5.settings["schedule"] == "*/5 * * * *")
    }

    @Test func userColumnInCronD() {
        let analysis = extract("*/5 * * * * botuser cd /srv/bot && python bot.py\n@daily root run-one python /srv/x.py\n",
                               path: "etc/cron.d/bot")
        #expect(analysis.runners[0].command == "cd /srv/bot && python bot.py")
        #expect(analysis.runners[0].settings["user"] == "botuser")
        #expect(analysis.runners[1].command == "run-one python /srv/x.py")
        #expect(analysis.runners[1].singleInstanceGuard?.kind == .flock)
        #expect(analysis.runners[1].lifetime == .scheduled("@daily"))
    }

    @Test func userCrontabOnlyTakesRootAsUser() {
        let analysis = extract("* * * * * root python /app/bot.py\n* * * * * python /app/other.py\n")
        #expect(analysis.runners.map(\.command) == ["python /app/bot.py", "python /app/other.py"])
        #expect(analysis.runners[0].settings["user"] == "root")
    }

    @Test func percentEndsTheCommand() {
        let analysis = extract("0 0 * * * date +\\%Y-\\%m >> /tmp/d.log; mail -s hi me%body line\n")
        #expect(analysis.runners.first?.command == "date +%Y-%m >> /tmp/d.log; mail -s hi me")
    }

    @Test func pgrepOrStartIsAGuard() {
        let analysis = extract("* * * * * pgrep -f bot.py > /dev/null || (cd /srv && nohup python bot.py &)\n")
        #expect(analysis.runners.first?.singleInstanceGuard?.kind == .pgrep)
    }

    @Test func brokenLinesAreReportedAndTheRestRead() {
        let analysis = extract("""
        61 * * * * python a.py
        * * * python b.py
        @every5 python c.py
        * * * * *
        */0 * * * * python d.py
        0 9 * jan-mar mon-fri python ok.py
        """)
        #expect(analysis.runners.map(\.command) == ["python ok.py"])
        #expect(analysis.problems.map(\.location.line) == [1, 2, 3, 4, 5])
        #expect(analysis.problems.allSatisfy { $0.format == "crontab" })
        #expect(analysis.problems[0].message.contains("minute"))
    }

    @Test func guessedFolderFilesStaySilentWithoutEntries() {
        let analysis = extract("this is not a crontab\njust notes\n", path: "cron/notes")
        #expect(analysis.runners.isEmpty)
        #expect(analysis.problems.isEmpty)
    }

    @Test func hostileInputNeverCrashes() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("*/,-0123456789 @\\%#=\n\tabc'\"".utf8) + [0xFF]
        for _ in 0..<200 {
            let bytes = (0..<300).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            var analysis = FileAnalysis(path: "crontab")
            CrontabExtractor().extract(SourceFile(path: "crontab", bytes: bytes), into: &analysis)
        }
    }
}

@Suite struct ShellScriptExtractorTests {
    private func analyse(_ path: String, _ text: String, executable: Bool = false) -> FileAnalysis {
        var analysis = FileAnalysis(path: path)
        ShellScriptExtractor().extract(SourceFile(path: path, bytes: Array(text.utf8), isExecutable: executable), into: &analysis)
        return analysis
    }

    @Test func acceptsScriptsByNameAndExecutableBit() {
        let extractor = ShellScriptExtractor()
        #expect(extractor.accepts(path: "start.sh", name: "start.sh", isExecutable: false))
        #expect(extractor.accepts(path: "bin/run", name: "run", isExecutable: false))
        #expect(extractor.accepts(path: "bin/deploy", name: "deploy", isExecutable: true))
        #expect(!extractor.accepts(path: "bin/deploy", name: "deploy", isExecutable: false))
        #expect(!extractor.accepts(path: "bot.py", name: "bot.py", isExecutable: true))
    }

    @Test func shebangDecidesForFilesWithoutExtension() {
        #expect(analyse("bin/launch", "#!/usr/bin/env bash\npython bot.py\n", executable: true).shellScript?.commands.count == 1)
        #expect(analyse("bin/launch", "#!/bin/sh -e\npython bot.py\n", executable: true).shellScript != nil)
        #expect(analyse("bin/launch", "#!/usr/bin/env python3\nprint(1)\n", executable: true).shellScript == nil)
        #expect(analyse("bin/launch", "\u{7F}ELF\u{0}\u{0}", executable: true).shellScript == nil)
        #expect(analyse("start", "python bot.py\n").shellScript?.commands.first?.argv == ["python", "bot.py"])
        #expect(analyse("entrypoint", "#!/usr/bin/node\n").shellScript == nil)
    }

    @Test func problemsAreReported() {
        let analysis = analyse("run.sh", "python bot.py\necho \"oops\n")
        #expect(analysis.shellScript?.commands.first?.argv == ["python", "bot.py"])
        #expect(analysis.problems.first?.format == "shell")
    }
}
