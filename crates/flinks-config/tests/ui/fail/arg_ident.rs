fn main() {
    let _value = flinks_config::api_url!(URL);
}
