//! The change log view (变更记录): the plan's changes newest first, with their time, what
//! changed and the manager's reason (editable in place), a search over them, and a button per
//! entry that brings back the plan as it was before that change.
//!
//! Actions: `search` (the search box), `reason|i` (the reason of entry `i`), `restore|i|when`
//! (the state before entry `i`, the change made at `when`).

use std::fmt::Write;

use super::html::{push_element, push_escaped};
use crate::core::changelog::{Change, MAX_REASON, matches, oldest_restorable};
use crate::i18n::{Catalogue, fill};

/// `2026-11-27T14:03:05+08:00` as `2026-11-27 14:03`: the time where it was recorded.
pub fn shown_time(at: &str) -> String {
    match (at.get(..10), at.get(11..16)) {
        (Some(day), Some(time)) => {
            let mut shown = day.to_string();
            shown.push(' ');
            shown.push_str(time);
            shown
        }
        _ => at.to_string(),
    }
}

/// The page: search box, explanation and the entries matching `query`.
pub fn change_log_html(t: &Catalogue, log: &[Change], query: &str) -> String {
    let mut out = String::from("<div class=\"log-head\">");
    push_element(&mut out, "h2", "", t.view_log);
    out.push_str("<input type=\"text\" id=\"log-search\" data-action=\"search\" placeholder=\"");
    push_escaped(&mut out, t.log_search);
    out.push_str("\" aria-label=\"");
    push_escaped(&mut out, t.log_search);
    out.push_str("\" value=\"");
    push_escaped(&mut out, query);
    out.push_str("\"></div>");
    let restorable = oldest_restorable(log);
    if log.is_empty() {
        push_element(
            &mut out,
            "p",
            "class=\"empty\" id=\"log-empty\"",
            t.log_empty,
        );
        return out;
    }
    let _ = write!(
        out,
        "<table class=\"log-table\" id=\"log-table\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th></th></tr></thead><tbody>",
        t.log_when, t.log_what, t.log_reason
    );
    let mut shown = 0;
    for (i, change) in log.iter().enumerate().rev() {
        if !matches(change, query) {
            continue;
        }
        shown += 1;
        let when = shown_time(&change.at);
        let _ = write!(out, "<tr data-entry=\"{i}\">");
        push_element(&mut out, "td", "class=\"log-when\"", &when);
        push_element(&mut out, "td", "class=\"log-what\"", &change.what);
        let _ = write!(
            out,
            "<td><input type=\"text\" class=\"log-reason\" data-action=\"reason|{i}\" maxlength=\"{MAX_REASON}\" placeholder=\"{0}\" aria-label=\"{0}\" value=\"",
            t.log_reason_hint
        );
        push_escaped(&mut out, &change.reason);
        out.push_str("\"></td><td>");
        if i >= restorable {
            let _ = write!(out, "<button class=\"btn\" data-action=\"restore|{i}|");
            push_escaped(&mut out, &when);
            out.push_str("\">");
            push_escaped(&mut out, t.log_restore);
            out.push_str("</button>");
        }
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table>");
    if shown == 0 {
        push_element(
            &mut out,
            "p",
            "class=\"empty\"",
            &fill(t.log_no_match, &[query.trim()]),
        );
    }
    if restorable > 0 {
        push_element(&mut out, "p", "class=\"note\"", t.log_unrestorable);
    }
    out
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
    fn entries_show_newest_first_with_time_what_and_reason_escaped() {
        let html = change_log_html(&EN, &log(), "");
        let newest = html.find("Region 6").unwrap();
        let older = html.find("Changsha").unwrap();
        assert!(newest < older, "newest first");
        assert!(
            html.contains("<td class=\"log-when\">2026-11-27 14:03</td>"),
            "{html}"
        );
        assert!(
            html.contains("&lt;b&gt;North&lt;/b&gt;"),
            "plan text is escaped"
        );
        assert!(html.contains("data-action=\"reason|1\""));
        assert!(html.contains("value=\"after the dealer meeting\""));
    }

    #[test]
    fn every_change_can_be_undone_back_to_the_state_before_it() {
        let html = change_log_html(&EN, &log(), "");
        assert!(
            html.contains("data-action=\"restore|2|2026-11-27 14:07\""),
            "{html}"
        );
        assert!(html.contains("data-action=\"restore|1|2026-11-27 14:03\""));
        assert!(
            html.contains("data-action=\"restore|0|2026-11-27 14:01\""),
            "the original"
        );
        assert!(!html.contains(EN.log_unrestorable));
    }

    #[test]
    fn states_past_a_dropped_patch_cannot_be_restored_and_say_so() {
        let mut log = log();
        log[1].undo = None;
        let html = change_log_html(&ZH, &log, "");
        assert!(html.contains("restore|2|"));
        assert!(!html.contains("restore|1|") && !html.contains("restore|0|"));
        assert!(html.contains(ZH.log_unrestorable));
    }

    #[test]
    fn search_keeps_the_matching_entries() {
        let html = change_log_html(&EN, &log(), "DEALER");
        assert!(html.contains("North"));
        assert!(!html.contains("Changsha") && !html.contains("Region 6"));
        let none = change_log_html(&EN, &log(), "Hengyang");
        assert!(
            none.contains(&fill(EN.log_no_match, &["Hengyang"])),
            "{none}"
        );
        assert!(change_log_html(&EN, &[], "").contains(EN.log_empty));
    }

    #[test]
    fn times_show_as_recorded_and_odd_ones_as_they_are() {
        assert_eq!(shown_time("2026-11-27T09:05:59-05:00"), "2026-11-27 09:05");
        assert_eq!(shown_time("yesterday"), "yesterday");
    }
}
