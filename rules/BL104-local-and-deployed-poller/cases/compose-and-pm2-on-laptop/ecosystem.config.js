// Local development: `pm2 start ecosystem.config.js` restarts the bot on every change.
module.exports = {
  apps: [
    {
      name: "dice-bot-dev",
      script: "bot/index.js",
      watch: ["bot"],
    },
  ],
};
