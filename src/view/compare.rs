//! Scenarios side by side: for every region, sub-district and salesperson, each scenario's
//! target — amount, quantity or collections (回款) — and the difference from the first, with
//! the biggest movers highlighted and tier changes marked; and each region's difference as a
//! chart.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::breakdown_table::{row_name, visible_nodes};
use super::diff_chart::{DiffChart, diff_chart};
use super::numbers::{amount, grouped};
use crate::core::breakdown::{Breakdown, BreakdownError, Collections, collections, compute};
use crate::core::execution::Figure;
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::respread::Respread;
use crate::core::scenario::{Level, Scenario};
use crate::core::tier::Tier;
use crate::i18n::{Catalogue, fill};

/// What the comparison adds up: the whole period, or one of its months (a re-spread keeps the
/// year and moves months, so only the months show it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Span {
    #[default]
    Year,
    /// The month's position in the period (0 for its first month).
    Month(usize),
}

impl Span {
    /// The span's part of a year and its months.
    fn of(self, year: i64, months: &[i64]) -> i64 {
        match self {
            Span::Year => year,
            Span::Month(k) => months.get(k).copied().unwrap_or(0),
        }
    }
}

/// A node's year and months of a figure, in units.
type YearAndMonths<'a> = (i64, &'a [i64]);

/// What a scenario without a collections target shows in the collections column.
pub const NO_VALUE: &str = "—";

/// How many of the largest absolute differences are highlighted at each level.
pub const MOVERS: usize = 3;

/// The computed scenarios and what is worth marking.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub names: Vec<String>,
    pub breakdowns: Vec<Breakdown>,
    /// Scenarios that could not be computed (by name), with the first reason.
    pub errors: Vec<(String, BreakdownError)>,
    /// Regions whose tier is not the same in every scenario.
    pub tier_changes: HashMap<String, Vec<Tier>>,
    /// Each computed scenario's collections targets, as `breakdowns`; `None` where the
    /// scenario sets no collections target or it cannot be broken down.
    pub collections: Vec<Option<Collections>>,
    /// Some compared scenario sets a collections target.
    pub collections_targeted: bool,
    /// Scenarios (by name) whose collections target cannot be broken down.
    pub collections_errors: Vec<String>,
    /// The scenarios' collections re-spreads (回款纠偏) are not all the same: their collections
    /// targets differ while amount and quantity may not.
    pub collections_differ: bool,
}

/// Computes the chosen scenarios (by id, in the order given).
pub fn compare(plan: &Plan, ids: &[String]) -> Comparison {
    let mut names = Vec::new();
    let mut breakdowns = Vec::new();
    let mut errors = Vec::new();
    let mut scenarios = Vec::new();
    let mut targets = Vec::new();
    let mut collections_errors = Vec::new();
    for id in ids {
        let Some(s) = plan.scenario(id) else { continue };
        match compute(plan, s) {
            Ok(bd) => {
                targets.push(match collections(s, &bd) {
                    Some(Ok(c)) => Some(c),
                    Some(Err(_)) => {
                        collections_errors.push(s.name.clone());
                        None
                    }
                    None => None,
                });
                names.push(s.name.clone());
                breakdowns.push(bd);
                scenarios.push(s);
            }
            Err(e) => {
                if let Some(first) = e.0.into_iter().next() {
                    errors.push((s.name.clone(), first));
                }
            }
        }
    }
    let mut tier_changes = HashMap::new();
    for r in &plan.regions {
        let tiers: Vec<Tier> = scenarios.iter().map(|s| s.tier_of(r)).collect();
        if tiers.windows(2).any(|w| w[0] != w[1]) {
            tier_changes.insert(r.id.clone(), tiers);
        }
    }
    let collections = |s: &Scenario| -> Vec<Respread> {
        s.respreads
            .iter()
            .filter(|r| r.measure == Figure::Collections)
            .cloned()
            .collect()
    };
    let collections_differ = scenarios
        .windows(2)
        .any(|w| collections(w[0]) != collections(w[1]));
    Comparison {
        names,
        breakdowns,
        errors,
        tier_changes,
        collections: targets,
        collections_targeted: scenarios.iter().any(|s| s.collections_target.is_some()),
        collections_errors,
        collections_differ,
    }
}

