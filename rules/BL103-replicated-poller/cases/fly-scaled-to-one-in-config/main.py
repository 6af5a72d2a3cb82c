import asyncio
import os

from aiogram import Bot, Dispatcher
from aiohttp import web

dp = Dispatcher()


async def health(request: web.Request) -> web.Response:
    return web.Response(text="ok")


async def main() -> None:
    bot = Bot(token=os.environ["TELEGRAM_TOKEN"])
    app = web.Application()
    app.router.add_get("/", health)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "0.0.0.0", 8080).start()
    # Health endpoint for Fly, long polling for Telegram.
    await dp.start_polling(bot)


if __name__ == "__main__":
    asyncio.run(main())
