//! A plan cut into items ([`Items`]): every node, scenario and execution record with its fields
//! as (path → JSON value), and the order of each collection. Built from the plan's own JSON, so
//! every field the format writes is compared, including fields added later; and turned back
//! into a plan through the same deserialisation as a file, so a merged plan is read with every
//! check of the format.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use super::shape::{
    EXECUTION, ItemKey, Keying, MONTHS, PARENT, PLAN_IDENTITY, Path, REGIONS, Rule, SALESPEOPLE,
    SCENARIOS, SUBDISTRICTS, Seg, parent_path, rule, section,
};
use crate::core::changelog::Change;
use crate::core::model::{FORMAT_VERSION, Plan};

/// The fields of one item.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Item {
    pub fields: BTreeMap<Path, Value>,
}

impl Item {
    pub fn get(&self, path: &[Seg]) -> Option<&Value> {
        self.fields.get(path)
    }

    /// The item's name, where it has one.
    pub fn name(&self) -> Option<&str> {
        self.fields
            .get([Seg::Member("name".into())].as_slice())
            .and_then(Value::as_str)
    }

    /// The id of the node a sub-district or salesperson sits under.
    pub fn parent(&self) -> Option<&str> {
        self.fields
            .get(parent_path().as_slice())
            .and_then(Value::as_str)
    }
}

/// A collection: the item holding it and the collection's name (`regions`, `subdistricts`,
/// `execution.customers`…).
pub type Owner = (ItemKey, String);

/// A plan as items.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Items {
    pub map: HashMap<ItemKey, Item>,
    /// The items of each collection, in the plan's order.
    pub order: HashMap<Owner, Vec<ItemKey>>,
}

/// The collection holding the records of an execution section.
pub fn section_collection(name: &str) -> String {
    format!("{EXECUTION}.{name}")
}

/// Where an item sits: the item holding its collection, and the collection's name.
pub fn collection_of(key: &ItemKey, item: &Item) -> Option<Owner> {
    let parent = || item.parent().map(str::to_string);
    Some(match key {
        ItemKey::Plan => return None,
        ItemKey::Region(_) => (ItemKey::Plan, REGIONS.into()),
        ItemKey::Subdistrict(_) => (ItemKey::Region(parent()?), SUBDISTRICTS.into()),
        ItemKey::Salesperson(_) => (ItemKey::Subdistrict(parent()?), SALESPEOPLE.into()),
        ItemKey::Scenario(_) => (ItemKey::Plan, SCENARIOS.into()),
        ItemKey::Record(s, _) => (ItemKey::Plan, section_collection(s)),
    })
}

/// What a plan keeps besides its items: its identity and history.
#[derive(Clone, Debug, PartialEq)]
pub struct Head {
    pub id: String,
    pub id_seq: u64,
    pub change_log: Vec<Change>,
    pub recipient_part: Option<String>,
}

impl Head {
    pub fn of(plan: &Plan) -> Head {
        Head {
            id: plan.id.clone(),
            id_seq: plan.id_seq,
            change_log: plan.change_log.clone(),
            recipient_part: plan.recipient_part.clone(),
        }
    }
}

/// Separates the values of a record's key fields.
const KEY_SEPARATOR: char = '\u{1f}';

