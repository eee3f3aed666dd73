//! The change log view (变更记录): the plan's changes newest first, with their time, what
//! changed and the manager's reason, filtered by a search, and for each change whether the plan
//! as it was before it can still be brought back.

use crate::core::changelog::{Change, matches, oldest_restorable};
use crate::i18n::{Catalogue, fill};

/// `2026-11-27T14:03:05+08:00` as `2026-11-27 14:03`: the time where it was recorded.
pub fn shown_time(at: &str) -> String {
    match (at.get(..10), at.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time}"),
        _ => at.to_string(),
    }
}

/// What the log page shows for a search.
#[derive(Clone, Debug, PartialEq)]
pub struct LogView {
    /// The matching entries, newest first.
    pub entries: Vec<LogEntry>,
    /// The log has no entry at all.
    pub empty: bool,
    /// Entries exist but none matches: the sentence saying so.
    pub no_match: Option<String>,
    /// Some entries can no longer be restored (their patches were dropped).
    pub some_unrestorable: bool,
}

/// One change, as its row shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LogEntry {
    /// Its place in the log (0 is the oldest): the index the reason and the restore act on.
    pub index: usize,
    /// When, as shown (`2026-11-27 14:03`).
    pub when: String,
    pub what: String,
    pub reason: String,
    /// Whether the plan as it was before this change can be brought back.
    pub restorable: bool,
}

/// The entries of `log` matching `query` (any case, in the time, what or reason).
pub fn log_view(t: &Catalogue, log: &[Change], query: &str) -> LogView {
    let restorable = oldest_restorable(log);
    let entries: Vec<LogEntry> = log
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, c)| matches(c, query))
        .map(|(index, c)| LogEntry {
            index,
            when: shown_time(&c.at),
            what: c.what.clone(),
            reason: c.reason.clone(),
            restorable: index >= restorable,
        })
        .collect();
    LogView {
        empty: log.is_empty(),
        no_match: (!log.is_empty() && entries.is_empty())
            .then(|| fill(t.log_no_match, &[query.trim()])),
        some_unrestorable: restorable > 0,
        entries,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::changelog::Hunk;
    use crate::i18n::{EN, ZH};

    fn entry(minute: u32, what: &str, reason: &str, patch: bool) -> Change {
        Change {
            at: format!("2026-11-27T14:{minute:02}:05+08:00"),
            what: what.into(),
            reason: reason.into(),
            undo: patch.then(|| vec![Hunk(0, 1, "x".into())]),
        }
    }

    fn log() -> Vec<Change> {
        vec![
            entry(1, "Changsha · Market share (%): 64.5 → 66", "", true),
            entry(
                3,
                "<b>North</b> · Target share (%): 12 → 15",
                "after the dealer meeting",
                true,
            ),
            entry(7, "Added “Region 6”", "", true),
        ]
    }

    #[test]
    fn entries_show_newest_first_with_time_what_and_reason() {
        let view = log_view(&EN, &log(), "");
        let order: Vec<usize> = view.entries.iter().map(|e| e.index).collect();
        assert_eq!(order, [2, 1, 0], "newest first");
        let north = &view.entries[1];
        assert_eq!(north.when, "2026-11-27 14:03");
        assert_eq!(
            north.what, "<b>North</b> · Target share (%): 12 → 15",
            "plan text is kept as the characters it is"
        );
        assert_eq!(north.reason, "after the dealer meeting");
        assert!(!view.empty && view.no_match.is_none());
    }

    #[test]
    fn every_change_can_be_undone_back_to_the_state_before_it() {
        let view = log_view(&EN, &log(), "");
        assert!(
            view.entries.iter().all(|e| e.restorable),
            "the original too: {view:?}"
        );
        assert!(!view.some_unrestorable);
    }

    #[test]
    fn states_past_a_dropped_patch_cannot_be_restored_and_say_so() {
        let mut log = log();
        log[1].undo = None;
        let view = log_view(&ZH, &log, "");
        let restorable: Vec<(usize, bool)> = view
            .entries
            .iter()
            .map(|e| (e.index, e.restorable))
            .collect();
        assert_eq!(restorable, [(2, true), (1, false), (0, false)]);
        assert!(view.some_unrestorable);
    }

    #[test]
    fn search_keeps_the_matching_entries() {
        let view = log_view(&EN, &log(), "DEALER");
        let found: Vec<usize> = view.entries.iter().map(|e| e.index).collect();
        assert_eq!(found, [1], "by the reason, in any case");
        assert_eq!(
            log_view(&EN, &log(), "14:07").entries[0].index,
            2,
            "by time"
        );
        let none = log_view(&EN, &log(), " Hengyang ");
        assert!(none.entries.is_empty());
        assert_eq!(
            none.no_match.as_deref(),
            Some("No change matches “Hengyang”.")
        );
        assert!(!none.empty);
        let empty = log_view(&EN, &[], "");
        assert!(empty.empty && empty.no_match.is_none());
    }

    #[test]
    fn times_show_as_recorded_and_odd_ones_as_they_are() {
        assert_eq!(shown_time("2026-11-27T09:05:59-05:00"), "2026-11-27 09:05");
        assert_eq!(shown_time("yesterday"), "yesterday");
    }
}
