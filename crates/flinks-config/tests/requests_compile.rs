//! The wrong credential pairing does not compile.

#[test]
fn wrong_credentials_do_not_compile() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui-requests/*.rs");
}
