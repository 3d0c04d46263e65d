BASE = ENV.fetch("FLINKS_API_URL", "https://sandbox.flinks.io/v3/")
IFRAME = "https://#{instance}.iframe.private.fin.ag/v2/"
