//! Merging a returned copy into the open plan (three-way): every change the copy made since the
//! version both started from ([`ancestor`]) is applied where the open plan did not change the
//! same thing differently; what collides is listed ([`Collision`]) for the manager's choice —
//! mine, theirs, or a typed value. Nothing is lost silently: each change of either plan is in
//! the result or in a collision.
//!
//! Three kinds of collision: the same field changed differently; an item deleted in one plan
//! and changed in the other (a node with everything under it, the records it owns and the
//! fields naming it go together, [`groups`]); and two items of the same name added under the
//! same parent. Two plans putting the same collection in different orders collide too.
//!
//! The result is built from the merged items through the format's own reading and checked by
//! its rules ([`Merge::resolve`]), so a merged plan is a plan any file could be.

pub mod ancestor;
mod groups;
mod list3;
mod order;
mod renumber;
mod typed;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::Arc;

use serde_json::Value;

pub use ancestor::{Ancestor, AncestorError, check_base, common_ancestor};
pub use renumber::Renumbered;
pub use typed::{typable, typed_value};

use super::diff::shape::CUSTOMERS;
use super::diff::{
    Change, Head, Item, ItemKey, Items, Owner, Path, Seg, collection_of, concerned,
    ordered_collections, reordered, section_collection,
};
use super::field::FieldError;
use super::model::Plan;
use super::validate::{Problem, validate_plan};
use groups::{BASE, Group, Index, MINE, THEIRS};

/// One of the two plans merged: the open plan (mine) or the returned copy (theirs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Mine,
    Theirs,
}

/// How a collision is settled.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Choice {
    Mine,
    Theirs,
    /// A value typed for the field; for two items of one name, a new name for the copy's, which
    /// keeps both.
    Value(String),
}

/// Something both plans changed in ways that cannot both hold.
#[derive(Clone, Debug, PartialEq)]
pub struct Collision {
    /// The item it is about (for a deletion, the deleted node or record).
    pub item: ItemKey,
    pub kind: CollisionKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CollisionKind {
    /// The same field changed differently (`None`: the field is not there).
    Field {
        path: Path,
        base: Option<Value>,
        mine: Option<Value>,
        theirs: Option<Value>,
    },
    /// Deleted by one plan, changed by the other: the other's changes within.
    Deleted { by: Side, changes: Vec<Change> },
    /// Both plans added an item of this name under the same parent; `item` is mine.
    SameName {
        name: String,
        mine: ItemKey,
        theirs: ItemKey,
    },
    /// Both plans put the item's collection in another order.
    Order { collection: String },
}

impl Collision {
    /// A key that stays the same while the collision does (choices are kept by it when the
    /// merge is computed again).
    pub fn key(&self) -> String {
        let what = match &self.kind {
            CollisionKind::Field { path, .. } => super::diff::shape::path_text(path),
            CollisionKind::Deleted { by, .. } => format!("deleted by {by:?}"),
            CollisionKind::SameName { theirs, .. } => format!("same name as {theirs:?}"),
            CollisionKind::Order { collection } => format!("order of {collection}"),
        };
        format!("{:?} {what}", self.item)
    }

    /// Whether a value can be typed for it.
    pub fn typable(&self) -> bool {
        match &self.kind {
            CollisionKind::Field {
                base, mine, theirs, ..
            } => typable(&[base.as_ref(), mine.as_ref(), theirs.as_ref()]),
            CollisionKind::SameName { .. } => true,
            _ => false,
        }
    }
}

/// What becomes of one of the copy's changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Applied by the merge.
    Applied,
    /// The open plan has it already.
    AlreadyHere,
    /// Part of the collision at this index.
    Collides(usize),
}

/// Why a merge result cannot be made; nothing is changed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum MergeError {
    /// A typed value is not a value of its field.
    #[error("the value typed for collision {} {error}", .collision + 1)]
    Typed { collision: usize, error: FieldError },
    /// The merged items do not make a plan (a field of the wrong kind).
    #[error("the merged plan cannot be read: {0}")]
    Shape(String),
    /// The merged plan breaks the format's rules.
    #[error("the merged plan breaks {} rule(s), first: {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
    Invalid(Vec<Problem>),
}

