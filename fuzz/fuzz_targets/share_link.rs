//! Any text as a share link: `share_link::decode` never panics and never inflates past the
//! plan size limit; what it accepts is a plan that encodes and decodes back identical.

#![no_main]

use libfuzzer_sys::fuzz_target;
use region_planner::core::share_link::{decode, encode};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for link in [text.to_string(), format!("#plan={text}")] {
        if let Ok(plan) = decode(&link) {
            if let Ok(fragment) = encode(&plan) {
                assert_eq!(decode(&fragment), Ok(plan));
            }
        }
    }
});
