//! Arbitrary bytes, decoded lossily (as `extract --lossy` does), through reader + extractor.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check::extract_and_check(&text);
});
