//! Nodes left with a target of zero while their parent's is not: a region nobody will sell in,
//! salespeople with nothing to do. The numbers are exact, but a zero is almost never meant, so
//! every screen that shows targets names these nodes and why they are zero.

use rust_decimal::Decimal;

use crate::core::model::{Plan, Sales};
use crate::core::scenario::{Level, Measure, Method, Scenario};
use crate::core::tree::NodePos;

use super::issues::NodeRef;
use super::layout::node_ref;
use super::locks::lock_of;
use super::result::Breakdown;
use super::weights::{Siblings, factor_parts, manual_of, sales_of};

/// Why a node's target came out as zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ZeroCause {
    /// Split by history and the node sold nothing last period.
    NoHistory,
    /// Split by the weighted index and every factor that has a weight is zero for the node.
    ZeroIndex,
    /// Split by manual numbers and the node's number is zero or missing.
    NoManual,
    /// The node's tier multiplier is zero (tier multiplier on).
    ZeroMultiplier,
    /// The node is locked at zero.
    LockedAtZero,
    /// The siblings' locks take the whole of the parent's target.
    SiblingsLocked,
    /// Its share is less than one rounding unit.
    BelowOneUnit,
}

impl ZeroCause {
    /// The method the level could switch to so the node gets a share: even works on any data.
    /// `None` when the zero comes from a lock or the unit, which no method changes.
    pub fn method_fix(self) -> Option<Method> {
        match self {
            ZeroCause::NoHistory
            | ZeroCause::ZeroIndex
            | ZeroCause::NoManual
            | ZeroCause::ZeroMultiplier => Some(Method::Even),
            ZeroCause::LockedAtZero | ZeroCause::SiblingsLocked | ZeroCause::BelowOneUnit => None,
        }
    }
}

/// A node whose target is zero while its parent's is not (the top of a zero subtree).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZeroTarget {
    /// Position of the node in [`Breakdown::nodes`].
    pub index: usize,
    pub node: NodeRef,
    pub parent: NodeRef,
    /// The measures that are zero (amount first).
    pub measures: Vec<Measure>,
    /// Why the first of `measures` is zero.
    pub cause: ZeroCause,
    /// The method that split the parent over the node and its siblings.
    pub method: Method,
    /// The salespeople below the node (empty when the node is a salesperson).
    pub people: Vec<NodeRef>,
}

/// Every node whose target is zero in a measure while its parent's is not, in tree order.
pub fn zero_targets(plan: &Plan, scenario: &Scenario, b: &Breakdown) -> Vec<ZeroTarget> {
    let nodes = b.nodes();
    let mut out = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        let Some(parent) = node.parent else { continue };
        let measures: Vec<Measure> = Measure::ALL
            .into_iter()
            .filter(|&m| b.annual_units(i, m) == 0 && b.annual_units(parent, m) != 0)
            .collect();
        let (Some(&first), Some(pos)) = (measures.first(), node.pos) else {
            continue;
        };
        let people = nodes[i + 1..node.subtree_end]
            .iter()
            .filter(|n| n.level == Level::Salesperson)
            .map(|n| node_ref(plan, n))
            .collect();
        out.push(ZeroTarget {
            index: i,
            node: node_ref(plan, node),
            parent: node_ref(plan, &nodes[parent]),
            cause: cause(plan, scenario, b, pos, parent, first),
            method: scenario.methods.get(node.level),
            measures,
            people,
        });
    }
    out
}

/// For each node of the breakdown, whether its target in `measure` is zero while the company's
/// is not (the top of a zero subtree and everything below it): what a slide or a printed table
/// marks.
pub fn zero_marks(b: &Breakdown, measure: Measure) -> Vec<bool> {
    let company = b.annual_units(0, measure);
    (0..b.nodes().len())
        .map(|i| company != 0 && b.annual_units(i, measure) == 0)
        .collect()
}

fn siblings_at(plan: &Plan, pos: NodePos) -> (Siblings<'_>, usize) {
    match pos {
        NodePos::Region(r) => (Siblings::Regions(&plan.regions), r),
        NodePos::Subdistrict(r, d) => (Siblings::Subdistricts(&plan.regions[r].subdistricts), d),
        NodePos::Salesperson(r, d, p) => (
            Siblings::Salespeople(&plan.regions[r].subdistricts[d].salespeople),
            p,
        ),
    }
}

fn last_sales(siblings: Siblings, k: usize) -> Sales {
    match siblings {
        Siblings::Regions(v) => v[k].last_sales,
        Siblings::Subdistricts(v) => v[k].last_sales,
        Siblings::Salespeople(v) => v[k].last_sales,
    }
}

