#!/bin/bash
# Start the partner bot locally for testing.
cd "$(dirname "$0")"

if ps aux | grep -E "bot.py" | grep -v grep | grep -v "flyctl\|check"; then
    echo "❌ ОШИБКА: Бот уже запущен локально!"
    echo "Остановите его: pkill -f bot.py"
    exit 1
fi

source venv/bin/activate 2>/dev/null || true
python bot.py
