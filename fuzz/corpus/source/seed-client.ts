// A Node client with the usual mistakes.
const BASE = "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/";
const LEGACY = process.env.FLINKS_API_URL || "https://sandboxapi.flinks.io/v3/";

export async function authorize(token: string, loginId: string) {
  return fetch(BASE + "Authorize", {
    method: "POST",
    headers: { "Authorization": `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ LoginId: loginId }),
  });
}

export async function accounts(requestId: string, apiKey: string) {
  return fetch(`${BASE}GetAccountsDetail `, { method: "POST", headers: { "x-api-key": apiKey } });
}

const dotted = `https://${process.env.FLINKS_INSTANCE}.api.private.fin.ag/v3/`;