/// A merge, computed: the collisions to settle, then [`Merge::resolve`] for the plan.
#[derive(Clone, Debug)]
pub struct Merge<'a> {
    pub base: Items,
    pub mine: Items,
    pub theirs: Items,
    pub collisions: Vec<Collision>,
    /// The copy's changes since the base, in reading order.
    pub theirs_changes: Vec<Change>,
    /// The copy's new items given another id (the open plan used theirs for something else).
    pub renumbered: Vec<Renumbered>,
    /// The region the copy was sent out for, when it was sent as a part.
    pub part: Option<String>,
    head: Head,
    /// The open plan, whose nodes the result takes as they are where the merge kept them.
    open: &'a Plan,
    auto: HashMap<ItemKey, Arc<Item>>,
    groups: Vec<Group>,
    /// The collision covering an item, or one field of an item.
    item_collision: HashMap<ItemKey, usize>,
    field_collision: HashMap<(ItemKey, Path), usize>,
}

/// Merges `theirs` (a returned copy) into `mine` (the open plan), both descended from `base`.
pub fn merge3<'a>(base: &Plan, mine: &'a Plan, theirs: &Plan) -> Merge<'a> {
    // Both plans' items share the base's where they hold them alike: the thousands of items
    // neither touched are merged by address, their fields never compared.
    let b = Items::of(base);
    let m = Items::of_like(mine, base, &b);
    let t0 = Items::of_like(theirs, base, &b);
    let (t, renumbered, theirs_seq) =
        match renumber::renumber_clashes(&b, &m, &t0, theirs, mine.id_seq) {
            Some((plan, done)) => (Items::of_like(&plan, base, &b), done, plan.id_seq),
            None => (t0, Vec::new(), theirs.id_seq),
        };
    let mut head = Head::of(mine);
    head.id_seq = mine.id_seq.max(theirs_seq);
    let mut merge = Merge {
        theirs_changes: super::diff::diff_items(&b, &t),
        base: b,
        mine: m,
        theirs: t,
        collisions: Vec::new(),
        renumbered,
        part: theirs.recipient_part.clone(),
        head,
        open: mine,
        auto: HashMap::new(),
        groups: Vec::new(),
        item_collision: HashMap::new(),
        field_collision: HashMap::new(),
    };
    merge.find_groups();
    merge.merge_items();
    merge.find_orders();
    merge
}

