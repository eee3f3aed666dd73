//! Completion and pace at every level: the salespeople's actuals added up the tree and set
//! against the adopted scenario's breakdown.
//!
//! - **completion** = actual ÷ target of a window (a month, a quarter, the period);
//! - **pace** = actual to date ÷ the window's target to date, "to date" meaning through the
//!   *as-of* month: the latest month with any actual, or one the manager picks;
//! - **behind** when pace < 1 − threshold (the plan's deviation threshold, default 10%).
//!
//! For one month, pace and completion are the same number. A ratio whose target is zero is
//! `None` and never behind.

use std::ops::Range;

use rust_decimal::Decimal;

use crate::core::breakdown::{Breakdown, Collections};
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::scenario::{Level, Measure};

use super::actuals::{Figure, latest_actual_month};
use super::ratio;

/// Actuals of every node of a breakdown, month by month, through the as-of month.
#[derive(Clone, Debug, PartialEq)]
pub struct Tracking {
    months: Vec<YearMonth>,
    /// Months of the period counted as "to date" (through the as-of month).
    upto: usize,
    /// The figures added up ([`Tracking::of_figures`]), in the order they are stored.
    figures: Vec<Figure>,
    /// Node-major, then figure (of `figures`), then month of the period.
    actual: Vec<Decimal>,
    /// Deviation threshold as a fraction (0.1 for 10%).
    threshold: Decimal,
}

/// What a node is measured against: a measure of the breakdown, or the collections targets
/// (回款) broken down the same way.
#[derive(Clone, Copy, Debug)]
pub enum Goal<'a> {
    Measure(Measure),
    Collections(&'a Collections),
}

impl Goal<'_> {
    /// The actual figure set against the goal.
    pub fn figure(&self) -> Figure {
        match self {
            Goal::Measure(m) => (*m).into(),
            Goal::Collections(_) => Figure::Collections,
        }
    }

    fn monthly_units<'b>(&'b self, b: &'b Breakdown, node: usize) -> &'b [i64] {
        match self {
            Goal::Measure(m) => b.monthly_units(node, *m),
            Goal::Collections(c) => c.monthly_units(node),
        }
    }

    fn to_decimal(self, b: &Breakdown, units: i64) -> Decimal {
        match self {
            Goal::Measure(m) => b.to_decimal(units, m),
            Goal::Collections(c) => c.to_decimal(units),
        }
    }
}

/// One node's figures over a window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status {
    /// The window's target.
    pub target: Decimal,
    /// The window's target through the as-of month.
    pub target_to_date: Decimal,
    /// The actual in the window through the as-of month.
    pub actual: Decimal,
    /// actual ÷ target; `None` when the target is zero.
    pub completion: Option<Decimal>,
    /// actual ÷ target to date; `None` when that is zero.
    pub pace: Option<Decimal>,
    /// Behind pace by more than the threshold.
    pub behind: bool,
}

impl Tracking {
    /// Adds up the plan's actuals over the breakdown's tree, through `as_of` (default: the
    /// latest month with any actual; a month past the period counts the whole period).
    pub fn new(plan: &Plan, b: &Breakdown, as_of: Option<YearMonth>) -> Tracking {
        Tracking::of_figures(plan, b, as_of, &Figure::ALL)
    }

