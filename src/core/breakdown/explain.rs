//! "Why this number": for one node, the basis of its value (method, weight and share among its
//! siblings, factor contributions, tier multiplier, locks) and how rounding moved its year and
//! each of its months from the exact proportional value.

use rust_decimal::Decimal;

use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::respread::Spread;
use crate::core::scenario::{Measure, Method, Scenario};
use crate::core::tier::Tier;
use crate::core::tree::NodePos;

use super::arith::{int_weights, ratio_decimal};
use super::engine::compute;
use super::explain_collections::{CollectionsRespread, collections_respreads};
use super::issues::{BreakdownErrors, NodeRef};
use super::layout::node_ref;
use super::locks::{Lock, sibling_locks};
use super::respread::Outcome;
use super::result::Breakdown;
use super::weights::{
    FactorPart, GroupWeights, Siblings, factor_parts, manual_of, sales_of, sibling_weights,
};
use super::zeros::{ZeroCause, cause as zero_cause};

/// Why a node's explanation cannot be given.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExplainError {
    /// No node with this id in the plan (or in the breakdown given).
    #[error("no node with id '{0}'")]
    UnknownNode(String),
    /// The breakdown itself cannot be computed.
    #[error("{0}")]
    Breakdown(#[from] BreakdownErrors),
}

/// The explanation of one node's numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    pub node: NodeRef,
    pub parent: Option<NodeRef>,
    /// The method that split the parent over this node and its siblings; `None` for the company.
    pub method: Option<Method>,
    /// For a region: its tier and the multiplier (applied only when the scenario turns it on).
    pub tier: Option<TierBasis>,
    /// For a sub-district under the weighted index: each factor's part in its score.
    pub factors: Vec<FactorPart>,
    /// Amount, then quantity.
    pub measures: [MeasureExplanation; 2],
    /// Every month weighs the same (no seasonality profile): the company's months are an
    /// equal split rounded by largest remainder.
    pub even_months: bool,
    /// Collections re-spreads (回款纠偏) that set this node's collections months.
    pub collections: Vec<CollectionsRespread>,
}

/// A region's tier as it bears on its weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TierBasis {
    pub tier: Tier,
    /// The tier is a manager's override, not the rule's.
    pub overridden: bool,
    pub multiplier: Decimal,
    /// Whether the scenario multiplies region weights by the tier's multiplier.
    pub applied: bool,
}

/// One measure of a node: where its value comes from and how rounding moved it.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureExplanation {
    pub measure: Measure,
    pub unit: Decimal,
    /// The parent's annual value; `None` for the company.
    pub parent_value: Option<Decimal>,
    pub basis: Basis,
    /// The exact proportional value (to a decimal's precision).
    pub exact: Decimal,
    /// The value in the breakdown.
    pub rounded: Decimal,
    /// `rounded − exact`: always less than one unit either way.
    pub rounding: Decimal,
    /// Why the value is zero while the parent's is not (`None` otherwise).
    pub zero: Option<ZeroCause>,
    pub months: Vec<MonthExplanation>,
}

/// Where a node's annual value comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Basis {
    /// The company: the scenario's target.
    Target,
    /// A lock pins the value.
    Locked { lock: Decimal },
    /// A share of what the parent has left after its children's locks.
    Share(ShareBasis),
}

/// The node's share of its parent.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareBasis {
    /// The node's own weight before any tier multiplier: 1 (even), its score (weighted), last
    /// period's figure (history) or the typed number (manual).
    pub base_weight: Decimal,
    /// The weight used, after the tier multiplier.
    pub weight: Decimal,
    /// Total weight of the unlocked siblings (this node included).
    pub sibling_weight_total: Decimal,
    /// `weight / sibling_weight_total`, or an even share when every weight is zero.
    pub share: Decimal,
    /// Every unlocked sibling weighed zero, so the split was even.
    pub even_fallback: bool,
    /// Total of the siblings' locks.
    pub locked_siblings: Decimal,
    /// The parent's value less the siblings' locks: what the weights share out.
    pub remaining: Decimal,
}

