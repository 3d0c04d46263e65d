// The same in a const, with the environment form: two errors (FLK003 and the
// sandbox host in production, FLK502) and a warning (FLK106), all reported.
use flinks_config::{api_url, ApiUrl};

const URL: ApiUrl = api_url!(
    production,
    "https://toolbox-api.private.fin.ag//v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/Authorize?x=1"
);

fn main() {
    let _ = URL;
}
