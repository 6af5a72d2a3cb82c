import Testing
@testable import BotLintKit

@Suite struct DockerfileExtractorTests {
    let extractor = DockerfileExtractor()

    private func info(_ text: String) -> DockerfileInfo? {
        analyze(extractor, "Dockerfile", text).dockerfile
    }

    @Test func acceptsDockerfileNames() {
        for path in ["Dockerfile", "bot/Dockerfile.prod", "bot.Dockerfile", "worker.dockerfile", "Containerfile"] {
            #expect(accepts(extractor, path), "\(path)")
        }
        #expect(!accepts(extractor, "Dockerfile.dockerignore"))
        #expect(!accepts(extractor, "docker-compose.yml"))
    }

    @Test func multiStageUsesTheFinalStage() {
        let text = """
        # syntax=docker/dockerfile:1
        ARG PY=3.12
        FROM python:${PY}-slim AS build
        ENV BUILD_ONLY=1
        RUN pip wheel -r requirements.txt -w /wheels
        CMD ["python", "build.py"]

        FROM python:${PY}-slim
        ARG MODE=polling
        ENV BOT_MODE=$MODE \\
            PYTHONUNBUFFERED=1
        WORKDIR /app
        WORKDIR src
        COPY --from=build /wheels /wheels
        CMD ["python", "-m", "bot"]
        """
        let result = info(text)
        #expect(result?.command == "python -m bot")
        #expect(result?.commandLocation?.lineColumn == "15:5")
        #expect(result?.env.map(\.name) == ["BOT_MODE", "PYTHONUNBUFFERED"])
        #expect(result?.env.first?.value == "polling")
        #expect(result?.env.last?.location?.lineColumn == "11:5")
        #expect(result?.workdir == "/app/src")
    }

    @Test func finalStageFromAnEarlierStageInheritsIt() {
        let text = """
        FROM node:20 AS base
        ENV NODE_ENV=production
        CMD node index.js

        FROM base AS runner
        ENV EXTRA=1
        """
        let result = info(text)
        #expect(result?.command == "node index.js")
        #expect(result?.env.map(\.name) == ["NODE_ENV", "EXTRA"])
    }

    @Test func entrypointAndCmdCombineLikeDocker() {
        #expect(info("FROM x\nENTRYPOINT [\"python\", \"bot.py\"]\nCMD [\"--mode\", \"poll\"]")?.command
                == "python bot.py --mode poll")
        #expect(info("FROM x\nENTRYPOINT python bot.py\nCMD [\"--ignored\"]")?.command == "python bot.py")
        #expect(info("FROM x\nENTRYPOINT [\"./entrypoint.sh\"]\nCMD python bot.py")?.command
                == "./entrypoint.sh /bin/sh -c 'python bot.py'")
        #expect(info("FROM x\nCMD [\"sh\", \"-c\", \"python bot.py & python web.py\"]")?.command
                == "sh -c 'python bot.py & python web.py'")
        // A new ENTRYPOINT drops the CMD inherited from the parent stage.
        #expect(info("FROM x AS a\nCMD [\"python\", \"bot.py\"]\nFROM a\nENTRYPOINT [\"tini\", \"--\"]")?.command == "tini --")
        #expect(info("FROM python:3.12\nRUN pip install x")?.command == nil)
    }

    @Test func continuationsCommentsHeredocsAndLegacyEnv() {
        let text = """
        FROM python:3.12
        ENV LEGACY_NAME some value here
        RUN <<EOF
        CMD ["not", "an", "instruction"]
        EOF
        RUN apt-get update && \\
        # a comment inside a continuation
            apt-get install -y curl
        ENV QUOTED="two words" SINGLE='$NOT_EXPANDED' REF=${UNKNOWN_VAR}
        CMD python \\
            bot.py
        """
        let result = info(text)
        #expect(result?.command == "python     bot.py")
        #expect(result?.commandLocation?.line == 10)
        let env = Dictionary(uniqueKeysWithValues: (result?.env ?? []).map { ($0.name, $0.value) })
        #expect(env["LEGACY_NAME"] == "some value here")
        #expect(env["QUOTED"] == "two words")
        #expect(env["SINGLE"] == "$NOT_EXPANDED")
        #expect(env["REF"]! == nil)
    }

    @Test func escapeDirectiveChangesTheContinuationCharacter() {
        let text = "# escape=`\nFROM mcr.microsoft.com/windows\nCMD python `\n  bot.py\n"
        #expect(info(text)?.command == "python   bot.py")
    }

    @Test func brokenInstructionsAreReportedAndTheRestRead() {
        let analysis = analyze(extractor, "Dockerfile", "FROM python\nENV ONLY_NAME\nCMD [\"python\", \"bot.py\"]\n")
        #expect(analysis.problems.map(\.location.line) == [2])
        #expect(analysis.problems.first?.format == "Dockerfile")
        #expect(analysis.dockerfile?.command == "python bot.py")
        #expect(analyze(extractor, "Dockerfile", bytes: [0xFF, 0x0A, 0x5C]).dockerfile == nil)
    }
}
