import BotLintKit
print(BotLint.version, BotLint.libgit2Version())
