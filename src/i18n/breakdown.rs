//! Breakdown errors and warnings in the manager's language.

use rust_decimal::Decimal;

use super::{Catalogue, fill};
use crate::core::breakdown::{
    BreakdownError as E, BreakdownWarning as W, LockedValue, NodeRef, Pinned,
};
use crate::core::scenario::{Level, Measure, Method};
use crate::view::numbers::grouped;

impl Catalogue {
    pub fn measure(&self, m: Measure) -> &'static str {
        match m {
            Measure::Amount => self.measure_amount,
            Measure::Quantity => self.measure_quantity,
        }
    }

    pub fn method(&self, m: Method) -> &'static str {
        match m {
            Method::Even => self.method_even,
            Method::Weighted => self.method_weighted,
            Method::History => self.method_history,
            Method::Manual => self.method_manual,
        }
    }

    pub fn level(&self, l: Level) -> &'static str {
        match l {
            Level::Company => self.company,
            Level::Region => self.region,
            Level::Subdistrict => self.subdistrict,
            Level::Salesperson => self.salesperson,
        }
    }

    /// The nodes one level below.
    pub fn children_of(&self, l: Level) -> &'static str {
        match l {
            Level::Company => self.regions,
            Level::Region => self.subdistricts,
            Level::Subdistrict | Level::Salesperson => self.salespeople,
        }
    }

    /// A node as named in messages: its level and name.
    pub fn node(&self, n: &NodeRef) -> String {
        fill(self.node_label, &[self.level(n.level), &n.name])
    }

    /// The short month names of the catalogue, January first.
    pub fn month_name(&self, month: u32) -> &'static str {
        self.month_names
            .split(',')
            .nth(month.saturating_sub(1) as usize)
            .unwrap_or("")
    }

    /// A month of a year as people write it: `2027年12月`, `Dec 2027`.
    pub fn month_of_year(&self, m: crate::core::period::YearMonth) -> String {
        match self.lang() {
            crate::core::lang::Lang::Zh => format!("{}年{}", m.year, self.month_name(m.month)),
            crate::core::lang::Lang::En => format!("{} {}", self.month_name(m.month), m.year),
        }
    }

    fn locked_list(&self, locked: &[LockedValue]) -> String {
        locked
            .iter()
            .map(|l| format!("{} {}", self.node(&l.node), grouped(l.value)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn breakdown_error(&self, e: &E) -> String {
        let d = |v: &Decimal| grouped(*v);
        match e {
            E::UnitNotPositive { measure, value, .. } => fill(
                self.bd_unit_not_positive,
                &[self.measure(*measure), &d(value)],
            ),
            E::NegativeTarget { measure, value, .. } => fill(
                self.bd_negative_target,
                &[self.measure(*measure), &d(value)],
            ),
            E::TargetNotMultipleOfUnit {
                measure,
                value,
                unit,
                ..
            } => fill(
                self.bd_target_not_multiple,
                &[self.measure(*measure), &d(value), &d(unit)],
            ),
            E::TooManyUnits {
                measure,
                value,
                unit,
                ..
            } => fill(
                self.bd_too_many_units,
                &[self.measure(*measure), &d(value), &d(unit)],
            ),
            E::SeasonalityMonthCount { expected, found } => fill(
                self.bd_season_count,
                &[&found.to_string(), &expected.to_string()],
            ),
            E::SeasonalityMissing { month, .. } => {
                fill(self.bd_season_missing, &[&month.to_string()])
            }
            E::SeasonalityNegative { month, value, .. } => fill(
                self.bd_season_negative,
                &[&month.to_string(), &value.to_string()],
            ),
            E::SeasonalityTotal { total } => {
                fill(self.bd_season_total, &[&total.normalize().to_string()])
            }
            E::MethodNotAllowed { level, method, .. } => fill(
                self.bd_method_not_allowed,
                &[self.method(*method), self.children_of(parent_of(*level))],
            ),
            E::NegativeFactorWeight { factor, value } => fill(
                self.bd_negative_factor_weight,
                &[self.factor(*factor), &d(value)],
            ),
            E::NegativeFactor {
                node,
                factor,
                value,
            } => fill(
                self.bd_negative_factor,
                &[&self.node(node), self.factor(*factor), &d(value)],
            ),
            E::NegativeHistory {
                node,
                measure,
                value,
            } => fill(
                self.bd_negative_history,
                &[&self.node(node), self.measure(*measure), &d(value)],
            ),
            E::NegativeManual {
                node,
                measure,
                value,
            } => fill(
                self.bd_negative_manual,
                &[&self.node(node), self.measure(*measure), &d(value)],
            ),
            E::NegativeMultiplier { tier, value } => {
                fill(self.bd_negative_multiplier, &[self.tier(*tier), &d(value)])
            }
            E::WeightTooLarge { node, measure } => fill(
                self.bd_weight_too_large,
                &[&self.node(node), self.measure(*measure)],
            ),
            E::NegativeLock {
                node,
                measure,
                value,
            } => fill(
                self.bd_negative_lock,
                &[&self.node(node), self.measure(*measure), &d(value)],
            ),
            E::LockNotMultipleOfUnit {
                node,
                measure,
                value,
                unit,
            } => fill(
                self.bd_lock_not_multiple,
                &[
                    &self.node(node),
                    self.measure(*measure),
                    &d(value),
                    &d(unit),
                ],
            ),
            E::LockTooLarge {
                node,
                measure,
                value,
                unit,
            } => fill(
                self.bd_lock_too_large,
                &[
                    &self.node(node),
                    self.measure(*measure),
                    &d(value),
                    &d(unit),
                ],
            ),
            E::LocksExceedParent {
                parent,
                measure,
                parent_value,
                locked_total,
                locked,
            } => fill(
                self.bd_locks_exceed,
                &[
                    self.measure(*measure),
                    &self.node(parent),
                    &d(locked_total),
                    &d(parent_value),
                    &self.locked_list(locked),
                ],
            ),
            E::LocksDoNotAddUp {
                parent,
                measure,
                parent_value,
                locked_total,
                locked,
            } => fill(
                self.bd_locks_do_not_add_up,
                &[
                    &self.node(parent),
                    self.measure(*measure),
                    &d(locked_total),
                    &d(parent_value),
                    &self.locked_list(locked),
                ],
            ),
            E::RoundingFailed { parent, measure } => fill(
                self.bd_rounding_failed,
                &[self.measure(*measure), &self.node(parent)],
            ),
        }
    }

    pub fn breakdown_warning(&self, w: &W) -> String {
        match w {
            W::ZeroWeights {
                parent,
                measure,
                method,
                remaining,
            } => fill(
                self.bdw_zero_weights,
                &[
                    self.measure(*measure),
                    &self.node(parent),
                    self.method(*method),
                    &grouped(*remaining),
                ],
            ),
            W::ManualSumDiffers {
                parent,
                measure,
                typed_total,
                to_split,
            } => fill(
                self.bdw_manual_sum,
                &[
                    self.measure(*measure),
                    &self.node(parent),
                    &grouped(*typed_total),
                    &grouped(*to_split),
                ],
            ),
            W::NoChildren { node } => fill(
                self.bdw_no_children,
                &[&self.node(node), self.children_of(node.level)],
            ),
            W::UnknownNode { id, what } => {
                let what = match what {
                    Pinned::Lock => self.bdw_pinned_lock,
                    Pinned::Manual => self.bdw_pinned_manual,
                };
                fill(self.bdw_unknown_node, &[what, id])
            }
            W::DuplicateId { id } => fill(self.bdw_duplicate_id, &[id]),
            W::RespreadIgnored { node, as_of } => {
                fill(self.bdw_respread_ignored, &[node, &as_of.to_string()])
            }
            W::ShareWithoutCustomers { region, share } => fill(
                self.bdw_share_without_customers,
                &[&region.name, &share.normalize().to_string()],
            ),
        }
    }
}

/// `MethodNotAllowed` names the level being split onto; messages speak of its nodes.
fn parent_of(level: Level) -> Level {
    match level {
        Level::Company | Level::Region => Level::Company,
        Level::Subdistrict => Level::Region,
        Level::Salesperson => Level::Subdistrict,
    }
}
