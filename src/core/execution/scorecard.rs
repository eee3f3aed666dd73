//! The distributor scorecard (客户考评): seven measures from a distributor's figures for a month,
//! each turned into a 0–100 score on a fixed scale, combined by the plan's weights.
//!
//! | measure | value | score (clamped to 0–100) |
//! |---|---|---|
//! | completion | completed ÷ contract volume | 100 × value (100% done = 100) |
//! | sales share | our sales ÷ their category sales | 100 × value |
//! | growth (销量增长率) | year-on-year (同比) **or** month-on-month (环比) growth, as the plan's settings choose | 50 + 250 × value (flat = 50, +20% = 100, −20% = 0) |
//! | profit rate | (revenue − costs − promotions − rebates) ÷ revenue | 500 × value (20% margin = 100) |
//! | price discipline | price violations counted (lower is better) | 100 − 20 per violation |
//! | cross-territory selling (窜货) | incidents counted (lower is better) | 100 − 20 per incident |
//! | collection cycle | days to collect (lower is better) | 100 up to 30 days, 0 from 90, linear between |
//!
//! Fixed scales, not ranks among peers: a distributor's score depends on its own figures only,
//! so it can be explained to the distributor and does not move when another is added. Price
//! discipline is a count of violations (like 窜货) rather than a rating, because a count is a
//! fact that can be checked. A measure whose value is undefined (a zero denominator, no
//! collection days entered) has no score and is left out: the composite is the weighted mean
//! of the scores there are, Σ weight × score ÷ Σ weight over those measures.

use rust_decimal::Decimal;

use crate::core::field::{FieldError, max_value};
use crate::core::model::Plan;
use crate::core::period::YearMonth;

use super::archive::CustomerKind;
use super::edit_error::EditError;
use super::ratio;

/// A distributor's figures for one month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreEntry {
    /// Id of the distributor's archive record.
    pub customer: String,
    pub month: YearMonth,
    pub figures: ScoreFigures,
}

/// What the scorecard is computed from. Missing numbers read as zero.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScoreFigures {
    /// Volume the contract asks for in the month.
    pub contract_volume: Decimal,
    /// Volume done.
    pub completed_volume: Decimal,
    /// Our sales through the distributor this month.
    pub our_sales: Decimal,
    /// The distributor's sales of the whole category this month.
    pub category_sales: Decimal,
    /// Our sales through the distributor last month.
    pub last_month_sales: Decimal,
    /// Our sales through the distributor in the same month last year.
    pub last_year_sales: Decimal,
    /// Revenue from the distributor.
    pub revenue: Decimal,
    pub costs: Decimal,
    pub promotions: Decimal,
    pub rebates: Decimal,
    /// Price violations found (价格管理).
    pub price_violations: u32,
    /// Cross-territory selling incidents (窜货).
    pub cross_territory: u32,
    /// Days to collect payment (回款周期); `None` when not known.
    pub collection_days: Option<Decimal>,
}

/// The seven measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ScoreMeasure {
    Completion,
    Share,
    Growth,
    Profit,
    Price,
    CrossTerritory,
    Collection,
}

impl ScoreMeasure {
    pub const ALL: [ScoreMeasure; 7] = [
        ScoreMeasure::Completion,
        ScoreMeasure::Share,
        ScoreMeasure::Growth,
        ScoreMeasure::Profit,
        ScoreMeasure::Price,
        ScoreMeasure::CrossTerritory,
        ScoreMeasure::Collection,
    ];

    /// The measure's key in JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            ScoreMeasure::Completion => "completion",
            ScoreMeasure::Share => "share",
            ScoreMeasure::Growth => "growth",
            ScoreMeasure::Profit => "profit",
            ScoreMeasure::Price => "price",
            ScoreMeasure::CrossTerritory => "cross_territory",
            ScoreMeasure::Collection => "collection",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// What growth is measured against (销量增长率: 同比 or 环比, as the manager chooses).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GrowthBasis {
    /// 同比: the same month last year.
    #[default]
    YearOnYear,
    /// 环比: the month before.
    MonthOnMonth,
}

