//! Misuse of the derives is a compile error on the right span.

#[test]
fn misuse_is_reported_on_its_span() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
