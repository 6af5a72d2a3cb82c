#!/usr/bin/env python3
"""Generates synthetic repositories for benchmarks. Deterministic for given arguments.

    bench/generate.py OUT --files 20000 [--seed 1] [--git]   a monorepo: bot services with deploy
        files among ordinary code, docs, data, binary assets, a vendored folder and git-ignored
        folders (node_modules, .venv); about 10 KB per tracked file (1k: 10 MB, 20k: 200 MB,
        100k: 1 GB)
    bench/generate.py OUT --bot-repo [--git]                  a typical 200-file bot repository

--git makes OUT a git repository with everything committed (what botlint and rg see in CI).
"""
import argparse
import os
import random
import subprocess

PY_BOT = '''import os

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

TOKEN = os.getenv("{var}")


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("hello from {name}")


def main() -> None:
    app = Application.builder().token(TOKEN).build()
    app.add_handler(CommandHandler("start", start))
    if os.getenv("WEBHOOK_URL"):
        app.run_webhook(listen="0.0.0.0", port=8443, webhook_url=os.environ["WEBHOOK_URL"])
    else:
        app.run_polling()


if __name__ == "__main__":
    main()
'''

JS_BOT = '''const {{ Telegraf }} = require("telegraf");
const bot = new Telegraf(process.env.{var});
bot.start((ctx) => ctx.reply("hello from {name}"));
if (process.env.NODE_ENV === "production") {{
  bot.launch({{ webhook: {{ domain: process.env.DOMAIN, port: 8443 }} }});
}} else {{
  bot.launch();
}}
'''

PY_NOISE = '''import json
import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass
class Record{n}:
    id: int
    name: str
    tags: list


def load_{n}(path: str) -> list:
    """Loads records{mention}."""
    with open(path) as handle:
        data = json.load(handle)
    return [Record{n}(**item) for item in data if item.get("active")]


def summarize_{n}(records: list) -> dict:
    out = {{}}
    for record in records:
        for tag in record.tags:
            out[tag] = out.get(tag, 0) + 1
    logger.info("summary %s", out)
    return out
'''

JS_NOISE = '''// Utility module {n}: formatting helpers for the admin UI{mention}.
export function format{n}(items) {{
  return items
    .filter((item) => item && item.visible)
    .map((item) => `${{item.id}}: ${{item.title}}`)
    .join("\\n");
}}

export const defaults{n} = {{ page: 1, size: 20, sort: "created_at" }};
'''

MD = "# Notes {n}\n\nSome documentation text about the service. " * 20 + "\n"

GO_VENDORED = '''// Package util{n} is vendored third-party code.
package util{n}

import "strings"

// Join{n} joins parts with a separator, skipping empty ones.
func Join{n}(parts []string, sep string) string {{
	kept := make([]string, 0, len(parts))
	for _, part := range parts {{
		if part != "" {{
			kept = append(kept, part)
		}}
	}}
	return strings.Join(kept, sep)
}}
'''

NODE_MODULE = '''"use strict";
// An installed dependency: git-ignored, never part of the repository.
module.exports = function helper{n}(input) {{
  return String(input).split("").reverse().join("") + "{n}";
}};
'''

FLY_TOML = '''app = "{app}"
primary_region = "ams"

[build]
  dockerfile = "Dockerfile"

[processes]
  bot = "python bot.py"

[env]
  LOG_LEVEL = "info"
'''

DOCKERFILE = '''FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "bot.py"]
'''

START_SH = '''#!/bin/sh
# Local start: loads the variables and runs the bot in the foreground.
set -e
cd "$(dirname "$0")"
. ./.env
exec python bot.py
'''

GITIGNORE = """node_modules/
.venv/
dist/
__pycache__/
*.log
.env
"""


class Writer:
    """Writes files under a root and counts them."""

    def __init__(self, root):
        self.root = root
        self.count = 0

    def text(self, path, text, executable=False):
        self.bytes(path, text.encode(), executable)

    def bytes(self, path, data, executable=False):
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as handle:
            handle.write(data)
        if executable:
            os.chmod(full, 0o755)
        self.count += 1


def service(out, s, services):
    """One bot service: Python (Procfile, fly.toml, Dockerfile, start script) or Node (Railway)."""
    base = f"services/svc{s}"
    var = f"BOT_TOKEN_{s % (services // 2 + 1)}"
    if s % 2 == 0:
        out.text(f"{base}/bot.py", PY_BOT.format(var=var, name=f"svc{s}"))
        out.text(f"{base}/Procfile", "worker: python bot.py\n")
        out.text(f"{base}/requirements.txt", "python-telegram-bot==21.6\n")
        if s % 4 == 0:
            out.text(f"{base}/fly.toml", FLY_TOML.format(app=f"svc{s}-bot"))
            out.text(f"{base}/Dockerfile", DOCKERFILE)
            out.text(f"{base}/.env.example", f"{var}=\nWEBHOOK_URL=\n")
            out.text(f"{base}/start.sh", START_SH, executable=True)
    else:
        out.text(f"{base}/index.js", JS_BOT.format(var=var, name=f"svc{s}"))
        out.text(f"{base}/package.json", '{"name": "svc%d", "scripts": {"start": "node index.js"}}\n' % s)
        out.text(f"{base}/railway.toml", '[deploy]\nstartCommand = "node index.js"\n')