    /// Like [`Tracking::new`], adding up only `figures`: a screen showing one measure adds up
    /// that one (at ten thousand salespeople each figure is a noticeable share of opening the
    /// screen). Another figure reads as zero.
    pub fn of_figures(
        plan: &Plan,
        b: &Breakdown,
        as_of: Option<YearMonth>,
        figures: &[Figure],
    ) -> Tracking {
        let months = b.months().to_vec();
        let width = months.len();
        let as_of = as_of.or_else(|| latest_actual_month(plan));
        let upto = as_of.map_or(0, |m| months.iter().filter(|&&x| x <= m).count());
        let n = b.nodes().len();
        let stride = figures.len() * width;
        let mut actual = vec![Decimal::ZERO; n * stride];
        if upto > 0 {
            let (first, last) = (months[0], months[upto - 1]);
            for (i, node) in b.nodes().iter().enumerate() {
                if node.level != Level::Salesperson {
                    continue;
                }
                let Some(recorded) = plan.execution.actuals.get(&node.id) else {
                    continue;
                };
                // Both in month order: one walk along the period.
                let mut k = 0;
                for (month, a) in recorded.range(first..=last) {
                    while k < upto && months[k] < *month {
                        k += 1;
                    }
                    if k == upto || months[k] != *month {
                        continue;
                    }
                    for (slot, f) in figures.iter().enumerate() {
                        actual[i * stride + slot * width + k] = a.get(*f);
                    }
                }
            }
            // Children come after their parents: one backward pass adds every subtree up,
            // through the as-of month (later months stay zero).
            for i in (1..n).rev() {
                let Some(p) = b.nodes()[i].parent else {
                    continue;
                };
                let (head, tail) = actual.split_at_mut(i * stride);
                let parent = &mut head[p * stride..(p + 1) * stride];
                for slot in 0..figures.len() {
                    let months = slot * width..slot * width + upto;
                    for (to, from) in parent[months.clone()].iter_mut().zip(&tail[months]) {
                        // Saturating: absurd figures in a plan file must not crash the app.
                        *to = to.saturating_add(*from);
                    }
                }
            }
        }
        let threshold = (plan.execution.settings.deviation_threshold)
            .clamp(Decimal::ZERO, Decimal::ONE_HUNDRED)
            / Decimal::ONE_HUNDRED;
        Tracking {
            months,
            upto,
            figures: figures.to_vec(),
            actual,
            threshold,
        }
    }

    /// The as-of month: the last month counted as "to date"; `None` when nothing is.
    pub fn as_of(&self) -> Option<YearMonth> {
        self.upto.checked_sub(1).map(|k| self.months[k])
    }

    /// The months of the period through the as-of month.
    pub fn months_to_date(&self) -> &[YearMonth] {
        &self.months[..self.upto]
    }

    /// The deviation threshold as a fraction (0.1 for 10%).
    pub fn threshold(&self) -> Decimal {
        self.threshold
    }

    /// Where a node's months of a figure start in `actual` (`None`: not added up).
    fn start(&self, node: usize, figure: Figure) -> Option<usize> {
        let slot = self.figures.iter().position(|f| *f == figure)?;
        Some((node * self.figures.len() + slot) * self.months.len())
    }

    /// A node's actual in month `k` of the period (zero after the as-of month).
    pub fn actual(&self, node: usize, figure: Figure, k: usize) -> Decimal {
        self.start(node, figure)
            .map_or(Decimal::ZERO, |start| self.actual[start + k])
    }

    /// A node's actual over months `range` of the period, through the as-of month.
    pub fn actual_in(&self, node: usize, figure: Figure, range: Range<usize>) -> Decimal {
        let Some(start) = self.start(node, figure) else {
            return Decimal::ZERO;
        };
        let end = range.end.min(self.upto);
        let range = range.start.min(end)..end;
        self.actual[start + range.start..start + range.end]
            .iter()
            .fold(Decimal::ZERO, |a, b| a.saturating_add(*b))
    }

    /// A node's status over months `range` of the period (indices into [`Breakdown::months`]).
    pub fn window(
        &self,
        b: &Breakdown,
        node: usize,
        measure: Measure,
        range: Range<usize>,
    ) -> Status {
        self.window_of(b, node, Goal::Measure(measure), range)
    }

    /// A node's status against a goal over months `range` of the period.
    pub fn window_of(&self, b: &Breakdown, node: usize, goal: Goal, range: Range<usize>) -> Status {
        let units = goal.monthly_units(b, node);
        let range = range.start.min(units.len())..range.end.min(units.len());
        let to_date = range.start..range.end.min(self.upto).max(range.start);
        let target = goal.to_decimal(b, units[range.clone()].iter().sum());
        let target_to_date = goal.to_decimal(b, units[to_date].iter().sum());
        let actual = self.actual_in(node, goal.figure(), range);
        let behind =
            !target_to_date.is_zero() && actual < (Decimal::ONE - self.threshold) * target_to_date;
        Status {
            target,
            target_to_date,
            actual,
            completion: ratio(actual, target),
            pace: ratio(actual, target_to_date),
            behind,
        }
    }

    /// A node's status over the whole period: completion of the period's target, pace to date.
    pub fn total(&self, b: &Breakdown, node: usize, measure: Measure) -> Status {
        self.window(b, node, measure, 0..self.months.len())
    }

