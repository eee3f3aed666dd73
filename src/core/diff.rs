//! What changed between two plans (a semantic diff): items matched by id, not JSON text. Nodes
//! added, removed, moved (a salesperson to another sub-district) and renamed; every field
//! changed with its value before and after; scenarios, locks, overrides and execution records
//! the same way; and the effect on the adopted scenario's targets, node by node.
//!
//! A plan is compared as [`Items`]: the plan cut at its collections (regions, sub-districts,
//! salespeople, scenarios, execution records; [`shape`]), each item's fields taken from the
//! plan's JSON. A field added to the format later is compared without a change here.

mod changes;
mod items;
pub mod shape;
mod targets;
#[cfg(test)]
mod tests;

pub use changes::{
    Change, ChangeKind, Rank, What, concerned, field_changes, ordered_collections, owner, reordered,
};
pub use items::{Head, Item, Items, Owner, collection_of, section_collection};
pub use shape::{ItemKey, Path, Seg};
pub use targets::{TargetMove, Targets, target_moves};

use crate::core::model::Plan;

/// The differences from an older plan to a newer one.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanDiff {
    pub old: Items,
    pub new: Items,
    /// Every difference, in reading order ([`changes::changes`]).
    pub changes: Vec<Change>,
    /// The effect on the adopted scenario's targets.
    pub targets: Targets,
}

impl PlanDiff {
    /// Whether the two plans hold the same (identity and history aside).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The node, scenario or customer a change concerns.
    pub fn concerned(&self, change: &Change) -> Option<ItemKey> {
        concerned(
            &[&self.new, &self.old],
            &change.item,
            change.path().map(Vec::as_slice),
        )
    }

    /// The region a change concerns, for filtering by region.
    pub fn region(&self, change: &Change) -> Option<String> {
        let key = self.concerned(change)?;
        self.new
            .region_of(&key)
            .or_else(|| self.old.region_of(&key))
    }

    /// The name of an item in the newer plan, else in the older.
    pub fn name(&self, key: &ItemKey) -> Option<&str> {
        self.new.name(key).or_else(|| self.old.name(key))
    }
}

/// The changes from one plan's items to another's.
pub fn diff_items(old: &Items, new: &Items) -> Vec<Change> {
    changes::changes(old, new)
}

/// The differences from `old` to `new`.
pub fn diff(old: &Plan, new: &Plan) -> PlanDiff {
    // The newer plan's items share the older's where both hold them alike: only what changed
    // is cut into fields and compared.
    let a = Items::of(old);
    let b = Items::of_like(new, old, &a);
    let changes = changes::changes(&a, &b);
    PlanDiff {
        targets: target_moves(old, new),
        old: a,
        new: b,
        changes,
    }
}