def noise(out, rng, n):
    """One ordinary file: mostly code, some docs and data, a few binary assets, vendored and
    git-ignored files (which botlint and rg must both skip in a git repository)."""
    kind = rng.random()
    folder = f"packages/pkg{n % 97}/src/mod{n % 13}"
    if kind < 0.36:
        # One file in fifty mentions a polling call in a docstring or comment, as real code does.
        mention = "; unlike bot.py it never calls run_polling()" if n % 50 == 0 else ""
        out.text(f"{folder}/m{n}.py", PY_NOISE.format(n=n, mention=mention) * rng.randint(1, 38))
    elif kind < 0.68:
        mention = " (see bot.launch() in the bot service)" if n % 50 == 0 else ""
        out.text(f"{folder}/m{n}.js", JS_NOISE.format(n=n, mention=mention) * rng.randint(1, 38))
    elif kind < 0.80:
        out.text(f"docs/d{n % 50}/n{n}.md", MD.format(n=n) * rng.randint(1, 15))
    elif kind < 0.88:
        out.text(f"data/d{n % 50}/r{n}.json",
                 '{"rows": [%s]}\n' % ",".join(str(rng.random()) for _ in range(rng.randint(10, 3000))))
    elif kind < 0.90:
        # Binary assets: a PNG header, NUL bytes early, random payload.
        out.bytes(f"assets/a{n % 20}/img{n}.png",
                  b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(rng.randint(1000, 60000)))
    elif kind < 0.95:
        out.text(f"vendor/github.com/acme/util{n % 31}/u{n}.go", GO_VENDORED.format(n=n) * rng.randint(1, 30))
    elif kind < 0.98:
        out.text(f"node_modules/dep{n % 211}/lib/h{n}.js", NODE_MODULE.format(n=n) * rng.randint(1, 20))
    else:
        out.text(f".venv/lib/python3.12/site-packages/pkg{n % 41}/m{n}.py",
                 PY_NOISE.format(n=n, mention="") * rng.randint(1, 10))


def monorepo(out, files, rng):
    services = max(2, files // 500)
    out.text(".gitignore", GITIGNORE)
    out.text(".venv/pyvenv.cfg", "home = /usr/bin\n")
    for s in range(services):
        service(out, s, services)
    n = 0
    while out.count < files:
        n += 1
        noise(out, rng, n)


def bot_repo(out, rng):
    """A typical single-bot repository of about 200 files: a Python bot with handlers, services,
    models, migrations and tests, deploy files, docs and a few assets."""
    out.text(".gitignore", GITIGNORE)
    out.text("bot.py", PY_BOT.format(var="BOT_TOKEN", name="shop"))
    out.text("Procfile", "worker: python bot.py\n")
    out.text("fly.toml", FLY_TOML.format(app="shop-bot"))
    out.text("Dockerfile", DOCKERFILE)
    out.text("requirements.txt", "python-telegram-bot==21.6\nSQLAlchemy==2.0.36\n")
    out.text(".env.example", "BOT_TOKEN=\nWEBHOOK_URL=\n")
    out.text("start.sh", START_SH, executable=True)
    out.text("README.md", MD.format(n=0) * 3)
    n = 0
    while out.count < 200:
        n += 1
        folder = ["handlers", "services", "models", "migrations", "tests", "utils"][n % 6]
        if n % 10 == 0:
            out.text(f"docs/page{n}.md", MD.format(n=n) * rng.randint(1, 4))
        elif n % 25 == 1:
            out.bytes(f"assets/sticker{n}.webp", b"RIFF\x00\x00\x00\x00WEBP" + rng.randbytes(rng.randint(2000, 20000)))
        else:
            out.text(f"{folder}/m{n}.py", PY_NOISE.format(n=n, mention="") * rng.randint(1, 6))


def commit(root):
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null")
    git = ["git", "-C", root, "-c", "user.name=bench", "-c", "user.email=bench@example.com"]
    subprocess.run(git + ["init", "-q", "-b", "main"], check=True, env=env)
    # No automatic `git gc`: after committing 100k loose objects it packs them in the background
    # for minutes, on the cores the benchmark is measuring.
    subprocess.run(git + ["config", "gc.auto", "0"], check=True, env=env)
    subprocess.run(git + ["config", "maintenance.auto", "false"], check=True, env=env)
    subprocess.run(git + ["add", "-A"], check=True, env=env)
    subprocess.run(git + ["commit", "-q", "-m", "synthetic"], check=True, env=env)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bot-repo", action="store_true", help="a typical 200-file bot repository")
    parser.add_argument("--git", action="store_true", help="commit everything in a new git repository")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = Writer(args.out)
    if args.bot_repo:
        bot_repo(out, rng)
    else:
        monorepo(out, args.files, rng)
    if args.git:
        commit(args.out)


if __name__ == "__main__":
    main()