impl GrowthBasis {
    pub const ALL: [GrowthBasis; 2] = [GrowthBasis::YearOnYear, GrowthBasis::MonthOnMonth];

    pub fn key(self) -> &'static str {
        match self {
            GrowthBasis::YearOnYear => "year_on_year",
            GrowthBasis::MonthOnMonth => "month_on_month",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.key() == key)
    }
}

/// Weight of each measure in the composite (default 1 each: equal).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScoreWeights {
    pub completion: Decimal,
    pub share: Decimal,
    pub growth: Decimal,
    pub profit: Decimal,
    pub price: Decimal,
    pub cross_territory: Decimal,
    pub collection: Decimal,
}

impl Default for ScoreWeights {
    fn default() -> Self {
        let one = Decimal::ONE;
        Self {
            completion: one,
            share: one,
            growth: one,
            profit: one,
            price: one,
            cross_territory: one,
            collection: one,
        }
    }
}

impl ScoreWeights {
    pub fn get(&self, m: ScoreMeasure) -> Decimal {
        *self.field(m)
    }

    pub fn set(&mut self, m: ScoreMeasure, weight: Decimal) {
        *self.field_mut(m) = weight;
    }

    fn field(&self, m: ScoreMeasure) -> &Decimal {
        match m {
            ScoreMeasure::Completion => &self.completion,
            ScoreMeasure::Share => &self.share,
            ScoreMeasure::Growth => &self.growth,
            ScoreMeasure::Profit => &self.profit,
            ScoreMeasure::Price => &self.price,
            ScoreMeasure::CrossTerritory => &self.cross_territory,
            ScoreMeasure::Collection => &self.collection,
        }
    }

    fn field_mut(&mut self, m: ScoreMeasure) -> &mut Decimal {
        match m {
            ScoreMeasure::Completion => &mut self.completion,
            ScoreMeasure::Share => &mut self.share,
            ScoreMeasure::Growth => &mut self.growth,
            ScoreMeasure::Profit => &mut self.profit,
            ScoreMeasure::Price => &mut self.price,
            ScoreMeasure::CrossTerritory => &mut self.cross_territory,
            ScoreMeasure::Collection => &mut self.collection,
        }
    }
}

/// One measure of a distributor's score: the reason behind the composite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeasureScore {
    pub measure: ScoreMeasure,
    /// The measure's value (a ratio, a count or days); `None` when undefined.
    pub value: Option<Decimal>,
    /// 0–100; `None` when the value is undefined.
    pub score: Option<Decimal>,
    /// The weight from the plan's settings (negative weights count as zero).
    pub weight: Decimal,
    /// weight × score ÷ the weights of the scored measures: what it adds to the composite.
    pub contribution: Option<Decimal>,
}

/// A distributor on the scorecard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreRow {
    /// 1-based; `None` when no measure could be scored.
    pub rank: Option<usize>,
    /// Id of the archive record.
    pub customer: String,
    pub name: String,
    pub month: YearMonth,
    /// Month-on-month growth: (this − last month) ÷ last month.
    pub growth_mom: Option<Decimal>,
    /// Year-on-year growth: (this − same month last year) ÷ that.
    pub growth_yoy: Option<Decimal>,
    /// One per measure, in [`ScoreMeasure::ALL`] order.
    pub measures: [MeasureScore; 7],
    /// Weighted mean of the scores there are (the sum of the contributions).
    pub composite: Option<Decimal>,
}

