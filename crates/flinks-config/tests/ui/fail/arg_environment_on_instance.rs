fn main() {
    let _value = flinks_config::instance!(production, "acme");
}