impl Merge<'_> {
    fn push(&mut self, collision: Collision, group: Group) {
        let i = self.collisions.len();
        for k in &group.items {
            self.item_collision.entry(k.clone()).or_insert(i);
        }
        for f in &group.fields {
            self.field_collision.entry(f.clone()).or_insert(i);
        }
        self.collisions.push(collision);
        self.groups.push(group);
    }

    /// Deletions the other plan changed something of, and items of one name added twice.
    fn find_groups(&mut self) {
        let sides = [
            std::mem::take(&mut self.base),
            std::mem::take(&mut self.mine),
            std::mem::take(&mut self.theirs),
        ];
        let index = Index::new([&sides[BASE], &sides[MINE], &sides[THEIRS]]);
        // Only what one plan deleted can start a group.
        let mut keys: Vec<&ItemKey> = sides[BASE]
            .map
            .keys()
            .filter(|k| !index.has(MINE, k) || !index.has(THEIRS, k))
            .collect();
        keys.sort();
        for (by, x, y) in [(Side::Mine, MINE, THEIRS), (Side::Theirs, THEIRS, MINE)] {
            for key in &keys {
                if index.has(x, key) || !index.has(y, key) {
                    continue;
                }
                // Inside a deletion of what it sits under, it goes with that.
                if let Some(up) = index.up_in_base(key)
                    && !index.has(x, up)
                    && index.has(y, up)
                {
                    continue;
                }
                let group = index.group(key, &[BASE, y]);
                let changes = index.touched(y, &group);
                if !changes.is_empty() {
                    let item = (*key).clone();
                    let kind = CollisionKind::Deleted { by, changes };
                    self.push(Collision { item, kind }, group);
                }
            }
        }
        for (collision, group) in self.same_names(&index) {
            self.push(collision, group);
        }
        drop(index);
        let [base, mine, theirs] = sides;
        (self.base, self.mine, self.theirs) = (base, mine, theirs);
    }

    /// Two items of one name added under the same parent, one by each plan.
    fn same_names(&self, index: &Index) -> Vec<(Collision, Group)> {
        let [base, mine, theirs] = index.sides;
        let mut out = Vec::new();
        let mut owners: Vec<&Owner> = mine
            .order
            .keys()
            .filter(|o| theirs.order.contains_key(*o))
            .filter(|(_, c)| is_named_collection(c))
            .collect();
        owners.sort();
        for owner in owners {
            // Added by one plan only (an item both added alike is one item).
            let added = |items: &Items, other: &Items| -> Vec<(ItemKey, String)> {
                items.order[owner]
                    .iter()
                    .filter(|k| !base.map.contains_key(*k) && !other.map.contains_key(*k))
                    .filter(|k| !self.item_collision.contains_key(*k))
                    .filter_map(|k| Some((k.clone(), items.name(k)?.trim().to_string())))
                    .collect()
            };
            let theirs_added = added(theirs, mine);
            for (mine_key, name) in added(mine, theirs) {
                let Some((theirs_key, _)) = theirs_added
                    .iter()
                    .find(|(k, n)| *n == name && *k != mine_key)
                else {
                    continue;
                };
                let mut group = index.group(theirs_key, &[THEIRS]);
                let mine_group = index.group(&mine_key, &[MINE]);
                group.items.extend(mine_group.items);
                group.fields.extend(mine_group.fields);
                out.push((
                    Collision {
                        item: mine_key.clone(),
                        kind: CollisionKind::SameName {
                            name,
                            mine: mine_key,
                            theirs: theirs_key.clone(),
                        },
                    },
                    group,
                ));
            }
        }
        out
    }

    /// Every item not in a collision group, merged field by field.
    fn merge_items(&mut self) {
        let mut keys: Vec<ItemKey> = Vec::new();
        for (key, b) in &self.base.map {
            // Untouched by both (one item shared by all three): kept as it is.
            let same = |side: &Items| side.map.get(key).is_some_and(|x| Arc::ptr_eq(x, b));
            if same(&self.mine) && same(&self.theirs) && !self.item_collision.contains_key(key) {
                self.auto.insert(key.clone(), b.clone());
            } else {
                keys.push(key.clone());
            }
        }
        for (key, _) in self.mine.map.iter().chain(&self.theirs.map) {
            if !self.base.map.contains_key(key) {
                keys.push(key.clone());
            }
        }
        keys.sort();
        keys.dedup();
        let mut collisions = Vec::new();
        for key in keys {
            let (b, m, t) = (
                self.base.map.get(&key),
                self.mine.map.get(&key),
                self.theirs.map.get(&key),
            );
            if self.item_collision.contains_key(&key) {
                // Until settled, the open plan's version.
                if let Some(m) = m {
                    self.auto.insert(key, m.clone());
                }
                continue;
            }
            let merged = match (b, m, t) {
                (_, None, None) => None,
                (None, Some(x), None) | (None, None, Some(x)) => Some(x.clone()),
                // Deleted by one plan and unchanged in the other (a changed one is a group).
                (Some(_), Some(_), None) | (Some(_), None, Some(_)) => None,
                (b, Some(m), Some(t)) if m == t || b == Some(t) => Some(m.clone()),
                (b, Some(m), Some(t)) if b == Some(m) => Some(t.clone()),
                (b, Some(m), Some(t)) => Some(Arc::new(self.merge_fields(
                    &key,
                    b.map(|b| &**b),
                    m,
                    t,
                    &mut collisions,
                ))),
            };
            if let Some(item) = merged {
                self.auto.insert(key, item);
            }
        }
        for c in collisions {
            let CollisionKind::Field { path, .. } = &c.kind else {
                continue;
            };
            let field = (c.item.clone(), path.clone());
            self.push(
                c,
                Group {
                    items: Vec::new(),
                    fields: vec![field],
                },
            );
        }
    }

    fn merge_fields(
        &self,
        key: &ItemKey,
        b: Option<&Item>,
        m: &Item,
        t: &Item,
        collisions: &mut Vec<Collision>,
    ) -> Item {
        let empty = Item::default();
        let b = b.unwrap_or(&empty);
        let mut paths: Vec<&Path> = b
            .fields
            .keys()
            .chain(m.fields.keys())
            .chain(t.fields.keys())
            .collect();
        paths.sort();
        paths.dedup();
        let mut out = Item::default();
        for path in paths {
            let (bv, mv, tv) = (b.get(path), m.get(path), t.get(path));
            let contested = self
                .field_collision
                .contains_key(&(key.clone(), path.clone()));
            let value = if contested || mv == tv || bv == tv {
                mv.cloned()
            } else if bv == mv {
                tv.cloned()
            } else if let Some(list) = merge_list(bv, mv, tv) {
                Some(list)
            } else {
                collisions.push(Collision {
                    item: key.clone(),
                    kind: CollisionKind::Field {
                        path: path.clone(),
                        base: bv.cloned(),
                        mine: mv.cloned(),
                        theirs: tv.cloned(),
                    },
                });
                mv.cloned()
            };
            if let Some(v) = value {
                out.fields.insert(path.clone(), v);
            }
        }
        out
    }

    /// Collections both plans reordered, differently.
    fn find_orders(&mut self) {
        let mut owners: Vec<Owner> = self
            .base
            .order
            .keys()
            .filter(|(k, c)| ordered_collections(k).contains(&c.as_str()))
            .cloned()
            .collect();
        owners.sort();
        for owner in owners {
            if reordered(&self.base, &self.mine, &owner)
                && reordered(&self.base, &self.theirs, &owner)
                && reordered(&self.mine, &self.theirs, &owner)
            {
                let (item, collection) = owner;
                self.push(
                    Collision {
                        item,
                        kind: CollisionKind::Order { collection },
                    },
                    Group::default(),
                );
            }
        }
    }

    /// What becomes of one of the copy's changes ([`Merge::theirs_changes`]).
    pub fn status(&self, change: &Change) -> Status {
        if let Some(&i) = self.item_collision.get(&change.item) {
            return Status::Collides(i);
        }
        if let Some(path) = change.path()
            && let Some(&i) = self
                .field_collision
                .get(&(change.item.clone(), path.clone()))
        {
            return Status::Collides(i);
        }
        if let super::diff::What::Reordered { collection } = &change.what
            && let Some(i) = self.collisions.iter().position(|c| {
                c.item == change.item
                    && matches!(&c.kind, CollisionKind::Order { collection: x } if x == collection)
            })
        {
            return Status::Collides(i);
        }
        let same = match &change.what {
            super::diff::What::Added => {
                self.mine.map.get(&change.item) == self.theirs.map.get(&change.item)
            }
            super::diff::What::Removed => !self.mine.map.contains_key(&change.item),
            super::diff::What::Field { path, new, .. } => {
                self.mine.get(&change.item).and_then(|i| i.get(path)) == new.as_ref()
            }
            super::diff::What::Reordered { collection } => !reordered(
                &self.mine,
                &self.theirs,
                &(change.item.clone(), collection.clone()),
            ),
        };
        if same {
            Status::AlreadyHere
        } else {
            Status::Applied
        }
    }

    /// Whether a change of the copy lies outside the part it was sent out for (always false
    /// for a copy of the whole plan).
    pub fn outside_part(&self, change: &Change) -> bool {
        let Some(part) = &self.part else {
            return false;
        };
        let sides = [&self.theirs, &self.base];
        let key = concerned(&sides, &change.item, change.path().map(Vec::as_slice));
        let region = key.and_then(|k| {
            self.theirs
                .region_of(&k)
                .or_else(|| self.base.region_of(&k))
        });
        region.as_deref() != Some(part.as_str())
    }

    /// The merged plan with every collision settled by `choices` (one per collision, in order;
    /// a missing one keeps the open plan's). The open plan's id, change log and mark are kept.
    pub fn resolve(&self, choices: &[Choice]) -> Result<Plan, MergeError> {
        let mut items = self.auto.clone();
        for (i, c) in self.collisions.iter().enumerate() {
            let choice = choices.get(i).unwrap_or(&Choice::Mine);
            self.settle(i, c, choice, &mut items)?;
        }
        let items = self.ordered(items, choices);
        let mut plan = items
            .to_plan_like(&self.head, self.open, &self.mine)
            .map_err(MergeError::Shape)?;
        // A period changed in one plan and a scenario added in the other: the app's rule for a
        // period change gives the new scenario a flat profile for the new months.
        let period = plan.period;
        if plan
            .scenarios
            .iter()
            .any(|s| s.seasonality.len() != period.month_count())
        {
            plan.set_period(period);
        }
        let problems = validate_plan(&plan);
        if problems.is_empty() {
            Ok(plan)
        } else {
            Err(MergeError::Invalid(problems))
        }
    }

    /// The open plan with the copy's changes that do not collide, collisions left as the open
    /// plan has them.
    pub fn preview(&self) -> Result<Plan, MergeError> {
        self.resolve(&[])
    }

    fn settle(
        &self,
        i: usize,
        c: &Collision,
        choice: &Choice,
        items: &mut HashMap<ItemKey, Arc<Item>>,
    ) -> Result<(), MergeError> {
        let group = &self.groups[i];
        let side = |s: Side| match s {
            Side::Mine => &self.mine,
            Side::Theirs => &self.theirs,
        };
        match (&c.kind, choice) {
            (CollisionKind::Field { path, .. }, Choice::Value(text)) => {
                let like = [&self.base, &self.mine, &self.theirs]
                    .map(|s| s.get(&c.item).and_then(|i| i.get(path)));
                let value = typed_value(text, &like).map_err(|error| MergeError::Typed {
                    collision: i,
                    error,
                })?;
                if let Some(item) = items.get_mut(&c.item) {
                    Arc::make_mut(item).fields.insert(path.clone(), value);
                }
            }
            (CollisionKind::SameName { theirs, .. }, Choice::Value(name)) => {
                let name = super::field::parse_name(name).map_err(|error| MergeError::Typed {
                    collision: i,
                    error,
                })?;
                // Both kept: each plan's items as that plan has them.
                for key in &group.items {
                    let item = self.mine.map.get(key).or_else(|| self.theirs.map.get(key));
                    if let Some(item) = item {
                        items.insert(key.clone(), item.clone());
                    }
                }
                for (key, path) in &group.fields {
                    let has = |s: &Items| s.get(key).and_then(|i| i.get(path)).is_some();
                    let from = if has(&self.mine) {
                        &self.mine
                    } else {
                        &self.theirs
                    };
                    take_field(items, from, key, path);
                }
                if let Some(item) = items.get_mut(theirs) {
                    Arc::make_mut(item)
                        .fields
                        .insert(vec![Seg::Member("name".into())], Value::String(name));
                }
            }
            (CollisionKind::Order { .. }, _) => {}
            (_, pick) => {
                let from = side(if *pick == Choice::Theirs {
                    Side::Theirs
                } else {
                    Side::Mine
                });
                for key in &group.items {
                    match from.map.get(key) {
                        Some(item) => {
                            items.insert(key.clone(), item.clone());
                        }
                        None => {
                            items.remove(key);
                        }
                    }
                }
                for (key, path) in &group.fields {
                    take_field(items, from, key, path);
                }
            }
        }
        Ok(())
    }

    /// The merged items with every collection in order.
    fn ordered(&self, map: HashMap<ItemKey, Arc<Item>>, choices: &[Choice]) -> Items {
        let mut members: HashMap<Owner, HashSet<ItemKey>> = HashMap::new();
        for (key, item) in &map {
            if let Some(owner) = collection_of(key, item) {
                members.entry(owner).or_default().insert(key.clone());
            }
        }
        // Collections nobody has items in any more are still written (an empty region).
        for key in map.keys() {
            for c in ordered_collections(key) {
                members.entry((key.clone(), c.to_string())).or_default();
            }
        }
        let chosen: HashMap<Owner, Side> = self
            .collisions
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match &c.kind {
                CollisionKind::Order { collection } => Some((
                    (c.item.clone(), collection.clone()),
                    if choices.get(i) == Some(&Choice::Theirs) {
                        Side::Theirs
                    } else {
                        Side::Mine
                    },
                )),
                _ => None,
            })
            .collect();
        let mut order = HashMap::new();
        for (owner, keys) in members {
            let theirs_first = match chosen.get(&owner) {
                Some(side) => *side == Side::Theirs,
                None => {
                    reordered(&self.base, &self.theirs, &owner)
                        && !reordered(&self.base, &self.mine, &owner)
                }
            };
            let (first, second) = if theirs_first {
                (&self.theirs, &self.mine)
            } else {
                (&self.mine, &self.theirs)
            };
            let list = order::merged_order(first, second, &owner, &keys);
            order.insert(owner, list);
        }
        Items { map, order }
    }
}

