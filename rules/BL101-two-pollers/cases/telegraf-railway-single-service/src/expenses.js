// "12.50 lunch" -> { amount: 12.5, label: "lunch" }
function parseExpense(text) {
  const match = /^(\d+(?:[.,]\d+)?)\s+(.+)$/.exec(text.trim());
  if (!match) return null;
  return { amount: Number(match[1].replace(",", ".")), label: match[2] };
}

module.exports = { parseExpense };
