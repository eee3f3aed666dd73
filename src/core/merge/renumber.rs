//! Two copies count their new ids from the same counter, so both can make `p69` for different
//! people. Before merging, what the returned copy added under an id the open plan also added
//! (for something else) gets a new id, everywhere the copy names it.

use foldhash::HashSet;

use crate::core::diff::{ItemKey, Items};
use crate::core::model::Plan;

/// An id of the returned copy given a new one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renumbered {
    pub old: String,
    pub new: String,
}

/// `theirs` with every id it added that `mine` also added for something else renumbered, and
/// the ids changed. `base`, `mine` and `theirs` are the items of the three plans.
pub fn renumber_clashes(
    base: &Items,
    mine: &Items,
    theirs_items: &Items,
    theirs: &Plan,
    mine_seq: u64,
) -> Option<(Plan, Vec<Renumbered>)> {
    let mut clashes: Vec<&ItemKey> = theirs_items
        .map
        .iter()
        .filter(|(k, item)| {
            is_entity(k)
                && !base.map.contains_key(*k)
                && mine.map.get(*k).is_some_and(|m| m != *item)
        })
        .map(|(k, _)| k)
        .collect();
    if clashes.is_empty() {
        return None;
    }
    clashes.sort();
    let used: HashSet<String> = [base, mine, theirs_items]
        .iter()
        .flat_map(|i| i.map.keys())
        .filter(|k| is_entity(k))
        .map(|k| k.id().to_string())
        .collect();
    let mut plan = theirs.clone();
    plan.id_seq = plan.id_seq.max(mine_seq);
    let mut done = Vec::new();
    for key in clashes {
        let old = key.id().to_string();
        let prefix = prefix(key, &old);
        let new = loop {
            plan.id_seq += 1;
            let id = format!("{prefix}{}", plan.id_seq);
            if !used.contains(&id) {
                break id;
            }
        };
        rename(&mut plan, key, &new);
        done.push(Renumbered { old, new });
    }
    Some((plan, done))
}

/// Items with an id of their own, counted from the plan's id counter.
fn is_entity(key: &ItemKey) -> bool {
    match key {
        ItemKey::Record(section, _) => section == crate::core::diff::shape::CUSTOMERS,
        ItemKey::Plan => false,
        _ => true,
    }
}

/// The letter the app starts such an id with.
fn prefix(key: &ItemKey, old: &str) -> String {
    let letters: String = old.chars().take_while(|c| c.is_alphabetic()).collect();
    if !letters.is_empty() {
        return letters;
    }
    match key {
        ItemKey::Region(_) => "r",
        ItemKey::Subdistrict(_) => "d",
        ItemKey::Salesperson(_) => "p",
        ItemKey::Scenario(_) => "s",
        _ => "c",
    }
    .into()
}

/// Gives an item a new id, and every reference to it the new id. Every field of the format that
/// names a node, a scenario or a customer is renamed here.
pub fn rename(plan: &mut Plan, key: &ItemKey, new: &str) {
    let old = key.id().to_string();
    let swap = |id: &mut String| {
        if *id == old {
            *id = new.to_string();
        }
    };
    match key {
        ItemKey::Scenario(_) => {
            for s in &mut plan.scenarios {
                swap(&mut s.id);
            }
            swap(&mut plan.adopted_scenario);
        }
        ItemKey::Record(..) => {
            let e = &mut plan.execution;
            for c in &mut e.customers {
                swap(&mut c.id);
            }
            for s in &mut e.scorecard {
                swap(&mut s.customer);
            }
        }
        ItemKey::Plan => {}
        _ => {
            for r in &mut plan.regions {
                swap(&mut r.id);
                for d in &mut r.subdistricts {
                    swap(&mut d.id);
                    for p in &mut d.salespeople {
                        swap(&mut p.id);
                    }
                }
            }
            for s in &mut plan.scenarios {
                for map in [&mut s.locks, &mut s.manual] {
                    if let Some(v) = map.remove(&old) {
                        map.insert(new.to_string(), v);
                    }
                }
                if let Some(v) = s.tier_overrides.remove(&old) {
                    s.tier_overrides.insert(new.to_string(), v);
                }
            }
            if let Some(part) = &mut plan.recipient_part {
                swap(part);
            }
            let e = &mut plan.execution;
            if let Some(v) = e.actuals.remove(&old) {
                e.actuals.insert(new.to_string(), v);
            }
            if let Some(v) = e.budgets.remove(&old) {
                e.budgets.insert(new.to_string(), v);
            }
            if let Some(v) = e.shares.remove(&old) {
                e.shares.insert(new.to_string(), v);
            }
            for c in &mut e.customers {
                swap(&mut c.subdistrict);
                swap(&mut c.owner);
            }
            for n in &mut e.deviation_notes {
                swap(&mut n.node);
            }
            for x in &mut e.expenses {
                swap(&mut x.region);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::execution::sample_execution;
    use crate::core::format::write_plan;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    /// Every id of a plan with execution records, renamed, leaves no trace of the old id: a
    /// field naming a node that `rename` misses fails here.
    #[test]
    fn a_renamed_id_is_renamed_everywhere_the_plan_names_it() {
        let mut plan = sample_plan(Lang::En);
        plan.execution = sample_execution(&plan, 3);
        let region = plan.regions[0].id.clone();
        plan.recipient_part = Some(region.clone());
        let scenario = plan.adopted_scenario.clone();
        plan.scenarios[0].tier_overrides.insert(
            region.clone(),
            crate::core::tier::TierOverride {
                tier: crate::core::tier::Tier::Stronghold,
                reason: "test".into(),
            },
        );
        let items = Items::of(&plan);
        let keys: Vec<ItemKey> = items.map.keys().filter(|k| is_entity(k)).cloned().collect();
        assert!(
            keys.iter().any(|k| matches!(k, ItemKey::Record(..))),
            "customers"
        );
        for key in keys {
            let old = key.id().to_string();
            let mut renamed = plan.clone();
            rename(&mut renamed, &key, "ZZ-new");
            let json = write_plan(&renamed);
            assert!(
                !json.contains(&format!("\"{old}\"")),
                "{old} left in {}",
                &json[json
                    .find(&format!("\"{old}\""))
                    .unwrap_or(0)
                    .saturating_sub(80)..]
                    .chars()
                    .take(160)
                    .collect::<String>()
            );
            assert!(json.contains("\"ZZ-new\""), "{old}");
        }
        assert_eq!(plan.adopted_scenario, scenario);
    }
}