impl Comparison {
    /// Scenario `k`'s year and months of `figure` at its node `node` (in units); `None` for
    /// collections in a scenario without collections targets.
    fn units_of(&self, k: usize, node: usize, figure: Figure) -> Option<YearAndMonths<'_>> {
        let bd = &self.breakdowns[k];
        match figure.measure() {
            Some(m) => Some((bd.annual_units(node, m), bd.monthly_units(node, m))),
            None => self.collections[k]
                .as_ref()
                .map(|c| (c.annual_units(node), c.monthly_units(node))),
        }
    }

    fn units(&self, k: usize, node: usize, figure: Figure, span: Span) -> Option<i64> {
        self.units_of(k, node, figure)
            .map(|(year, months)| span.of(year, months))
    }

    /// Scenario `k`'s target of `figure` over `span` at its node `node`.
    pub fn value(&self, k: usize, node: usize, figure: Figure, span: Span) -> Option<Decimal> {
        let units = self.units(k, node, figure, span)?;
        match figure.measure() {
            Some(m) => Some(self.breakdowns[k].to_decimal(units, m)),
            None => self.collections[k].as_ref().map(|c| c.to_decimal(units)),
        }
    }

    /// The figure shown when `figure` is chosen: collections only while a compared scenario
    /// sets a collections target, else the amount.
    pub fn shown(&self, figure: Figure) -> Figure {
        if figure == Figure::Collections && !self.collections_targeted {
            Figure::Amount
        } else {
            figure
        }
    }

    /// Node ids of the biggest movers of a figure: the [`MOVERS`] largest differences at each
    /// level, first scenario against each other.
    pub fn movers(&self, figure: Figure, span: Span) -> HashSet<String> {
        let mut movers = HashSet::new();
        let Some(base) = self.breakdowns.first() else {
            return movers;
        };
        // The largest differences at each level, kept by a running selection (no sorting).
        let mut top: HashMap<Level, Vec<(i128, usize)>> = HashMap::new();
        for (k, other) in self.breakdowns.iter().enumerate().skip(1) {
            for (i, n) in base.nodes().iter().enumerate().skip(1) {
                let Some(j) = other.find(&n.id) else { continue };
                let pair = self
                    .units(0, i, figure, span)
                    .zip(self.units(k, j, figure, span));
                if let Some((a, b)) = pair {
                    let d = (b as i128 - a as i128).abs();
                    if d > 0 {
                        let best = top.entry(n.level).or_default();
                        // A node compared against two scenarios counts once, by its larger change.
                        match best.iter().position(|&(_, bi)| bi == i) {
                            Some(k) if best[k].0 >= d => continue,
                            Some(k) => {
                                best.remove(k);
                            }
                            None => {}
                        }
                        let at = best
                            .iter()
                            .position(|&(bd, bi)| d > bd || (d == bd && i < bi))
                            .unwrap_or(best.len());
                        if at < MOVERS {
                            best.insert(at, (d, i));
                            best.truncate(MOVERS);
                        }
                    }
                }
            }
        }
        for best in top.values() {
            movers.extend(best.iter().map(|&(_, i)| base.nodes()[i].id.clone()));
        }
        movers
    }

    /// Each node's year and months of `figure` in the first scenario beside the same node's in
    /// each other scenario (nodes in both; collections only where both set them).
    fn node_pairs(
        &self,
        figure: Figure,
    ) -> impl Iterator<Item = (YearAndMonths<'_>, YearAndMonths<'_>)> {
        let base = self.breakdowns.first();
        self.breakdowns
            .iter()
            .enumerate()
            .skip(1)
            .flat_map(move |(k, other)| {
                base.into_iter()
                    .flat_map(|b| b.nodes().iter().enumerate())
                    .filter_map(move |(i, n)| {
                        let j = other.find(&n.id)?;
                        self.units_of(0, i, figure).zip(self.units_of(k, j, figure))
                    })
            })
    }

    /// The first month (its position in the period) in which some node's `figure` is not the
    /// same in every scenario; `None` when every month is.
    pub fn first_month_differing(&self, figure: Figure) -> Option<usize> {
        self.node_pairs(figure)
            .filter_map(|((_, a), (_, b))| a.iter().zip(b).position(|(x, y)| x != y))
            .min()
    }

    /// Whether every node's year is the same in every scenario while some month is not (as
    /// after a re-spread): the year view alone would show no difference.
    pub fn only_months_differ(&self, figure: Figure) -> bool {
        let mut months_differ = false;
        for ((year_a, months_a), (year_b, months_b)) in self.node_pairs(figure) {
            if year_a != year_b {
                return false;
            }
            months_differ |= months_a != months_b;
        }
        months_differ
    }
}

