//! Compile-time checked literals: each macro rule's compile error (committed
//! `.stderr`) and the literal forms that must compile.
#![cfg(feature = "macros")]

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/fail/*.rs");
    cases.pass("tests/ui/pass/*.rs");
}
