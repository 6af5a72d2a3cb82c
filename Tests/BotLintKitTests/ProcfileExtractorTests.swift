import Testing
@testable import BotLintKit

@Suite struct ProcfileExtractorTests {
    let extractor = ProcfileExtractor()

    @Test func acceptsProcfileVariants() {
        #expect(accepts(extractor, "Procfile"))
        #expect(accepts(extractor, "services/bot/Procfile.dev"))
        #expect(!accepts(extractor, "Procfile."))
        #expect(!accepts(extractor, "MyProcfile"))
    }

    @Test func readsWebWorkerAndRelease() {
        let text = """
        # deployed on Heroku
        web: gunicorn app.wsgi --workers 2

        worker:   python bot.py  \r
        release: python manage.py migrate
        """
        let analysis = analyze(extractor, "bot/Procfile", text)
        #expect(analysis.problems.isEmpty)
        #expect(analysis.runners.map(\.name) == ["web", "worker", "release"])

        let web = analysis.runner("web")
        #expect(web?.servesHTTP == true)
        #expect(web?.instances.count == 1)
        #expect(web?.platform == .heroku)
        #expect(web?.directory == "bot")

        let worker = analysis.runner("worker")
        #expect(worker?.command == "python bot.py")
        #expect(worker?.commandLocation?.lineColumn == "4:11")
        #expect(worker?.location.line == 4)
        #expect(worker?.instances.count == nil)
        #expect(worker?.servesHTTP == false)
        #expect(worker?.lifetime == .longRunning)

        #expect(analysis.runner("release")?.lifetime == .oneShot)
    }

    @Test func devProcfileIsLocal() {
        let analysis = analyze(extractor, "Procfile.dev", "bot: python bot.py --debug\nweb: flask run\n")
        #expect(analysis.runners.allSatisfy { $0.platform == .local && $0.kind == .procfileProcess })
        #expect(analysis.runner("bot")?.instances.count == 1)
        #expect(analyze(extractor, "Procfile.staging", "worker: python bot.py").runners.first?.platform == .heroku)
    }

    @Test func brokenLinesAreReportedAndTheRestIsRead() {
        let text = "web gunicorn app:app\nbad name: x\nworker:\nbot: node index.js\n"
        let analysis = analyze(extractor, "Procfile", text)
        #expect(analysis.problems.map(\.location.line) == [1, 2, 3])
        #expect(analysis.problems.allSatisfy { $0.format == "Procfile" })
        #expect(analysis.runners.map(\.name) == ["bot"])
    }

    @Test func duplicateTypeKeepsTheLastDefinition() {
        let analysis = analyze(extractor, "Procfile", "worker: python old.py\nworker: python bot.py\n")
        #expect(analysis.runners.map(\.command) == ["python bot.py"])
        #expect(analysis.problems.map(\.location.line) == [2])
    }
}
