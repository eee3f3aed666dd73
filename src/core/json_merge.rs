//! What changed between two versions of a plan, field by field, so that two windows' changes
//! to one plan can be told apart: the same field changed in both is a collision; anything else
//! merges. Works on the plan's JSON (`serde_json::Value`), where a list of records that each
//! carry a key (`id`, `salesperson`, …) is compared record by record under that key, not by
//! position: a region added in one window does not shift the regions edited in the other.

use serde_json::Value;

/// One step of a path into a plan's JSON.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// A field of an object.
    Field(String),
    /// The record of a keyed list whose key is this (the key's text).
    Record(String),
    /// The order (and membership) of a keyed list's records.
    Order,
}

/// Where a change is.
pub type Path = Vec<Step>;

/// One change: the value at `path` becomes `to` (`None`: the field or record is removed).
/// `from` is the value there before (`None`: absent), to check a change still applies.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub path: Path,
    pub from: Option<Value>,
    pub to: Option<Value>,
}

/// Fields that key a list of records, in the order they are tried.
const KEYS: [&str; 6] = ["id", "salesperson", "node", "customer", "region", "month"];

/// The key field of a list, if every element is an object with a distinct text or number under
/// one of [`KEYS`].
fn key_of(list: &[Value]) -> Option<&'static str> {
    if list.is_empty() {
        return None;
    }
    KEYS.into_iter().find(|key| {
        let mut seen = std::collections::HashSet::new();
        list.iter()
            .all(|v| record_key(v, key).is_some_and(|k| seen.insert(k)))
    })
}

fn record_key(v: &Value, key: &str) -> Option<String> {
    match v.as_object()?.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn keys_in_order(list: &[Value], key: &str) -> Vec<Value> {
    list.iter()
        .filter_map(|v| record_key(v, key).map(Value::String))
        .collect()
}

/// The changes that turn `a` into `b`.
pub fn diff(a: &Value, b: &Value) -> Vec<Change> {
    let mut out = Vec::new();
    diff_at(&mut Vec::new(), a, b, &mut out);
    out
}

fn diff_at(path: &mut Path, a: &Value, b: &Value, out: &mut Vec<Change>) {
    if a == b {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                path.push(Step::Field(k.clone()));
                match y.get(k) {
                    Some(vb) => diff_at(path, va, vb, out),
                    None => out.push(Change {
                        path: path.clone(),
                        from: Some(va.clone()),
                        to: None,
                    }),
                }
                path.pop();
            }
            for (k, vb) in y {
                if !x.contains_key(k) {
                    path.push(Step::Field(k.clone()));
                    out.push(Change {
                        path: path.clone(),
                        from: None,
                        to: Some(vb.clone()),
                    });
                    path.pop();
                }
            }
        }
        (Value::Array(x), Value::Array(y)) => match key_of(x).filter(|k| Some(*k) == key_of(y)) {
            Some(key) => diff_records(path, x, y, key, out),
            None => out.push(Change {
                path: path.clone(),
                from: Some(a.clone()),
                to: Some(b.clone()),
            }),
        },
        _ => out.push(Change {
            path: path.clone(),
            from: Some(a.clone()),
            to: Some(b.clone()),
        }),
    }
}

fn diff_records(path: &mut Path, x: &[Value], y: &[Value], key: &str, out: &mut Vec<Change>) {
    let find = |list: &[Value], k: &str| {
        list.iter()
            .find(|v| record_key(v, key).as_deref() == Some(k))
            .cloned()
    };
    let (order_x, order_y) = (keys_in_order(x, key), keys_in_order(y, key));
    for va in x {
        let k = record_key(va, key).unwrap_or_default();
        path.push(Step::Record(k.clone()));
        match find(y, &k) {
            Some(vb) => diff_at(path, va, &vb, out),
            None => out.push(Change {
                path: path.clone(),
                from: Some(va.clone()),
                to: None,
            }),
        }
        path.pop();
    }
    for vb in y {
        let k = record_key(vb, key).unwrap_or_default();
        if find(x, &k).is_none() {
            path.push(Step::Record(k));
            out.push(Change {
                path: path.clone(),
                from: None,
                to: Some(vb.clone()),
            });
            path.pop();
        }
    }
    if order_x != order_y {
        path.push(Step::Order);
        out.push(Change {
            path: path.clone(),
            from: Some(Value::Array(order_x)),
            to: Some(Value::Array(order_y)),
        });
        path.pop();
    }
}

/// Whether two changes touch the same thing: one path is the other or lies inside it. A
/// record's order and a change inside a record are different things; a record added or
/// removed also changes its list's order, which is its own change.
pub fn overlap(a: &Path, b: &Path) -> bool {
    let n = a.len().min(b.len());
    a[..n] == b[..n]
}

