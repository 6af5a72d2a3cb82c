#!/usr/bin/env bash
# One-time setup: add the bot to the team chat, send it a message, then run this to read the
# chat id for the TELEGRAM_CHAT_ID secret.
set -euo pipefail

curl -fsS "https://api.telegram.org/bot${TELEGRAM_BOT_TOKEN}/getUpdates" \
  | jq '.result[].message.chat | {id, title}'