impl Items {
    /// The items of a plan.
    pub fn of(plan: &Plan) -> Items {
        let Ok(Value::Object(mut root)) = serde_json::to_value(plan) else {
            unreachable!("a plan serialises to an object")
        };
        for member in PLAN_IDENTITY {
            root.remove(member);
        }
        let regions = take_list(&mut root, REGIONS);
        let scenarios = take_list(&mut root, SCENARIOS);
        let execution = root.remove(EXECUTION);
        let mut items = Items::default();
        items.add(ItemKey::Plan, root);

        let mut region_keys = Vec::with_capacity(regions.len());
        for region in regions {
            let Value::Object(mut region) = region else {
                continue;
            };
            let id = take_id(&mut region);
            let key = ItemKey::Region(id.clone());
            let mut sub_keys = Vec::new();
            for sub in take_list(&mut region, SUBDISTRICTS) {
                let Value::Object(mut sub) = sub else {
                    continue;
                };
                let sub_id = take_id(&mut sub);
                let sub_key = ItemKey::Subdistrict(sub_id.clone());
                let mut people = Vec::new();
                for person in take_list(&mut sub, SALESPEOPLE) {
                    let Value::Object(mut person) = person else {
                        continue;
                    };
                    let person_key = ItemKey::Salesperson(take_id(&mut person));
                    person.insert(PARENT.into(), Value::String(sub_id.clone()));
                    items.add(person_key.clone(), person);
                    people.push(person_key);
                }
                items
                    .order
                    .insert((sub_key.clone(), SALESPEOPLE.into()), people);
                sub.insert(PARENT.into(), Value::String(id.clone()));
                items.add(sub_key.clone(), sub);
                sub_keys.push(sub_key);
            }
            items
                .order
                .insert((key.clone(), SUBDISTRICTS.into()), sub_keys);
            items.add(key.clone(), region);
            region_keys.push(key);
        }
        items
            .order
            .insert((ItemKey::Plan, REGIONS.into()), region_keys);

        let mut scenario_keys = Vec::with_capacity(scenarios.len());
        for scenario in scenarios {
            let Value::Object(mut scenario) = scenario else {
                continue;
            };
            let key = ItemKey::Scenario(take_id(&mut scenario));
            items.add(key.clone(), scenario);
            scenario_keys.push(key);
        }
        items
            .order
            .insert((ItemKey::Plan, SCENARIOS.into()), scenario_keys);

        if let Some(Value::Object(sections)) = execution {
            for (name, records) in sections {
                let Value::Array(records) = records else {
                    continue;
                };
                items.add_section(&name, records);
            }
        }
        items
    }

    fn add_section(&mut self, name: &str, records: Vec<Value>) {
        let keying = section(name).keying;
        let mut keys = Vec::with_capacity(records.len());
        let mut seen: HashMap<String, usize> = HashMap::new();
        for record in records {
            let Value::Object(record) = record else {
                continue;
            };
            let mut id = match keying {
                Keying::Fields(fields) => {
                    let mut id = String::new();
                    for (i, f) in fields.iter().enumerate() {
                        if i > 0 {
                            id.push(KEY_SEPARATOR);
                        }
                        id.push_str(record.get(*f).and_then(Value::as_str).unwrap_or_default());
                    }
                    id
                }
                Keying::Single => String::new(),
                Keying::Content => serde_json::to_string(&record).unwrap_or_default(),
            };
            // Two equal records (two expenses alike) stay two.
            let count = seen.entry(id.clone()).or_default();
            *count += 1;
            if *count > 1 {
                id.push_str(&format!("{KEY_SEPARATOR}{count}"));
            }
            let key = ItemKey::Record(name.to_string(), id);
            self.add(key.clone(), record);
            keys.push(key);
        }
        self.order
            .insert((ItemKey::Plan, section_collection(name)), keys);
    }

    fn add(&mut self, key: ItemKey, object: Map<String, Value>) {
        let mut fields = BTreeMap::new();
        let mut path = Vec::new();
        for (name, value) in object {
            path.push(Seg::Member(name));
            flatten(&key, &mut path, value, &mut fields);
            path.pop();
        }
        self.map.insert(key, Item { fields });
    }

    pub fn get(&self, key: &ItemKey) -> Option<&Item> {
        self.map.get(key)
    }

