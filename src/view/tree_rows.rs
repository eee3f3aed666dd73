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
