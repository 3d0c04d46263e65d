fn main() {
    let _value = flinks_config::customer_id!(c"acme");
}