    /// The items of a collection, in order.
    pub fn children(&self, owner: &ItemKey, collection: &str) -> &[ItemKey] {
        self.order
            .get(&(owner.clone(), collection.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    /// The name of a node, scenario or customer.
    pub fn name(&self, key: &ItemKey) -> Option<&str> {
        self.map.get(key).and_then(Item::name)
    }

    /// Every region, sub-district and salesperson in tree order.
    pub fn nodes_in_order(&self) -> Vec<ItemKey> {
        let mut out = Vec::new();
        for r in self.children(&ItemKey::Plan, REGIONS) {
            out.push(r.clone());
            for d in self.children(r, SUBDISTRICTS) {
                out.push(d.clone());
                out.extend(self.children(d, SALESPEOPLE).iter().cloned());
            }
        }
        out
    }

    /// The node with this id, whatever its level.
    pub fn node(&self, id: &str) -> Option<ItemKey> {
        [
            ItemKey::Region(id.into()),
            ItemKey::Subdistrict(id.into()),
            ItemKey::Salesperson(id.into()),
        ]
        .into_iter()
        .find(|k| self.map.contains_key(k))
    }

    /// The region a node is in (a region is in itself).
    pub fn region_of(&self, key: &ItemKey) -> Option<String> {
        let mut key = key.clone();
        for _ in 0..3 {
            match &key {
                ItemKey::Region(id) => return Some(id.clone()),
                ItemKey::Subdistrict(_) => {
                    key = ItemKey::Region(self.map.get(&key)?.parent()?.into());
                }
                ItemKey::Salesperson(_) => {
                    key = ItemKey::Subdistrict(self.map.get(&key)?.parent()?.into());
                }
                _ => return None,
            }
        }
        None
    }

    /// The plan these items make, with `head`'s identity and history; read as a file is (the
    /// shape of every field; the rules are checked by the caller). The error names the field.
    pub fn to_plan(&self, head: &Head) -> Result<Plan, String> {
        let mut root = self.object(&ItemKey::Plan);
        root.insert("format_version".into(), Value::from(FORMAT_VERSION));
        root.insert("id".into(), Value::String(head.id.clone()));
        root.insert("id_seq".into(), Value::from(head.id_seq));
        let regions = self
            .children(&ItemKey::Plan, REGIONS)
            .iter()
            .map(|r| {
                let subs = self
                    .children(r, SUBDISTRICTS)
                    .iter()
                    .map(|d| {
                        let people = self
                            .children(d, SALESPEOPLE)
                            .iter()
                            .map(|p| Value::Object(self.node_object(p)))
                            .collect();
                        let mut sub = self.node_object(d);
                        sub.insert(SALESPEOPLE.into(), Value::Array(people));
                        Value::Object(sub)
                    })
                    .collect();
                let mut region = self.node_object(r);
                region.insert(SUBDISTRICTS.into(), Value::Array(subs));
                Value::Object(region)
            })
            .collect();
        root.insert(REGIONS.into(), Value::Array(regions));
        let scenarios = self
            .children(&ItemKey::Plan, SCENARIOS)
            .iter()
            .map(|s| Value::Object(self.node_object(s)))
            .collect();
        root.insert(SCENARIOS.into(), Value::Array(scenarios));
        let execution = self.execution();
        if !execution.is_empty() {
            root.insert(EXECUTION.into(), Value::Object(execution));
        }
        // The same typed reading of JSON values as an upgraded older file gets (one copy of
        // the plan's deserialiser in the wasm); the merged plan is then checked by the rules.
        let mut plan: Plan =
            serde_json::from_value(Value::Object(root)).map_err(|e| e.to_string())?;
        plan.change_log = head.change_log.clone();
        plan.recipient_part = head.recipient_part.clone();
        Ok(plan)
    }

    fn execution(&self) -> Map<String, Value> {
        let prefix = format!("{EXECUTION}.");
        let mut sections: Vec<(&str, &Vec<ItemKey>)> = self
            .order
            .iter()
            .filter(|((owner, _), _)| *owner == ItemKey::Plan)
            .filter_map(|((_, c), keys)| Some((c.strip_prefix(&prefix)?, keys)))
            .collect();
        sections.sort_by_key(|(name, _)| *name);
        let mut out = Map::new();
        for (name, keys) in sections {
            let records: Vec<Value> = keys
                .iter()
                .filter_map(|k| {
                    let mut record = self.object(k);
                    if name == "actuals" {
                        join_months(&mut record)?;
                    }
                    Some(Value::Object(record))
                })
                .collect();
            if !records.is_empty() {
                out.insert(name.to_string(), Value::Array(records));
            }
        }
        out
    }

    /// A node's or scenario's object with its id.
    fn node_object(&self, key: &ItemKey) -> Map<String, Value> {
        let mut object = self.object(key);
        object.insert("id".into(), Value::String(key.id().to_string()));
        object
    }

    /// An item's fields as the JSON object they were cut from.
    fn object(&self, key: &ItemKey) -> Map<String, Value> {
        let mut root = Value::Object(Map::new());
        if let Some(item) = self.map.get(key) {
            for (path, value) in &item.fields {
                if matches!(path.as_slice(), [Seg::Member(m)] if m == PARENT) {
                    continue;
                }
                put(&mut root, path, value.clone());
            }
        }
        match root {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }
}

fn take_list(object: &mut Map<String, Value>, name: &str) -> Vec<Value> {
    match object.remove(name) {
        Some(Value::Array(list)) => list,
        _ => Vec::new(),
    }
}

fn take_id(object: &mut Map<String, Value>) -> String {
    match object.remove("id") {
        Some(Value::String(id)) => id,
        _ => String::new(),
    }
}

fn flatten(key: &ItemKey, path: &mut Path, value: Value, out: &mut BTreeMap<Path, Value>) {
    match (rule(key, path, &value), value) {
        (Rule::Members, Value::Object(members)) => {
            for (name, v) in members {
                path.push(Seg::Member(name));
                flatten(key, path, v, out);
                path.pop();
            }
        }
        (Rule::Places, Value::Array(entries)) => {
            for (i, v) in entries.into_iter().enumerate() {
                path.push(Seg::At(i));
                out.insert(path.clone(), v);
                path.pop();
            }
        }
        (Rule::Months, Value::String(text)) => {
            for entry in text.split(';') {
                let entry = entry.trim();
                let Some((month, figures)) = entry.split_once(' ') else {
                    continue;
                };
                path.push(Seg::Member(month.to_string()));
                out.insert(path.clone(), Value::String(figures.trim().to_string()));
                path.pop();
            }
        }
        // An empty object is what a member left out reads as.
        (_, Value::Object(members)) if members.is_empty() => {}
        (_, value) => {
            out.insert(path.clone(), value);
        }
    }
}

/// Puts `value` at `path` inside `slot`, making the objects and lists on the way.
fn put(slot: &mut Value, path: &[Seg], value: Value) {
    match path.split_first() {
        None => *slot = value,
        Some((Seg::Member(name), rest)) => {
            if !slot.is_object() {
                *slot = Value::Object(Map::new());
            }
            if let Value::Object(map) = slot {
                put(map.entry(name.clone()).or_insert(Value::Null), rest, value);
            }
        }
        Some((Seg::At(i), rest)) => {
            if !slot.is_array() {
                *slot = Value::Array(Vec::new());
            }
            if let Value::Array(list) = slot {
                if list.len() <= *i {
                    list.resize(i + 1, Value::Null);
                }
                put(&mut list[*i], rest, value);
            }
        }
    }
}

/// A record of actuals with its months written back as one text; `None` when no month is left.
fn join_months(record: &mut Map<String, Value>) -> Option<()> {
    let Some(Value::Object(months)) = record.remove(MONTHS) else {
        return None;
    };
    let mut entries: Vec<(String, String)> = months
        .into_iter()
        .map(|(m, v)| (m, v.as_str().unwrap_or_default().to_string()))
        .collect();
    if entries.is_empty() {
        return None;
    }
    entries.sort();
    let text = entries
        .iter()
        .map(|(m, figures)| format!("{m} {figures}"))
        .collect::<Vec<_>>()
        .join("; ");
    record.insert(MONTHS.into(), Value::String(text));
    Some(())
}