/// One month of a node.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthExplanation {
    pub month: YearMonth,
    /// The scenario's seasonality share of the month, in percent.
    pub seasonality: Decimal,
    /// The parent's value in the month; `None` for the company.
    pub parent_value: Option<Decimal>,
    /// `node's year × parent's month / parent's year` (for the company: year × share / 100).
    pub exact: Decimal,
    pub rounded: Decimal,
    pub rounding: Decimal,
    /// Re-spreads (纠偏) that set this month: the node's own, or one below it that moved its
    /// months. When there is any, `exact` is the value itself and `rounding` zero.
    pub respreads: Vec<MonthRespread>,
}

/// A re-spread as it bears on one month of a node.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthRespread {
    /// The re-spread node: this node, or one below it.
    pub node: NodeRef,
    pub own: bool,
    pub as_of: YearMonth,
    pub how: Spread,
    pub reason: String,
    /// The month is through the as-of month (its target became what was achieved).
    pub to_date: bool,
    /// The re-spread node's month before the re-spread.
    pub planned: Decimal,
    /// What the re-spread changed in the month.
    pub change: Decimal,
    /// The re-spread node's achieved total to date, as its months to date now hold it.
    pub achieved: Decimal,
    /// Planned to date − achieved to date (negative: ahead of pace).
    pub gap: Decimal,
    pub outcome: Outcome,
}

/// The re-spreads of `b` that set month `k` of node `index` on `measure`.
fn month_respreads(
    plan: &Plan,
    scenario: &Scenario,
    b: &Breakdown,
    index: usize,
    measure: Measure,
    k: usize,
) -> Vec<MonthRespread> {
    b.respreads()
        .iter()
        .filter(|a| a.measure == measure.into() && b.contains(index, a.node))
        .filter(|a| a.node == index || a.change(k) != 0)
        .filter_map(|a| {
            let r = scenario.respreads.get(a.entry)?;
            Some(MonthRespread {
                node: node_ref(plan, &b.nodes()[a.node]),
                own: a.node == index,
                as_of: r.as_of,
                how: a.how,
                reason: r.reason.clone(),
                to_date: k < a.upto,
                planned: b.to_decimal(a.planned[k], measure),
                change: b.to_decimal(a.change(k), measure),
                achieved: b.to_decimal(a.months[..a.upto].iter().sum(), measure),
                gap: b.to_decimal(a.gap, measure),
                outcome: a.outcome,
            })
        })
        .collect()
}

/// A month's explanation, its exact value replaced by the value itself where a re-spread set it.
fn month_explanation(
    month: YearMonth,
    seasonality: Decimal,
    parent_value: Option<Decimal>,
    exact: Decimal,
    rounded: Decimal,
    respreads: Vec<MonthRespread>,
) -> MonthExplanation {
    let exact = if respreads.is_empty() { exact } else { rounded };
    MonthExplanation {
        month,
        seasonality,
        parent_value,
        exact,
        rounded,
        rounding: rounded - exact,
        respreads,
    }
}

/// Explains one node of the scenario's breakdown (computing the breakdown first).
pub fn explain(
    plan: &Plan,
    scenario: &Scenario,
    node_id: &str,
) -> Result<Explanation, ExplainError> {
    let breakdown = compute(plan, scenario)?;
    explain_in(&breakdown, plan, scenario, node_id)
}

/// Explains one node of a breakdown already computed from this plan and scenario.
pub fn explain_in(
    breakdown: &Breakdown,
    plan: &Plan,
    scenario: &Scenario,
    node_id: &str,
) -> Result<Explanation, ExplainError> {
    let unknown = || ExplainError::UnknownNode(node_id.to_string());
    let index = breakdown.find(node_id).ok_or_else(unknown)?;
    let node = &breakdown.nodes()[index];
    let Some(parent) = node.parent else {
        return Ok(company(breakdown, plan, scenario, node_ref(plan, node)));
    };
    let pos = plan.locate(node_id).ok_or_else(unknown)?;
    let (siblings, k) = siblings_of(plan, pos);
    let level = siblings.level();
    let method = scenario.methods.get(level);
    let mut weights = GroupWeights::default();
    sibling_weights(scenario, siblings, method, &mut weights, &mut Vec::new());
    let mut locks = [Vec::new(), Vec::new()];
    let units = Measure::ALL.map(|m| Some(breakdown.unit(m)));
    sibling_locks(scenario, siblings, units, &mut locks, &mut Vec::new());
    let ctx = Context {
        plan,
        pos,
        breakdown,
        scenario,
        siblings,
        k,
        index,
        parent,
        method,
        weights: &weights,
        locks: &locks,
    };
    let (tier, factors) = match siblings {
        Siblings::Regions(regions) => {
            let region = &regions[k];
            let tier = scenario.tier_of(region);
            let basis = TierBasis {
                tier,
                overridden: scenario.tier_overrides.contains_key(&region.id),
                multiplier: scenario.tier_policies.get(tier).multiplier,
                applied: scenario.methods.region_tier_multiplier,
            };
            (Some(basis), Vec::new())
        }
        Siblings::Subdistricts(subs) if method == Method::Weighted => (
            None,
            factor_parts(scenario, subs, k)
                .map(|(parts, _)| parts)
                .unwrap_or_default(),
        ),
        _ => (None, Vec::new()),
    };
    Ok(Explanation {
        node: node_ref(plan, node),
        parent: Some(node_ref(plan, &breakdown.nodes()[parent])),
        method: Some(method),
        tier,
        factors,
        measures: Measure::ALL.map(|m| ctx.measure(m)),
        even_months: scenario.even_months(),
        collections: collections_respreads(plan, scenario, breakdown, index),
    })
}