    /// A node's status in month `k` of the period.
    pub fn month(&self, b: &Breakdown, node: usize, measure: Measure, k: usize) -> Status {
        self.window(b, node, measure, k..k + 1)
    }

    /// A node's status against a goal over the whole period.
    pub fn total_of(&self, b: &Breakdown, node: usize, goal: Goal) -> Status {
        self.window_of(b, node, goal, 0..self.months.len())
    }

    /// A node's status against a goal in month `k` of the period.
    pub fn month_of(&self, b: &Breakdown, node: usize, goal: Goal, k: usize) -> Status {
        self.window_of(b, node, goal, k..k + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::execution::{Actual, set_actual};
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn ym(m: u32) -> YearMonth {
        YearMonth::new(2027, m).unwrap()
    }

    fn amount(a: &str) -> Actual {
        Actual {
            amount: d(a),
            ..Actual::default()
        }
    }

    /// The sample plan with two people's actuals typed; their targets read from the breakdown.
    #[test]
    fn completion_and_pace_add_up_the_tree_against_the_breakdown() {
        let mut plan = sample_plan(Lang::En);
        let b0 = compute(&plan, plan.adopted().unwrap()).unwrap();
        let sub = plan.regions[0].subdistricts[0].clone();
        let (p1, p2) = (sub.salespeople[0].id.clone(), sub.salespeople[1].id.clone());
        let (i1, i2) = (b0.find(&p1).unwrap(), b0.find(&p2).unwrap());
        let t1: Vec<Decimal> = b0.monthly(i1, Measure::Amount).collect();
        let t2: Vec<Decimal> = b0.monthly(i2, Measure::Amount).collect();
        // p1: exactly on plan in January, half in February. p2: only January, 95%.
        set_actual(&mut plan, &p1, ym(1), amount(&t1[0].to_string())).unwrap();
        set_actual(&mut plan, &p1, ym(2), amount(&(t1[1] / d("2")).to_string())).unwrap();
        let p2_jan = (t2[0] * d("0.95")).round_dp(0);
        set_actual(&mut plan, &p2, ym(1), amount(&p2_jan.to_string())).unwrap();

        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let t = Tracking::new(&plan, &b, None);
        assert_eq!(t.as_of(), Some(ym(2)), "latest month with an actual");
        assert_eq!(t.months_to_date(), &[ym(1), ym(2)]);

        let jan = t.month(&b, i1, Measure::Amount, 0);
        assert_eq!(jan.completion, Some(Decimal::ONE));
        assert!(!jan.behind);
        let feb = t.month(&b, i1, Measure::Amount, 1);
        assert_eq!(feb.completion, Some(d("0.5")));
        assert!(feb.behind, "50% of a month's target is behind");
        let total = t.total(&b, i1, Measure::Amount);
        assert_eq!(total.target, b.annual(i1, Measure::Amount));
        assert_eq!(total.target_to_date, t1[0] + t1[1]);
        assert_eq!(total.actual, t1[0] + t1[1] / d("2"));
        assert_eq!(total.pace, Some(total.actual / total.target_to_date));
        assert_eq!(
            total.completion,
            Some(total.actual / b.annual(i1, Measure::Amount))
        );

        // p2: January at 95% is within the 10% threshold; February with nothing is behind.
        let p2_jan_status = t.month(&b, i2, Measure::Amount, 0);
        assert!(!p2_jan_status.behind, "{p2_jan_status:?}");
        assert!(t.month(&b, i2, Measure::Amount, 1).behind);

        // The sub-district holds its people's sums; March is after the as-of month.
        let sub_i = b.find(&sub.id).unwrap();
        let sub_total = t.total(&b, sub_i, Measure::Amount);
        assert_eq!(sub_total.actual, total.actual + p2_jan);
        let march = t.month(&b, sub_i, Measure::Amount, 2);
        assert_eq!(
            (march.actual, march.target_to_date, march.pace),
            (Decimal::ZERO, Decimal::ZERO, None)
        );
        assert!(!march.behind);
        assert_eq!(t.total(&b, 0, Measure::Amount).actual, sub_total.actual);

        // As of January only, p1 is exactly on pace.
        let t_jan = Tracking::new(&plan, &b, Some(ym(1)));
        let p1_jan = t_jan.total(&b, i1, Measure::Amount);
        assert_eq!(p1_jan.pace, Some(Decimal::ONE));
        assert_eq!(p1_jan.actual, t1[0]);
    }

    /// Collections are tracked against their own broken-down targets, from the actuals'
    /// collections figures.
    #[test]
    fn collections_are_tracked_against_their_targets() {
        let mut plan = sample_plan(Lang::En);
        plan.scenarios[0].collections_target = Some(d("100000000"));
        let s = plan.scenarios[0].clone();
        let b = compute(&plan, &s).unwrap();
        let c = crate::core::breakdown::collections(&s, &b)
            .unwrap()
            .unwrap();
        let p = plan.regions[0].subdistricts[0].salespeople[0].id.clone();
        let i = b.find(&p).unwrap();
        let jan_target = c.month_value(i, 0);
        // Collected 85% of January's collections target, with amount exactly on plan.
        let collected = (jan_target * d("0.85")).round_dp(0);
        let a = Actual {
            amount: b.month_value(i, Measure::Amount, 0),
            quantity: Decimal::ZERO,
            collections: collected,
        };
        set_actual(&mut plan, &p, ym(1), a).unwrap();
        let t = Tracking::new(&plan, &b, None);
        let status = t.total_of(&b, i, Goal::Collections(&c));
        assert_eq!(status.target, c.annual(i));
        assert_eq!(status.target_to_date, jan_target);
        assert_eq!(status.actual, collected);
        assert_eq!(status.pace, Some(collected / jan_target));
        assert!(status.behind, "85% is more than 10% behind");
        assert!(
            !t.total(&b, i, Measure::Amount).behind,
            "the amount is on plan"
        );
        let january = t.month_of(&b, i, Goal::Collections(&c), 0);
        assert_eq!(
            (january.target, january.completion),
            (jan_target, Some(d("0.85")))
        );
    }

    #[test]
    fn nothing_recorded_means_no_pace_and_no_alert() {
        let plan = sample_plan(Lang::En);
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let t = Tracking::new(&plan, &b, None);
        assert_eq!(t.as_of(), None);
        let s = t.total(&b, 0, Measure::Amount);
        assert_eq!((s.actual, s.pace, s.behind), (Decimal::ZERO, None, false));
        assert_eq!(s.completion, Some(Decimal::ZERO));
    }

    #[test]
    fn the_threshold_decides_behind_exactly_at_the_edge() {
        let mut plan = sample_plan(Lang::En);
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let p = plan.regions[0].subdistricts[0].salespeople[0].id.clone();
        let i = b.find(&p).unwrap();
        let target = b.month_value(i, Measure::Amount, 0);
        // Exactly 90% is on the edge: not behind (behind means pace < 0.9).
        set_actual(
            &mut plan,
            &p,
            ym(1),
            amount(&(target * d("0.9")).to_string()),
        )
        .unwrap();
        let t = Tracking::new(&plan, &b, None);
        assert!(!t.total(&b, i, Measure::Amount).behind);
        plan.execution.settings.deviation_threshold = d("5");
        let t = Tracking::new(&plan, &b, None);
        assert!(
            t.total(&b, i, Measure::Amount).behind,
            "at 5% the same is behind"
        );
    }

    /// Adding up one figure gives that figure exactly as adding up all three does, at every
    /// node and month, as of any month; the others read as zero.
    #[test]
    fn one_figure_added_up_is_that_figure_of_all_three() {
        let mut plan = sample_plan(Lang::En);
        plan.execution = crate::core::execution::sample_execution(&plan, 12);
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        for as_of in [None, Some(ym(1)), Some(ym(7))] {
            let all = Tracking::new(&plan, &b, as_of);
            for f in Figure::ALL {
                let one = Tracking::of_figures(&plan, &b, as_of, &[f]);
                assert_eq!(one.as_of(), all.as_of());
                for node in 0..b.nodes().len() {
                    for k in 0..b.months().len() {
                        assert_eq!(one.actual(node, f, k), all.actual(node, f, k));
                    }
                    assert_eq!(one.actual_in(node, f, 0..12), all.actual_in(node, f, 0..12));
                    for other in Figure::ALL.into_iter().filter(|o| *o != f) {
                        assert_eq!(one.actual_in(node, other, 0..12), Decimal::ZERO);
                    }
                }
            }
        }
    }
}
