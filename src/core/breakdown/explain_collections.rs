//! "Why this number" for collections re-spreads (纠偏 on 回款): the node's own, or one below it
//! that moved its collections months.

use rust_decimal::Decimal;

use crate::core::execution::Figure;
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::respread::Spread;
use crate::core::scenario::Scenario;

use super::collections::collections;
use super::issues::NodeRef;
use super::layout::node_ref;
use super::respread::Outcome;
use super::result::Breakdown;

/// A collections re-spread as it bears on a node.
#[derive(Clone, Debug, PartialEq)]
pub struct CollectionsRespread {
    /// The re-spread node: this node, or one below it.
    pub node: NodeRef,
    pub own: bool,
    pub as_of: YearMonth,
    pub how: Spread,
    pub reason: String,
    /// The re-spread node's collected total to date, as its months to date now hold it.
    pub achieved: Decimal,
    /// Due to date − collected to date (negative: ahead of pace).
    pub gap: Decimal,
    pub outcome: Outcome,
    /// This node's collections target in each month after the as-of month, as it now is.
    pub after: Vec<(YearMonth, Decimal)>,
}

/// The collections re-spreads of `scenario` that set node `index`'s collections months; empty
/// when it has none (or no collections target).
pub fn collections_respreads(
    plan: &Plan,
    scenario: &Scenario,
    b: &Breakdown,
    index: usize,
) -> Vec<CollectionsRespread> {
    if !scenario
        .respreads
        .iter()
        .any(|r| r.measure == Figure::Collections)
    {
        return Vec::new();
    }
    let Some(Ok(c)) = collections(scenario, b) else {
        return Vec::new();
    };
    let row = c.monthly_units(index);
    c.respreads()
        .iter()
        .filter(|a| b.contains(index, a.node))
        .filter_map(|a| {
            let r = scenario.respreads.get(a.entry)?;
            Some(CollectionsRespread {
                node: node_ref(plan, &b.nodes()[a.node]),
                own: a.node == index,
                as_of: r.as_of,
                how: a.how,
                reason: r.reason.clone(),
                achieved: c.to_decimal(a.months[..a.upto].iter().sum()),
                gap: c.to_decimal(a.gap),
                outcome: a.outcome,
                after: (a.upto..row.len())
                    .map(|k| (b.months()[k], c.to_decimal(row[k])))
                    .collect(),
            })
        })
        .collect()
}
