//! Any bytes as a plan file: `read_plan` and `check_plan_text` never panic, never hang, and
//! whatever they accept is a valid plan that writes and reads back identical.

#![no_main]

use libfuzzer_sys::fuzz_target;
use region_planner::core::format::{check_plan_text, read_plan, write_plan};
use region_planner::core::validate::validate_plan;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match read_plan(&text) {
        Ok(plan) => {
            assert!(validate_plan(&plan).is_empty(), "an accepted plan is valid");
            let again = read_plan(&write_plan(&plan)).expect("an accepted plan reads back");
            assert_eq!(again, plan);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    if let Err(findings) = check_plan_text(&text) {
        assert!(
            !findings.is_empty(),
            "a refused text names at least one problem"
        );
    }
});
