//! Compile-fail tests: each file under `ui/` is a misuse the compiler must
//! reject, with the message in the `.stderr` beside it. Refresh the expected
//! messages with `TRYBUILD=overwrite cargo test -p weaviate-orm-tests --test ui`
//! and read every change: the messages are part of the user experience.

#[test]
fn misuses_are_rejected_with_readable_errors() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/derive/*.rs");
    cases.compile_fail("ui/query/*.rs");
    cases.compile_fail("ui/data/*.rs");
    cases.compile_fail("ui/search/*.rs");
    cases.compile_fail("ui/handles/*.rs");
    cases.compile_fail("ui/vectors/*.rs");
    cases.compile_fail("ui/modules/*.rs");
    cases.compile_fail("ui/settings/*.rs");
}

#[test]
fn reasonable_code_compiles() {
    let cases = trybuild::TestCases::new();
    cases.pass("ui/pass/*.rs");
}
