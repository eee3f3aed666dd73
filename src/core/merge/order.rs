//! The order of a merged collection: one copy's order, with what only the other copy has put
//! after the entry it follows there.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::core::diff::{ItemKey, Items, Owner};

/// `members` in order: `first`'s order of them, then each member only `second` has placed,
/// after the member it follows in `second` (members neither places go last).
pub fn merged_order(
    first: &Items,
    second: &Items,
    owner: &Owner,
    members: &HashSet<ItemKey>,
) -> Vec<ItemKey> {
    fn seq<'a>(items: &'a Items, owner: &Owner) -> &'a [ItemKey] {
        items.order.get(owner).map_or(&[][..], Vec::as_slice)
    }
    let placed: Vec<&ItemKey> = seq(first, owner)
        .iter()
        .filter(|k| members.contains(*k))
        .collect();
    let in_first: HashSet<&ItemKey> = placed.iter().copied().collect();
    // What the second order puts after each placed member (`None`: before all of them).
    let mut after: HashMap<Option<&ItemKey>, Vec<&ItemKey>> = HashMap::new();
    let mut anchor: Option<&ItemKey> = None;
    let mut taken: HashSet<&ItemKey> = HashSet::new();
    for k in seq(second, owner) {
        if in_first.contains(k) {
            anchor = Some(k);
        } else if members.contains(k) && taken.insert(k) {
            after.entry(anchor).or_default().push(k);
        }
    }
    let mut out: Vec<ItemKey> = Vec::with_capacity(members.len());
    for k in after.remove(&None).unwrap_or_default() {
        out.push(k.clone());
    }
    for k in placed {
        out.push(k.clone());
        for x in after.remove(&Some(k)).unwrap_or_default() {
            out.push(x.clone());
        }
    }
    if out.len() < members.len() {
        let done: HashSet<ItemKey> = out.iter().cloned().collect();
        let mut rest: Vec<&ItemKey> = members.iter().filter(|k| !done.contains(*k)).collect();
        rest.sort();
        out.extend(rest.into_iter().cloned());
    }
    out
}
