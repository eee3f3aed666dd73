//! Correction that re-plans (纠偏): a node behind (or ahead of) pace gets its gap to date carried
//! by its remaining months, in a new scenario the workshop can compare and adopt.
//!
//! A [`Respread`] is a decision taken at one as-of month and kept as it was taken: the node's
//! actuals month by month through the as-of month are stored with it, so later actuals never
//! move the scenario's targets. The breakdown applies it after the normal split (see
//! `breakdown::respread`): the node's months to date become what was achieved, to the unit; the
//! gap (planned to date − achieved) is added to its remaining months evenly or by seasonality;
//! its year does not change; its ancestors' months move by the same amounts (their years
//! unchanged) and its descendants' months are split again under its new months.
//!
//! Collections (回款) are re-spread the same way on their own targets (`breakdown::collections`):
//! their targets follow the amounts, but money not collected by the as-of month is still owed
//! and is to come in over the remaining months, which an amount re-spread does not plan.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::breakdown::Breakdown;
use super::edit::MAX_SHORT_TEXT;
use super::execution::{Figure, Tracking};
use super::field::{FieldError, parse_name};
use super::model::Plan;
use super::period::YearMonth;
use super::scenario::Scenario;

/// How the gap is shared over the remaining months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Spread {
    /// The same number of units in every remaining month.
    Even,
    /// In proportion to the scenario's seasonality of the remaining months.
    Seasonal,
}

impl Spread {
    pub const ALL: [Spread; 2] = [Spread::Even, Spread::Seasonal];

    pub fn key(self) -> &'static str {
        match self {
            Spread::Even => "even",
            Spread::Seasonal => "seasonal",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One node's months re-planned after an as-of month, on one measure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Respread {
    /// The region, sub-district or salesperson (the plan's id: the company).
    pub node: String,
    /// Amount, quantity or collections (the last only in a scenario with a collections target).
    pub measure: Figure,
    /// The last month counted as achieved; the months after it carry the gap.
    pub as_of: YearMonth,
    pub how: Spread,
    /// Why (logged with the new scenario).
    pub reason: String,
    /// The node's actual in each month from the period's start through `as_of`, as recorded
    /// when the re-spread was made.
    pub achieved: Vec<Decimal>,
}

/// Why a re-spread cannot be made or read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RespreadError {
    #[error("no region, sub-district or salesperson with id '{0}'")]
    UnknownNode(String),
    /// Nothing recorded yet: there is no gap to date.
    #[error("no actuals are recorded yet, so there is no gap to re-spread")]
    NothingRecorded,
    #[error("{0} is not a month of the plan's period")]
    OutsidePeriod(YearMonth),
    /// The as-of month is the period's last: no month is left to carry the gap.
    #[error("no month is left after {0} to carry the gap")]
    NoMonthLeft(YearMonth),
    #[error("achieved has {found} months; {expected} months run from the period's start to as_of")]
    AchievedCount { expected: usize, found: usize },
    #[error("achieved[{0}] must not be negative")]
    NegativeAchieved(usize),
    #[error("reason: {0}")]
    Reason(FieldError),
    /// Collections re-spread in a scenario that sets no collections target.
    #[error("the scenario sets no collections target, so there are no collections to re-spread")]
    NoCollectionsTarget,
}

impl Respread {
    /// Checks the re-spread against the plan: a known node, an as-of month inside the period
    /// with a month after it, one achieved figure per month to date, none negative, a reason.
    pub fn check(&self, plan: &Plan) -> Result<(), RespreadError> {
        if self.node != plan.id && plan.locate(&self.node).is_none() {
            return Err(RespreadError::UnknownNode(self.node.clone()));
        }
        let months = plan.period.months();
        let Some(at) = months.iter().position(|&m| m == self.as_of) else {
            return Err(RespreadError::OutsidePeriod(self.as_of));
        };
        if at + 1 == months.len() {
            return Err(RespreadError::NoMonthLeft(self.as_of));
        }
        if self.achieved.len() != at + 1 {
            return Err(RespreadError::AchievedCount {
                expected: at + 1,
                found: self.achieved.len(),
            });
        }
        if let Some(k) = self
            .achieved
            .iter()
            .position(|v| v.is_sign_negative() && !v.is_zero())
        {
            return Err(RespreadError::NegativeAchieved(k));
        }
        reason(&self.reason).map(|_| ())
    }

