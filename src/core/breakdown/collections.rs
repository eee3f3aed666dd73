//! Collections targets (回款): the scenario's collections target broken down like amount and
//! quantity — company → region → sub-district → salesperson → month — exactly to the amount's
//! unit (collections are money).
//!
//! Collections follow the sales they collect: each parent's collections are split over its
//! children in proportion to the children's amount targets (largest remainder, so the parts sum
//! to the parent exactly and each is within one unit of its exact share), and the company's over
//! the months in proportion to its monthly amount targets (its seasonality). Each parent's months
//! are then split over its children's years by the same controlled rounding as the breakdown:
//! every child's months add up to its year and every month's children to the parent's month.
//! Where all the amount targets below a parent are zero, its collections are split evenly.
//!
//! A collections re-spread (纠偏 on 回款) applies as the amount's does (`respread`): when the
//! node's months are known, its months to date become what was collected, the uncollected
//! balance is added to its remaining months (evenly, or by the company's collections months —
//! the amount's seasonality), its ancestors' months move by the same amounts, and its
//! descendants are split under its new months. Every year stays as it was.

use rust_decimal::Decimal;

use crate::core::execution::Figure;
use crate::core::respread::Respread;
use crate::core::scenario::{Measure, Scenario};

use super::arith::{UnitsError, units_decimal, units_of};
use super::grid::{GridScratch, controlled_round};
use super::respread::{AppliedRespread, achieved_units, placed, respread_months};
use super::result::Breakdown;
use super::split::{even, largest_remainder};

/// Every node's collections target, annual and monthly, in whole amount units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Collections {
    unit: Decimal,
    months: usize,
    /// Annual units per node, in the breakdown's node order.
    annual: Vec<i64>,
    /// Monthly units: node-major, then month.
    monthly: Vec<i64>,
    /// The scenario's collections re-spreads as they were applied, in tree order.
    applied: Vec<AppliedRespread>,
}

/// Why the collections target cannot be broken down.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CollectionsError {
    #[error("the collections target must not be negative (it is {0})")]
    Negative(Decimal),
    #[error("the collections target {value} is not a whole multiple of the amount unit {unit}")]
    NotMultiple { value: Decimal, unit: Decimal },
    #[error("the collections target {value} is too large for the amount unit {unit}")]
    TooLarge { value: Decimal, unit: Decimal },
}

impl Collections {
    /// The rounding unit (the scenario's amount unit).
    pub fn unit(&self) -> Decimal {
        self.unit
    }

    /// A node's annual collections target.
    pub fn annual(&self, node: usize) -> Decimal {
        units_decimal(self.annual[node], self.unit)
    }

    /// A node's annual target as a number of units.
    pub fn annual_units(&self, node: usize) -> i64 {
        self.annual[node]
    }

    /// A node's monthly targets as numbers of units.
    pub fn monthly_units(&self, node: usize) -> &[i64] {
        &self.monthly[node * self.months..(node + 1) * self.months]
    }

    /// A node's target in month `k` of the period.
    pub fn month_value(&self, node: usize, k: usize) -> Decimal {
        units_decimal(self.monthly_units(node)[k], self.unit)
    }

    /// A number of units as money.
    pub fn to_decimal(&self, units: i64) -> Decimal {
        units_decimal(units, self.unit)
    }

    /// The collections re-spreads (纠偏) applied, in tree order.
    pub fn respreads(&self) -> &[AppliedRespread] {
        &self.applied
    }
}

/// The collections targets of a computed breakdown; `None` when the scenario sets no
/// collections target.
pub fn collections(
    scenario: &Scenario,
    b: &Breakdown,
) -> Option<Result<Collections, CollectionsError>> {
    let value = scenario.collections_target?;
    let unit = b.unit(Measure::Amount);
    let target = match units_of(value, unit) {
        Ok(units) => units,
        Err(UnitsError::Negative) => return Some(Err(CollectionsError::Negative(value))),
        Err(UnitsError::NotMultiple) => {
            return Some(Err(CollectionsError::NotMultiple { value, unit }));
        }
        Err(UnitsError::TooMany) => return Some(Err(CollectionsError::TooLarge { value, unit })),
    };
    Some(Ok(split(b, target, unit, &scenario.respreads)))
}

