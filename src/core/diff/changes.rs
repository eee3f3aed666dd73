//! The differences between two plans' items, one [`Change`] per item added or removed, field
//! changed, or collection put in another order.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::Arc;

use serde_json::Value;

use super::items::{Item, Items, Owner};
use super::shape::{
    ItemKey, Names, OwnerKind, PARENT, Path, REGIONS, SALESPEOPLE, SCENARIOS, SUBDISTRICTS, Seg,
    names, section,
};

/// One difference between an older and a newer plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub item: ItemKey,
    pub what: What,
}

/// What differs about an item.
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    /// The item is only in the newer plan.
    Added,
    /// The item is only in the older plan.
    Removed,
    /// A field differs; `None` where a plan does not have it.
    Field {
        path: Path,
        old: Option<Value>,
        new: Option<Value>,
    },
    /// The item's collection (its sub-districts, the plan's regions…) is in another order.
    Reordered { collection: String },
}

/// The kind of a change, as the manager filters them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    Added,
    Removed,
    /// A sub-district to another region, a salesperson to another sub-district.
    Moved,
    Renamed,
    /// Any other field.
    Changed,
    Reordered,
}

impl Change {
    pub fn kind(&self) -> ChangeKind {
        match &self.what {
            What::Added => ChangeKind::Added,
            What::Removed => ChangeKind::Removed,
            What::Reordered { .. } => ChangeKind::Reordered,
            What::Field { path, .. } => match path.as_slice() {
                [Seg::Member(m)] if m == PARENT => ChangeKind::Moved,
                [Seg::Member(m)] if m == "name" => ChangeKind::Renamed,
                _ => ChangeKind::Changed,
            },
        }
    }

    /// The field path of a field change.
    pub fn path(&self) -> Option<&Path> {
        match &self.what {
            What::Field { path, .. } => Some(path),
            _ => None,
        }
    }
}

/// The changes from `old` to `new`, in the order a manager reads a plan: the plan's own fields,
/// then the territory in tree order, the scenarios, then the execution's records.
pub fn changes(old: &Items, new: &Items) -> Vec<Change> {
    // Items both plans share unchanged ([`Items::of_like`]) are passed over at once; only the
    // rest are ordered and compared.
    let differs = |k: &&ItemKey| {
        !ordered_collections(k).is_empty()
            || match (old.map.get(*k), new.map.get(*k)) {
                (Some(a), Some(b)) => !Arc::ptr_eq(a, b) && a != b,
                _ => true,
            }
    };
    let mut keys: Vec<&ItemKey> = old
        .map
        .keys()
        .chain(new.map.keys().filter(|k| !old.map.contains_key(*k)))
        .filter(differs)
        .collect();
    let rank = Rank::new(old, new);
    keys.sort_by_cached_key(|k| (rank.of(k), *k));
    let mut out = Vec::new();
    for key in keys {
        match (old.get(key), new.get(key)) {
            (Some(_), None) => out.push(Change {
                item: key.clone(),
                what: What::Removed,
            }),
            (None, Some(_)) => out.push(Change {
                item: key.clone(),
                what: What::Added,
            }),
            (Some(a), Some(b)) => field_changes(key, a, b, &mut out),
            (None, None) => {}
        }
        for collection in ordered_collections(key) {
            let owner = (key.clone(), collection.to_string());
            if reordered(old, new, &owner) {
                out.push(Change {
                    item: key.clone(),
                    what: What::Reordered {
                        collection: collection.to_string(),
                    },
                });
            }
        }
    }
    out
}

/// The field changes of an item in both plans.
pub fn field_changes(key: &ItemKey, a: &Item, b: &Item, out: &mut Vec<Change>) {
    if a == b {
        return;
    }
    let mut push = |path: &Path, old: Option<&Value>, new: Option<&Value>| {
        out.push(Change {
            item: key.clone(),
            what: What::Field {
                path: path.clone(),
                old: old.cloned(),
                new: new.cloned(),
            },
        })
    };
    // Both are sorted by path: walk them side by side.
    let mut x = a.fields.iter().peekable();
    let mut y = b.fields.iter().peekable();
    loop {
        match (x.peek(), y.peek()) {
            (Some((pa, va)), Some((pb, vb))) => match pa.cmp(pb) {
                std::cmp::Ordering::Less => {
                    push(pa, Some(va), None);
                    x.next();
                }
                std::cmp::Ordering::Greater => {
                    push(pb, None, Some(vb));
                    y.next();
                }
                std::cmp::Ordering::Equal => {
                    if va != vb {
                        push(pa, Some(va), Some(vb));
                    }
                    x.next();
                    y.next();
                }
            },
            (Some((pa, va)), None) => {
                push(pa, Some(va), None);
                x.next();
            }
            (None, Some((pb, vb))) => {
                push(pb, None, Some(vb));
                y.next();
            }
            (None, None) => break,
        }
    }
}

