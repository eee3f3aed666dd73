//! The territory flattened into tree order: company, then each region followed by its
//! sub-districts, each sub-district followed by its salespeople. Parents come before children,
//! so one forward pass computes the whole breakdown.

use crate::core::model::Plan;
use crate::core::scenario::Level;
use crate::core::tree::NodePos;

use super::id_index::IdIndex;
use super::issues::{BreakdownWarning, NodeRef};

/// One node of the breakdown's tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BreakdownNode {
    pub level: Level,
    /// The node's id; for the company, the plan's id.
    pub id: String,
    /// Index of the parent node; `None` for the company.
    pub parent: Option<usize>,
    /// Where the node is in the plan; `None` for the company.
    pub pos: Option<NodePos>,
    /// One past the last node of this node's subtree: its descendants are `index + 1..subtree_end`.
    pub subtree_end: usize,
}

/// The nodes in tree order with each node's children listed (compressed rows) and an id index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub nodes: Vec<BreakdownNode>,
    /// Children of node `i` are `child_list[child_start[i]..child_start[i + 1]]`.
    pub child_start: Vec<u32>,
    pub child_list: Vec<u32>,
    pub index: IdIndex,
}

struct Builder {
    layout: Layout,
    next_child_slot: usize,
}

impl Builder {
    /// Appends a node that will have `children` children, as child number `nth` of `parent`.
    fn push(
        &mut self,
        level: Level,
        id: &str,
        parent: Option<(usize, usize)>,
        pos: Option<NodePos>,
        children: usize,
    ) -> usize {
        let l = &mut self.layout;
        let index = l.nodes.len();
        l.nodes.push(BreakdownNode {
            level,
            id: id.to_string(),
            parent: parent.map(|(p, _)| p),
            pos,
            subtree_end: index + 1,
        });
        l.child_start.push(self.next_child_slot as u32);
        self.next_child_slot += children;
        if let Some((p, nth)) = parent {
            l.child_list[l.child_start[p] as usize + nth] = index as u32;
        }
        index
    }

    fn close(&mut self, index: usize) {
        self.layout.nodes[index].subtree_end = self.layout.nodes.len();
    }
}

impl Layout {
    /// Flattens the plan; ids used twice are reported (lookups find the first).
    pub fn build(plan: &Plan, warnings: &mut Vec<BreakdownWarning>) -> Layout {
        let (r, d, p) = plan.size();
        let n = 1 + r + d + p;
        let mut b = Builder {
            layout: Layout {
                nodes: Vec::with_capacity(n),
                child_start: Vec::with_capacity(n + 1),
                child_list: vec![0; n - 1],
                index: IdIndex::default(),
            },
            next_child_slot: 0,
        };
        let company = b.push(Level::Company, &plan.id, None, None, plan.regions.len());
        for (ri, region) in plan.regions.iter().enumerate() {
            let pos = Some(NodePos::Region(ri));
            let rn = b.push(
                Level::Region,
                &region.id,
                Some((company, ri)),
                pos,
                region.subdistricts.len(),
            );
            for (di, sub) in region.subdistricts.iter().enumerate() {
                let pos = Some(NodePos::Subdistrict(ri, di));
                let dn = b.push(
                    Level::Subdistrict,
                    &sub.id,
                    Some((rn, di)),
                    pos,
                    sub.salespeople.len(),
                );
                for (pi, person) in sub.salespeople.iter().enumerate() {
                    let pos = Some(NodePos::Salesperson(ri, di, pi));
                    b.push(Level::Salesperson, &person.id, Some((dn, pi)), pos, 0);
                }
                b.close(dn);
            }
            b.close(rn);
        }
        b.close(company);
        let mut layout = b.layout;
        layout.child_start.push(b.next_child_slot as u32);
        layout.index = IdIndex::build(layout.nodes.iter().map(|n| n.id.as_str()));
        let nodes = &layout.nodes;
        for i in layout.index.duplicates(|i| &nodes[i].id) {
            warnings.push(BreakdownWarning::DuplicateId {
                id: nodes[i].id.clone(),
            });
        }
        layout
    }

    /// The first node with this id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.index.find(id, |i| &self.nodes[i].id)
    }

    pub fn children(&self, node: usize) -> &[u32] {
        let (start, end) = (
            self.child_start[node] as usize,
            self.child_start[node + 1] as usize,
        );
        &self.child_list[start..end]
    }
}

/// The display name of a node (the company's name for the company).
pub fn node_name(plan: &Plan, pos: Option<NodePos>) -> &str {
    let name = match pos {
        None => Some(plan.company.as_str()),
        Some(NodePos::Region(r)) => plan.regions.get(r).map(|x| x.name.as_str()),
        Some(NodePos::Subdistrict(r, d)) => plan
            .regions
            .get(r)
            .and_then(|x| x.subdistricts.get(d))
            .map(|x| x.name.as_str()),
        Some(NodePos::Salesperson(r, d, p)) => plan
            .regions
            .get(r)
            .and_then(|x| x.subdistricts.get(d))
            .and_then(|x| x.salespeople.get(p))
            .map(|x| x.name.as_str()),
    };
    name.unwrap_or("")
}

/// A node as named in errors and warnings.
pub fn node_ref(plan: &Plan, node: &BreakdownNode) -> NodeRef {
    NodeRef {
        level: node.level,
        id: node.id.clone(),
        name: node_name(plan, node.pos).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    #[test]
    fn nodes_are_in_tree_order_with_their_children_listed() {
        let plan = sample_plan(Lang::En);
        let mut warnings = Vec::new();
        let l = Layout::build(&plan, &mut warnings);
        assert!(warnings.is_empty(), "{warnings:?}");
        let (r, d, p) = plan.size();
        assert_eq!(l.nodes.len(), 1 + r + d + p);
        assert_eq!(l.nodes[0].subtree_end, l.nodes.len());
        assert_eq!(l.children(0).len(), plan.regions.len());
        // The first region is node 1; its first sub-district node 2; its people follow it.
        let first_sub = &plan.regions[0].subdistricts[0];
        assert_eq!(l.nodes[2].id, first_sub.id);
        let people: Vec<&str> = l
            .children(2)
            .iter()
            .map(|&c| l.nodes[c as usize].id.as_str())
            .collect();
        let want: Vec<&str> = first_sub
            .salespeople
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(people, want);
        for (i, node) in l.nodes.iter().enumerate() {
            for &c in l.children(i) {
                let c = c as usize;
                assert_eq!(l.nodes[c].parent, Some(i), "parent of {}", l.nodes[c].id);
                assert!(
                    c > i && l.nodes[c].subtree_end <= node.subtree_end,
                    "{} inside {}",
                    l.nodes[c].id,
                    node.id
                );
            }
            assert_eq!(l.find(&node.id), Some(i));
        }
        assert_eq!(node_name(&plan, l.nodes[0].pos), plan.company);
        assert_eq!(node_name(&plan, l.nodes[2].pos), first_sub.name);
    }

    #[test]
    fn duplicate_ids_are_reported_and_the_first_is_found() {
        let mut plan = sample_plan(Lang::En);
        let dup = plan.regions[0].id.clone();
        plan.regions[1].id = dup.clone();
        let mut warnings = Vec::new();
        let l = Layout::build(&plan, &mut warnings);
        assert_eq!(
            warnings,
            vec![BreakdownWarning::DuplicateId { id: dup.clone() }]
        );
        assert_eq!(l.find(&dup), Some(1));
    }
}
