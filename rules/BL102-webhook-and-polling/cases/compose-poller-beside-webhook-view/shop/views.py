import asyncio
import json

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from telegram import Update

from shop.bot import application


@csrf_exempt
def telegram_webhook(request):
    update = Update.de_json(json.loads(request.body), application.bot)
    asyncio.run(application.process_update(update))
    return JsonResponse({"ok": True})
