import express from "express";
import { webhookCallback } from "grammy";
import { bot } from "./bot";

const app = express();
app.use(express.json());
app.use("/telegram", webhookCallback(bot, "express", { secretToken: process.env.WEBHOOK_SECRET }));

app.listen(Number(process.env.PORT ?? 3000), async () => {
  await bot.api.setWebhook(`${process.env.PUBLIC_URL}/telegram`, { secret_token: process.env.WEBHOOK_SECRET });
});