/// The collections of an item whose order the manager sets (regions, scenarios, sub-districts,
/// people); records keep the order they were made in.
pub fn ordered_collections(key: &ItemKey) -> &'static [&'static str] {
    match key {
        ItemKey::Plan => &[REGIONS, SCENARIOS],
        ItemKey::Region(_) => &[SUBDISTRICTS],
        ItemKey::Subdistrict(_) => &[SALESPEOPLE],
        _ => &[],
    }
}

/// Whether the items two plans share in a collection are in another order.
pub fn reordered(old: &Items, new: &Items, owner: &Owner) -> bool {
    let a = old.order.get(owner).map_or(&[][..], Vec::as_slice);
    let b = new.order.get(owner).map_or(&[][..], Vec::as_slice);
    if a == b {
        return false;
    }
    let in_a: HashSet<&ItemKey> = a.iter().collect();
    let in_b: HashSet<&ItemKey> = b.iter().collect();
    a.iter()
        .filter(|k| in_b.contains(k))
        .ne(b.iter().filter(|k| in_a.contains(k)))
}

/// Positions for sorting changes in reading order.
pub struct Rank<'a> {
    nodes: HashMap<&'a ItemKey, usize>,
}

impl<'a> Rank<'a> {
    pub fn new(old: &'a Items, new: &'a Items) -> Rank<'a> {
        let mut nodes = HashMap::with_capacity(new.map.len());
        for items in [new, old] {
            let start = nodes.len();
            for (i, k) in items.nodes_in_order().enumerate() {
                nodes.entry(k).or_insert(start + i);
            }
            let start = nodes.len();
            for (i, k) in items.children(&ItemKey::Plan, SCENARIOS).iter().enumerate() {
                nodes.entry(k).or_insert(start + i);
            }
        }
        Rank { nodes }
    }

    /// Plan first (0), nodes (1), scenarios (2), records (3), each in order.
    pub fn of(&self, key: &ItemKey) -> (u8, usize) {
        let at = self.nodes.get(key).copied().unwrap_or(usize::MAX);
        match key {
            ItemKey::Plan => (0, 0),
            ItemKey::Scenario(_) => (2, at),
            ItemKey::Record(..) => (3, 0),
            _ => (1, at),
        }
    }
}

/// The node, scenario or customer an item belongs to, for naming a change and filtering by
/// region: a node itself; a record's owner; for a field naming a node (a lock), that node.
pub fn concerned(items: &[&Items], key: &ItemKey, path: Option<&[Seg]>) -> Option<ItemKey> {
    if let Some(path) = path {
        let value = items.iter().find_map(|i| i.get(key)?.get(path));
        match names(key, path, value) {
            Some(Names::Node(id)) => return items.iter().find_map(|i| i.node(&id)),
            Some(Names::Subdistrict(id)) => return Some(ItemKey::Subdistrict(id)),
            Some(Names::Scenario(_)) | None => {}
        }
    }
    match key {
        ItemKey::Record(s, _) => owner(items, key, s),
        ItemKey::Plan => None,
        other => Some(other.clone()),
    }
}

/// The item a record belongs to (a salesperson's actuals, a customer's change).
pub fn owner(items: &[&Items], key: &ItemKey, section_name: &str) -> Option<ItemKey> {
    let Some((field, kind)) = section(section_name).owner else {
        return (section_name == super::shape::CUSTOMERS).then(|| key.clone());
    };
    let id = items.iter().find_map(|i| {
        i.get(key)?
            .get(&[Seg::Member(field.into())])?
            .as_str()
            .map(str::to_string)
    })?;
    Some(match kind {
        OwnerKind::Region => ItemKey::Region(id),
        OwnerKind::Salesperson => ItemKey::Salesperson(id),
        OwnerKind::Customer => ItemKey::customer(&id),
        OwnerKind::Node => items
            .iter()
            .find_map(|i| i.node(&id))
            .unwrap_or(ItemKey::Salesperson(id)),
    })
}
