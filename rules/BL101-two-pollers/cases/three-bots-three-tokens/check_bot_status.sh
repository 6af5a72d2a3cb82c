#!/bin/bash
ps aux | grep -E "bot.py|client_handler.py|admin_bot.py" | grep -v grep || echo "no local bots running"
