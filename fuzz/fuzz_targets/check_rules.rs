//! Fuzz target `check_rules`: see `lexdef::fuzzing::check_rules` for what it drives and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    lexdef::fuzzing::check_rules(data);
});
