import { bot } from "./bot";

// Order notifications used to need polling; kept running "just in case".
bot.launch();

process.once("SIGINT", () => bot.stop("SIGINT"));
process.once("SIGTERM", () => bot.stop("SIGTERM"));
