//! Fuzz target `structure`: see `lexdef::fuzzing::structure` for what it drives and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    lexdef::fuzzing::structure(data);
});
