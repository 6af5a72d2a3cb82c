import { run } from "@grammyjs/runner";
import { bot } from "./bot";

// Reminder scheduler; someone added the runner "to get updates in the worker too".
run(bot);
