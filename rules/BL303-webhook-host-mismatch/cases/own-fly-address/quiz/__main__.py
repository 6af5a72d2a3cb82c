import os

from aiohttp import web
from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application

from quiz.handlers import router

bot = Bot(os.environ["BOT_TOKEN"])
dp = Dispatcher()
dp.include_router(router)


async def on_startup(bot: Bot) -> None:
    await bot.set_webhook(os.environ["WEBHOOK_URL"], secret_token=os.environ["WEBHOOK_SECRET"])


dp.startup.register(on_startup)
app = web.Application()
SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=os.environ["WEBHOOK_SECRET"]).register(app, path="/telegram")
setup_application(app, dp, bot=bot)
web.run_app(app, host="0.0.0.0", port=8080)
