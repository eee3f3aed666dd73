//! A plan cut into items ([`Items`]): every node, scenario and execution record with its fields
//! as (path → JSON value), and the order of each collection. Built from the plan's own JSON, so
//! every field the format writes is compared, including fields added later; and turned back
//! into a plan through the same deserialisation as a file, so a merged plan is read with every
//! check of the format.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};
use std::sync::{Arc, LazyLock};

use serde_json::{Map, Value};

use super::shape::{
    EXECUTION, ItemKey, Keying, MONTHS, PARENT, PLAN_IDENTITY, Path, REGIONS, Rule, SALESPEOPLE,
    SCENARIOS, SUBDISTRICTS, Seg, parent_path, rule, section,
};
use crate::core::changelog::Change;
use crate::core::model::{FORMAT_VERSION, Plan, Region, Salesperson, SubDistrict};
use crate::core::scenario::Scenario;

/// The fields of one item.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Item {
    pub fields: BTreeMap<Path, Value>,
}

impl Item {
    pub fn get(&self, path: &[Seg]) -> Option<&Value> {
        self.fields.get(path)
    }

    /// The item's name, where it has one.
    pub fn name(&self) -> Option<&str> {
        static NAME: LazyLock<Path> = LazyLock::new(|| vec![Seg::Member("name".into())]);
        self.fields.get(&*NAME).and_then(Value::as_str)
    }

    /// The id of the node a sub-district or salesperson sits under.
    pub fn parent(&self) -> Option<&str> {
        // Asked of every item of three plans: the path is made once.
        static PARENT: LazyLock<Path> = LazyLock::new(parent_path);
        self.fields.get(&*PARENT).and_then(Value::as_str)
    }
}

/// A collection: the item holding it and the collection's name (`regions`, `subdistricts`,
/// `execution.customers`…).
pub type Owner = (ItemKey, String);

