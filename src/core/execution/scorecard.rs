//! The distributor scorecard (客户考评): seven measures from a distributor's figures for a month,
//! each turned into a 0–100 score on its scale, combined by the plan's weights.
//!
//! | measure | value | default scale: 0 points at → 100 points at |
//! |---|---|---|
//! | completion (任务完成率) | completed ÷ contract volume (合同销量) | 0% → 100% |
//! | sales share (销售比重) | our volume ÷ the distributor's volume of the category | 0% → 100% |
//! | growth (销量增长率) | our volume against the same month last year (同比) **or** last month (环比), as the plan's settings choose | −20% → +20% (flat = 50) |
//! | profit rate | (revenue − costs − promotions − rebates) ÷ revenue | 0% → 20% |
//! | price discipline | price violations counted (lower is better) | 5 → 0 |
//! | cross-territory selling (窜货) | incidents counted (lower is better) | 5 → 0 |
//! | collection cycle | days to collect (lower is better) | 90 → 30 days |
//!
//! Sales share and growth are on volume (销量), as the source text defines them
//! ("本公司产品销量占客户所经营的同类产品总销量的比例"); the plan may choose amount instead
//! ([`ScoreBasis`]). A distributor whose month has amounts but no volume at all typed is
//! scored on its amounts for those two measures, and its row says so ([`ScoreRow::on`]): a
//! manager who keeps only money figures gets scores, not blanks, and sees which distributors
//! were scored on amount and that the basis can be switched for everyone. A scale is linear between its two points and flat outside them; each plan
//! may edit its scales ([`ScoreScales`]), and a scale must rise towards its better end (a scale
//! whose 100-point value is not past its 0-point value is refused, naming the measure).
//!
//! Scales, not ranks among peers: a distributor's score depends on its own figures only,
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
use super::ranking::shared_ranks;
use super::{Settings, ratio};

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
    /// Our sales (amount) through the distributor this month.
    pub our_sales: Decimal,
    /// The distributor's sales (amount) of the whole category this month.
    pub category_sales: Decimal,
    /// Our sales (amount) through the distributor last month.
    pub last_month_sales: Decimal,
    /// Our sales (amount) through the distributor in the same month last year.
    pub last_year_sales: Decimal,
    /// Our volume (本品销量) through the distributor this month.
    pub our_volume: Decimal,
    /// The distributor's volume of the whole category (同类产品总销量) this month.
    pub category_volume: Decimal,
    /// Our volume through the distributor last month.
    pub last_month_volume: Decimal,
    /// Our volume through the distributor in the same month last year.
    pub last_year_volume: Decimal,
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

/// What sales share (销售比重) and growth (销量增长率) are computed on.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ScoreBasis {
    /// Volume (销量), as the source text defines both measures.
    #[default]
    Volume,
    /// Amount (销售额).
    Amount,
}

impl ScoreBasis {
    pub const ALL: [ScoreBasis; 2] = [ScoreBasis::Volume, ScoreBasis::Amount];

    /// The basis `f`'s share and growth are computed on when the plan asks for this one: volume
    /// falls back to amount when no volume figure is typed and some amount figure is.
    pub fn for_figures(self, f: &ScoreFigures) -> ScoreBasis {
        let volumes = [
            f.our_volume,
            f.category_volume,
            f.last_month_volume,
            f.last_year_volume,
        ];
        let amounts = [
            f.our_sales,
            f.category_sales,
            f.last_month_sales,
            f.last_year_sales,
        ];
        let no_volume = volumes.iter().all(Decimal::is_zero);
        if self == ScoreBasis::Volume && no_volume && !amounts.iter().all(Decimal::is_zero) {
            ScoreBasis::Amount
        } else {
            self
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ScoreBasis::Volume => "volume",
            ScoreBasis::Amount => "amount",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.key() == key)
    }
}

/// A measure's 0–100 scale: the value that scores 0 and the value that scores 100, linear
/// between and flat outside. Ratios (completion, share, growth, profit) are in percent; counts
/// and days as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScoreScale {
    pub zero: Decimal,
    pub full: Decimal,
}