/// Whether any change of `mine` touches what any change of `theirs` touches.
pub fn collide(mine: &[Change], theirs: &[Change]) -> bool {
    mine.iter().any(|m| {
        theirs
            .iter()
            .any(|t| overlap(&m.path, &t.path) && !same_result(m, t))
    })
}

/// Two changes that leave the same value (both windows typed the same) do not collide.
fn same_result(a: &Change, b: &Change) -> bool {
    a.path == b.path && a.to == b.to
}

/// Why a change could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale;

/// Applies `changes` to `value`, each only where the value is still what it was when the
/// change was made (`from`); `Err(Stale)` (and `value` unchanged) otherwise.
pub fn apply(value: &mut Value, changes: &[Change]) -> Result<(), Stale> {
    let mut next = value.clone();
    for c in changes {
        // An order is applied as "sort by this order" (records added or removed by the changes
        // before it change the list it reads): it is not checked.
        let is_order = c.path.last() == Some(&Step::Order);
        if !is_order && get(&next, &c.path) != c.from {
            return Err(Stale);
        }
        set(&mut next, &c.path, c.to.clone()).ok_or(Stale)?;
    }
    *value = next;
    Ok(())
}

/// Writes one change whatever the value is now (where both windows changed a field and this
/// window's value was chosen).
pub fn force(value: &mut Value, change: &Change) -> Result<(), Stale> {
    set(value, &change.path, change.to.clone()).ok_or(Stale)
}

/// The changes that take `changes` back.
pub fn invert(changes: &[Change]) -> Vec<Change> {
    // Orders go last, as in a diff: they sort the records the other changes put back.
    let is_order = |c: &&Change| c.path.last() == Some(&Step::Order);
    let back = |c: &Change| Change {
        path: c.path.clone(),
        from: c.to.clone(),
        to: c.from.clone(),
    };
    let records = changes.iter().rev().filter(|c| !is_order(c)).map(back);
    let orders = changes.iter().rev().filter(is_order).map(back);
    records.chain(orders).collect()
}

/// The value at `path`, if there is one; at a list's [`Step::Order`], its keys in order.
fn get(value: &Value, path: &[Step]) -> Option<Value> {
    let Some((first, rest)) = path.split_first() else {
        return Some(value.clone());
    };
    match first {
        Step::Field(k) => get(value.as_object()?.get(k)?, rest),
        Step::Record(k) => {
            let list = value.as_array()?;
            let key = key_of(list)?;
            let found = list
                .iter()
                .find(|v| record_key(v, key).as_deref() == Some(k))?;
            get(found, rest)
        }
        Step::Order => {
            let list = value.as_array()?;
            Some(Value::Array(keys_in_order(list, key_of(list)?)))
        }
    }
}

/// Sets (or with `None` removes) the value at `path`. `None` if the path does not lead
/// anywhere in `value`.
fn set(value: &mut Value, path: &[Step], to: Option<Value>) -> Option<()> {
    let (last, parents) = path.split_last()?;
    let parent = parent_mut(value, parents)?;
    match last {
        Step::Field(k) => {
            let object = parent.as_object_mut()?;
            match to {
                Some(v) => {
                    object.insert(k.clone(), v);
                }
                None => {
                    object.remove(k);
                }
            }
        }
        Step::Record(k) => {
            let list = parent.as_array_mut()?;
            let key =
                key_of(list).or_else(|| to.as_ref().and_then(|v| key_of(std::slice::from_ref(v))));
            let position = key.and_then(|key| {
                list.iter()
                    .position(|v| record_key(v, key).as_deref() == Some(k))
            });
            match (position, to) {
                (Some(i), Some(v)) => list[i] = v,
                (Some(i), None) => {
                    list.remove(i);
                }
                (None, Some(v)) => list.push(v),
                (None, None) => {}
            }
        }
        Step::Order => {
            let list = parent.as_array_mut()?;
            let key = key_of(list)?;
            let order: Vec<String> = to?
                .as_array()?
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
            let rank = |v: &Value| {
                record_key(v, key)
                    .and_then(|k| order.iter().position(|o| *o == k))
                    .unwrap_or(usize::MAX)
            };
            list.sort_by_key(rank);
        }
    }
    Some(())
}

fn parent_mut<'v>(value: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    let Some((first, rest)) = path.split_first() else {
        return Some(value);
    };
    let next = match first {
        Step::Field(k) => value.as_object_mut()?.get_mut(k)?,
        Step::Record(k) => {
            let list = value.as_array_mut()?;
            let key = key_of(list)?;
            list.iter_mut()
                .find(|v| record_key(v, key).as_deref() == Some(k))?
        }
        Step::Order => return None,
    };
    parent_mut(next, rest)
}

#[cfg(test)]
mod tests;