/// A plan as items.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Items {
    /// Shared between the items of two plans where both hold the item alike
    /// ([`Items::of_like`]): equal items are then one allocation, compared by address first.
    pub map: HashMap<ItemKey, Arc<Item>>,
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
        Items::build(plan, None)
    }

    /// The items of `plan`, sharing with `like` (the items of `earlier`) every item the two
    /// plans hold alike: an unchanged item is compared as the same item (no field compared),
    /// and only what changed is cut into fields. Equal to [`Items::of`] in every way.
    pub fn of_like(plan: &Plan, earlier: &Plan, like: &Items) -> Items {
        Items::build(plan, Some(Earlier::new(earlier, like)))
    }

    fn build(plan: &Plan, earlier: Option<Earlier>) -> Items {
        // Sized for the tree at once: growing a map of 10,000 items rehashes every key.
        let (regions, subs, people) = plan.size();
        let nodes = 1 + regions + subs + people + plan.scenarios.len();
        let mut items = Items {
            map: HashMap::with_capacity(nodes),
            order: HashMap::with_capacity(2 + regions + subs),
        };
        let mut root = object_of(&plan_shell(plan));
        for member in PLAN_IDENTITY.iter().chain(&[REGIONS, SCENARIOS]) {
            root.remove(*member);
        }
        items.add(ItemKey::Plan, root);

        let mut region_keys = Vec::with_capacity(plan.regions.len());
        for region in &plan.regions {
            let key = ItemKey::Region(region.id.clone());
            let mut sub_keys = Vec::with_capacity(region.subdistricts.len());
            for sub in &region.subdistricts {
                let sub_key = ItemKey::Subdistrict(sub.id.clone());
                let mut people = Vec::with_capacity(sub.salespeople.len());
                for person in &sub.salespeople {
                    let person_key = ItemKey::Salesperson(person.id.clone());
                    let shared = earlier
                        .as_ref()
                        .and_then(|e| e.person(person, &sub.id, &person_key));
                    match shared {
                        Some(item) => {
                            items.map.insert(person_key.clone(), item);
                        }
                        None => {
                            let mut object = object_of(person);
                            object.remove("id");
                            object.insert(PARENT.into(), Value::String(sub.id.clone()));
                            items.add(person_key.clone(), object);
                        }
                    }
                    people.push(person_key);
                }
                items
                    .order
                    .insert((sub_key.clone(), SALESPEOPLE.into()), people);
                let shell = subdistrict_shell(sub);
                let shared = earlier
                    .as_ref()
                    .and_then(|e| e.subdistrict(&shell, &region.id, &sub_key));
                match shared {
                    Some(item) => {
                        items.map.insert(sub_key.clone(), item);
                    }
                    None => {
                        let mut object = object_of(&shell);
                        object.remove("id");
                        object.remove(SALESPEOPLE);
                        object.insert(PARENT.into(), Value::String(region.id.clone()));
                        items.add(sub_key.clone(), object);
                    }
                }
                sub_keys.push(sub_key);
            }
            items
                .order
                .insert((key.clone(), SUBDISTRICTS.into()), sub_keys);
            let shell = region_shell(region);
            match earlier.as_ref().and_then(|e| e.region(&shell, &key)) {
                Some(item) => {
                    items.map.insert(key.clone(), item);
                }
                None => {
                    let mut object = object_of(&shell);
                    object.remove("id");
                    object.remove(SUBDISTRICTS);
                    items.add(key.clone(), object);
                }
            }
            region_keys.push(key);
        }
        items
            .order
            .insert((ItemKey::Plan, REGIONS.into()), region_keys);

        let mut scenario_keys = Vec::with_capacity(plan.scenarios.len());
        for scenario in &plan.scenarios {
            let key = ItemKey::Scenario(scenario.id.clone());
            match earlier.as_ref().and_then(|e| e.scenario(scenario, &key)) {
                Some(item) => {
                    items.map.insert(key.clone(), item);
                }
                None => {
                    let mut object = object_of(scenario);
                    object.remove("id");
                    items.add(key.clone(), object);
                }
            }
            scenario_keys.push(key);
        }
        items
            .order
            .insert((ItemKey::Plan, SCENARIOS.into()), scenario_keys);

        match &earlier {
            // The execution's records as the earlier plan has them: the same items.
            Some(e) if e.plan.execution == plan.execution => {
                for (owner, keys) in &e.items.order {
                    if owner.0 != ItemKey::Plan || !owner.1.starts_with(EXECUTION) {
                        continue;
                    }
                    for k in keys {
                        if let Some(item) = e.items.map.get(k) {
                            items.map.insert(k.clone(), item.clone());
                        }
                    }
                    items.order.insert(owner.clone(), keys.clone());
                }
            }
            _ if plan.execution.is_empty() => {}
            _ => {
                if let Ok(Value::Object(sections)) = serde_json::to_value(&plan.execution) {
                    for (name, records) in sections {
                        let Value::Array(records) = records else {
                            continue;
                        };
                        items.add_section(&name, records);
                    }
                }
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
        for (name, value) in object {
            flatten(&key, vec![Seg::Member(name)], value, &mut fields);
        }
        self.map.insert(key, Arc::new(Item { fields }));
    }

    pub fn get(&self, key: &ItemKey) -> Option<&Item> {
        self.map.get(key).map(|i| &**i)
    }

    /// The items of a collection, in order.
    pub fn children(&self, owner: &ItemKey, collection: &str) -> &[ItemKey] {
        self.order
            .get(&(owner.clone(), collection.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    /// The name of a node, scenario or customer.
    pub fn name(&self, key: &ItemKey) -> Option<&str> {
        self.get(key).and_then(Item::name)
    }

    /// Every region, sub-district and salesperson in tree order.
    pub fn nodes_in_order(&self) -> impl Iterator<Item = &ItemKey> {
        self.children(&ItemKey::Plan, REGIONS).iter().flat_map(|r| {
            std::iter::once(r).chain(
                self.children(r, SUBDISTRICTS)
                    .iter()
                    .flat_map(|d| std::iter::once(d).chain(self.children(d, SALESPEOPLE))),
            )
        })
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
                    key = ItemKey::Region(self.get(&key)?.parent()?.into());
                }
                ItemKey::Salesperson(_) => {
                    key = ItemKey::Subdistrict(self.get(&key)?.parent()?.into());
                }
                _ => return None,
            }
        }
        None
    }

    /// The plan these items make, with `head`'s identity and history; read as a file is (the
    /// shape of every field; the rules are checked by the caller). The error names the field.
    pub fn to_plan(&self, head: &Head) -> Result<Plan, String> {
        self.build_plan(head, None)
    }

    /// Like [`Items::to_plan`], taking every node and scenario these items share with `like`
    /// (the items of `earlier`, [`Items::of_like`]) as `earlier` has it, already read: only
    /// the items that differ are read from their fields.
    pub fn to_plan_like(&self, head: &Head, earlier: &Plan, like: &Items) -> Result<Plan, String> {
        self.build_plan(head, Some(Earlier::new(earlier, like)))
    }

    fn build_plan(&self, head: &Head, earlier: Option<Earlier>) -> Result<Plan, String> {
        // The same typed reading of JSON values as an upgraded older file gets (one copy of
        // the plan's deserialiser in the wasm); the merged plan is then checked by the rules.
        fn read<T: serde::de::DeserializeOwned>(object: Map<String, Value>) -> Result<T, String> {
            serde_json::from_value(Value::Object(object)).map_err(|e| e.to_string())
        }
        let shared = |key: &ItemKey| {
            let e = earlier.as_ref()?;
            let same = Arc::ptr_eq(e.items.map.get(key)?, self.map.get(key)?);
            same.then_some(e)
        };
        let mut root = self.object(&ItemKey::Plan);
        root.insert("format_version".into(), Value::from(FORMAT_VERSION));
        root.insert("id".into(), Value::String(head.id.clone()));
        root.insert("id_seq".into(), Value::from(head.id_seq));
        root.insert(REGIONS.into(), Value::Array(Vec::new()));
        root.insert(SCENARIOS.into(), Value::Array(Vec::new()));
        let mut plan: Plan = read(root)?;
        for r in self.children(&ItemKey::Plan, REGIONS) {
            let mut region = match shared(r).and_then(|e| e.regions.get(r.id())) {
                Some(same) => region_shell(same),
                None => {
                    let mut object = self.node_object(r);
                    object.insert(SUBDISTRICTS.into(), Value::Array(Vec::new()));
                    read(object)?
                }
            };
            for d in self.children(r, SUBDISTRICTS) {
                let mut sub = match shared(d).and_then(|e| e.subdistricts.get(d.id())) {
                    Some((same, _)) => subdistrict_shell(same),
                    None => {
                        let mut object = self.node_object(d);
                        object.insert(SALESPEOPLE.into(), Value::Array(Vec::new()));
                        read(object)?
                    }
                };
                for p in self.children(d, SALESPEOPLE) {
                    sub.salespeople
                        .push(match shared(p).and_then(|e| e.people.get(p.id())) {
                            Some((same, _)) => (*same).clone(),
                            None => read(self.node_object(p))?,
                        });
                }
                region.subdistricts.push(sub);
            }
            plan.regions.push(region);
        }
        for s in self.children(&ItemKey::Plan, SCENARIOS) {
            let same = shared(s).and_then(|e| e.plan.scenarios.iter().find(|x| x.id == s.id()));
            plan.scenarios.push(match same {
                Some(same) => same.clone(),
                None => read(self.node_object(s))?,
            });
        }
        plan.execution = match &earlier {
            Some(e) if self.same_records(e.items) => e.plan.execution.clone(),
            _ => {
                let execution = self.execution();
                if execution.is_empty() {
                    Default::default()
                } else {
                    read(execution)?
                }
            }
        };
        plan.change_log = head.change_log.clone();
        plan.recipient_part = head.recipient_part.clone();
        Ok(plan)
    }

    /// Whether these items hold the execution's records of `other`, the same items in the
    /// same order.
    fn same_records(&self, other: &Items) -> bool {
        let sections = |items: &Items| {
            items
                .order
                .iter()
                .filter(|((owner, c), _)| *owner == ItemKey::Plan && c.starts_with(EXECUTION))
                .count()
        };
        sections(self) == sections(other)
            && self
                .order
                .iter()
                .filter(|((owner, c), _)| *owner == ItemKey::Plan && c.starts_with(EXECUTION))
                .all(|(owner, keys)| {
                    other.order.get(owner) == Some(keys)
                        && keys
                            .iter()
                            .all(|k| match (self.map.get(k), other.map.get(k)) {
                                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                                _ => false,
                            })
                })
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

/// A part of the plan as the JSON object the format writes.
fn object_of(part: &impl serde::Serialize) -> Map<String, Value> {
    match serde_json::to_value(part) {
        Ok(Value::Object(object)) => object,
        _ => unreachable!("a part of a plan serialises to an object"),
    }
}

/// The plan without its collections (regions, scenarios, execution) and history: its own
/// fields. Every field is named, so a field added to the plan is a decision here.
fn plan_shell(plan: &Plan) -> Plan {
    let Plan {
        format_version,
        id: _,
        name,
        company,
        currency,
        period,
        regions: _,
        scenarios: _,
        adopted_scenario,
        id_seq: _,
        notes,
        execution: _,
        recipient_part: _,
        change_log: _,
    } = plan;
    Plan {
        format_version: *format_version,
        id: String::new(),
        name: name.clone(),
        company: company.clone(),
        currency: currency.clone(),
        period: *period,
        regions: Vec::new(),
        scenarios: Vec::new(),
        adopted_scenario: adopted_scenario.clone(),
        id_seq: 0,
        notes: notes.clone(),
        execution: Default::default(),
        recipient_part: None,
        change_log: Vec::new(),
    }
}

/// A region without its sub-districts.
fn region_shell(region: &Region) -> Region {
    let Region {
        id,
        name,
        manager,
        market_share,
        active_customers,
        last_sales,
        notes,
        subdistricts: _,
    } = region;
    Region {
        id: id.clone(),
        name: name.clone(),
        manager: manager.clone(),
        market_share: *market_share,
        active_customers: *active_customers,
        last_sales: *last_sales,
        notes: notes.clone(),
        subdistricts: Vec::new(),
    }
}

/// A sub-district without its salespeople.
fn subdistrict_shell(sub: &SubDistrict) -> SubDistrict {
    let SubDistrict {
        id,
        name,
        factors,
        target_share,
        last_sales,
        milestones,
        target_distributors,
        target_terminals,
        salespeople: _,
    } = sub;
    SubDistrict {
        id: id.clone(),
        name: name.clone(),
        factors: *factors,
        target_share: *target_share,
        last_sales: *last_sales,
        milestones: milestones.clone(),
        target_distributors: target_distributors.clone(),
        target_terminals: target_terminals.clone(),
        salespeople: Vec::new(),
    }
}

/// An earlier plan and its items, by id: what a later plan can share.
struct Earlier<'a> {
    plan: &'a Plan,
    items: &'a Items,
    regions: HashMap<&'a str, &'a Region>,
    /// Each sub-district with its region's id.
    subdistricts: HashMap<&'a str, (&'a SubDistrict, &'a str)>,
    /// Each salesperson with their sub-district's id.
    people: HashMap<&'a str, (&'a Salesperson, &'a str)>,
}

impl<'a> Earlier<'a> {
    fn new(plan: &'a Plan, items: &'a Items) -> Self {
        let (regions, subs, people) = plan.size();
        let mut e = Earlier {
            plan,
            items,
            regions: HashMap::with_capacity(regions),
            subdistricts: HashMap::with_capacity(subs),
            people: HashMap::with_capacity(people),
        };
        for r in &plan.regions {
            e.regions.insert(&r.id, r);
            for d in &r.subdistricts {
                e.subdistricts.insert(&d.id, (d, &r.id));
                for p in &d.salespeople {
                    e.people.insert(&p.id, (p, &d.id));
                }
            }
        }
        e
    }

    /// The earlier item of `key`, when the earlier plan holds `same` alike.
    fn shared(&self, key: &ItemKey, same: bool) -> Option<Arc<Item>> {
        if same {
            self.items.map.get(key).cloned()
        } else {
            None
        }
    }

    fn person(&self, p: &Salesperson, sub: &str, key: &ItemKey) -> Option<Arc<Item>> {
        let &(q, at) = self.people.get(p.id.as_str())?;
        self.shared(key, q == p && at == sub)
    }

    fn subdistrict(&self, shell: &SubDistrict, region: &str, key: &ItemKey) -> Option<Arc<Item>> {
        let &(d, at) = self.subdistricts.get(shell.id.as_str())?;
        self.shared(key, at == region && subdistrict_shell(d) == *shell)
    }

    fn region(&self, shell: &Region, key: &ItemKey) -> Option<Arc<Item>> {
        let r = self.regions.get(shell.id.as_str())?;
        self.shared(key, region_shell(r) == *shell)
    }

    fn scenario(&self, s: &Scenario, key: &ItemKey) -> Option<Arc<Item>> {
        let earlier = self.plan.scenarios.iter().find(|x| x.id == s.id)?;
        self.shared(key, earlier == s)
    }
}

/// Cuts `value` at `path` into fields; a leaf keeps `path` itself (most fields of a node are
/// leaves one step down, so most paths are made once and never copied).
fn flatten(key: &ItemKey, path: Path, value: Value, out: &mut BTreeMap<Path, Value>) {
    let below = |seg: Seg| {
        let mut p = Vec::with_capacity(path.len() + 1);
        p.extend_from_slice(&path);
        p.push(seg);
        p
    };
    match (rule(key, &path, &value), value) {
        (Rule::Members, Value::Object(members)) => {
            for (name, v) in members {
                flatten(key, below(Seg::Member(name)), v, out);
            }
        }
        (Rule::Places, Value::Array(entries)) => {
            for (i, v) in entries.into_iter().enumerate() {
                out.insert(below(Seg::At(i)), v);
            }
        }
        (Rule::Months, Value::String(text)) => {
            for entry in text.split(';') {
                let entry = entry.trim();
                let Some((month, figures)) = entry.split_once(' ') else {
                    continue;
                };
                out.insert(
                    below(Seg::Member(month.to_string())),
                    Value::String(figures.trim().to_string()),
                );
            }
        }
        // An empty object is what a member left out reads as.
        (_, Value::Object(members)) if members.is_empty() => {}
        (_, value) => {
            out.insert(path, value);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::execution::sample_execution;
    use crate::core::lang::Lang;
    use crate::core::sample::{sample_plan, scaled_plan};

    /// The plan's whole JSON cut at its collections: what the items of a plan are, by
    /// definition.
    fn cut_from_json(plan: &Plan) -> Items {
        fn list(object: &mut Map<String, Value>, name: &str) -> Vec<Map<String, Value>> {
            match object.remove(name) {
                Some(Value::Array(list)) => list
                    .into_iter()
                    .filter_map(|v| match v {
                        Value::Object(o) => Some(o),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            }
        }
        fn id(object: &mut Map<String, Value>) -> String {
            match object.remove("id") {
                Some(Value::String(id)) => id,
                _ => String::new(),
            }
        }
        let mut root = object_of(plan);
        for member in PLAN_IDENTITY {
            root.remove(member);
        }
        let regions = list(&mut root, REGIONS);
        let scenarios = list(&mut root, SCENARIOS);
        let execution = root.remove(EXECUTION);
        let mut items = Items::default();
        items.add(ItemKey::Plan, root);
        let mut region_keys = Vec::new();
        for mut region in regions {
            let rid = id(&mut region);
            let mut sub_keys = Vec::new();
            for mut sub in list(&mut region, SUBDISTRICTS) {
                let sid = id(&mut sub);
                let mut people = Vec::new();
                for mut person in list(&mut sub, SALESPEOPLE) {
                    let key = ItemKey::Salesperson(id(&mut person));
                    person.insert(PARENT.into(), Value::String(sid.clone()));
                    items.add(key.clone(), person);
                    people.push(key);
                }
                let key = ItemKey::Subdistrict(sid.clone());
                items
                    .order
                    .insert((key.clone(), SALESPEOPLE.into()), people);
                sub.insert(PARENT.into(), Value::String(rid.clone()));
                items.add(key.clone(), sub);
                sub_keys.push(key);
            }
            let key = ItemKey::Region(rid);
            items
                .order
                .insert((key.clone(), SUBDISTRICTS.into()), sub_keys);
            items.add(key.clone(), region);
            region_keys.push(key);
        }
        items
            .order
            .insert((ItemKey::Plan, REGIONS.into()), region_keys);
        let mut scenario_keys = Vec::new();
        for mut scenario in scenarios {
            let key = ItemKey::Scenario(id(&mut scenario));
            items.add(key.clone(), scenario);
            scenario_keys.push(key);
        }
        items
            .order
            .insert((ItemKey::Plan, SCENARIOS.into()), scenario_keys);
        if let Some(Value::Object(sections)) = execution {
            for (name, records) in sections {
                if let Value::Array(records) = records {
                    items.add_section(&name, records);
                }
            }
        }
        items
    }

    fn with_execution(mut plan: Plan) -> Plan {
        plan.execution = sample_execution(&plan, 3);
        plan
    }

    /// A copy with something changed at every level: the plan, a region, a sub-district, a
    /// salesperson moved and one renamed, a scenario, the execution.
    fn edited(plan: &Plan) -> Plan {
        let mut b = plan.clone();
        b.name.push_str(" (copy)");
        b.regions[0].market_share += Decimal::ONE;
        b.regions[1].subdistricts[0].factors.population += Decimal::ONE;
        b.regions[0].subdistricts[0].salespeople[0].name = "Renamed".into();
        let moved = b.regions[0].subdistricts[0].salespeople.pop().unwrap();
        b.regions[0].subdistricts[1].salespeople.push(moved);
        b.scenarios[0].amount_target += Decimal::ONE;
        b.execution.settings.deviation_threshold = Decimal::from(12);
        b
    }

    use rust_decimal::Decimal;

    #[test]
    fn items_are_the_plans_json_cut_at_its_collections() {
        for plan in [
            sample_plan(Lang::Zh),
            with_execution(sample_plan(Lang::En)),
            edited(&with_execution(scaled_plan(600))),
        ] {
            assert_eq!(Items::of(&plan), cut_from_json(&plan));
        }
    }

    #[test]
    fn a_later_plans_items_share_what_is_alike_and_are_its_own_items() {
        let a = with_execution(scaled_plan(600));
        let a_items = Items::of(&a);
        let b = edited(&a);
        let b_items = Items::of_like(&b, &a, &a_items);
        assert_eq!(b_items, Items::of(&b));
        assert_eq!(b_items, cut_from_json(&b));
        // Unchanged: one item; changed: its own.
        let same = |key: &ItemKey| Arc::ptr_eq(&a_items.map[key], &b_items.map[key]);
        let person = |r: usize, d: usize, p: usize| {
            ItemKey::Salesperson(a.regions[r].subdistricts[d].salespeople[p].id.clone())
        };
        assert!(same(&person(2, 0, 0)));
        assert!(same(&ItemKey::Region(a.regions[2].id.clone())));
        assert!(!same(&person(0, 0, 0)), "renamed");
        let last = a.regions[0].subdistricts[0].salespeople.len() - 1;
        assert!(!same(&person(0, 0, last)), "moved");
        assert!(!same(&ItemKey::Region(a.regions[0].id.clone())));
        assert!(!same(&ItemKey::Subdistrict(
            a.regions[1].subdistricts[0].id.clone()
        )));
        assert!(!same(&ItemKey::Scenario(a.scenarios[0].id.clone())));
        // The same plan shares every node, scenario and record (the plan's own fields, one
        // small item, are cut again).
        let again = Items::of_like(&a, &a, &a_items);
        assert!(
            a_items
                .map
                .iter()
                .filter(|(k, _)| **k != ItemKey::Plan)
                .all(|(k, v)| Arc::ptr_eq(v, &again.map[k]))
        );
        assert_eq!(again, a_items);
    }
}