/// Each measure's value; see the module's table. Growth is the basis chosen, undefined when
/// its base is zero (the other basis never stands in for it).
fn values(
    f: &ScoreFigures,
    basis: GrowthBasis,
) -> ([Option<Decimal>; 7], Option<Decimal>, Option<Decimal>) {
    // Saturating: absurd figures in a plan file must not crash the app.
    let growth = |base: Decimal| ratio(f.our_sales.saturating_sub(base), base);
    let (mom, yoy) = (growth(f.last_month_sales), growth(f.last_year_sales));
    let chosen = match basis {
        GrowthBasis::YearOnYear => yoy,
        GrowthBasis::MonthOnMonth => mom,
    };
    let cost = f
        .costs
        .saturating_add(f.promotions)
        .saturating_add(f.rebates);
    let values = [
        ratio(f.completed_volume, f.contract_volume),
        ratio(f.our_sales, f.category_sales),
        chosen,
        ratio(f.revenue.saturating_sub(cost), f.revenue),
        Some(f.price_violations.into()),
        Some(f.cross_territory.into()),
        f.collection_days,
    ];
    (values, mom, yoy)
}

/// A measure's value on its 0–100 scale.
fn score(m: ScoreMeasure, v: Decimal) -> Decimal {
    let hundred = Decimal::ONE_HUNDRED;
    // Every scale is flat well inside ±10^6, and products stay far from overflow.
    let limit = Decimal::from(1_000_000);
    let v = v.clamp(-limit, limit);
    let raw = match m {
        ScoreMeasure::Completion | ScoreMeasure::Share => hundred * v,
        ScoreMeasure::Growth => Decimal::from(50) + Decimal::from(250) * v,
        ScoreMeasure::Profit => Decimal::from(500) * v,
        ScoreMeasure::Price | ScoreMeasure::CrossTerritory => hundred - Decimal::from(20) * v,
        ScoreMeasure::Collection => (Decimal::from(90) - v) * hundred / Decimal::from(60),
    };
    raw.clamp(Decimal::ZERO, hundred)
}

/// The contract volumes (合同销量) of the distributors linked to `subdistrict`, summed over
/// every month recorded: what the distributors have signed for, to hold against the
/// sub-district's quantity target.
pub fn contract_volume_of(plan: &Plan, subdistrict: &str) -> Decimal {
    let e = &plan.execution;
    e.scorecard
        .iter()
        .filter(|entry| {
            e.customer(&entry.customer).is_some_and(|c| {
                c.subdistrict == subdistrict && c.kind == CustomerKind::Distributor
            })
        })
        .fold(Decimal::ZERO, |sum, entry| {
            sum.saturating_add(entry.figures.contract_volume)
        })
}

/// Scores one distributor's figures with the given weights, growth on `basis`.
pub fn score_figures(
    f: &ScoreFigures,
    weights: &ScoreWeights,
    basis: GrowthBasis,
) -> ([MeasureScore; 7], Option<Decimal>) {
    let (values, _, _) = values(f, basis);
    let mut measures = ScoreMeasure::ALL.map(|m| {
        let value = values[m.index()];
        MeasureScore {
            measure: m,
            value,
            score: value.map(|v| score(m, v)),
            weight: weights.get(m).max(Decimal::ZERO),
            contribution: None,
        }
    });
    let total: Decimal = measures
        .iter()
        .filter(|s| s.score.is_some())
        .map(|s| s.weight)
        .sum();
    if total.is_zero() {
        return (measures, None);
    }
    let mut composite = Decimal::ZERO;
    for s in &mut measures {
        s.contribution = s.score.map(|score| s.weight * score / total);
        composite += s.contribution.unwrap_or_default();
    }
    (measures, Some(composite))
}