    /// [`Respread::check`], and a collections re-spread only where `scenario` sets a collections
    /// target.
    pub fn check_in(&self, plan: &Plan, scenario: &Scenario) -> Result<(), RespreadError> {
        self.check(plan)?;
        if self.measure == Figure::Collections && scenario.collections_target.is_none() {
            return Err(RespreadError::NoCollectionsTarget);
        }
        Ok(())
    }
}

/// A reason: written, one short line.
pub fn reason(text: &str) -> Result<String, RespreadError> {
    let text = parse_name(text).map_err(|e| match e {
        FieldError::Empty => RespreadError::Reason(FieldError::ReasonRequired),
        e => RespreadError::Reason(e),
    })?;
    if text.chars().count() > MAX_SHORT_TEXT * 2 {
        return Err(RespreadError::Reason(FieldError::TooLong(
            MAX_SHORT_TEXT * 2,
        )));
    }
    Ok(text)
}

/// The re-spread of `node` on `figure` as of the tracking's as-of month, from what the
/// tracking counted (the adopted scenario's breakdown `b` and the plan's actuals).
pub fn respread_from(
    plan: &Plan,
    b: &Breakdown,
    t: &Tracking,
    node: &str,
    figure: Figure,
    how: Spread,
    reason_text: &str,
) -> Result<Respread, RespreadError> {
    let index = b
        .find(node)
        .ok_or_else(|| RespreadError::UnknownNode(node.to_string()))?;
    let as_of = t.as_of().ok_or(RespreadError::NothingRecorded)?;
    let upto = t.months_to_date().len();
    let r = Respread {
        node: node.to_string(),
        measure: figure,
        as_of,
        how,
        reason: reason(reason_text)?,
        achieved: (0..upto).map(|k| t.actual(index, figure, k)).collect(),
    };
    r.check(plan)?;
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::execution::{Actual, set_actual};
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    fn ym(m: u32) -> YearMonth {
        YearMonth::new(2027, m).unwrap()
    }

    #[test]
    fn a_respread_keeps_the_node_s_actuals_to_date_and_is_checked() {
        let mut plan = sample_plan(Lang::En);
        let person = plan.regions[0].subdistricts[0].salespeople[0].id.clone();
        let region = plan.regions[0].id.clone();
        for (m, amount) in [(1, 1000), (2, 2500)] {
            let a = Actual {
                amount: Decimal::from(amount),
                ..Actual::default()
            };
            set_actual(&mut plan, &person, ym(m), a).unwrap();
        }
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let t = Tracking::new(&plan, &b, None);
        let r = respread_from(
            &plan,
            &b,
            &t,
            &region,
            Figure::Amount,
            Spread::Even,
            " slow start ",
        )
        .unwrap();
        assert_eq!(r.as_of, ym(2));
        assert_eq!(r.achieved, [Decimal::from(1000), Decimal::from(2500)]);
        assert_eq!(r.reason, "slow start");

        let err = |f: &dyn Fn(&mut Respread)| {
            let mut bad = r.clone();
            f(&mut bad);
            bad.check(&plan).unwrap_err()
        };
        assert_eq!(
            err(&|r| r.node = "ghost".into()),
            RespreadError::UnknownNode("ghost".into())
        );
        assert_eq!(
            err(&|r| r.as_of = ym(12)),
            RespreadError::NoMonthLeft(ym(12))
        );
        assert_eq!(
            err(&|r| r.as_of = YearMonth::new(2026, 12).unwrap()),
            RespreadError::OutsidePeriod(YearMonth::new(2026, 12).unwrap())
        );
        assert_eq!(
            err(&|r| r.achieved.push(Decimal::ONE)),
            RespreadError::AchievedCount {
                expected: 2,
                found: 3
            }
        );
        assert_eq!(
            err(&|r| r.achieved[1] = Decimal::NEGATIVE_ONE),
            RespreadError::NegativeAchieved(1)
        );
        assert_eq!(
            err(&|r| r.reason = "  ".into()),
            RespreadError::Reason(FieldError::ReasonRequired)
        );
        let nothing = sample_plan(Lang::En);
        let t0 = Tracking::new(&nothing, &b, None);
        assert_eq!(
            respread_from(
                &nothing,
                &b,
                &t0,
                &region,
                Figure::Amount,
                Spread::Even,
                "x"
            ),
            Err(RespreadError::NothingRecorded)
        );
    }
}