/// The collections re-spreads of `respreads` that fit the breakdown, as (node, entry, months
/// to date) in tree order then list order.
fn placed_collections(b: &Breakdown, respreads: &[Respread]) -> Vec<(usize, usize, usize)> {
    let mut list: Vec<(usize, usize, usize)> = respreads
        .iter()
        .enumerate()
        .filter(|(_, r)| r.measure == Figure::Collections)
        .filter_map(|(entry, r)| {
            let (node, upto) = placed(r, |id| b.find(id), b.months())?;
            Some((node, entry, upto))
        })
        .collect();
    list.sort_unstable();
    list
}

/// Re-spreads node `node`'s collections months by `r` and moves its ancestors' months by the
/// same amounts; `season` weighs the months for a seasonal spread.
fn respread_node(
    b: &Breakdown,
    monthly: &mut [i64],
    months: usize,
    (node, entry, upto): (usize, usize, usize),
    r: &Respread,
    unit: Decimal,
    season: &[u128],
) -> AppliedRespread {
    let planned = monthly[node * months..(node + 1) * months].to_vec();
    let achieved = achieved_units(&r.achieved, unit);
    let (new, gap, outcome) = respread_months(&planned, &achieved, season, r.how);
    let mut at = Some(node);
    while let Some(a) = at {
        for k in 0..months {
            monthly[a * months + k] += new[k] - planned[k];
        }
        at = b.nodes()[a].parent;
    }
    AppliedRespread {
        entry,
        node,
        measure: Figure::Collections,
        upto,
        how: r.how,
        planned,
        months: new,
        gap,
        outcome,
    }
}

