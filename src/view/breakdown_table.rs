//! The breakdown table: tree rows (company, regions, sub-districts, salespeople) × year and
//! months, for one measure. Only the rows on screen are turned into HTML, so a table of ten
//! thousand salespeople scrolls as fast as one of ten.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use crate::core::breakdown::{Breakdown, node_name};
use crate::core::model::Plan;
use crate::core::scenario::{Level, Measure, Scenario};

use super::html::{push_element, push_escaped};
use super::numbers::grouped;

/// Height of one table row in CSS pixels (the stylesheet uses the same).
pub const ROW_HEIGHT: u32 = 34;

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

/// Annual values by node id, to mark what a recomputation changed.
pub fn annual_by_id(bd: &Breakdown, measure: Measure) -> HashMap<String, i64> {
    bd.nodes()
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.clone(), bd.annual_units(i, measure)))
        .collect()
}

/// What the row renderer needs besides the rows themselves.
pub struct RowContext<'a> {
    pub plan: &'a Plan,
    pub scenario: &'a Scenario,
    pub bd: &'a Breakdown,
    pub measure: Measure,
    pub expanded: &'a HashSet<String>,
    pub selected: Option<&'a str>,
    /// Annual values before the last change; rows whose value moved are highlighted.
    pub previous: Option<&'a HashMap<String, i64>>,
    /// Tooltips: (expand, collapse, locked).
    pub labels: (&'a str, &'a str, &'a str),
}

fn depth(level: Level) -> u32 {
    match level {
        Level::Company => 0,
        Level::Region => 1,
        Level::Subdistrict => 2,
        Level::Salesperson => 3,
    }
}

/// The `<tr>` elements of the given nodes.
pub fn rows_html(cx: &RowContext, rows: &[usize]) -> String {
    let mut out = String::with_capacity(rows.len() * 600);
    let nodes = cx.bd.nodes();
    for &i in rows {
        let n = &nodes[i];
        let id = &n.id;
        let mut class = format!("lvl-{}", n.level.key());
        if cx.selected == Some(id.as_str()) || (cx.selected.is_none() && n.level == Level::Company)
        {
            class.push_str(" selected");
        }
        let value = cx.bd.annual_units(i, cx.measure);
        if cx
            .previous
            .and_then(|p| p.get(id))
            .is_some_and(|&before| before != value)
        {
            class.push_str(" changed");
        }
        out.push_str("<tr data-node=\"");
        push_escaped(&mut out, id);
        let _ = write!(
            out,
            "\" class=\"{class}\"><th scope=\"row\" class=\"name d{}\">",
            depth(n.level)
        );
        let has_children = n.subtree_end > i + 1;
        if has_children && n.level != Level::Company {
            let open = cx.expanded.contains(id);
            let (glyph, label) = if open {
                ("▾", cx.labels.1)
            } else {
                ("▸", cx.labels.0)
            };
            out.push_str("<button class=\"twisty\" tabindex=\"-1\" data-toggle=\"");
            push_escaped(&mut out, id);
            let _ = write!(out, "\" aria-label=\"{label}\">{glyph}</button>");
        } else {
            out.push_str("<span class=\"twisty\"></span>");
        }
        let name = if n.level == Level::Company {
            cx.plan.company.as_str()
        } else {
            node_name(cx.plan, n.pos)
        };
        push_element(&mut out, "span", "class=\"row-name\"", name);
        if cx
            .scenario
            .locks
            .get(id)
            .and_then(|v| v.get(cx.measure))
            .is_some()
        {
            let _ = write!(
                out,
                "<span class=\"lock\" title=\"{}\">🔒</span>",
                cx.labels.2
            );
        }
        out.push_str("</th>");
        push_element(
            &mut out,
            "td",
            "class=\"year\"",
            &grouped(cx.bd.annual(i, cx.measure)),
        );
        for v in cx.bd.monthly(i, cx.measure) {
            push_element(&mut out, "td", "", &grouped(v));
        }
        out.push_str("</tr>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::lang::Lang;
    use crate::core::sample::{sample_plan, scaled_plan};

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
    fn rows_show_grouped_numbers_locks_and_escaped_names() {
        let mut plan = sample_plan(Lang::En);
        plan.regions[0].name = "<b>North</b>".into();
        let rid = plan.regions[0].id.clone();
        let mut scenario = plan.adopted().unwrap().clone();
        scenario.locks.entry(rid.clone()).or_default().amount = Some("40000000".parse().unwrap());
        let bd = compute(&plan, &scenario).unwrap();
        let expanded = HashSet::new();
        let cx = RowContext {
            plan: &plan,
            scenario: &scenario,
            bd: &bd,
            measure: Measure::Amount,
            expanded: &expanded,
            selected: Some(&rid),
            previous: None,
            labels: ("Expand", "Collapse", "Locked"),
        };
        let html = rows_html(&cx, &[0, 1]);
        assert!(html.contains("118,000,000"), "the company total: {html}");
        assert!(html.contains("40,000,000"), "the locked region: {html}");
        assert!(html.contains("&lt;b&gt;North&lt;/b&gt;"), "{html}");
        assert!(html.contains("🔒"));
        assert!(html.contains("class=\"lvl-region selected\""), "{html}");
    }

    #[test]
    fn a_screenful_of_the_largest_plan_renders_quickly() {
        let plan = scaled_plan(10_000);
        let scenario = plan.adopted().unwrap();
        let bd = compute(&plan, scenario).unwrap();
        let all: HashSet<String> = bd.nodes().iter().map(|n| n.id.clone()).collect();
        let rows = visible_nodes(&bd, &all);
        assert_eq!(rows.len(), bd.nodes().len());
        let cx = RowContext {
            plan: &plan,
            scenario,
            bd: &bd,
            measure: Measure::Quantity,
            expanded: &all,
            selected: None,
            previous: None,
            labels: ("", "", ""),
        };
        let html = rows_html(&cx, &rows[5000..5040]);
        assert_eq!(html.matches("<tr").count(), 40);
    }
}
