#!/bin/sh
# Generates a token the old way.
FLINKS_API_URL="https://toolbox-api.private.fin.ag//v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices"
curl --request POST \
  --url "https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/GenerateAuthorizeToken" \
  --header 'Content-Type: application/json' \
  --header "x-api-key: $FLINKS_SECRET_KEY"