/// One scenario offered for comparison.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PickOption {
    pub id: String,
    pub name: String,
    pub checked: bool,
}

/// The choice of scenarios and measure above the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComparePicker {
    pub label: String,
    pub scenarios: Vec<PickOption>,
    /// (figure, label, chosen): amount and quantity, and collections when a compared scenario
    /// sets a collections target.
    pub measures: Vec<(Figure, String, bool)>,
    /// The label of the choice of span, and (span, label, chosen) for the year and each month.
    pub span_label: String,
    pub spans: Vec<(Span, String, bool)>,
}

/// The choice above the table; `with_collections` offers the collections targets.
pub fn compare_picker(
    t: &Catalogue,
    plan: &Plan,
    chosen: &[String],
    (figure, with_collections): (Figure, bool),
    span: Span,
) -> ComparePicker {
    let mut spans = vec![(Span::Year, t.compare_year.to_string(), span == Span::Year)];
    spans.extend(
        plan.period
            .months()
            .into_iter()
            .enumerate()
            .map(|(k, m)| (Span::Month(k), t.month_of_year(m), span == Span::Month(k))),
    );
    ComparePicker {
        label: t.compare_pick.to_string(),
        scenarios: plan
            .scenarios
            .iter()
            .map(|s| PickOption {
                id: s.id.clone(),
                name: s.name.clone(),
                checked: chosen.contains(&s.id),
            })
            .collect(),
        measures: [
            (Figure::Amount, t.amount_target),
            (Figure::Quantity, t.quantity_target),
            (Figure::Collections, t.collections_target),
        ]
        .into_iter()
        .filter(|(f, _)| with_collections || *f != Figure::Collections)
        .map(|(f, label)| (f, label.to_string(), f == figure))
        .collect(),
        span_label: t.compare_span.to_string(),
        spans,
    }
}

/// Which way a difference goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Trend {
    Up,
    Down,
    Same,
}

impl Trend {
    /// The CSS class of a difference cell.
    pub fn class(self) -> &'static str {
        match self {
            Trend::Up => "delta up",
            Trend::Down => "delta down",
            Trend::Same => "delta same",
        }
    }
}

/// A difference from the first scenario: signed text (`+12,000,000`) and its direction.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Delta {
    pub text: String,
    pub trend: Trend,
}

/// One node's row.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CompareRow {
    pub id: String,
    pub level: Level,
    pub name: String,
    /// `Some(open)` for a node whose children can be shown.
    pub expanded: Option<bool>,
    /// One of the biggest changes at its level.
    pub mover: bool,
    /// `Stronghold → Contested` when the region's tier differs between the scenarios.
    pub tier_change: Option<String>,
    /// Each scenario's value over the span compared (the year or a month).
    pub values: Vec<String>,
    /// Each later scenario's difference from the first.
    pub deltas: Vec<Delta>,
    /// A scenario gives this node a target of zero while its company target is not zero: a
    /// warning, not a quiet `0`.
    pub zero: bool,
}