/// Why the node at `pos` (child of breakdown node `parent`) has zero of `measure`.
pub(super) fn cause(
    plan: &Plan,
    scenario: &Scenario,
    b: &Breakdown,
    pos: NodePos,
    parent: usize,
    measure: Measure,
) -> ZeroCause {
    let (siblings, k) = siblings_at(plan, pos);
    let id = siblings.id(k);
    if lock_of(scenario, id, measure).is_some() {
        return ZeroCause::LockedAtZero;
    }
    let locked_by_others = (0..siblings.len())
        .filter(|&j| j != k)
        .filter_map(|j| lock_of(scenario, siblings.id(j), measure))
        .try_fold(Decimal::ZERO, |a, v| a.checked_add(v));
    if locked_by_others.is_some_and(|l| l >= b.annual(parent, measure)) {
        return ZeroCause::SiblingsLocked;
    }
    let method = scenario.methods.get(siblings.level());
    let own_weight_zero = match method {
        Method::Even => false,
        Method::History => sales_of(last_sales(siblings, k), measure).is_zero(),
        Method::Manual => manual_of(scenario, id, measure).is_none_or(|v| v.is_zero()),
        Method::Weighted => match siblings {
            Siblings::Subdistricts(subs) => {
                factor_parts(scenario, subs, k).is_some_and(|(_, score)| score.is_zero())
            }
            _ => false,
        },
    };
    if own_weight_zero {
        return match method {
            Method::History => ZeroCause::NoHistory,
            Method::Manual => ZeroCause::NoManual,
            _ => ZeroCause::ZeroIndex,
        };
    }
    if let Siblings::Regions(regions) = siblings
        && scenario.methods.region_tier_multiplier
        && scenario
            .tier_policies
            .get(scenario.tier_of(&regions[k]))
            .multiplier
            .is_zero()
    {
        return ZeroCause::ZeroMultiplier;
    }
    ZeroCause::BelowOneUnit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::lang::Lang;
    use crate::core::model::{Factors, Sales};
    use crate::core::sample::sample_plan;

    fn zeros(plan: &Plan, scenario: &Scenario) -> Vec<ZeroTarget> {
        let b = compute(plan, scenario).expect("breakdown");
        zero_targets(plan, scenario, &b)
    }

    #[test]
    fn a_region_without_history_is_named_with_its_people() {
        let mut plan = sample_plan(Lang::Zh);
        let mut scenario = plan.adopted().unwrap().clone();
        scenario.methods.region = Method::History;
        let r = plan.regions.len() - 1;
        plan.regions[r].last_sales = Sales::default();
        let found = zeros(&plan, &scenario);
        let z = found
            .iter()
            .find(|z| z.node.id == plan.regions[r].id)
            .unwrap_or_else(|| panic!("{found:#?}"));
        assert_eq!(z.cause, ZeroCause::NoHistory);
        assert_eq!(z.measures, vec![Measure::Amount, Measure::Quantity]);
        assert_eq!(z.parent.level, Level::Company);
        let people: usize = plan.regions[r]
            .subdistricts
            .iter()
            .map(|d| d.salespeople.len())
            .sum();
        assert_eq!(z.people.len(), people);
        assert!(people > 0);
        assert_eq!(z.cause.method_fix(), Some(Method::Even));
        // Only the top of the zero subtree is named; the marks cover the whole subtree.
        assert!(found.iter().all(|z| z.parent.id != plan.regions[r].id));
        let b = compute(&plan, &scenario).unwrap();
        let marks = zero_marks(&b, Measure::Amount);
        let top = b.find(&plan.regions[r].id).unwrap();
        let end = b.nodes()[top].subtree_end;
        assert!(marks[top..end].iter().all(|&m| m));
        assert!(!marks[0]);
    }

    #[test]
    fn the_even_method_leaves_nobody_at_zero() {
        let plan = sample_plan(Lang::En);
        let mut scenario = plan.adopted().unwrap().clone();
        for level in [Level::Region, Level::Subdistrict, Level::Salesperson] {
            scenario.methods.set(level, Method::Even);
        }
        assert_eq!(zeros(&plan, &scenario), vec![]);
    }

    #[test]
    fn each_cause_is_told_apart() {
        let mut plan = sample_plan(Lang::En);
        let mut scenario = plan.adopted().unwrap().clone();
        scenario.methods.region = Method::Even;
        scenario.methods.subdistrict = Method::Weighted;
        scenario.methods.salesperson = Method::Manual;
        // A sub-district whose every factor is zero scores nothing.
        plan.regions[0].subdistricts[0].factors = Factors::default();
        let sub = plan.regions[0].subdistricts[0].id.clone();
        // Manual numbers for some people but not the rest.
        let first_people: Vec<String> = plan.regions[1].subdistricts[0]
            .salespeople
            .iter()
            .map(|p| p.id.clone())
            .collect();
        scenario
            .manual
            .entry(first_people[0].clone())
            .or_default()
            .amount = Some(Decimal::ONE);
        // A region locked at zero.
        let locked = plan.regions[2].id.clone();
        scenario.locks.entry(locked.clone()).or_default().amount = Some(Decimal::ZERO);
        let found = zeros(&plan, &scenario);
        let cause_of = |id: &str| found.iter().find(|z| z.node.id == id).map(|z| z.cause);
        assert_eq!(cause_of(&sub), Some(ZeroCause::ZeroIndex));
        assert_eq!(cause_of(&first_people[1]), Some(ZeroCause::NoManual));
        assert_eq!(cause_of(&locked), Some(ZeroCause::LockedAtZero));
        assert_eq!(ZeroCause::LockedAtZero.method_fix(), None);
    }
}
