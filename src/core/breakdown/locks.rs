//! Locks: pinned annual values of a parent's children, in whole units.

use rust_decimal::Decimal;

use crate::core::scenario::{Measure, Scenario};

use super::arith::{UnitsError, units_of};
use super::issues::BreakdownError;
use super::weights::Siblings;

/// A child's lock for one measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lock {
    Free,
    /// Pinned to this many units.
    Units(i64),
    /// Pinned to a value that cannot be used (already reported).
    Invalid,
}

/// The locked value of a node for a measure, as typed.
pub fn lock_of(scenario: &Scenario, id: &str, measure: Measure) -> Option<Decimal> {
    scenario.locks.get(id).and_then(|v| v.get(measure))
}

/// The locks of each sibling for both measures (`units` holds the usable units). Locks that are
/// negative, not whole units or absurdly large are reported and marked invalid.
pub fn sibling_locks(
    scenario: &Scenario,
    siblings: Siblings,
    units: [Option<Decimal>; 2],
    out: &mut [Vec<Lock>; 2],
    errors: &mut Vec<BreakdownError>,
) {
    let n = siblings.len();
    for v in out.iter_mut() {
        v.clear();
        v.resize(n, Lock::Free);
    }
    if scenario.locks.is_empty() {
        return;
    }
    for (i, id) in (0..n).map(|i| (i, siblings.id(i))) {
        let Some(values) = scenario.locks.get(id) else {
            continue;
        };
        for measure in Measure::ALL {
            let Some(value) = values.get(measure) else {
                continue;
            };
            out[measure.index()][i] = match units[measure.index()] {
                None => Lock::Invalid,
                Some(unit) => match units_of(value, unit) {
                    Ok(u) => Lock::Units(u),
                    Err(why) => {
                        let node = siblings.node_ref(i);
                        errors.push(match why {
                            UnitsError::Negative => BreakdownError::NegativeLock {
                                node,
                                measure,
                                value,
                            },
                            UnitsError::NotMultiple => BreakdownError::LockNotMultipleOfUnit {
                                node,
                                measure,
                                value,
                                unit,
                            },
                            UnitsError::TooMany => BreakdownError::LockTooLarge {
                                node,
                                measure,
                                value,
                                unit,
                            },
                        });
                        Lock::Invalid
                    }
                },
            };
        }
    }
}
