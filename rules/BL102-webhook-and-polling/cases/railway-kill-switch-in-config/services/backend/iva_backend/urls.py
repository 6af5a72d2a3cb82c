from django.http import JsonResponse
from django.urls import path

from telegram_bot import views

urlpatterns = [
    path("health/", lambda request: JsonResponse({"ok": True})),
    path("telegram/webhook/", views.telegram_webhook),
]
