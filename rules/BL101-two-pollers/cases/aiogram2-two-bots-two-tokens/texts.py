CATALOG = "Today: sourdough, rye, focaccia."
