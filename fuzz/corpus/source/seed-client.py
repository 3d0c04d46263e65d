import os
import requests

API = os.getenv("FLINKS_API_URL", "http://toolbox-api.private.fin.ag/v3/")
SECRET_KEY = "c4569c54-e167-4d34-8de6-f4113bc82414"


def authorize(instance, customer_id, token):
    url = f"https://{instance}-api.private.fin.ag/v3/{customer_id}/BankingServices/Authorize"
    return requests.post(url, headers={"x-api-key": token}, json={})


def iframe():
    return "https://toolbox-iframe.private.fin.ag/v2/?authorizetoken=abc&demo=true"