/// The ranking for one month: every distributor with figures that month, highest composite
/// first (then by name and id); those with no composite last, unranked.
pub fn scorecard(plan: &Plan, month: YearMonth) -> Vec<ScoreRow> {
    let weights = &plan.execution.settings.score_weights;
    let customers = &plan.execution.customers;
    let mut rows: Vec<ScoreRow> = plan
        .execution
        .scorecard
        .iter()
        .filter(|e| e.month == month)
        .filter_map(|e| {
            let c = customers.iter().find(|c| c.id == e.customer)?;
            let basis = plan.execution.settings.growth_basis;
            let (measures, composite) = score_figures(&e.figures, weights, basis);
            let (_, growth_mom, growth_yoy) = values(&e.figures, basis);
            Some(ScoreRow {
                rank: None,
                customer: c.id.clone(),
                name: c.name.clone(),
                month,
                growth_mom,
                growth_yoy,
                measures,
                composite,
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        let by_score = match (a.composite, b.composite) {
            (Some(x), Some(y)) => y.cmp(&x),
            (x, y) => y.is_some().cmp(&x.is_some()),
        };
        by_score
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.customer.cmp(&b.customer))
    });
    for (k, row) in rows.iter_mut().enumerate() {
        row.rank = row.composite.map(|_| k + 1);
    }
    rows
}

/// Months with scorecard figures, in order.
pub fn score_months(plan: &Plan) -> Vec<YearMonth> {
    let mut months: Vec<YearMonth> = plan.execution.scorecard.iter().map(|e| e.month).collect();
    months.sort_unstable();
    months.dedup();
    months
}

/// Sets (replaces) a distributor's figures for a month.
pub fn set_score_entry(
    plan: &mut Plan,
    customer: &str,
    month: YearMonth,
    figures: ScoreFigures,
) -> Result<(), EditError> {
    let c = plan
        .execution
        .customer(customer)
        .ok_or_else(|| EditError::UnknownCustomer(customer.into()))?;
    if c.kind != CustomerKind::Distributor {
        return Err(EditError::NotADistributor(customer.into()));
    }
    check_figures(&figures)?;
    let entries = &mut plan.execution.scorecard;
    match entries
        .iter_mut()
        .find(|e| e.customer == customer && e.month == month)
    {
        Some(e) => e.figures = figures,
        None => entries.push(ScoreEntry {
            customer: customer.into(),
            month,
            figures,
        }),
    }
    Ok(())
}

/// Every figure is zero or more and not absurdly large.
pub(super) fn check_figures(f: &ScoreFigures) -> Result<(), EditError> {
    let checked = [
        ("contract_volume", f.contract_volume),
        ("completed_volume", f.completed_volume),
        ("our_sales", f.our_sales),
        ("category_sales", f.category_sales),
        ("last_month_sales", f.last_month_sales),
        ("last_year_sales", f.last_year_sales),
        ("revenue", f.revenue),
        ("costs", f.costs),
        ("promotions", f.promotions),
        ("rebates", f.rebates),
        ("collection_days", f.collection_days.unwrap_or_default()),
    ];
    for (field, v) in checked {
        if v.is_sign_negative() && !v.is_zero() {
            return Err(EditError::field(field, FieldError::Negative));
        }
        if v > max_value() {
            return Err(EditError::field(field, FieldError::TooLarge));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod contract_tests {
    use super::*;
    use crate::core::execution::{add_customer, set_score_entry};
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    #[test]
    fn a_sub_districts_contract_volume_sums_its_distributors_months() {
        let mut plan = sample_plan(Lang::En);
        let sub = plan.regions[0].subdistricts[0].id.clone();
        let other = plan.regions[0].subdistricts[1].id.clone();
        let mine = add_customer(&mut plan, CustomerKind::Distributor, "Mine", &sub).unwrap();
        let theirs = add_customer(&mut plan, CustomerKind::Distributor, "Theirs", &other).unwrap();
        let volume = |v: i64| ScoreFigures {
            contract_volume: Decimal::from(v),
            ..ScoreFigures::default()
        };
        let (jan, feb) = (
            YearMonth::new(2027, 1).unwrap(),
            YearMonth::new(2027, 2).unwrap(),
        );
        set_score_entry(&mut plan, &mine, jan, volume(1_000)).unwrap();
        set_score_entry(&mut plan, &mine, feb, volume(1_500)).unwrap();
        set_score_entry(&mut plan, &theirs, jan, volume(9_000)).unwrap();
        assert_eq!(contract_volume_of(&plan, &sub), Decimal::from(2_500));
        assert_eq!(contract_volume_of(&plan, &other), Decimal::from(9_000));
    }
}
