function registerHandlers(bot) {
  bot.onText(/\/start/, (msg) => {
    bot.sendMessage(msg.chat.id, 'Hi! I am IVA.');
  });
}

module.exports = { registerHandlers };
