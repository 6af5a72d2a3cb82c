const { Telegraf } = require('telegraf');

const bot = new Telegraf(process.env.BOT_TOKEN);
bot.start((ctx) => ctx.reply('Alerts on. Send /stop to mute.'));

bot.launch().then(() => {
  console.log('bot launched via polling');
  // Give the platform a moment to expose the domain, then switch to the webhook.
  setTimeout(() => {
    bot.telegram.setWebhook(`${process.env.DOMAIN}/bot${process.env.BOT_TOKEN}`);
  }, 5000);
});
