//! Format versions and the steps between them.
//!
//! A plan file declares its `format_version`. Version 1 is the first released format (there was
//! never a version 0). When the format changes incompatibly, [`FORMAT_VERSION`] goes up by one
//! and one [`Step`] is appended to [`STEPS`]: a function that rewrites the JSON of a plan of the
//! previous version into the next. Reading a plan applies every step from its version up to the
//! current one, so files of every released version keep importing. Each released version has a
//! fixture in `tests/fixtures/plan-vN.json` that must keep importing.

use serde_json::{Map, Value};

use crate::core::model::FORMAT_VERSION;

/// The oldest format version this program reads: the first one released.
pub const OLDEST_VERSION: u32 = 1;

/// Rewrites the JSON object of a plan of version `from` into version `from + 1`.
#[derive(Clone, Copy)]
pub struct Step {
    pub from: u32,
    pub upgrade: fn(&mut Map<String, Value>) -> Result<(), String>,
}

/// One step per version after the oldest: `STEPS[i]` upgrades `OLDEST_VERSION + i`. None yet:
/// version 1 is the current version.
pub const STEPS: &[Step] = &[];

const _: () = assert!(
    STEPS.len() as u32 == FORMAT_VERSION - OLDEST_VERSION,
    "a new FORMAT_VERSION needs its migration step in STEPS"
);

/// Why an older plan could not be brought up to date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MigrateError {
    /// The JSON is not an object with a whole `format_version`.
    #[error("a plan is a JSON object with a whole-number format_version")]
    NoVersion,
    /// A version older than the oldest released one.
    #[error("format version {0} was never released (the first is {OLDEST_VERSION})")]
    NeverReleased(u64),
    /// A version newer than this program's.
    #[error("format version {0} is newer than this program's ({FORMAT_VERSION})")]
    Future(u64),
    /// A step refused the plan.
    #[error("upgrading from format version {from}: {reason}")]
    Step { from: u32, reason: String },
}

/// Brings the JSON of a plan of any released version up to [`FORMAT_VERSION`], in place.
/// Returns the version it had.
pub fn upgrade(plan: &mut Value) -> Result<u32, MigrateError> {
    upgrade_with(STEPS, plan, FORMAT_VERSION)
}

/// [`upgrade`] over a given list of steps ending at `current` (tests use their own).
pub fn upgrade_with(steps: &[Step], plan: &mut Value, current: u32) -> Result<u32, MigrateError> {
    let object = plan.as_object_mut().ok_or(MigrateError::NoVersion)?;
    let found = object
        .get("format_version")
        .and_then(Value::as_u64)
        .ok_or(MigrateError::NoVersion)?;
    if found < u64::from(OLDEST_VERSION) {
        return Err(MigrateError::NeverReleased(found));
    }
    if found > u64::from(current) {
        return Err(MigrateError::Future(found));
    }
    let found = found as u32;
    for version in found..current {
        let step = steps
            .iter()
            .find(|s| s.from == version)
            .ok_or_else(|| MigrateError::Step {
                from: version,
                reason: "no migration step".into(),
            })?;
        (step.upgrade)(object).map_err(|reason| MigrateError::Step {
            from: version,
            reason,
        })?;
        object.insert("format_version".into(), Value::from(version + 1));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A made-up version 2 that renames `company` to `organisation`, and a version 3 that
    /// requires it: the mechanism a real next version will use.
    fn rename(plan: &mut Map<String, Value>) -> Result<(), String> {
        let company = plan.remove("company").ok_or("no company")?;
        plan.insert("organisation".into(), company);
        Ok(())
    }

    fn require(plan: &mut Map<String, Value>) -> Result<(), String> {
        match plan.get("organisation") {
            Some(Value::String(s)) if !s.is_empty() => Ok(()),
            _ => Err("the organisation is empty".into()),
        }
    }

    const TEST_STEPS: &[Step] = &[
        Step {
            from: 1,
            upgrade: rename,
        },
        Step {
            from: 2,
            upgrade: require,
        },
    ];

    #[test]
    fn each_step_runs_once_in_order_from_the_files_version() {
        let mut v1 = json!({"format_version": 1, "company": "Huaxin"});
        assert_eq!(upgrade_with(TEST_STEPS, &mut v1, 3), Ok(1));
        assert_eq!(v1, json!({"format_version": 3, "organisation": "Huaxin"}));

        let mut v2 = json!({"format_version": 2, "organisation": "Huaxin"});
        assert_eq!(upgrade_with(TEST_STEPS, &mut v2, 3), Ok(2));
        assert_eq!(v2, json!({"format_version": 3, "organisation": "Huaxin"}));

        let mut current = json!({"format_version": 3, "organisation": ""});
        assert_eq!(
            upgrade_with(TEST_STEPS, &mut current, 3),
            Ok(3),
            "nothing to do"
        );
    }

    #[test]
    fn versions_outside_the_released_range_and_failing_steps_are_named() {
        let cases = [
            (json!([1]), MigrateError::NoVersion),
            (json!({"format_version": "1"}), MigrateError::NoVersion),
            (json!({"format_version": 0}), MigrateError::NeverReleased(0)),
            (json!({"format_version": 4}), MigrateError::Future(4)),
            (
                json!({"format_version": 1, "company": ""}),
                MigrateError::Step {
                    from: 2,
                    reason: "the organisation is empty".into(),
                },
            ),
        ];
        for (mut plan, want) in cases {
            let text = plan.to_string();
            assert_eq!(upgrade_with(TEST_STEPS, &mut plan, 3), Err(want), "{text}");
        }
    }

    #[test]
    fn the_current_version_needs_no_step() {
        let mut plan = json!({"format_version": FORMAT_VERSION});
        assert_eq!(upgrade(&mut plan), Ok(FORMAT_VERSION));
        assert_eq!(plan, json!({"format_version": FORMAT_VERSION}));
    }
}