fn siblings_of(plan: &Plan, pos: NodePos) -> (Siblings<'_>, usize) {
    match pos {
        NodePos::Region(r) => (Siblings::Regions(&plan.regions), r),
        NodePos::Subdistrict(r, d) => (Siblings::Subdistricts(&plan.regions[r].subdistricts), d),
        NodePos::Salesperson(r, d, p) => (
            Siblings::Salespeople(&plan.regions[r].subdistricts[d].salespeople),
            p,
        ),
    }
}

fn seasonality(scenario: &Scenario, month: usize, months: usize) -> Decimal {
    scenario
        .month_shares(months)
        .get(month)
        .copied()
        .flatten()
        .unwrap_or_default()
}

fn decimal(units: Decimal, unit: Decimal) -> Decimal {
    units.checked_mul(unit).unwrap_or(Decimal::MAX)
}

fn company(b: &Breakdown, plan: &Plan, scenario: &Scenario, node: NodeRef) -> Explanation {
    let shares: Vec<Decimal> = (0..b.months().len())
        .map(|j| seasonality(scenario, j, b.months().len()))
        .collect();
    let mut season = Vec::new();
    let season_total = int_weights(&shares, &mut season).unwrap_or(0);
    let measure = |measure: Measure| {
        let unit = b.unit(measure);
        let year = b.annual_units(0, measure);
        let target = b.annual(0, measure);
        let months = b
            .months()
            .iter()
            .enumerate()
            .map(|(j, &month)| {
                let exact = decimal(
                    ratio_decimal(
                        year as u128,
                        season.get(j).copied().unwrap_or(0),
                        season_total,
                    ),
                    unit,
                );
                let rounded = b.month_value(0, measure, j);
                let respreads = month_respreads(plan, scenario, b, 0, measure, j);
                month_explanation(month, shares[j], None, exact, rounded, respreads)
            })
            .collect();
        MeasureExplanation {
            measure,
            unit,
            parent_value: None,
            basis: Basis::Target,
            exact: target,
            rounded: target,
            rounding: Decimal::ZERO,
            zero: None,
            months,
        }
    };
    Explanation {
        node,
        parent: None,
        method: None,
        tier: None,
        factors: Vec::new(),
        measures: Measure::ALL.map(measure),
        even_months: scenario.even_months(),
        collections: collections_respreads(plan, scenario, b, 0),
    }
}

struct Context<'a> {
    plan: &'a Plan,
    pos: NodePos,
    breakdown: &'a Breakdown,
    scenario: &'a Scenario,
    siblings: Siblings<'a>,
    /// The node's position among its siblings.
    k: usize,
    index: usize,
    parent: usize,
    method: Method,
    weights: &'a GroupWeights,
    locks: &'a [Vec<Lock>; 2],
}

