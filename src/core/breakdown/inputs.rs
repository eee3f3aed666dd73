//! The scenario's own inputs, checked before any split: units, company targets, seasonality,
//! methods per level, factor weights and tier multipliers. Each check reports every problem it
//! finds and leaves `None` where a value cannot be used, so the rest of the breakdown can still
//! look for further problems.

use rust_decimal::Decimal;

use crate::core::model::{Factor, Plan};
use crate::core::scenario::{Level, Measure, Method, Scenario};
use crate::core::tier::Tier;

use super::arith::{UnitsError, int_weights, units_of};
use super::issues::BreakdownError;

/// The usable parts of a scenario.
pub struct Inputs {
    /// Rounding unit per measure, if positive.
    pub unit: [Option<Decimal>; 2],
    /// The company's target in units per measure, if valid.
    pub target: [Option<i64>; 2],
    /// Seasonality as integer weights (one per month), if valid.
    pub seasonality: Option<Vec<u128>>,
    /// The method splitting a parent over the nodes of each level (region, sub-district,
    /// salesperson), if allowed there and its inputs are valid.
    pub method: [Option<Method>; 3],
}

impl Inputs {
    pub fn method_for(&self, child_level: Level) -> Option<Method> {
        match child_level {
            Level::Company => None,
            Level::Region => self.method[0],
            Level::Subdistrict => self.method[1],
            Level::Salesperson => self.method[2],
        }
    }
}

fn unit_field(measure: Measure) -> &'static str {
    match measure {
        Measure::Amount => "amount_unit",
        Measure::Quantity => "quantity_unit",
    }
}

fn target_field(measure: Measure) -> &'static str {
    match measure {
        Measure::Amount => "amount_target",
        Measure::Quantity => "quantity_target",
    }
}

pub fn check(plan: &Plan, scenario: &Scenario, errors: &mut Vec<BreakdownError>) -> Inputs {
    let mut inputs = Inputs {
        unit: [None; 2],
        target: [None; 2],
        seasonality: None,
        method: [None; 3],
    };
    for measure in Measure::ALL {
        let (unit, target) = check_measure(scenario, measure, errors);
        inputs.unit[measure.index()] = unit;
        inputs.target[measure.index()] = target;
    }
    inputs.seasonality = check_seasonality(plan, scenario, errors);
    for (slot, level) in [Level::Region, Level::Subdistrict, Level::Salesperson]
        .into_iter()
        .enumerate()
    {
        inputs.method[slot] = check_method(scenario, level, errors);
    }
    inputs
}

fn check_measure(
    scenario: &Scenario,
    measure: Measure,
    errors: &mut Vec<BreakdownError>,
) -> (Option<Decimal>, Option<i64>) {
    let (unit, value) = (scenario.unit(measure), scenario.target(measure));
    let (unit_field, field) = (unit_field(measure), target_field(measure));
    if value.is_sign_negative() && !value.is_zero() {
        errors.push(BreakdownError::NegativeTarget {
            measure,
            field,
            value,
        });
    }
    if unit <= Decimal::ZERO {
        errors.push(BreakdownError::UnitNotPositive {
            measure,
            field: unit_field,
            value: unit,
        });
        return (None, None);
    }
    let target = match units_of(value, unit) {
        Ok(units) => Some(units),
        Err(UnitsError::Negative) => None,
        Err(UnitsError::NotMultiple) => {
            errors.push(BreakdownError::TargetNotMultipleOfUnit {
                measure,
                field,
                value,
                unit,
            });
            None
        }
        Err(UnitsError::TooMany) => {
            errors.push(BreakdownError::TooManyUnits {
                measure,
                field,
                value,
                unit,
            });
            None
        }
    };
    (Some(unit), target)
}

fn check_seasonality(
    plan: &Plan,
    scenario: &Scenario,
    errors: &mut Vec<BreakdownError>,
) -> Option<Vec<u128>> {
    let months = plan.period.months();
    let shares = &scenario.seasonality;
    if scenario.even_months() {
        return Some(vec![1; months.len()]);
    }
    if shares.len() != months.len() {
        errors.push(BreakdownError::SeasonalityMonthCount {
            expected: months.len(),
            found: shares.len(),
        });
        return None;
    }
    let before = errors.len();
    let mut present = Vec::with_capacity(shares.len());
    for (index, (share, &month)) in shares.iter().zip(&months).enumerate() {
        match share {
            None => errors.push(BreakdownError::SeasonalityMissing { index, month }),
            Some(v) if v.is_sign_negative() && !v.is_zero() => {
                errors.push(BreakdownError::SeasonalityNegative {
                    index,
                    month,
                    value: *v,
                })
            }
            Some(v) => present.push(*v),
        }
    }
    if errors.len() > before {
        return None;
    }
    let total = present
        .iter()
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v))
        .unwrap_or(Decimal::MAX);
    if total != Decimal::ONE_HUNDRED {
        errors.push(BreakdownError::SeasonalityTotal {
            total: total.normalize(),
        });
        return None;
    }
    let mut weights = Vec::with_capacity(present.len());
    int_weights(&present, &mut weights)?;
    Some(weights)
}

fn check_method(
    scenario: &Scenario,
    level: Level,
    errors: &mut Vec<BreakdownError>,
) -> Option<Method> {
    let method = scenario.methods.get(level);
    let allowed = level.methods();
    if !allowed.contains(&method) {
        errors.push(BreakdownError::MethodNotAllowed {
            level,
            method,
            allowed,
        });
        return None;
    }
    let mut usable = true;
    if level == Level::Subdistrict && method == Method::Weighted {
        for factor in Factor::ALL {
            let value = scenario.factor_weights.get(factor);
            if value.is_sign_negative() && !value.is_zero() {
                errors.push(BreakdownError::NegativeFactorWeight { factor, value });
                usable = false;
            }
        }
    }
    if level == Level::Region && scenario.methods.region_tier_multiplier {
        for tier in Tier::ALL {
            let value = scenario.tier_policies.get(tier).multiplier;
            if value.is_sign_negative() && !value.is_zero() {
                errors.push(BreakdownError::NegativeMultiplier { tier, value });
                usable = false;
            }
        }
    }
    usable.then_some(method)
}
