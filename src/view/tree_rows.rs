//! The territory tree flattened into the rows that are visible (respecting expansion).

use std::collections::HashSet;

use crate::core::model::Plan;
use crate::core::scenario::Scenario;
use crate::core::tier::Tier;

/// The level of a tree row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowKind {
    Company,
    Region,
    Subdistrict,
    Salesperson,
}

/// One visible row. Rows are compared whole, so a changed row is redrawn and an unchanged one
/// is left alone.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TreeRow {
    /// `None` for the company row.
    pub id: Option<String>,
    pub parent: Option<String>,
    pub kind: RowKind,
    pub name: String,
    pub children: usize,
    pub expanded: bool,
    pub tier: Option<Tier>,
    /// A short note shown after the name: manager, role or head count.
    pub detail: String,
}

impl TreeRow {
    pub fn depth(&self) -> usize {
        match self.kind {
            RowKind::Company => 0,
            RowKind::Region => 1,
            RowKind::Subdistrict => 2,
            RowKind::Salesperson => 3,
        }
    }

    /// The DOM id of the row, for focus.
    pub fn dom_id(&self) -> String {
        dom_id(self.id.as_deref())
    }
}

pub fn dom_id(node: Option<&str>) -> String {
    match node {
        Some(id) => format!("node-{id}"),
        None => "node-company".into(),
    }
}