impl CompareRow {
    /// The row's CSS class (`lvl-region mover`).
    pub fn class(&self) -> String {
        let mut class = format!("lvl-{}", self.level.key());
        if self.mover {
            class.push_str(" mover");
        }
        if self.zero {
            class.push_str(" warn");
        }
        class
    }
}

/// The comparison as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareTable {
    /// Scenarios that could not be computed, each in a sentence.
    pub errors: Vec<String>,
    /// Asks for a second scenario when fewer than two can be compared.
    pub need_two: Option<String>,
    /// What the ◆ marks mean.
    pub movers_note: String,
    /// Said when the years are the same and only the months differ (on the year view).
    pub months_hint: Option<String>,
    /// Said when the scenarios' collections targets differ by a collections re-spread and
    /// another figure is on screen.
    pub collections_hint: Option<String>,
    /// Column headings: name, each scenario, each difference.
    pub head: Vec<String>,
    /// The rows shown (regions always; children of expanded nodes).
    pub rows: Vec<CompareRow>,
    /// What the ⚠ on a row with a zero target says.
    pub zero_mark: &'static str,
    /// The hint on a row's open and close buttons.
    pub expand: String,
    pub collapse: String,
    pub tier_changed: String,
}

fn delta(
    base: Option<Decimal>,
    other: Option<Decimal>,
    shown: &impl Fn(Decimal) -> String,
) -> Delta {
    let (text, trend) = match (base, other) {
        (Some(a), Some(b)) if b > a => (format!("+{}", shown(b - a)), Trend::Up),
        (Some(a), Some(b)) if b < a => (shown(b - a), Trend::Down),
        (Some(_), Some(_)) => (shown(Decimal::ZERO), Trend::Same),
        _ => (String::new(), Trend::Same),
    };
    Delta { text, trend }
}

/// The comparison table for the rows shown (regions always; children of expanded nodes).
pub fn compare_table(
    t: &Catalogue,
    plan: &Plan,
    c: &Comparison,
    figure: Figure,
    span: Span,
    expanded: &HashSet<String>,
) -> CompareTable {
    compare_table_in(t, plan, c, figure, span, expanded, grouped)
}

