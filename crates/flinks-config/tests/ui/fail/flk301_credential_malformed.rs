fn main() {
    let _value = flinks_config::customer_id!("43387ca6-0391-4c82-857d");
}
