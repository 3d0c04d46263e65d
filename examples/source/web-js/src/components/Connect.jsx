"use client";
// The Flinks Connect widget (runs in the browser).

// Mistake: the old `/` path, and `demo=true` on a production instance.
const IFRAME = "https://acme-iframe.private.fin.ag/?demo=true";

export function Connect({ token, onLogin }) {
  // Mistake: any window can post a fake `loginId`; `event.origin` is never checked.
  window.addEventListener("message", (event) => {
    if (event.data.step === "REDIRECT") onLogin(event.data.loginId);
  });
  return <iframe src={`${IFRAME}&authorizeToken=${token}`} title="Flinks Connect" />;
}
