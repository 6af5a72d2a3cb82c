#!/bin/sh
# Restart the bot in the background after a deploy to the VPS.
cd /srv/echo-bot || exit 1
. ./venv/bin/activate
nohup python3 bot.py > bot.log 2>&1 &
sleep 2
python3 bot.py