/// The rows to show, in order.
pub fn visible_rows(
    plan: &Plan,
    scenario: Option<&Scenario>,
    expanded: &HashSet<String>,
) -> Vec<TreeRow> {
    let (_, _, people) = plan.size();
    let mut rows = vec![TreeRow {
        id: None,
        parent: None,
        kind: RowKind::Company,
        name: plan.company.clone(),
        children: plan.regions.len(),
        expanded: true,
        tier: None,
        detail: people.to_string(),
    }];
    for r in &plan.regions {
        let open = expanded.contains(&r.id);
        rows.push(TreeRow {
            id: Some(r.id.clone()),
            parent: None,
            kind: RowKind::Region,
            name: r.name.clone(),
            children: r.subdistricts.len(),
            expanded: open,
            tier: scenario.map(|s| s.tier_of(r)),
            detail: r.manager.clone(),
        });
        if !open {
            continue;
        }
        for d in &r.subdistricts {
            let open = expanded.contains(&d.id);
            rows.push(TreeRow {
                id: Some(d.id.clone()),
                parent: Some(r.id.clone()),
                kind: RowKind::Subdistrict,
                name: d.name.clone(),
                children: d.salespeople.len(),
                expanded: open,
                tier: None,
                detail: d.salespeople.len().to_string(),
            });
            if !open {
                continue;
            }
            for p in &d.salespeople {
                rows.push(TreeRow {
                    id: Some(p.id.clone()),
                    parent: Some(d.id.clone()),
                    kind: RowKind::Salesperson,
                    name: p.name.clone(),
                    children: 0,
                    expanded: false,
                    tier: None,
                    detail: p.role.clone(),
                });
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::{sample_plan, scaled_plan};

    #[test]
    fn collapsed_regions_hide_their_children() {
        let plan = sample_plan(Lang::En);
        let rows = visible_rows(&plan, plan.adopted(), &HashSet::new());
        assert_eq!(rows.len(), 1 + plan.regions.len());
        let open: HashSet<String> = [plan.regions[0].id.clone()].into();
        let rows = visible_rows(&plan, plan.adopted(), &open);
        assert_eq!(
            rows.len(),
            1 + plan.regions.len() + plan.regions[0].subdistricts.len()
        );
        assert_eq!(rows[2].kind, RowKind::Subdistrict);
        assert_eq!(rows[2].parent.as_deref(), Some(plan.regions[0].id.as_str()));
    }

    #[test]
    fn a_large_plan_collapsed_shows_few_rows() {
        let plan = scaled_plan(10_000);
        assert_eq!(
            visible_rows(&plan, plan.adopted(), &HashSet::new()).len(),
            51
        );
    }
}

/// Labels of the row buttons: (add child for company/region/sub-district, up, down, delete,
/// expand, collapse).
pub struct RowLabels<'a> {
    pub add: [&'a str; 3],
    pub up: &'a str,
    pub down: &'a str,
    pub delete: &'a str,
    pub expand: &'a str,
    pub collapse: &'a str,
}

/// The rows as `<li role="treeitem">` elements; buttons carry `data-action` and the node id.
pub fn tree_html(
    rows: &[TreeRow],
    selected: Option<&str>,
    tier_names: impl Fn(Tier) -> &'static str,
    l: &RowLabels,
) -> String {
    use super::html::{push_element, push_escaped};
    use std::fmt::Write;
    let mut out = String::with_capacity(rows.len() * 400);
    for row in rows {
        let is_selected = row.id.as_deref() == selected;
        let kind = match row.kind {
            RowKind::Company => "company",
            RowKind::Region => "region",
            RowKind::Subdistrict => "subdistrict",
            RowKind::Salesperson => "salesperson",
        };
        let id = row.id.as_deref().unwrap_or("");
        out.push_str("<li role=\"treeitem\" id=\"");
        push_escaped(&mut out, &row.dom_id());
        out.push_str("\" data-node=\"");
        push_escaped(&mut out, id);
        let _ = write!(
            out,
            "\" class=\"tree-row depth-{} {kind}{}\" aria-level=\"{}\" aria-selected=\"{is_selected}\" tabindex=\"{}\"",
            row.depth(),
            if is_selected { " selected" } else { "" },
            row.depth() + 1,
            if is_selected { 0 } else { -1 },
        );
        let expandable = row.children > 0 && row.kind != RowKind::Company;
        if expandable {
            let _ = write!(out, " aria-expanded=\"{}\"", row.expanded);
        }
        out.push('>');
        if expandable {
            let (glyph, label) = if row.expanded {
                ("▾", l.collapse)
            } else {
                ("▸", l.expand)
            };
            let _ = write!(
                out,
                "<button class=\"twisty\" tabindex=\"-1\" data-action=\"toggle\" aria-label=\"{label}\">{glyph}</button>"
            );
        } else {
            out.push_str("<span class=\"twisty\"></span>");
        }
        push_element(&mut out, "span", "class=\"row-name\"", &row.name);
        if let Some(t) = row.tier {
            let _ = write!(
                out,
                "<span class=\"tier-badge tier-{}\">{}</span>",
                t.key(),
                tier_names(t)
            );
        }
        push_element(&mut out, "span", "class=\"row-detail\"", &row.detail);
        out.push_str("<span class=\"row-tools\">");
        let add = match row.kind {
            RowKind::Company => Some(l.add[0]),
            RowKind::Region => Some(l.add[1]),
            RowKind::Subdistrict => Some(l.add[2]),
            RowKind::Salesperson => None,
        };
        if let Some(label) = add {
            let _ = write!(
                out,
                "<button class=\"icon add\" tabindex=\"-1\" data-action=\"add\" title=\"{label}\" aria-label=\"{label}\">+</button>"
            );
        }
        if row.id.is_some() {
            for (action, label, glyph, class) in [
                ("up", l.up, "↑", "icon"),
                ("down", l.down, "↓", "icon"),
                ("delete", l.delete, "✕", "icon danger"),
            ] {
                let _ = write!(
                    out,
                    "<button class=\"{class}\" tabindex=\"-1\" data-action=\"{action}\" title=\"{label}\" aria-label=\"{label}\">{glyph}</button>"
                );
            }
        }
        out.push_str("</span></li>");
    }
    out
}

#[cfg(test)]
mod html_tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    #[test]
    fn rows_carry_their_node_selection_and_escaped_names() {
        let mut plan = sample_plan(Lang::En);
        plan.regions[0].name = "<img src=x>".into();
        let rows = visible_rows(&plan, plan.adopted(), &HashSet::new());
        let labels = RowLabels {
            add: ["ar", "as", "ap"],
            up: "up",
            down: "down",
            delete: "del",
            expand: "open",
            collapse: "close",
        };
        let selected = plan.regions[1].id.clone();
        let html = tree_html(&rows, Some(&selected), |t| t.key(), &labels);
        assert_eq!(html.matches("role=\"treeitem\"").count(), rows.len());
        assert!(html.contains("&lt;img src=x&gt;") && !html.contains("<img"));
        assert_eq!(html.matches("aria-selected=\"true\"").count(), 1);
        assert!(
            html.contains(&format!(
                "data-node=\"{selected}\" class=\"tree-row depth-1 region selected\""
            )),
            "{html}"
        );
    }
}