impl ScoreScale {
    fn new(zero: i64, full: i64) -> Self {
        ScoreScale {
            zero: Decimal::from(zero),
            full: Decimal::from(full),
        }
    }
}

/// Each measure's scale, indexed by [`ScoreMeasure::index`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScoreScales(pub [ScoreScale; 7]);

impl Default for ScoreScales {
    fn default() -> Self {
        ScoreScales([
            ScoreScale::new(0, 100),
            ScoreScale::new(0, 100),
            ScoreScale::new(-20, 20),
            ScoreScale::new(0, 20),
            ScoreScale::new(5, 0),
            ScoreScale::new(5, 0),
            ScoreScale::new(90, 30),
        ])
    }
}

impl ScoreScales {
    pub fn get(&self, m: ScoreMeasure) -> ScoreScale {
        self.0[m.index()]
    }

    pub fn set(&mut self, m: ScoreMeasure, scale: ScoreScale) {
        self.0[m.index()] = scale;
    }
}

/// Why a scale is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScaleError {
    /// The 100-point value is not above the 0-point value of a measure where more is better.
    #[error("the value for 100 points ({full}) must be above the value for 0 points ({zero})")]
    NotRising { zero: Decimal, full: Decimal },
    /// The 100-point value is not below the 0-point value of a measure where less is better.
    #[error("the value for 100 points ({full}) must be below the value for 0 points ({zero})")]
    NotFalling { zero: Decimal, full: Decimal },
    /// A count or a number of days below zero.
    #[error("a count or a number of days cannot be negative")]
    Negative,
    /// A value too large to be meant.
    #[error("is too large")]
    TooLarge,
}

impl ScoreMeasure {
    /// Whether a lower value is better (counts of violations and incidents, days to collect).
    pub fn lower_is_better(self) -> bool {
        matches!(
            self,
            ScoreMeasure::Price | ScoreMeasure::CrossTerritory | ScoreMeasure::Collection
        )
    }

    /// Whether the value is a ratio (shown and scaled in percent).
    pub fn is_ratio(self) -> bool {
        !self.lower_is_better()
    }
}

/// A scale rises towards the measure's better end: for completion, share, growth and profit the
/// 100-point value is above the 0-point value; for violations, incidents and days it is below
/// (and neither is negative).
pub fn check_scale(m: ScoreMeasure, scale: ScoreScale) -> Result<(), ScaleError> {
    let ScoreScale { zero, full } = scale;
    if zero.abs() > max_value() || full.abs() > max_value() {
        return Err(ScaleError::TooLarge);
    }
    if m.lower_is_better() {
        let negative = |v: Decimal| v.is_sign_negative() && !v.is_zero();
        if negative(zero) || negative(full) {
            return Err(ScaleError::Negative);
        }
        if full >= zero {
            return Err(ScaleError::NotFalling { zero, full });
        }
    } else if full <= zero {
        return Err(ScaleError::NotRising { zero, full });
    }
    Ok(())
}

/// Sets a measure's scale for the plan, if it rises towards the measure's better end.
pub fn set_score_scale(
    plan: &mut Plan,
    m: ScoreMeasure,
    scale: ScoreScale,
) -> Result<bool, EditError> {
    check_scale(m, scale).map_err(|error| EditError::Scale { measure: m, error })?;
    let scales = &mut plan.execution.settings.score_scales;
    let before = scales.get(m);
    scales.set(m, scale);
    Ok(before != scale)
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
    /// 1-based, shared by equal composites; `None` when no measure could be scored.
    pub rank: Option<usize>,
    /// Id of the archive record.
    pub customer: String,
    pub name: String,
    pub month: YearMonth,
    /// Month-on-month growth: (this − last month) ÷ last month.
    pub growth_mom: Option<Decimal>,
    /// Year-on-year growth: (this − same month last year) ÷ that.
    pub growth_yoy: Option<Decimal>,
    /// What share and growth were computed on: the plan's basis, or amount where the plan
    /// asks for volume and none was typed ([`ScoreBasis::for_figures`]).
    pub on: ScoreBasis,
    /// One per measure, in [`ScoreMeasure::ALL`] order.
    pub measures: [MeasureScore; 7],
    /// Weighted mean of the scores there are (the sum of the contributions).
    pub composite: Option<Decimal>,
}

