//! The versions kept of each plan: before a plan's stored text is replaced, deleted or restored
//! over, that text is kept byte for byte (readable or not), with when, why and its size.
//! Each version is two entries: a small head (listed without reading any plan) and the text.
//! At most [`PER_PLAN`] versions per plan and [`BUDGET_CHARS`] characters in all are kept; the
//! oldest go first, never the one just kept.

use serde::{Deserialize, Serialize};

/// Versions kept per plan.
pub const PER_PLAN: usize = 8;
/// Characters all kept versions may take together: eight versions of each of ten plans of
/// 10,000 salespeople with a year of actuals (4.8 million characters each), and room to spare.
pub const BUDGET_CHARS: u64 = 400_000_000;

/// Where builds that kept plans in local storage kept versions (moved on first start).
pub const HEAD_PREFIX: &str = "region-planner/version-head/";
pub const TEXT_PREFIX: &str = "region-planner/version-text/";

/// Why a version was kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Why {
    /// An imported plan replaced it.
    Replace,
    /// It was deleted.
    Delete,
    /// Another version was restored over it.
    Restore,
}

/// What the versions panel lists of a kept version.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct VersionHead {
    /// Its name among the stored entries (see [`head_key`], [`text_key`]).
    pub key: String,
    /// The id of the plan it is a version of.
    pub plan: String,
    /// The plan's name then; its id when the text could not be read.
    pub name: String,
    /// When it was kept: local time, ISO 8601 with its offset.
    pub at: String,
    /// Milliseconds since 1970 when it was kept (orders the versions).
    pub stamp: u64,
    pub why: Why,
    /// Characters of its text.
    pub size: u64,
    /// Whether the text could be read as a plan when it was kept.
    pub readable: bool,
}

/// A plan text's name as listed, and whether it can be read (its id when it cannot).
pub fn name_of(id: &str, text: &str) -> (String, bool) {
    match crate::core::format::read_plan(text) {
        Ok(plan) => (plan.name, true),
        Err(_) => (id.to_string(), false),
    }
}

/// The head of a version `key` of plan `id` whose text is `text`.
pub fn head_of(key: &str, id: &str, text: &str, at: &str, stamp: u64, why: Why) -> VersionHead {
    let (name, readable) = name_of(id, text);
    VersionHead {
        key: key.to_string(),
        plan: id.to_string(),
        name,
        at: at.to_string(),
        stamp,
        why,
        size: text.chars().count() as u64,
        readable,
    }
}

/// The stored entry of a version's head.
pub fn head_key(key: &str) -> String {
    format!("{HEAD_PREFIX}{key}")
}

/// The stored entry of a version's text.
pub fn text_key(key: &str) -> String {
    format!("{TEXT_PREFIX}{key}")
}

/// The version key a stored head entry belongs to.
pub fn key_of_head(entry: &str) -> Option<&str> {
    entry.strip_prefix(HEAD_PREFIX)
}

/// A new version's key: the time, then the plan, so keys sort by age.
pub fn new_key(stamp: u64, plan: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = format!("{stamp:015}/{plan}");
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}/{n}")
            }
        })
        .find(|k| !taken(k))
        .expect("an unused key exists")
}

/// Newest first.
pub fn newest_first(heads: &mut [VersionHead]) {
    heads.sort_by(|a, b| (b.stamp, &b.key).cmp(&(a.stamp, &a.key)));
}

/// The versions to drop so that at most [`PER_PLAN`] per plan and [`BUDGET_CHARS`] in all
/// remain; `kept` (the version just kept) always stays.
pub fn to_drop(heads: &[VersionHead], kept: &str) -> Vec<String> {
    to_drop_within(heads, kept, PER_PLAN, BUDGET_CHARS)
}

fn to_drop_within(heads: &[VersionHead], kept: &str, per_plan: usize, budget: u64) -> Vec<String> {
    let mut heads = heads.to_vec();
    newest_first(&mut heads);
    let mut drop = Vec::new();
    let mut counts = std::collections::HashMap::<&str, usize>::new();
    let mut stay = Vec::new();
    for h in &heads {
        let n = counts.entry(h.plan.as_str()).or_default();
        *n += 1;
        if *n > per_plan && h.key != kept {
            drop.push(h.key.clone());
        } else {
            stay.push(h);
        }
    }
    let mut total: u64 = stay.iter().map(|h| h.size).sum();
    for h in stay.iter().rev() {
        if total <= budget {
            break;
        }
        if h.key != kept {
            total -= h.size;
            drop.push(h.key.clone());
        }
    }
    drop
}

/// A size for people: `12.3 KB`, `4.8 MB`, `120.5 GB`.
pub fn size_text(chars: u64) -> String {
    let kb = chars as f64 / 1000.0;
    if kb < 1000.0 {
        format!("{kb:.1} KB")
    } else if kb < 1_000_000.0 {
        format!("{:.1} MB", kb / 1000.0)
    } else {
        format!("{:.1} GB", kb / 1_000_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(plan: &str, stamp: u64, size: u64) -> VersionHead {
        VersionHead {
            key: format!("{stamp:015}/{plan}"),
            plan: plan.into(),
            name: plan.into(),
            at: String::new(),
            stamp,
            why: Why::Replace,
            size,
            readable: true,
        }
    }

    #[test]
    fn the_oldest_versions_of_a_plan_past_the_limit_are_dropped() {
        let heads: Vec<_> = (1..=10).map(|s| head("a", s, 10)).collect();
        let mut drop = to_drop(&heads, &heads[9].key);
        drop.sort();
        assert_eq!(drop, [heads[0].key.clone(), heads[1].key.clone()]);
    }

    #[test]
    fn other_plans_versions_do_not_count_against_a_plans_limit() {
        let mut heads: Vec<_> = (1..=8).map(|s| head("a", s, 10)).collect();
        heads.extend((1..=8).map(|s| head("b", s + 100, 10)));
        assert!(to_drop(&heads, &heads[15].key).is_empty());
    }

    #[test]
    fn past_the_budget_the_oldest_go_but_never_the_version_just_kept() {
        let heads = vec![head("a", 1, 60), head("b", 2, 30), head("c", 3, 50)];
        assert_eq!(
            to_drop_within(&heads, &heads[2].key, 8, 100),
            [heads[0].key.clone()]
        );
        let alone = vec![head("a", 1, 500)];
        assert!(to_drop_within(&alone, &alone[0].key, 8, 100).is_empty());
    }

    #[test]
    fn keys_sort_by_age_and_never_repeat() {
        let first = new_key(5, "p", |_| false);
        let second = new_key(5, "p", |k| k == first);
        assert_ne!(first, second);
        assert!(new_key(40, "a", |_| false) > new_key(7, "z", |_| false));
    }

    #[test]
    fn sizes_read_in_kilobytes_and_megabytes() {
        assert_eq!(size_text(23_456), "23.5 KB");
        assert_eq!(size_text(4_800_000), "4.8 MB");
        assert_eq!(size_text(120_500_000_000), "120.5 GB");
    }
}
