//! Actual sales of one salesperson in one month, and typing them in.

use rust_decimal::Decimal;

use crate::core::field::{FieldError, max_value};
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::scenario::Measure;

use super::edit_error::EditError;

/// What a salesperson sold in a month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Actual {
    /// 销售额, money.
    pub amount: Decimal,
    /// 销量, units.
    pub quantity: Decimal,
    /// 回款, money collected.
    pub collections: Decimal,
}

impl From<[Decimal; 3]> for Actual {
    fn from([amount, quantity, collections]: [Decimal; 3]) -> Self {
        Self {
            amount,
            quantity,
            collections,
        }
    }
}

impl From<Actual> for [Decimal; 3] {
    fn from(a: Actual) -> Self {
        [a.amount, a.quantity, a.collections]
    }
}

/// The three figures an actual has: the two measures with targets, and collections (回款,
/// whose targets are broken down in proportion to the amount's).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    Amount,
    Quantity,
    Collections,
}

impl Figure {
    pub const ALL: [Figure; 3] = [Figure::Amount, Figure::Quantity, Figure::Collections];

    pub fn key(self) -> &'static str {
        match self {
            Figure::Amount => "amount",
            Figure::Quantity => "quantity",
            Figure::Collections => "collections",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// The breakdown's measure of this figure; `None` for collections, broken down apart.
    pub fn measure(self) -> Option<Measure> {
        match self {
            Figure::Amount => Some(Measure::Amount),
            Figure::Quantity => Some(Measure::Quantity),
            Figure::Collections => None,
        }
    }
}

impl From<Measure> for Figure {
    fn from(m: Measure) -> Self {
        match m {
            Measure::Amount => Figure::Amount,
            Measure::Quantity => Figure::Quantity,
        }
    }
}

impl Actual {
    pub fn get(&self, figure: Figure) -> Decimal {
        match figure {
            Figure::Amount => self.amount,
            Figure::Quantity => self.quantity,
            Figure::Collections => self.collections,
        }
    }

    /// Refuses a negative or absurdly large figure.
    pub fn check(&self) -> Result<(), EditError> {
        for f in Figure::ALL {
            let v = self.get(f);
            if v.is_sign_negative() && !v.is_zero() {
                return Err(EditError::field(f.key(), FieldError::Negative));
            }
            if v > max_value() {
                return Err(EditError::field(f.key(), FieldError::TooLarge));
            }
        }
        Ok(())
    }
}

/// Sets (replaces) a salesperson's actual for a month.
pub fn set_actual(
    plan: &mut Plan,
    salesperson: &str,
    month: YearMonth,
    actual: Actual,
) -> Result<(), EditError> {
    if plan.salesperson(salesperson).is_none() {
        return Err(EditError::UnknownSalesperson(salesperson.into()));
    }
    if !plan.period.months().contains(&month) {
        return Err(EditError::MonthOutsidePeriod(month));
    }
    actual.check()?;
    plan.execution
        .actuals
        .entry(salesperson.to_string())
        .or_default()
        .insert(month, actual);
    Ok(())
}

/// Removes a salesperson's actual for a month (it was never reported); true if there was one.
pub fn remove_actual(plan: &mut Plan, salesperson: &str, month: YearMonth) -> bool {
    let actuals = &mut plan.execution.actuals;
    let Some(months) = actuals.get_mut(salesperson) else {
        return false;
    };
    let removed = months.remove(&month).is_some();
    if months.is_empty() {
        actuals.remove(salesperson);
    }
    removed
}

/// The latest month of the plan's period with any actual recorded, if any.
pub fn latest_actual_month(plan: &Plan) -> Option<YearMonth> {
    let months = plan.period.months();
    let (first, last) = (*months.first()?, *months.last()?);
    plan.execution
        .actuals
        .values()
        .filter_map(|m| m.range(first..=last).next_back().map(|(k, _)| *k))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn typed_actuals_replace_and_are_checked() {
        let mut plan = sample_plan(Lang::En);
        let p = plan.regions[0].subdistricts[0].salespeople[0].id.clone();
        let jan = YearMonth::new(2027, 1).unwrap();
        let a = Actual {
            amount: d("1000"),
            quantity: d("40"),
            collections: d("900"),
        };
        set_actual(&mut plan, &p, jan, a).unwrap();
        let b = Actual {
            amount: d("500"),
            ..a
        };
        set_actual(&mut plan, &p, jan, b).unwrap();
        assert_eq!(plan.execution.actuals[&p][&jan], b, "replaced, not added");
        assert_eq!(latest_actual_month(&plan), Some(jan));
        let bad = Actual {
            quantity: d("-1"),
            ..a
        };
        assert_eq!(
            set_actual(&mut plan, &p, jan, bad),
            Err(EditError::field("quantity", FieldError::Negative))
        );
        let dec = YearMonth::new(2026, 12).unwrap();
        assert_eq!(
            set_actual(&mut plan, &p, dec, a),
            Err(EditError::MonthOutsidePeriod(dec))
        );
        assert_eq!(
            set_actual(&mut plan, "nobody", jan, a),
            Err(EditError::UnknownSalesperson("nobody".into()))
        );
        assert!(remove_actual(&mut plan, &p, jan));
        assert!(plan.execution.actuals.is_empty());
        assert_eq!(latest_actual_month(&plan), None);
    }
}
