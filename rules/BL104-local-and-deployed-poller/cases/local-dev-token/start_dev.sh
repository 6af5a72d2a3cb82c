#!/usr/bin/env bash
# Local development uses the test bot (@loyalty_partner_dev_bot), never the production one.
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${DEV_BOT_TOKEN:-}" ]; then
  echo "Set DEV_BOT_TOKEN to the test bot's token (see README)" >&2
  exit 1
fi

export BOT_TOKEN="$DEV_BOT_TOKEN"
exec python bot.py
