fn main() {
    let _value = flinks_config::instance!("Acme.ca");
}
