//! The breakdown table: tree rows (company, regions, sub-districts, salespeople) × year and
//! months, for one measure. Only the rows in view are built ([`Window`]), so a table of ten
//! thousand salespeople scrolls as fast as one of ten.

use std::collections::HashSet;

use crate::core::breakdown::{Breakdown, BreakdownNode};
use crate::core::model::Plan;
use crate::core::scenario::{Level, Measure, Scenario};
use crate::core::tree::NodePos;
use crate::i18n::Catalogue;

use super::numbers::grouped;

/// Height of one table row in CSS pixels (the stylesheet uses the same).
pub const ROW_HEIGHT: u32 = 34;

/// Rows built above and below the visible ones, so a quick scroll shows no gap.
pub const OVERSCAN: usize = 8;

/// Indices of the breakdown nodes shown, in tree order: the company and regions always, the
/// children of an expanded node after it.
pub fn visible_nodes(bd: &Breakdown, expanded: &HashSet<String>) -> Vec<usize> {
    let nodes = bd.nodes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < nodes.len() {
        out.push(i);
        let n = &nodes[i];
        let open = n.level == Level::Company || expanded.contains(&n.id);
        i = if open { i + 1 } else { n.subtree_end };
    }
    out
}

/// The part of a list of `rows` rows in view: rows `start..end` are built, and spacers of
/// `before` and `after` pixels stand for the others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
    pub before: u32,
    pub after: u32,
}

impl Window {
    /// The rows in view of a list scrolled `scroll_top` pixels in a viewport `height` pixels
    /// high, with [`OVERSCAN`] rows either side.
    pub fn of(rows: usize, scroll_top: u32, height: u32) -> Window {
        let first = (scroll_top / ROW_HEIGHT) as usize;
        let start = first.saturating_sub(OVERSCAN).min(rows);
        let end = (first + (height / ROW_HEIGHT) as usize + 1 + OVERSCAN).min(rows);
        Window {
            start,
            end,
            before: start as u32 * ROW_HEIGHT,
            after: (rows - end) as u32 * ROW_HEIGHT,
        }
    }
}

/// A node's depth in the tree: 0 for the company.
pub fn depth(level: Level) -> u8 {
    match level {
        Level::Company => 0,
        Level::Region => 1,
        Level::Subdistrict => 2,
        Level::Salesperson => 3,
    }
}

/// The name of a breakdown node in `plan`. A breakdown kept on screen while newer inputs are in
/// error may be older than the plan: a node whose place now holds another is found by its id.
pub fn row_name<'p>(plan: &'p Plan, node: &BreakdownNode) -> &'p str {
    let at_place = match node.pos {
        None => return plan.company.as_str(),
        Some(NodePos::Region(r)) => plan.regions.get(r).map(|x| (&x.id, &x.name)),
        Some(NodePos::Subdistrict(r, d)) => plan
            .regions
            .get(r)
            .and_then(|x| x.subdistricts.get(d))
            .map(|x| (&x.id, &x.name)),
        Some(NodePos::Salesperson(r, d, p)) => plan
            .regions
            .get(r)
            .and_then(|x| x.subdistricts.get(d))
            .and_then(|x| x.salespeople.get(p))
            .map(|x| (&x.id, &x.name)),
    };
    match at_place {
        Some((id, name)) if *id == node.id => name,
        _ => plan.node_name(&node.id).unwrap_or(""),
    }
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BreakdownRow {
    /// The node's id (the plan's id for the company).
    pub id: String,
    pub level: Level,
    /// 0 for the company, 3 for a salesperson.
    pub depth: u8,
    pub name: String,
    /// `Some(open)` for a node with children that can be opened or closed.
    pub expanded: Option<bool>,
    /// The node is locked for the measure shown.
    pub locked: bool,
    /// Its annual value moved in the last recomputation.
    pub changed: bool,
    /// The annual value, then one per month, grouped for display.
    pub year: String,
    pub months: Vec<String>,
}