/// Sets (or removes) one field of a merged item as `from` has it.
fn take_field(items: &mut HashMap<ItemKey, Arc<Item>>, from: &Items, key: &ItemKey, path: &Path) {
    let Some(item) = items.get_mut(key) else {
        return;
    };
    let value = from.get(key).and_then(|i| i.get(path));
    if item.get(path) == value {
        return;
    }
    let item = Arc::make_mut(item);
    match value {
        Some(v) => {
            item.fields.insert(path.clone(), v.clone());
        }
        None => {
            item.fields.remove(path);
        }
    }
}

/// Collections whose items have names a manager tells apart by.
fn is_named_collection(collection: &str) -> bool {
    matches!(
        collection,
        "regions" | "subdistricts" | "salespeople" | "scenarios"
    ) || collection == section_collection(CUSTOMERS)
}

/// Two lists changed differently, merged entry by entry where their changes do not overlap.
fn merge_list(b: Option<&Value>, m: Option<&Value>, t: Option<&Value>) -> Option<Value> {
    fn list(v: Option<&Value>) -> Option<&[Value]> {
        match v {
            Some(Value::Array(a)) => Some(a),
            None => Some(&[]),
            _ => None,
        }
    }
    let merged = list3::merge_lists(list(b)?, list(m)?, list(t)?)?;
    Some(Value::Array(merged))
}