impl Context<'_> {
    fn measure(&self, measure: Measure) -> MeasureExplanation {
        let b = self.breakdown;
        let unit = b.unit(measure);
        let rounded = b.annual(self.index, measure);
        let (basis, exact) = match self.locks[measure.index()].get(self.k) {
            Some(&Lock::Units(u)) => (
                Basis::Locked {
                    lock: b.to_decimal(u, measure),
                },
                rounded,
            ),
            _ => {
                let (share, exact) = self.share(measure);
                (Basis::Share(share), exact)
            }
        };
        let parent_value = b.annual(self.parent, measure);
        let zero = (rounded.is_zero() && !parent_value.is_zero())
            .then(|| zero_cause(self.plan, self.scenario, b, self.pos, self.parent, measure));
        MeasureExplanation {
            measure,
            unit,
            parent_value: Some(parent_value),
            basis,
            exact,
            rounded,
            rounding: rounded - exact,
            zero,
            months: self.months(measure),
        }
    }

    /// The node's weight among its unlocked siblings and its exact share of what is left.
    fn share(&self, measure: Measure) -> (ShareBasis, Decimal) {
        let b = self.breakdown;
        let mi = measure.index();
        let unit = b.unit(measure);
        let locks = &self.locks[mi];
        let locked: i128 = locks
            .iter()
            .map(|l| {
                if let Lock::Units(u) = l {
                    i128::from(*u)
                } else {
                    0
                }
            })
            .sum();
        let remaining = (i128::from(b.annual_units(self.parent, measure)) - locked).max(0) as u128;
        let free: Vec<usize> = (0..self.siblings.len())
            .filter(|&k| locks.get(k) == Some(&Lock::Free))
            .collect();
        let free_weights: Vec<Decimal> = if self.weights.equal {
            vec![Decimal::ONE; free.len()]
        } else {
            free.iter()
                .map(|&k| self.weights.values[mi].get(k).copied().unwrap_or_default())
                .collect()
        };
        let at = free.iter().position(|&k| k == self.k).unwrap_or(0);
        let mut ints = Vec::new();
        let total = int_weights(&free_weights, &mut ints).unwrap_or(0);
        let even_fallback = total == 0;
        let (own, total) = if even_fallback {
            (1, free.len() as u128)
        } else {
            (ints.get(at).copied().unwrap_or(0), total)
        };
        let exact = decimal(ratio_decimal(remaining, own, total), unit);
        let weight = free_weights.get(at).copied().unwrap_or_default();
        let share = ShareBasis {
            base_weight: self.base_weight(measure).unwrap_or(weight),
            weight,
            sibling_weight_total: free_weights.iter().fold(Decimal::ZERO, |a, w| {
                a.checked_add(*w).unwrap_or(Decimal::MAX)
            }),
            share: ratio_decimal(own, 1, total),
            even_fallback,
            locked_siblings: decimal(Decimal::from_i128_with_scale(locked, 0), unit),
            remaining: decimal(Decimal::from_i128_with_scale(remaining as i128, 0), unit),
        };
        (share, exact)
    }

    fn base_weight(&self, measure: Measure) -> Option<Decimal> {
        let (siblings, k) = (self.siblings, self.k);
        Some(match self.method {
            Method::Even => Decimal::ONE,
            Method::History => match siblings {
                Siblings::Regions(v) => sales_of(v[k].last_sales, measure),
                Siblings::Subdistricts(v) => sales_of(v[k].last_sales, measure),
                Siblings::Salespeople(v) => sales_of(v[k].last_sales, measure),
            },
            Method::Manual => manual_of(self.scenario, siblings.id(k), measure).unwrap_or_default(),
            Method::Weighted => match siblings {
                Siblings::Subdistricts(subs) => factor_parts(self.scenario, subs, k)?.1,
                _ => return None,
            },
        })
    }

    fn months(&self, measure: Measure) -> Vec<MonthExplanation> {
        let b = self.breakdown;
        let unit = b.unit(measure);
        let year = b.annual_units(self.index, measure) as u128;
        let parent_year = b.annual_units(self.parent, measure) as u128;
        let parent_months = b.monthly_units(self.parent, measure);
        b.months()
            .iter()
            .enumerate()
            .map(|(j, &month)| {
                let exact = decimal(
                    ratio_decimal(year, parent_months[j] as u128, parent_year),
                    unit,
                );
                let rounded = b.month_value(self.index, measure, j);
                let respreads =
                    month_respreads(self.plan, self.scenario, b, self.index, measure, j);
                month_explanation(
                    month,
                    seasonality(self.scenario, j, b.months().len()),
                    Some(b.month_value(self.parent, measure, j)),
                    exact,
                    rounded,
                    respreads,
                )
            })
            .collect()
    }
}