impl BreakdownRow {
    /// The row's CSS class (`lvl-region changed`); selection is added by the page.
    pub fn class(&self) -> String {
        let mut class = format!("lvl-{}", self.level.key());
        if self.changed {
            class.push_str(" changed");
        }
        class
    }
}

/// What the rows are built from besides the breakdown itself.
pub struct RowSource<'a> {
    pub plan: &'a Plan,
    pub scenario: Option<&'a Scenario>,
    pub bd: &'a Breakdown,
    pub measure: Measure,
    pub expanded: &'a HashSet<String>,
    /// The breakdown before the last recomputation; rows whose value moved are marked.
    pub previous: Option<&'a Breakdown>,
}

/// The rows of the given nodes.
pub fn table_rows(src: &RowSource, nodes: &[usize]) -> Vec<BreakdownRow> {
    let all = src.bd.nodes();
    nodes
        .iter()
        .map(|&i| {
            let n = &all[i];
            let value = src.bd.annual_units(i, src.measure);
            let changed = src.previous.is_some_and(|p| {
                p.find(&n.id)
                    .is_some_and(|j| p.annual_units(j, src.measure) != value)
            });
            let has_children = n.subtree_end > i + 1;
            BreakdownRow {
                id: n.id.clone(),
                level: n.level,
                depth: depth(n.level),
                name: row_name(src.plan, n).to_string(),
                expanded: (has_children && n.level != Level::Company)
                    .then(|| src.expanded.contains(&n.id)),
                locked: src
                    .scenario
                    .and_then(|s| s.locks.get(&n.id))
                    .and_then(|v| v.get(src.measure))
                    .is_some(),
                changed,
                year: grouped(src.bd.annual(i, src.measure)),
                months: src.bd.monthly(i, src.measure).map(grouped).collect(),
            }
        })
        .collect()
}