/// Each measure's value; see the module's table. Share and growth on volume or amount as
/// `on` says (amount where no volume is typed at all, see [`ScoreBasis::for_figures`]); growth
/// against the basis chosen, undefined when its base is zero (the other growth basis never
/// stands in for it).
fn values(
    f: &ScoreFigures,
    basis: GrowthBasis,
    on: ScoreBasis,
) -> ([Option<Decimal>; 7], Option<Decimal>, Option<Decimal>) {
    let (ours, category, last_month, last_year) = match on.for_figures(f) {
        ScoreBasis::Volume => (
            f.our_volume,
            f.category_volume,
            f.last_month_volume,
            f.last_year_volume,
        ),
        ScoreBasis::Amount => (
            f.our_sales,
            f.category_sales,
            f.last_month_sales,
            f.last_year_sales,
        ),
    };
    // Saturating: absurd figures in a plan file must not crash the app.
    let growth = |base: Decimal| ratio(ours.saturating_sub(base), base);
    let (mom, yoy) = (growth(last_month), growth(last_year));
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
        ratio(ours, category),
        chosen,
        ratio(f.revenue.saturating_sub(cost), f.revenue),
        Some(f.price_violations.into()),
        Some(f.cross_territory.into()),
        f.collection_days,
    ];
    (values, mom, yoy)
}

/// A measure's value on its 0–100 scale: 100 × (value − zero) ÷ (full − zero), clamped; a
/// ratio is scaled in percent. `None` for a scale of no width (a plan file can hold one).
fn score(m: ScoreMeasure, v: Decimal, scale: ScoreScale) -> Option<Decimal> {
    let hundred = Decimal::ONE_HUNDRED;
    let width = scale.full.checked_sub(scale.zero)?;
    if width.is_zero() {
        return None;
    }
    // Values beyond ±10^12 are far outside any scale; products stay far from overflow.
    let limit = Decimal::from(1_000_000_000_000i64);
    let v = if m.is_ratio() {
        v.clamp(-limit, limit) * hundred
    } else {
        v.clamp(-limit, limit)
    };
    let raw = hundred
        .checked_mul(v.checked_sub(scale.zero)?)?
        .checked_div(width)?;
    Some(raw.clamp(Decimal::ZERO, hundred))
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

/// Scores one distributor's figures with the settings' weights, scales, growth basis and
/// share basis (volume or amount).
pub fn score_figures(
    f: &ScoreFigures,
    settings: &Settings,
) -> ([MeasureScore; 7], Option<Decimal>) {
    let weights = &settings.score_weights;
    let (values, _, _) = values(f, settings.growth_basis, settings.score_basis);
    let mut measures = ScoreMeasure::ALL.map(|m| {
        let value = values[m.index()];
        MeasureScore {
            measure: m,
            value,
            score: value.and_then(|v| score(m, v, settings.score_scales.get(m))),
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
/// first (equal composites share a rank and are listed by name and id); those with no composite
/// last, unranked.
pub fn scorecard(plan: &Plan, month: YearMonth) -> Vec<ScoreRow> {
    let settings = &plan.execution.settings;
    let customers = &plan.execution.customers;
    let mut rows: Vec<ScoreRow> = plan
        .execution
        .scorecard
        .iter()
        .filter(|e| e.month == month)
        .filter_map(|e| {
            let c = customers.iter().find(|c| c.id == e.customer)?;
            let (measures, composite) = score_figures(&e.figures, settings);
            let (_, growth_mom, growth_yoy) =
                values(&e.figures, settings.growth_basis, settings.score_basis);
            Some(ScoreRow {
                rank: None,
                customer: c.id.clone(),
                name: c.name.clone(),
                month,
                growth_mom,
                growth_yoy,
                on: settings.score_basis.for_figures(&e.figures),
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
    let ranks = shared_ranks(rows.iter().map(|r| r.composite));
    for (row, rank) in rows.iter_mut().zip(ranks) {
        row.rank = rank;
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
        ("our_volume", f.our_volume),
        ("category_volume", f.category_volume),
        ("last_month_volume", f.last_month_volume),
        ("last_year_volume", f.last_year_volume),
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
