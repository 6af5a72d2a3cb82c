const express = require("express");

const app = express();
app.use(express.json());

app.get("/api/products", (req, res) => {
  res.json([{ id: 1, title: "Mug", price: 12 }]);
});

app.listen(process.env.PORT || 3000);