/// The column headings: name, year, then the months of the period.
pub fn table_head(t: &Catalogue, bd: &Breakdown) -> Vec<String> {
    [t.name.to_string(), t.col_year.to_string()]
        .into_iter()
        .chain(
            bd.months()
                .iter()
                .map(|m| t.month_name(m.month).to_string()),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::lang::Lang;
    use crate::core::sample::{sample_plan, scaled_plan};
    use crate::i18n::EN;

    #[test]
    fn only_expanded_nodes_show_their_children() {
        let plan = sample_plan(Lang::En);
        let bd = compute(&plan, plan.adopted().unwrap()).unwrap();
        let closed = visible_nodes(&bd, &HashSet::new());
        assert_eq!(closed.len(), 1 + plan.regions.len());
        let open: HashSet<String> = [plan.regions[0].id.clone()].into();
        assert_eq!(
            visible_nodes(&bd, &open).len(),
            1 + plan.regions.len() + plan.regions[0].subdistricts.len()
        );
    }

    #[test]
    fn rows_show_grouped_numbers_locks_and_names_as_typed() {
        let mut plan = sample_plan(Lang::En);
        plan.regions[0].name = "<b>North</b>".into();
        let rid = plan.regions[0].id.clone();
        let mut scenario = plan.adopted().unwrap().clone();
        scenario.locks.entry(rid.clone()).or_default().amount = Some("40000000".parse().unwrap());
        let bd = compute(&plan, &scenario).unwrap();
        let expanded = HashSet::new();
        let src = RowSource {
            plan: &plan,
            scenario: Some(&scenario),
            bd: &bd,
            measure: Measure::Amount,
            expanded: &expanded,
            previous: None,
        };
        let rows = table_rows(&src, &[0, 1]);
        assert_eq!(rows[0].year, "118,000,000", "the company total");
        assert_eq!(rows[0].expanded, None, "the company is always open");
        assert_eq!(rows[0].class(), "lvl-company");
        assert_eq!(rows[1].year, "40,000,000", "the locked region");
        assert_eq!(rows[1].name, "<b>North</b>");
        assert!(rows[1].locked);
        assert_eq!(rows[1].expanded, Some(false));
        assert_eq!((rows[1].depth, rows[1].class().as_str()), (1, "lvl-region"));
        assert_eq!(rows[1].months.len(), 12);
        let months: i64 = rows[0]
            .months
            .iter()
            .map(|m| m.replace(',', "").parse::<i64>().unwrap())
            .sum();
        assert_eq!(months, 118_000_000, "the months add up to the year");
        let quantity = table_rows(
            &RowSource {
                measure: Measure::Quantity,
                ..src
            },
            &[1],
        );
        assert!(!quantity[0].locked, "locked for the amount only");
    }

    #[test]
    fn rows_a_recomputation_moved_are_marked() {
        let plan = sample_plan(Lang::En);
        let before = compute(&plan, plan.adopted().unwrap()).unwrap();
        let mut scenario = plan.adopted().unwrap().clone();
        let (r0, r1) = (plan.regions[0].id.clone(), plan.regions[1].id.clone());
        // Locking a region at its own value moves nothing; raising the target moves the rest.
        let own = before.annual(before.find(&r0).unwrap(), Measure::Amount);
        scenario.locks.entry(r0.clone()).or_default().amount = Some(own);
        scenario.amount_target += rust_decimal::Decimal::from(1_000_000);
        let after = compute(&plan, &scenario).unwrap();
        let expanded = HashSet::new();
        let src = RowSource {
            plan: &plan,
            scenario: Some(&scenario),
            bd: &after,
            measure: Measure::Amount,
            expanded: &expanded,
            previous: Some(&before),
        };
        let rows = table_rows(
            &src,
            &[0, after.find(&r0).unwrap(), after.find(&r1).unwrap()],
        );
        assert!(rows[0].changed && rows[0].class().ends_with(" changed"));
        assert!(!rows[1].changed, "the locked region kept its value");
        assert!(rows[2].changed);
    }

    #[test]
    fn a_row_of_an_older_breakdown_is_named_by_its_id() {
        let mut plan = sample_plan(Lang::En);
        let bd = compute(&plan, plan.adopted().unwrap()).unwrap();
        let second = bd.find(&plan.regions[1].id).unwrap();
        plan.regions.remove(0);
        assert_eq!(row_name(&plan, &bd.nodes()[second]), plan.regions[0].name);
    }

    #[test]
    fn the_window_holds_the_rows_in_view_and_spacers_for_the_rest() {
        let w = Window::of(11_051, 0, 600);
        assert_eq!((w.start, w.before), (0, 0));
        assert_eq!(w.end, 600 / ROW_HEIGHT as usize + 1 + OVERSCAN);
        assert_eq!(w.after, (11_051 - w.end) as u32 * ROW_HEIGHT);
        let w = Window::of(11_051, 5000 * ROW_HEIGHT, 600);
        assert_eq!(w.start, 5000 - OVERSCAN);
        assert!(w.end - w.start < 50);
        assert_eq!(
            w.before + (w.end - w.start) as u32 * ROW_HEIGHT + w.after,
            11_051 * ROW_HEIGHT,
            "the spacers keep the full height"
        );
        let short = Window::of(5, 0, 600);
        assert_eq!((short.start, short.end, short.after), (0, 5, 0));
    }

    #[test]
    fn a_screenful_of_the_largest_plan_is_built_alone() {
        let plan = scaled_plan(10_000);
        let scenario = plan.adopted().unwrap();
        let bd = compute(&plan, scenario).unwrap();
        let all: HashSet<String> = bd.nodes().iter().map(|n| n.id.clone()).collect();
        let rows = visible_nodes(&bd, &all);
        assert_eq!(rows.len(), bd.nodes().len());
        let src = RowSource {
            plan: &plan,
            scenario: Some(scenario),
            bd: &bd,
            measure: Measure::Quantity,
            expanded: &all,
            previous: None,
        };
        let w = Window::of(rows.len(), 5000 * ROW_HEIGHT, 720);
        let built = table_rows(&src, &rows[w.start..w.end]);
        assert!(built.len() < 50, "{} rows built", built.len());
        assert_eq!(table_head(&EN, &bd).len(), 2 + 12);
    }
}