/// [`compare_table`] with every value and difference written by `shown` (one unit throughout).
pub fn compare_table_in(
    t: &Catalogue,
    plan: &Plan,
    c: &Comparison,
    figure: Figure,
    span: Span,
    expanded: &HashSet<String>,
    shown: impl Fn(Decimal) -> String,
) -> CompareTable {
    let mut head = vec![t.name.to_string()];
    head.extend(c.names.iter().cloned());
    if let Some(first) = c.names.first() {
        let vs = fill(t.compare_diff, &[first]);
        head.extend(c.names.iter().skip(1).map(|name| format!("{name} · {vs}")));
    }
    let movers = c.movers(figure, span);
    let rows = c
        .breakdowns
        .first()
        .map(|base| {
            visible_nodes(base, expanded)
                .into_iter()
                .map(|i| {
                    let n = &base.nodes()[i];
                    let values: Vec<Option<Decimal>> = c
                        .breakdowns
                        .iter()
                        .enumerate()
                        .map(|(k, bd)| bd.find(&n.id).and_then(|j| c.value(k, j, figure, span)))
                        .collect();
                    CompareRow {
                        id: n.id.clone(),
                        level: n.level,
                        name: row_name(plan, n).to_string(),
                        expanded: (n.subtree_end > i + 1 && n.level != Level::Company)
                            .then(|| expanded.contains(&n.id)),
                        mover: movers.contains(&n.id),
                        tier_change: c.tier_changes.get(&n.id).map(|tiers| {
                            tiers
                                .iter()
                                .map(|x| t.tier(*x))
                                .collect::<Vec<_>>()
                                .join(" → ")
                        }),
                        values: values
                            .iter()
                            .map(|v| v.map_or_else(|| NO_VALUE.to_string(), &shown))
                            .collect(),
                        deltas: values
                            .iter()
                            .skip(1)
                            .map(|v| delta(values[0], *v, &shown))
                            .collect(),
                        zero: values.iter().enumerate().any(|(k, v)| {
                            *v == Some(Decimal::ZERO)
                                && c.value(k, 0, figure, span)
                                    .is_some_and(|all| !all.is_zero())
                        }),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let collections_errors = c
        .collections_errors
        .iter()
        .filter(|_| figure == Figure::Collections)
        .map(|name| fill(t.compare_collections_error, &[name]));
    CompareTable {
        errors: c
            .errors
            .iter()
            .map(|(name, reason)| fill(t.compare_error, &[name, &t.breakdown_error(reason)]))
            .chain(collections_errors)
            .collect(),
        need_two: (c.breakdowns.len() < 2).then(|| t.compare_need_two.to_string()),
        movers_note: fill(t.compare_movers, &[&MOVERS.to_string()]),
        months_hint: (span == Span::Year && c.only_months_differ(figure))
            .then(|| t.compare_months_hint.to_string()),
        collections_hint: (c.collections_differ && figure != Figure::Collections)
            .then(|| t.compare_collections_hint.to_string()),
        head,
        rows,
        zero_mark: t.doc_zero_mark,
        expand: t.expand.to_string(),
        collapse: t.collapse.to_string(),
        tier_changed: t.compare_tier_changed.to_string(),
    }
}

/// Each region's difference from the first scenario, one chart per other scenario: increases
/// to the right, decreases to the left, money (amount and collections) as the manager reads it
/// (万 in Chinese).
pub fn region_charts(
    t: &Catalogue,
    lang: Lang,
    plan: &Plan,
    c: &Comparison,
    figure: Figure,
    span: Span,
) -> Vec<DiffChart> {
    let text = |d: Decimal| match figure {
        Figure::Amount | Figure::Collections => amount(d, lang),
        Figure::Quantity => grouped(d),
    };
    region_charts_in(t, plan, c, figure, span, text)
}

/// [`region_charts`] with every difference written by `text` (one unit throughout).
pub fn region_charts_in(
    t: &Catalogue,
    plan: &Plan,
    c: &Comparison,
    figure: Figure,
    span: Span,
    text: impl Fn(Decimal) -> String,
) -> Vec<DiffChart> {
    let Some(base) = c.breakdowns.first() else {
        return Vec::new();
    };
    c.breakdowns
        .iter()
        .zip(&c.names)
        .enumerate()
        .skip(1)
        .filter_map(|(k, (other, name))| {
            let items: Vec<(String, Decimal, String)> = base
                .children(0)
                .filter_map(|i| {
                    let n = &base.nodes()[i];
                    let j = other.find(&n.id)?;
                    let d = c.value(k, j, figure, span)? - c.value(0, i, figure, span)?;
                    let sign = if d > Decimal::ZERO { "+" } else { "" };
                    Some((
                        row_name(plan, n).to_string(),
                        d,
                        format!("{sign}{}", text(d)),
                    ))
                })
                .collect();
            // Nothing to chart against a scenario without collections targets.
            if items.is_empty() {
                return None;
            }
            let title = format!("{name} · {}", fill(t.compare_diff, &[&c.names[0]]));
            Some(diff_chart(&title, &items))
        })
        .collect()
}

#[cfg(test)]
mod collections_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::EN;

    /// A re-spread keeps the region's year and moves its months: the year view says so and a
    /// month shows the difference, as a table row and in the region's chart.
    #[test]
    fn a_re_spread_shows_in_the_months_not_the_year() {
        use crate::core::respread::{Respread, Spread};
        let mut plan = sample_plan(Lang::En);
        let mut copy = plan.scenario(&plan.adopted_scenario).unwrap().clone();
        copy.id = "respread".into();
        copy.name = "Re-spread".into();
        let region = plan.regions[0].id.clone();
        copy.respreads.push(Respread {
            node: region.clone(),
            measure: Figure::Amount,
            as_of: plan.period.start,
            how: Spread::Even,
            reason: "behind in the first month".into(),
            achieved: vec![Decimal::ZERO],
        });
        plan.scenarios.push(copy);
        let ids = [plan.adopted_scenario.clone(), "respread".to_string()];
        let c = compare(&plan, &ids);
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        assert!(c.only_months_differ(Figure::Amount));

        let year = compare_table(&EN, &plan, &c, Figure::Amount, Span::Year, &HashSet::new());
        assert!(year.months_hint.is_some());
        assert!(year.rows.iter().all(|r| r.deltas[0].trend == Trend::Same));

        let first = Span::Month(0);
        let month = compare_table(&EN, &plan, &c, Figure::Amount, first, &HashSet::new());
        assert_eq!(month.months_hint, None);
        let row = month.rows.iter().find(|r| r.id == region).unwrap();
        assert_eq!(row.deltas[0].trend, Trend::Down, "{row:?}");
        assert!(c.movers(Figure::Amount, first).contains(&region));
        let charts = region_charts(&EN, Lang::En, &plan, &c, Figure::Amount, first);
        assert!(!charts.is_empty());

        let picker = compare_picker(&EN, &plan, &ids, (Figure::Amount, true), first);
        assert_eq!(picker.spans.len(), 1 + plan.period.month_count());
        assert!(picker.spans[1].2, "the first month is the one chosen");
    }

    #[test]
    fn the_stretch_scenario_moves_numbers_and_the_biggest_movers_are_marked() {
        let plan = sample_plan(Lang::En);
        let ids: Vec<String> = plan.scenarios.iter().map(|s| s.id.clone()).collect();
        let c = compare(&plan, &ids);
        assert_eq!(c.names, ["Baseline", "Stretch"]);
        assert_eq!(
            c.movers(Figure::Amount, Span::Year).len(),
            3 * MOVERS,
            "three at each level below the company"
        );
        let table = compare_table(&EN, &plan, &c, Figure::Amount, Span::Year, &HashSet::new());
        assert_eq!(
            table.head,
            ["Name", "Baseline", "Stretch", "Stretch · Δ vs Baseline"]
        );
        let company = &table.rows[0];
        assert_eq!(company.values, ["118,000,000", "130,000,000"]);
        assert_eq!(
            company.deltas,
            [Delta {
                text: "+12,000,000".into(),
                trend: Trend::Up
            }],
            "the company moves by the difference of targets"
        );
        assert_eq!(
            table.rows.len(),
            1 + plan.regions.len(),
            "regions start closed"
        );
        let marked = table
            .rows
            .iter()
            .filter(|r| r.class().ends_with(" mover"))
            .count();
        assert!(
            (1..=MOVERS).contains(&marked),
            "only rows on screen are marked: {marked}"
        );
        assert_eq!(table.need_two, None);
        let open: HashSet<String> = [plan.regions[0].id.clone()].into();
        let table = compare_table(&EN, &plan, &c, Figure::Amount, Span::Year, &open);
        assert_eq!(table.rows[1].expanded, Some(true));
        assert!(table.rows.iter().any(|r| r.name == "Furong District"));
    }

    #[test]
    fn a_region_left_at_zero_is_a_warning_in_the_comparison() {
        let plan = sample_plan(Lang::En);
        let ids: Vec<String> = plan.scenarios.iter().map(|s| s.id.clone()).collect();
        let c = compare(&plan, &ids);
        let table = compare_table(&EN, &plan, &c, Figure::Amount, Span::Year, &HashSet::new());
        let warned: Vec<&str> = table
            .rows
            .iter()
            .filter(|r| r.zero)
            .map(|r| r.name.as_str())
            .collect();
        // Huaihua has no customers and no history: both scenarios leave it at zero.
        assert_eq!(warned, [plan.regions[7].name.as_str()]);
        let huaihua = table.rows.iter().find(|r| r.zero).unwrap();
        assert_eq!(huaihua.values, ["0", "0"]);
        assert!(huaihua.class().ends_with(" warn"), "{}", huaihua.class());
        assert_eq!(table.zero_mark, "⚠ a target of 0");
    }

    #[test]
    fn a_tier_that_differs_between_scenarios_is_marked() {
        let mut plan = sample_plan(Lang::En);
        plan.scenarios[1].thresholds.stronghold = Decimal::from(45);
        let ids: Vec<String> = plan.scenarios.iter().map(|s| s.id.clone()).collect();
        let c = compare(&plan, &ids);
        let xiangtan = plan.regions[2].id.clone();
        assert_eq!(
            c.tier_changes.get(&xiangtan),
            Some(&vec![Tier::Stronghold, Tier::Contested])
        );
        let table = compare_table(
            &EN,
            &plan,
            &c,
            Figure::Quantity,
            Span::Year,
            &HashSet::new(),
        );
        let row = table.rows.iter().find(|r| r.id == xiangtan).unwrap();
        assert_eq!(row.tier_change.as_deref(), Some("Stronghold → Contested"));
    }

    #[test]
    fn one_scenario_asks_for_another_and_the_picker_shows_the_choice() {
        let plan = sample_plan(Lang::En);
        let ids = vec![plan.scenarios[0].id.clone()];
        let c = compare(&plan, &ids);
        let table = compare_table(&EN, &plan, &c, Figure::Amount, Span::Year, &HashSet::new());
        assert_eq!(
            table.need_two.as_deref(),
            Some("Pick at least two scenarios.")
        );
        assert!(table.rows[0].deltas.is_empty());
        let picker = compare_picker(&EN, &plan, &ids, (Figure::Quantity, true), Span::Year);
        let checked: Vec<bool> = picker.scenarios.iter().map(|o| o.checked).collect();
        assert_eq!(checked, [true, false]);
        assert!(picker.measures[1].2, "quantity is chosen");
        assert!(region_charts(&EN, Lang::En, &plan, &c, Figure::Amount, Span::Year).is_empty());
    }

    #[test]
    fn a_scenario_that_cannot_be_computed_is_named() {
        let mut plan = sample_plan(Lang::En);
        plan.scenarios[1].seasonality[0] = None;
        let ids: Vec<String> = plan.scenarios.iter().map(|s| s.id.clone()).collect();
        let c = compare(&plan, &ids);
        let table = compare_table(&EN, &plan, &c, Figure::Amount, Span::Year, &HashSet::new());
        assert_eq!(table.errors.len(), 1);
        assert!(table.errors[0].contains("Stretch"), "{:?}", table.errors);
        assert!(table.need_two.is_some());
    }

    #[test]
    fn each_region_difference_is_charted() {
        let plan = sample_plan(Lang::En);
        let ids: Vec<String> = plan.scenarios.iter().map(|s| s.id.clone()).collect();
        let c = compare(&plan, &ids);
        let charts = region_charts(&EN, Lang::En, &plan, &c, Figure::Amount, Span::Year);
        assert_eq!(charts.len(), 1);
        assert_eq!(charts[0].title, "Stretch · Δ vs Baseline");
        assert_eq!(charts[0].bars.len(), plan.regions.len());
        assert_eq!(charts[0].bars[0].label, plan.regions[0].name);
        assert!(
            charts[0].bars.iter().any(|b| b.text.starts_with('+')),
            "{:#?}",
            charts[0].bars
        );
    }
}
