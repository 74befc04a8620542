//! Arbitrary valid strings through reader + extractor; inputs that are not UTF-8 are skipped
//! so that mutations stay in valid text (non-ASCII letters, dashes, quotes).
#![no_main]

use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check::extract_and_check(text);
    }
});
