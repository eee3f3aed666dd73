//! Sales competition (销售竞赛): salespeople ranked by completion rate over a month, a quarter
//! or the whole period, company-wide or within one region.
//!
//! Completion is the actual (through the as-of month) ÷ the window's full target. Equal rates
//! are ordered by the higher actual; people with the same rate and the same actual share a rank
//! ("1, 2, 2, 4") and are listed by name, then id, so the order is the same on every machine.
//! People whose target in the window is zero have no rate: they are listed last, with no rank,
//! in the same order.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::core::breakdown::{Breakdown, node_name};
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::scenario::{Level, Measure};

use super::ranking::shared_ranks;
use super::tracking::Tracking;

/// The stretch of the period a leaderboard covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    Month(YearMonth),
    /// Quarter 1–4 of the plan's period (its first three months are quarter 1).
    Quarter(u32),
    /// The whole period (the year, for a yearly plan).
    Period,
}

/// Who competes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Company,
    /// The salespeople of the region with this id.
    Region(String),
}

/// A salesperson's place on a leaderboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    /// 1-based, shared by people with the same rate and actual; `None` for people with no
    /// rate.
    pub rank: Option<usize>,
    /// Index into [`Breakdown::nodes`].
    pub node: usize,
    pub id: String,
    pub name: String,
    pub region: String,
    pub subdistrict: String,
    pub target: Decimal,
    pub actual: Decimal,
    /// actual ÷ target; `None` when the target is zero.
    pub completion: Option<Decimal>,
}

impl Window {
    /// Month indices of the period the window covers (empty for a month outside it).
    pub fn range(self, months: &[YearMonth]) -> std::ops::Range<usize> {
        let n = months.len();
        match self {
            Window::Month(m) => months
                .iter()
                .position(|&x| x == m)
                .map_or(0..0, |k| k..k + 1),
            Window::Quarter(q) => {
                let start = (q.max(1) as usize - 1).saturating_mul(3);
                start.min(n)..(start + 3).min(n)
            }
            Window::Period => 0..n,
        }
    }
}

/// The leaderboard on `measure` (usually the amount).
pub fn leaderboard(
    plan: &Plan,
    b: &Breakdown,
    t: &Tracking,
    measure: Measure,
    window: Window,
    scope: &Scope,
) -> Vec<Standing> {
    let range = window.range(b.months());
    let nodes = match scope {
        Scope::Company => 0..b.nodes().len(),
        Scope::Region(id) => match b.find(id) {
            Some(r) if b.nodes()[r].level == Level::Region => r..b.nodes()[r].subtree_end,
            _ => 0..0,
        },
    };
    let name = |i: usize| node_name(plan, b.nodes()[i].pos).to_string();
    let mut list: Vec<Standing> = nodes
        .filter(|&i| b.nodes()[i].level == Level::Salesperson)
        .map(|i| {
            let status = t.window(b, i, measure, range.clone());
            let sub = b.nodes()[i].parent.unwrap_or(0);
            Standing {
                rank: None,
                node: i,
                id: b.nodes()[i].id.clone(),
                name: name(i),
                region: name(b.nodes()[sub].parent.unwrap_or(0)),
                subdistrict: name(sub),
                target: status.target,
                actual: status.actual,
                completion: status.completion,
            }
        })
        .collect();
    rank_in_order(&mut list);
    list
}

/// Sorts best first and ranks: the same rate and actual share a rank.
fn rank_in_order(list: &mut [Standing]) {
    list.sort_by(order);
    let ranks = shared_ranks(list.iter().map(|s| s.completion.map(|c| (c, s.actual))));
    for (s, rank) in list.iter_mut().zip(ranks) {
        s.rank = rank;
    }
}

