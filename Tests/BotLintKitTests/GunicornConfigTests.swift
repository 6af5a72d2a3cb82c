import Testing
@testable import BotLintKit

/// gunicorn's Python config file sizes the web workers when the command line does not.
@Suite("gunicorn config files")
struct GunicornConfigTests {
    static let app = """
        import os
        import threading
        import telebot
        from flask import Flask

        bot = telebot.TeleBot(os.environ["BOT_TOKEN"])
        app = Flask(__name__)
        threading.Thread(target=bot.infinity_polling, daemon=True).start()

        """

    static func workers(procfile: String, config: (path: String, text: String)?, env: String? = nil) throws -> Instances? {
        let folder = try SourceScratchFolder()
        try folder.write("app.py", app)
        try folder.write("Procfile", procfile)
        if let config { try folder.write(config.path, config.text) }
        if let env { try folder.write("app.json", env) }
        let report = try Linter.run(LintOptions(path: folder.path), source: WorkTreeSource(path: folder.path, useGit: false))
        return report.topology.runners.flatMap(\.processes).first { $0.entry != nil }?.workers
    }

    @Test func literalCountFromTheDefaultFile() throws {
        let workers = try Self.workers(procfile: "web: gunicorn app:app\n", config: ("gunicorn.conf.py", "bind = \"0.0.0.0:8000\"\nworkers = 4\n"))
        #expect(workers?.count == 4)
        #expect(workers?.location == SourceLocation(path: "gunicorn.conf.py", line: 2))
    }

    @Test func environmentVariableWithADefault() throws {
        let text = "import os\nworkers = int(os.getenv(\"WEB_CONCURRENCY\", 2))\npreload_app = True\n"
        let workers = try Self.workers(procfile: "web: gunicorn -c conf/gunicorn.py app:app\n", config: ("conf/gunicorn.py", text))
        #expect(workers?.count == 2)
        #expect(workers?.reason == "gunicorn.py workers from WEB_CONCURRENCY, default 2")
    }

    @Test func oneWorkerPerCoreIsAtLeastTwo() throws {
        let text = "import multiprocessing\n\nworkers = multiprocessing.cpu_count() * 2 + 1\n"
        let workers = try Self.workers(procfile: "web: gunicorn -c python:settings.gunicorn app:app\n",
                                       config: ("settings/gunicorn.py", text))
        #expect(workers?.count == 2)
        #expect(workers?.reason == "gunicorn.py workers: one per core (2+)")
        let bare = try Self.workers(procfile: "web: gunicorn -c python:settings.gunicorn app:app\n",
                                    config: ("settings/gunicorn.py", "import os\nworkers = os.cpu_count()\n"))
        #expect(bare?.count == 2)
    }

    @Test func theCommandLineWinsOverTheFile() throws {
        let workers = try Self.workers(procfile: "web: gunicorn -w 1 app:app\n", config: ("gunicorn.conf.py", "workers = 4\n"))
        #expect(workers?.count == 1)
    }

    @Test func aFileWithoutWorkersLeavesWebConcurrency() throws {
        // Heroku's buildpack sets WEB_CONCURRENCY, which gunicorn reads when nothing else sets workers.
        let workers = try Self.workers(procfile: "web: gunicorn app:app\n", config: ("gunicorn.conf.py", "timeout = 30\n"))
        #expect(workers?.count == 2)
        // A file gunicorn is not told about is not read.
        let unnamed = try Self.workers(procfile: "web: gunicorn app:app\n", config: ("gunicorn_config.py", "workers = 5\n"))
        #expect(unnamed?.count == 2)
    }
}
