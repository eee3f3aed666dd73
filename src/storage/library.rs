//! The plan library as stored: one entry per plan plus a small index (order, current plan).
//! An entry that cannot be read is reported and left exactly as it is.

use serde::{Deserialize, Serialize};

use crate::core::format::{ReadError, read_plan};
use crate::core::model::Plan;

/// Every key the product writes starts with this.
pub const PREFIX: &str = "region-planner/";
/// Order of the plans and which one is open.
pub const INDEX_KEY: &str = "region-planner/index";
/// The chosen language.
pub const LANG_KEY: &str = "region-planner/lang";
/// Where a window tells the others that it changed a plan (`{"id", "rev", "at"}`): they hear
/// it through the `storage` event.
pub const CHANGED_KEY: &str = "region-planner/changed";
/// The route the app showed last, to reopen on.
pub const ROUTE_KEY: &str = "region-planner/route";
pub const PLAN_PREFIX: &str = "region-planner/plan/";

/// The storage key of a plan.
pub fn plan_key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// The plan id a key belongs to, if it is a plan entry.
pub fn plan_id_of(key: &str) -> Option<&str> {
    key.strip_prefix(PLAN_PREFIX)
}

/// The stored index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub order: Vec<String>,
    pub current: Option<String>,
}

impl Index {
    /// Where a plan comes in the stored order; plans the index does not list come last.
    fn rank(&self, id: &str) -> usize {
        self.order
            .iter()
            .position(|o| o == id)
            .unwrap_or(usize::MAX)
    }
}

/// A plan's id and name, for the plan switcher.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanMeta {
    pub id: String,
    pub name: String,
}

/// A stored entry that could not be read as a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct BrokenEntry {
    pub key: String,
    /// The id taken from the key (the plan's name is unknown when it cannot be read).
    pub id: String,
    pub error: ReadError,
    /// The entry's text exactly as stored, offered for download.
    pub raw: String,
}

/// What opening the library found.
#[derive(Clone, Debug)]
pub struct Opened {
    /// The readable plans, in the stored order (then any the index did not list, by id).
    pub plans: Vec<Plan>,
    /// Index into `plans` of the plan to show.
    pub current: Option<usize>,
    pub broken: Vec<BrokenEntry>,
}

/// Sorts the raw entries of local storage into readable plans and broken entries.
/// `entries` are (key, text) pairs of every key; other keys are ignored.
pub fn open(entries: Vec<(String, String)>, index_text: Option<&str>) -> Opened {
    // A broken index is not a loss: it only orders the plans, and is rebuilt.
    let index: Index = index_text
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default();
    let mut plans = Vec::new();
    let mut broken = Vec::new();
    for (key, raw) in entries {
        let Some(id) = plan_id_of(&key) else { continue };
        match read_plan(&raw) {
            Ok(plan) if plan.id == id => plans.push(plan),
            Ok(mut plan) => {
                // The key is what identifies the entry; keep them in step.
                plan.id = id.to_string();
                plans.push(plan);
            }
            Err(error) => broken.push(BrokenEntry {
                id: id.to_string(),
                key,
                error,
                raw,
            }),
        }
    }
    plans.sort_by(|a, b| (index.rank(&a.id), &a.id).cmp(&(index.rank(&b.id), &b.id)));
    broken.sort_by(|a, b| a.key.cmp(&b.key));
    let current = index
        .current
        .as_deref()
        .and_then(|c| plans.iter().position(|p| p.id == c))
        .or(if plans.is_empty() { None } else { Some(0) });
    Opened {
        plans,
        current,
        broken,
    }
}

/// The index as stored; one that cannot be read only loses the order (the plans stay).
pub fn read_index(text: Option<&str>) -> Index {
    text.and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default()
}

/// Plan ids in the stored order, then any the index does not list, by id.
pub fn in_order(mut ids: Vec<String>, index: &Index) -> Vec<String> {
    ids.sort_by(|a, b| (index.rank(a), a).cmp(&(index.rank(b), b)));
    ids
}

