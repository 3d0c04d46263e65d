fn main() {
    let _value = flinks_config::instance!("43387ca6-0391-4c82-857d-70d95f087ecb");
}
