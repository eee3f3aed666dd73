//! The territory tree flattened into the rows that are visible (respecting expansion), and the
//! slice of them a scrolled list draws: rows have one fixed height, so the scroll position
//! alone says which rows are in view.

use std::collections::HashSet;
use std::ops::Range;

use crate::core::model::Plan;
use crate::core::scenario::Scenario;
use crate::core::tier::Tier;

/// Height of one tree row in CSS pixels (the stylesheet uses the same).
pub const ROW_HEIGHT: u32 = 34;

/// Rows drawn above and below those in view, so a quick scroll shows no gap.
const OVERSCAN: usize = 8;

/// A tree this short is drawn whole: every name is in the page (find-in-page, screen readers)
/// and a few hundred rows cost nothing to draw.
const DRAWN_WHOLE: usize = 200;

/// The level of a tree row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowKind {
    Company,
    Region,
    Subdistrict,
    Salesperson,
}

impl RowKind {
    /// The row's CSS class.
    pub fn class(self) -> &'static str {
        match self {
            RowKind::Company => "company",
            RowKind::Region => "region",
            RowKind::Subdistrict => "subdistrict",
            RowKind::Salesperson => "salesperson",
        }
    }

    /// How deep in the tree: the company is 0, a salesperson 3.
    pub fn depth(self) -> usize {
        match self {
            RowKind::Company => 0,
            RowKind::Region => 1,
            RowKind::Subdistrict => 2,
            RowKind::Salesperson => 3,
        }
    }
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
        self.kind.depth()
    }

    /// Whether the row opens and closes (the company is always open).
    pub fn expandable(&self) -> bool {
        self.children > 0 && self.kind != RowKind::Company
    }

    /// Whether a child can be added under this row (a salesperson has none).
    pub fn takes_children(&self) -> bool {
        self.kind != RowKind::Salesperson
    }

    /// The DOM id of the row, for focus.
    pub fn dom_id(&self) -> String {
        dom_id(self.id.as_deref())
    }
}

/// The DOM id of a node's row (`None`: the company).
pub fn dom_id(node: Option<&str>) -> String {
    match node {
        Some(id) => format!("node-{id}"),
        None => "node-company".into(),
    }
}

/// The kind of the node with this id, if the plan has it.
pub fn node_kind(plan: &Plan, id: &str) -> Option<RowKind> {
    use crate::core::tree::NodePos;
    Some(match plan.locate(id)? {
        NodePos::Region(_) => RowKind::Region,
        NodePos::Subdistrict(..) => RowKind::Subdistrict,
        NodePos::Salesperson(..) => RowKind::Salesperson,
    })
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

/// Every region and sub-district that has children: what "expand all" opens.
pub fn all_expandable(plan: &Plan) -> HashSet<String> {
    plan.regions
        .iter()
        .filter(|r| !r.subdistricts.is_empty())
        .flat_map(|r| {
            std::iter::once(r.id.clone()).chain(
                r.subdistricts
                    .iter()
                    .filter(|d| !d.salespeople.is_empty())
                    .map(|d| d.id.clone()),
            )
        })
        .collect()
}

/// The rows to draw of a list of `len` rows scrolled to `scroll_top` in a viewport `viewport`
/// pixels high: those in view and a few either side (all of a short list).
pub fn window(len: usize, scroll_top: u32, viewport: u32) -> Range<usize> {
    if len <= DRAWN_WHOLE {
        return 0..len;
    }
    let first = (scroll_top / ROW_HEIGHT) as usize;
    let in_view = viewport.div_ceil(ROW_HEIGHT) as usize;
    let start = first.saturating_sub(OVERSCAN).min(len);
    let end = (first + in_view + OVERSCAN).min(len);
    start..end
}

/// The scroll position that brings row `index` into a viewport `viewport` pixels high scrolled
/// to `scroll_top`, or `None` if it is in view already.
pub fn scroll_to_show(index: usize, scroll_top: u32, viewport: u32) -> Option<u32> {
    let top = index as u32 * ROW_HEIGHT;
    let bottom = top + ROW_HEIGHT;
    if top < scroll_top {
        Some(top)
    } else if bottom > scroll_top + viewport {
        Some(bottom.saturating_sub(viewport))
    } else {
        None
    }
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

    #[test]
    fn rows_carry_their_node_kind_tier_and_names_as_typed() {
        let mut plan = sample_plan(Lang::En);
        plan.regions[0].name = "<img src=x>".into();
        let rows = visible_rows(&plan, plan.adopted(), &HashSet::new());
        let company = &rows[0];
        assert_eq!(
            (company.id.as_deref(), company.kind, company.expandable()),
            (None, RowKind::Company, false)
        );
        assert_eq!(company.dom_id(), "node-company");
        let region = &rows[1];
        assert_eq!(region.name, "<img src=x>", "a name is text, never markup");
        assert_eq!(region.kind.class(), "region");
        assert_eq!(region.tier, Some(Tier::BaseCamp));
        assert!(region.expandable() && !region.expanded && region.takes_children());
        assert_eq!(region.dom_id(), format!("node-{}", plan.regions[0].id));
    }

    #[test]
    fn expand_all_opens_every_row_with_children() {
        let plan = scaled_plan(10_000);
        let open = all_expandable(&plan);
        let rows = visible_rows(&plan, plan.adopted(), &open);
        let (regions, subs, people) = plan.size();
        assert_eq!(rows.len(), 1 + regions + subs + people);
        assert!(rows.iter().all(|r| !r.expandable() || r.expanded));
    }

    #[test]
    fn a_long_list_draws_only_the_rows_in_view_and_a_short_one_draws_all() {
        assert_eq!(window(67, 900, 400), 0..67);
        let in_view = 400usize.div_ceil(ROW_HEIGHT as usize);
        let drawn = window(11_051, 0, 400);
        assert_eq!(drawn, 0..in_view + OVERSCAN);
        // Scrolled to row 5,000: rows 5,000 to 5,011 are in view.
        let drawn = window(11_051, 5_000 * ROW_HEIGHT + 10, 400);
        assert_eq!(drawn, 5_000 - OVERSCAN..5_000 + in_view + OVERSCAN);
        assert!(drawn.len() < 40, "{drawn:?}");
        // At the end, nothing past the last row.
        assert_eq!(window(11_051, 11_051 * ROW_HEIGHT, 400).end, 11_051);
    }

    #[test]
    fn a_row_out_of_view_is_scrolled_to_and_one_in_view_is_left() {
        let h = ROW_HEIGHT;
        assert_eq!(scroll_to_show(3, 0, 10 * h), None);
        assert_eq!(
            scroll_to_show(12, 0, 10 * h),
            Some(3 * h),
            "shown at the bottom"
        );
        assert_eq!(
            scroll_to_show(2, 5 * h, 10 * h),
            Some(2 * h),
            "shown at the top"
        );
    }
}
