//! Fuzz target `definitions`: see `lexdef::fuzzing::definitions` for what it drives and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    lexdef::fuzzing::definitions(data);
});
