# TODO: move to env before going public
TOKEN = "5912837465:AAHk3vQ9wT2nLx8ZpR4sYc7uJm1bE6dFg0a"
ADMIN_IDS = [148822311]