/// How a plan's stored entry compares with the text a window last read or wrote of it.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// As the window left it (or not stored, and the window has not stored it either).
    Same,
    /// Another window wrote it: the text it wrote, and the text this window had (empty when
    /// this window never stored it).
    Changed { now: String, base: String },
    /// Another window deleted it.
    Gone,
}

/// Compares `now` (the stored text, if any) with `known` (what this window read or wrote last).
pub fn compare(known: Option<&str>, now: Option<String>) -> Stored {
    match (known, now) {
        (None, None) => Stored::Same,
        // Stored by another window before this one ever wrote it: theirs is the newer.
        (None, Some(now)) => Stored::Changed {
            now,
            base: String::new(),
        },
        (Some(_), None) => Stored::Gone,
        (Some(base), Some(now)) if base == now => Stored::Same,
        (Some(base), Some(now)) => Stored::Changed {
            now,
            base: base.to_string(),
        },
    }
}

/// A plan id not used by any stored key, readable or not.
pub fn unused_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("an unused id exists")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::write_plan;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    fn entry(id: &str, name: &str) -> (String, String) {
        let mut plan = sample_plan(Lang::En);
        plan.id = id.into();
        plan.name = name.into();
        (plan_key(id), write_plan(&plan))
    }

    #[test]
    fn plans_open_in_stored_order_with_the_current_one_selected() {
        let index = r#"{"order":["b","a"],"current":"a"}"#;
        let opened = open(
            vec![
                entry("a", "A"),
                entry("b", "B"),
                ("other".into(), "x".into()),
            ],
            Some(index),
        );
        let names: Vec<&str> = opened.plans.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["B", "A"]);
        assert_eq!(opened.current, Some(1));
        assert!(opened.broken.is_empty());
    }

    #[test]
    fn an_unreadable_entry_is_reported_with_its_raw_text_and_the_rest_open() {
        let corrupt = (
            plan_key("bad"),
            "{\"format_version\":1, \"id\": ".to_string(),
        );
        let opened = open(
            vec![entry("a", "A"), corrupt.clone()],
            Some("{\"current\":\"bad\"}"),
        );
        assert_eq!(opened.plans.len(), 1);
        assert_eq!(opened.current, Some(0), "falls back to a readable plan");
        assert_eq!(opened.broken.len(), 1);
        assert_eq!(opened.broken[0].id, "bad");
        assert_eq!(opened.broken[0].raw, corrupt.1);
        assert!(matches!(opened.broken[0].error, ReadError::NotJson { .. }));
    }

    #[test]
    fn a_corrupt_index_loses_no_plan() {
        let opened = open(vec![entry("b", "B"), entry("a", "A")], Some("not json"));
        assert_eq!(opened.plans.len(), 2);
        assert_eq!(opened.plans[0].id, "a");
        assert_eq!(opened.current, Some(0));
    }

    #[test]
    fn a_save_sees_what_another_window_did_to_the_stored_entry() {
        assert_eq!(compare(Some("a"), Some("a".into())), Stored::Same);
        assert_eq!(compare(None, None), Stored::Same);
        assert_eq!(compare(Some("a"), None), Stored::Gone);
        assert_eq!(
            compare(Some("a"), Some("b".into())),
            Stored::Changed {
                now: "b".into(),
                base: "a".into()
            }
        );
        assert_eq!(
            compare(None, Some("b".into())),
            Stored::Changed {
                now: "b".into(),
                base: String::new()
            }
        );
    }

    #[test]
    fn ids_follow_the_index_then_the_rest_by_id() {
        let index = read_index(Some(r#"{"order":["c","a"],"current":"a"}"#));
        let ids = vec!["a".into(), "d".into(), "b".into(), "c".into()];
        assert_eq!(in_order(ids, &index), ["c", "a", "b", "d"]);
        assert_eq!(read_index(Some("not json")), Index::default());
    }

    #[test]
    fn new_ids_never_take_a_broken_entrys_key() {
        let taken = ["sample", "sample-2"];
        assert_eq!(unused_id("sample", |id| taken.contains(&id)), "sample-3");
        assert_eq!(unused_id("fresh", |id| taken.contains(&id)), "fresh");
    }
}
