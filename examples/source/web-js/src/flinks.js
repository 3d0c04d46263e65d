// A Node/Express back end for Flinks Connect, with the mistakes public
// integrations make (kept on purpose: `flinks-config lint examples/`).
const express = require("express");

const INSTANCE = process.env.FLINKS_INSTANCE;
const CUSTOMER_ID = process.env.FLINKS_CUSTOMER_ID;
// Correct: a base with a trailing slash, relative routes joined onto it.
const API = `https://${INSTANCE}-api.private.fin.ag/v3/${CUSTOMER_ID}/BankingServices/`;
// Mistake: a legacy host as the default.
const LEGACY_API = process.env.FLINKS_API_URL || "https://sandboxapi.flinks.io/v3/";

const app = express();

app.post("/token", async (req, res) => {
  const r = await fetch(API + "GenerateAuthorizeToken", {
    method: "POST",
    // Mistake: the secret key goes in `flinks-auth-key`.
    headers: { "x-api-key": process.env.FLINKS_SECRET_KEY },
  });
  res.json(await r.json());
});

app.post("/accounts", async (req, res) => {
  // Mistake: the endpoint is `GetAccountsSummary`.
  const r = await fetch(`${API}AccountsSummary`, {
    method: "POST",
    headers: { "x-api-key": process.env.FLINKS_API_KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ RequestId: req.body.requestId }),
  });
  res.json(await r.json());
});

module.exports = app;
