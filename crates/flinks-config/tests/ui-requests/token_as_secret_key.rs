use flinks_config::request::*;
use flinks_config::*;
use std::time::SystemTime;

fn main() {
    let base = ApiUrl::base(&Instance::TOOLBOX, &CustomerId::TOOLBOX);
    let login = LoginId::parse("5e1a7a9b-4c2d-4b7e-9d1f-2a3b4c5d6e7f").unwrap();
    let id = RequestId::parse("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d").unwrap();
    let secret = SecretKey::parse("c4569c54-e167-4d34-8de6-f4113bc82414").unwrap();
    let key = ApiKey::parse("0ce2a0a8-7aa4-4e8b-9d2d-3f3c8a1b2c3d").unwrap();
    let token = AuthorizeToken::parse("d65f1adb-8ebc-48dc-be8b-20c773ba1565", SystemTime::now()).unwrap();
    let _ = (&login, &id, &secret, &key, &token);
    let _ = GenerateAuthorizeToken::request(&base, &token);
}
