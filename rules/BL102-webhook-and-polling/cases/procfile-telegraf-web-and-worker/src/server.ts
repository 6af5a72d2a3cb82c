import express from "express";
import { bot } from "./bot";

const app = express();
const domain = process.env.PUBLIC_URL as string;

async function main(): Promise<void> {
  app.use(await bot.createWebhook({ domain, path: "/telegram" }));
  app.get("/healthz", (_req, res) => res.send("ok"));
  app.listen(Number(process.env.PORT ?? 3000));
}

main();