/// Splits `target` units over the breakdown's tree and months, in proportion to the amounts,
/// then applies the collections re-spreads among `respreads`.
fn split(b: &Breakdown, target: i64, unit: Decimal, respreads: &[Respread]) -> Collections {
    let n = b.nodes().len();
    let months = b.months().len();
    let mut annual = vec![0i64; n];
    annual[0] = target;
    let mut weights: Vec<u128> = Vec::new();
    let mut parts: Vec<i64> = Vec::new();
    let mut remainders = Vec::new();
    // In proportion to `of`, or evenly where every weight is zero.
    let mut by_amount = |total: i64, of: &mut dyn Iterator<Item = i64>, out: &mut Vec<i64>| {
        weights.clear();
        weights.extend(of.map(|u| u128::try_from(u).unwrap_or(0)));
        out.clear();
        out.resize(weights.len(), 0);
        let sum: u128 = weights.iter().sum();
        if sum == 0 || !largest_remainder(total, &weights, sum, out, &mut remainders) {
            even(total, out);
        }
    };
    // Years: every parent over its children (children come after their parents).
    for p in 0..n {
        let children: Vec<usize> = b.children(p).collect();
        if children.is_empty() {
            continue;
        }
        let mut amounts = children.iter().map(|&c| b.annual_units(c, Measure::Amount));
        by_amount(annual[p], &mut amounts, &mut parts);
        for (&c, &part) in children.iter().zip(&parts) {
            annual[c] = part;
        }
    }
    // Months: the company's by its monthly amounts, then each parent's over its children.
    let mut monthly = vec![0i64; n * months];
    let mut company = b.monthly_units(0, Measure::Amount).iter().copied();
    by_amount(target, &mut company, &mut parts);
    monthly[..months].copy_from_slice(&parts);
    // A seasonal re-spread follows the company's collections months as first split.
    let season: Vec<u128> = parts
        .iter()
        .map(|&u| u128::try_from(u).unwrap_or(0))
        .collect();
    let placed = placed_collections(b, respreads);
    let mut next = placed.iter().peekable();
    let mut applied = Vec::new();
    let (mut rows, mut cells, mut scratch) = (Vec::new(), Vec::new(), GridScratch::default());
    for p in 0..n {
        // The node's months are final here (its parent's grid is done): re-spread them before
        // they are split over its children.
        while let Some(&&at) = next.peek() {
            if at.0 != p {
                break;
            }
            next.next();
            let r = &respreads[at.1];
            applied.push(respread_node(b, &mut monthly, months, at, r, unit, &season));
        }
        let children: Vec<usize> = b.children(p).collect();
        if children.is_empty() {
            continue;
        }
        rows.clear();
        rows.extend(children.iter().map(|&c| annual[c]));
        let cols = monthly[p * months..(p + 1) * months].to_vec();
        // The margins agree by construction (both sum to the parent's year), so this holds.
        let rounded = controlled_round(&rows, &cols, &mut cells, &mut scratch);
        debug_assert!(rounded, "collections margins agree");
        for (k, &c) in children.iter().enumerate() {
            monthly[c * months..(c + 1) * months]
                .copy_from_slice(&cells[k * months..(k + 1) * months]);
        }
    }
    Collections {
        unit,
        months,
        annual,
        monthly,
        applied,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::core::scenario::Level;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// Every parent's year is the sum of its children's, every month's too, at every level.
    fn assert_exact(b: &Breakdown, c: &Collections) {
        for p in 0..b.nodes().len() {
            let kids: Vec<usize> = b.children(p).collect();
            let row: i64 = c.monthly_units(p).iter().sum();
            assert_eq!(row, c.annual[p], "node {p}: months add up to the year");
            if kids.is_empty() {
                continue;
            }
            let years: i64 = kids.iter().map(|&k| c.annual[k]).sum();
            assert_eq!(years, c.annual[p], "node {p}: children add up");
            for m in 0..b.months().len() {
                let sum: i64 = kids.iter().map(|&k| c.monthly_units(k)[m]).sum();
                assert_eq!(sum, c.monthly_units(p)[m], "node {p} month {m}");
            }
        }
    }

    #[test]
    fn collections_follow_the_amounts_exactly_on_both_margins() {
        let mut plan = sample_plan(Lang::En);
        // 118,000,000 of sales; collect 100,000,000 (in units of 1,000 yuan).
        plan.scenarios[0].collections_target = Some(d("100000000"));
        let s = plan.adopted().unwrap();
        let b = compute(&plan, s).unwrap();
        let c = collections(s, &b).unwrap().unwrap();
        assert_eq!(c.annual(0), d("100000000"));
        assert_exact(&b, &c);
        // Changsha's amount target is 47,291,000 of 118,000,000: its exact collections share is
        // 100,000 × 47,291 / 118,000 = 40,077.1186… thousand; the floor, 40,077,000, is within
        // one unit; its remainder (.1186) does not win one of the leftover units.
        let r1 = b.find(&plan.regions[0].id).unwrap();
        assert_eq!(b.annual(r1, Measure::Amount), d("47291000"));
        assert_eq!(c.annual(r1), d("40077000"));
        // January carries 11% of the amount, so 11% of the collections: 11,000,000 exactly.
        assert_eq!(c.month_value(0, 0), d("11000000"));
        // Each salesperson's collections are whole thousands.
        for i in b.at_level(Level::Salesperson) {
            assert_eq!(c.annual(i) % d("1000"), Decimal::ZERO);
        }
    }

    #[test]
    fn a_hand_checked_three_way_split() {
        // One region of three equal people: 10 units each of 30 over three months 50/30/20%.
        let mut plan = sample_plan(Lang::En);
        plan.regions.truncate(1);
        plan.regions[0].subdistricts.truncate(1);
        let s = &mut plan.scenarios[0];
        s.amount_target = d("30000");
        s.amount_unit = d("1000");
        s.collections_target = Some(d("10000"));
        s.seasonality = vec![Some(d("50")), Some(d("30")), Some(d("20"))];
        plan.period.kind = crate::core::period::PeriodKind::Quarter;
        let s = plan.scenarios[0].clone();
        let b = compute(&plan, &s).unwrap();
        let c = collections(&s, &b).unwrap().unwrap();
        // Company: 10 units over 15/9/6 → 5, 3, 2.
        assert_eq!(c.monthly_units(0), &[5, 3, 2]);
        let people: Vec<usize> = b.at_level(Level::Salesperson).collect();
        let years: Vec<i64> = people.iter().map(|&p| c.annual[p]).collect();
        // Three people with equal amounts share 10 units: 4, 3, 3 (the first gets the extra).
        assert_eq!(years, [4, 3, 3]);
        assert_exact(&b, &c);
    }

    #[test]
    fn no_target_means_no_collections_and_a_bad_target_is_named() {
        let mut plan = sample_plan(Lang::En);
        plan.scenarios[0].collections_target = None;
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        assert!(collections(plan.adopted().unwrap(), &b).is_none());
        plan.scenarios[0].collections_target = Some(d("1500"));
        assert_eq!(
            collections(&plan.scenarios[0], &b),
            Some(Err(CollectionsError::NotMultiple {
                value: d("1500"),
                unit: d("1000")
            }))
        );
    }
}
