#!/usr/bin/env python3
"""Generates a synthetic monorepo for benchmarks: bot services with deploy files among lots of
ordinary code, docs and data. Deterministic for a given --files and --seed.

    bench/generate.py OUT --files 20000 [--seed 1]
"""
import argparse
import os
import random

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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    services = max(2, args.files // 500)
    written = 0

    def write(path, text):
        nonlocal written
        full = os.path.join(args.out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as handle:
            handle.write(text)
        written += 1

    for s in range(services):
        base = f"services/svc{s}"
        var = f"BOT_TOKEN_{s % (services // 2 + 1)}"
        if s % 2 == 0:
            write(f"{base}/bot.py", PY_BOT.format(var=var, name=f"svc{s}"))
            write(f"{base}/Procfile", "worker: python bot.py\n")
        else:
            write(f"{base}/index.js", JS_BOT.format(var=var, name=f"svc{s}"))
            write(f"{base}/package.json", '{"name": "svc%d", "scripts": {"start": "node index.js"}}\n' % s)
            write(f"{base}/railway.toml", '[deploy]\nstartCommand = "node index.js"\n')
    n = 0
    while written < args.files:
        n += 1
        kind = rng.random()
        folder = f"packages/pkg{n % 97}/src/mod{n % 13}"
        if kind < 0.4:
            # One file in fifty mentions a polling call in a docstring or comment, as real code does.
            mention = "; unlike bot.py it never calls run_polling()" if n % 50 == 0 else ""
            write(f"{folder}/m{n}.py", PY_NOISE.format(n=n, mention=mention) * rng.randint(1, 30))
        elif kind < 0.75:
            mention = " (see bot.launch() in the bot service)" if n % 50 == 0 else ""
            write(f"{folder}/m{n}.js", JS_NOISE.format(n=n, mention=mention) * rng.randint(1, 30))
        elif kind < 0.9:
            write(f"docs/d{n % 50}/n{n}.md", MD.format(n=n) * rng.randint(1, 10))
        else:
            write(f"data/d{n % 50}/r{n}.json", '{"rows": [%s]}\n' % ",".join(str(rng.random()) for _ in range(rng.randint(10, 2000))))


if __name__ == "__main__":
    main()
