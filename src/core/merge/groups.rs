//! What belongs together when a copy deletes something or adds something: a node with
//! everything under it, the records it owns (a salesperson's actuals, a customer's history) and
//! the fields elsewhere that name it (a scenario's lock on it, the plan adopting a scenario).
//! A deletion collides when the other copy changed anything of that.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::cell::OnceCell;

use serde_json::Value;

use crate::core::diff::shape::{Names, names};
use crate::core::diff::{Change, ItemKey, Items, Path, What, field_changes, owner};

/// The three plans of a merge, by position.
pub const BASE: usize = 0;
pub const MINE: usize = 1;
pub const THEIRS: usize = 2;

/// Items that go together, and fields of other items that name them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Group {
    pub items: Vec<ItemKey>,
    pub fields: Vec<(ItemKey, Path)>,
}

/// Lookups over the three plans.
pub struct Index<'a> {
    pub sides: [&'a Items; 3],
    /// Made when first asked: a merge without deletions or names added twice never needs it.
    links: OnceCell<Links>,
}

/// How the items of the three plans hang together.
struct Links {
    /// What sits under an item (its children, the records it owns), per plan.
    down: [HashMap<ItemKey, Vec<ItemKey>>; 3],
    /// The item each item sits under, per plan.
    up: [HashMap<ItemKey, ItemKey>; 3],
    /// The fields that name an item, in any of the plans.
    named_by: HashMap<ItemKey, Vec<(ItemKey, Path)>>,
}

impl<'a> Index<'a> {
    pub fn new(sides: [&'a Items; 3]) -> Self {
        Index {
            sides,
            links: OnceCell::new(),
        }
    }

    fn links(&self) -> &Links {
        self.links.get_or_init(|| Links::new(self.sides))
    }
}

impl Links {
    fn new(sides: [&Items; 3]) -> Self {
        let mut down: [HashMap<ItemKey, Vec<ItemKey>>; 3] = Default::default();
        let mut up: [HashMap<ItemKey, ItemKey>; 3] = Default::default();
        let mut named_by: HashMap<ItemKey, Vec<(ItemKey, Path)>> = HashMap::new();
        for (s, items) in sides.iter().enumerate() {
            for (key, item) in &items.map {
                let parent = match key {
                    ItemKey::Subdistrict(_) => item.parent().map(|p| ItemKey::Region(p.into())),
                    ItemKey::Salesperson(_) => {
                        item.parent().map(|p| ItemKey::Subdistrict(p.into()))
                    }
                    ItemKey::Record(section, _) => {
                        owner(&[items], key, section).filter(|o| o != key)
                    }
                    _ => None,
                };
                if let Some(parent) = parent {
                    down[s].entry(parent.clone()).or_default().push(key.clone());
                    up[s].insert(key.clone(), parent);
                }
                if !matches!(
                    key,
                    ItemKey::Plan | ItemKey::Scenario(_) | ItemKey::Record(..)
                ) {
                    continue;
                }
                for (path, value) in &item.fields {
                    let Some(named) = names(key, path, Some(value)) else {
                        continue;
                    };
                    let target = match named {
                        Names::Node(id) => sides
                            .iter()
                            .find_map(|i| i.node(&id))
                            .unwrap_or(ItemKey::Salesperson(id)),
                        Names::Scenario(id) => ItemKey::Scenario(id),
                        Names::Subdistrict(id) => ItemKey::Subdistrict(id),
                    };
                    let list = named_by.entry(target).or_default();
                    let entry = (key.clone(), path.clone());
                    if !list.contains(&entry) {
                        list.push(entry);
                    }
                }
            }
        }
        Links { down, up, named_by }
    }
}

impl Index<'_> {
    pub fn has(&self, side: usize, key: &ItemKey) -> bool {
        self.sides[side].map.contains_key(key)
    }

    /// The item `key` sits under in the base.
    pub fn up_in_base(&self, key: &ItemKey) -> Option<&ItemKey> {
        self.links().up[BASE].get(key)
    }

    /// `root` with everything under it in any of `sides`, and the fields naming any of it.
    pub fn group(&self, root: &ItemKey, sides: &[usize]) -> Group {
        let links = self.links();
        let mut items = vec![root.clone()];
        let mut seen: HashSet<ItemKey> = [root.clone()].into_iter().collect();
        let mut i = 0;
        while i < items.len() {
            for &s in sides {
                for child in links.down[s].get(&items[i]).into_iter().flatten() {
                    if seen.insert(child.clone()) {
                        items.push(child.clone());
                    }
                }
            }
            i += 1;
        }
        let fields = items
            .iter()
            .flat_map(|k| links.named_by.get(k).into_iter().flatten())
            .filter(|(k, _)| !seen.contains(k))
            .cloned()
            .collect();
        Group { items, fields }
    }

    /// What plan `side` changed within `group` since the base (deletions aside: deleting what
    /// the other copy deleted too is no collision).
    pub fn touched(&self, side: usize, group: &Group) -> Vec<Change> {
        let (base, other) = (self.sides[BASE], self.sides[side]);
        let mut out = Vec::new();
        for key in &group.items {
            match (base.get(key), other.get(key)) {
                (None, Some(_)) => out.push(Change {
                    item: key.clone(),
                    what: What::Added,
                }),
                (Some(b), Some(o)) => field_changes(key, b, o, &mut out),
                _ => {}
            }
        }
        for (key, path) in &group.fields {
            let value = |items: &Items| items.get(key).and_then(|i| i.get(path)).cloned();
            let (b, o): (Option<Value>, Option<Value>) = (value(base), value(other));
            if o.is_some() && o != b {
                out.push(Change {
                    item: key.clone(),
                    what: What::Field {
                        path: path.clone(),
                        old: b,
                        new: o,
                    },
                });
            }
        }
        out
    }
}
