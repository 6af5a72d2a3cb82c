/// Standard-library and third-party modules whose functions are never project entry points, so
/// calls into them are not recorded as references.
enum PythonKnownModules {
    private static let roots: Set<String> = [
        "os", "sys", "re", "json", "time", "datetime", "logging", "asyncio", "threading", "multiprocessing",
        "subprocess", "signal", "socket", "math", "random", "typing", "pathlib", "functools", "itertools",
        "collections", "shutil", "traceback", "uuid", "hashlib", "hmac", "base64", "io", "csv", "sqlite3",
        "contextlib", "dataclasses", "enum", "argparse", "urllib", "http", "ssl", "inspect", "copy", "string",
        "textwrap", "tempfile", "glob", "pickle", "queue", "concurrent", "secrets", "platform", "warnings",
        "requests", "httpx", "aiohttp", "uvicorn", "gunicorn", "flask", "fastapi", "starlette", "django", "quart",
        "telegram", "telebot", "aiogram", "dotenv", "decouple", "environs", "pydantic", "pydantic_settings",
        "sqlalchemy", "redis", "schedule", "apscheduler", "openai", "numpy", "pandas", "yaml", "dateutil", "pytz",
        "loguru", "psycopg2", "pymongo", "motor", "aiosqlite", "asyncpg", "bs4", "PIL",
    ]

    static func isLibrary(_ module: String) -> Bool {
        guard !module.hasPrefix(".") else { return false }
        let root = module.split(separator: ".").first.map(String.init) ?? module
        return roots.contains(root)
    }
}