/// Rated before unrated; higher completion, higher actual, then name and id ascending.
fn order(a: &Standing, b: &Standing) -> Ordering {
    let rate = match (a.completion, b.completion) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    rate.then(b.actual.cmp(&a.actual))
        .then_with(|| a.name.cmp(&b.name))
        .then_with(|| a.id.cmp(&b.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::execution::{Actual, set_actual};
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    fn standing(name: &str, id: &str, target: i64, actual: i64) -> Standing {
        let (target, actual) = (Decimal::from(target), Decimal::from(actual));
        Standing {
            rank: None,
            node: 0,
            id: id.into(),
            name: name.into(),
            region: String::new(),
            subdistrict: String::new(),
            target,
            actual,
            completion: super::super::ratio(actual, target),
        }
    }

    #[test]
    fn ties_break_by_actual_then_share_a_rank_listed_by_name_and_id_and_zero_targets_go_last() {
        let mut list = [
            standing("Zhou", "p9", 0, 500),   // no rate
            standing("Li", "p2", 100, 90),    // 0.9
            standing("Wang", "p3", 200, 180), // 0.9, higher actual
            standing("Chen", "p4", 100, 120), // 1.2
            standing("Li", "p1", 100, 90),    // 0.9, same as p2 but lower id
            standing("An", "p8", 0, 0),       // no rate
            standing("Bo", "p5", 100, 90),    // 0.9, name before Li
        ];
        rank_in_order(&mut list);
        let ids: Vec<&str> = list.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["p4", "p3", "p5", "p1", "p2", "p9", "p8"]);
        // Bo and the two Li have the same rate and actual: third together, not by name.
        let ranks: Vec<Option<usize>> = list.iter().map(|s| s.rank).collect();
        assert_eq!(
            ranks,
            [Some(1), Some(2), Some(3), Some(3), Some(3), None, None]
        );
    }

    #[test]
    fn leaderboards_cover_a_month_a_quarter_or_the_period_within_a_scope() {
        let mut plan = sample_plan(Lang::En);
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let r1 = plan.regions[0].id.clone();
        let people: Vec<usize> = b.at_level(Level::Salesperson).collect();
        // Person k sells (100 + k)% of their January target and 50% in February.
        for (k, &i) in people.iter().enumerate() {
            let id = b.nodes()[i].id.clone();
            for (m, share) in [
                (1, Decimal::new(100 + k as i64, 2)),
                (2, Decimal::new(5, 1)),
            ] {
                let target = b.month_value(i, Measure::Amount, m - 1);
                let a = Actual {
                    amount: target * share,
                    ..Actual::default()
                };
                set_actual(&mut plan, &id, YearMonth::new(2027, m as u32).unwrap(), a).unwrap();
            }
        }
        let t = Tracking::new(&plan, &b, None);
        let jan = Window::Month(YearMonth::new(2027, 1).unwrap());
        let board = leaderboard(&plan, &b, &t, Measure::Amount, jan, &Scope::Company);
        assert_eq!(board.len(), people.len());
        // The highest share among people with a January target leads; the guerrilla region's
        // people have no target, so no rate, and come last.
        let with_target =
            |&(_, &i): &(usize, &usize)| !b.month_value(i, Measure::Amount, 0).is_zero();
        let (best, &leader) = people.iter().enumerate().rfind(with_target).unwrap();
        assert_eq!(board[0].node, leader, "the highest share leads");
        assert_eq!(board[0].rank, Some(1));
        assert_eq!(
            board[0].completion,
            Some(Decimal::new(100 + best as i64, 2))
        );
        let rated = people.iter().enumerate().filter(with_target).count();
        assert!(
            rated < people.len(),
            "the sample has people without a target"
        );
        assert!(
            board[rated..]
                .iter()
                .all(|s| s.rank.is_none() && s.completion.is_none())
        );
        assert_eq!(board[rated - 1].rank, Some(rated));

        // The quarter: Jan and Feb actuals over three months of targets.
        let q1 = leaderboard(
            &plan,
            &b,
            &t,
            Measure::Amount,
            Window::Quarter(1),
            &Scope::Company,
        );
        let p0 = q1.iter().find(|s| s.node == people[0]).unwrap();
        let units = |k| b.month_value(people[0], Measure::Amount, k);
        assert_eq!(p0.target, units(0) + units(1) + units(2));
        assert_eq!(p0.actual, units(0) + units(1) / Decimal::TWO);

        let region = leaderboard(
            &plan,
            &b,
            &t,
            Measure::Amount,
            Window::Period,
            &Scope::Region(r1),
        );
        let in_r1: usize = plan.regions[0]
            .subdistricts
            .iter()
            .map(|d| d.salespeople.len())
            .sum();
        assert_eq!(region.len(), in_r1);
        assert!(region.iter().all(|s| s.region == plan.regions[0].name));
        let ranks: Vec<Option<usize>> = region.iter().map(|s| s.rank).collect();
        assert_eq!(ranks, (1..=in_r1).map(Some).collect::<Vec<_>>());

        let none = leaderboard(
            &plan,
            &b,
            &t,
            Measure::Amount,
            Window::Quarter(4),
            &Scope::Region("ghost".into()),
        );
        assert!(none.is_empty());
    }
}
