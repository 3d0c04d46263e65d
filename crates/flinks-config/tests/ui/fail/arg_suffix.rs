fn main() {
    let _value = flinks_config::instance!("acme"suffix);
}
