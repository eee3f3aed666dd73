//! The plan's change log (变更记录): every change to the plan, when it was made, what it was,
//! and the reason the manager gave ("north gets +5% after the dealer meeting").
//!
//! The log is part of the plan ([`Plan::change_log`]), so it is saved, exported and imported
//! with it. Each entry can also bring back the plan as it was: it keeps a *restore patch*, the
//! few [`Hunk`]s of text that turn the plan's JSON after the change back into the JSON before
//! it. The JSON meant is the plan's compact JSON without its log and with a fixed id
//! ([`json_without_log`]).
//! Applying the patches of the newer entries, newest first, to the current JSON gives any
//! earlier state exactly ([`state_at`]).
//!
//! The log is bounded: it keeps the newest [`MAX_ENTRIES`] entries, and the patches of the
//! newest entries up to [`MAX_PATCH_BYTES`] in all; older entries keep what, when and why, but
//! their states can no longer be restored.

use super::format::write_plan;
use super::model::Plan;

/// The most entries a log keeps; older ones are dropped.
pub const MAX_ENTRIES: usize = 500;

/// The most bytes of restore patches a log keeps, counted from the newest entry; older entries
/// lose their patch (they stay listed, but their state can no longer be restored).
pub const MAX_PATCH_BYTES: usize = 1_000_000;

/// Longest reason, in characters.
pub const MAX_REASON: usize = 500;

/// Longest old or new value quoted in a description, in characters.
const QUOTE_CHARS: usize = 60;

/// Below this size (bytes) a changed span is kept as one hunk rather than split further.
const SPLIT_BYTES: usize = 2048;

/// Bytes of the text compared to line two changed spans up.
const ANCHOR_BYTES: usize = 48;

/// One change of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// When: local date and time with its UTC offset (ISO 8601), `2026-11-27T14:03:05+08:00`.
    pub at: String,
    /// What changed, in the language the manager used at the time.
    pub what: String,
    /// Why, as the manager wrote it.
    pub reason: String,
    /// The restore patch: turns the plan's JSON after this change into the JSON before it.
    /// `None` once the log's patch budget no longer covers it.
    pub undo: Option<Vec<Hunk>>,
}

/// A replacement in a text: at byte `.0`, `.1` bytes are replaced by the text `.2`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hunk(pub usize, pub usize, pub String);

/// How the log is written in the plan's JSON: one string per entry, its lines the time, what
/// changed, the reason (an empty line when none) and, while kept, the restore patch:
/// `"2026-11-27T14:03:05+08:00\nChangsha · Market share (%): 64.5 → 66\nafter the dealer meeting\n1207,2,4:64.5"`.
/// The patch is its hunks one after another, each `AT,LENGTH,N:TEXT`: at byte `AT` of the
/// text, `LENGTH` bytes are replaced by `TEXT`, which is `N` bytes long. (Strings, like the
/// execution's records, read and write with code the plan already has, which keeps the wasm
/// small.)
pub mod stored {
    use std::fmt::Write;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Change, Hunk};

    pub fn serialize<S: Serializer>(log: &[Change], s: S) -> Result<S::Ok, S::Error> {
        log.iter().map(write).collect::<Vec<String>>().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Change>, D::Error> {
        let mut log = Vec::new();
        for text in Vec::<String>::deserialize(d)? {
            let Some(change) = read(&text) else {
                return Err(serde::de::Error::custom("damaged change_log entry"));
            };
            log.push(change);
        }
        Ok(log)
    }

    fn write(c: &Change) -> String {
        let mut text = format!("{}\n{}\n{}", c.at, c.what, c.reason);
        if let Some(undo) = &c.undo {
            text.push('\n');
            for Hunk(at, cut, insert) in undo {
                let _ = write!(text, "{at},{cut},{}:{insert}", insert.len());
            }
        }
        text
    }

    fn read(text: &str) -> Option<Change> {
        // The patch is compact JSON text, which has no line breaks of its own.
        let mut lines = text.split('\n');
        let (Some(at), Some(what), Some(reason)) = (lines.next(), lines.next(), lines.next())
        else {
            return None;
        };
        let undo = match (lines.next(), lines.next()) {
            (Some(patch), None) => Some(read_hunks(patch)?),
            (None, _) => None,
            _ => return None,
        };
        Some(Change {
            at: at.to_string(),
            what: what.to_string(),
            reason: reason.to_string(),
            undo,
        })
    }

    fn read_hunks(mut text: &str) -> Option<Vec<Hunk>> {
        let mut hunks = Vec::new();
        while !text.is_empty() {
            let (head, rest) = text.split_once(':')?;
            let mut numbers = head.split(',').map(|n| n.parse::<usize>().ok());
            let (Some(Some(at)), Some(Some(cut)), Some(Some(n)), None) = (
                numbers.next(),
                numbers.next(),
                numbers.next(),
                numbers.next(),
            ) else {
                return None;
            };
            hunks.push(Hunk(at, cut, rest.get(..n)?.to_string()));
            text = &rest[n..];
        }
        Some(hunks)
    }
}

/// Text kept on one line (what changed and reasons are lines of the stored entry).
fn one_line(text: &str) -> String {
    text.trim().replace('\n', " · ")
}

/// The first `n` characters of `text`.
fn first_chars(text: &str, n: usize) -> &str {
    for (count, (i, _)) in text.char_indices().enumerate() {
        if count == n {
            return &text[..i];
        }
    }
    text
}

/// The plan's id in the text restore patches apply to: a plan keeps its log when it gets a
/// new id (imported as a copy, duplicated).
pub const ID_IN_PATCHES: &str = "_";

/// The text restore patches apply to: the plan's compact JSON without its change log, with
/// the id [`ID_IN_PATCHES`].
pub fn json_without_log(plan: &mut Plan) -> String {
    let log = std::mem::take(&mut plan.change_log);
    let id = std::mem::replace(&mut plan.id, ID_IN_PATCHES.to_string());
    let json = write_plan(plan);
    plan.id = id;
    plan.change_log = log;
    json
}

/// The plan's text as [`write_plan`] writes it, made from `without_log`, the text
/// [`json_without_log`] wrote of it: the id put back and the log added (the id comes second
/// and the log last in a plan's JSON). A save of a large plan then writes its JSON once, not
/// twice. `None` when `without_log` is not laid out so (the caller writes the plan instead).
pub fn with_log(without_log: &str, plan: &Plan) -> Option<String> {
    #[derive(serde::Serialize)]
    struct LogOnly<'a> {
        #[serde(serialize_with = "stored::serialize")]
        change_log: &'a [Change],
    }
    let head = |id: &str| {
        let id = serde_json::to_string(id).ok()?;
        Some(format!(
            r#"{{"format_version":{},"id":{id},"#,
            plan.format_version
        ))
    };
    let rest = without_log.strip_prefix(&head(ID_IN_PATCHES)?)?;
    let mut text = head(&plan.id)?;
    if plan.change_log.is_empty() {
        text.reserve(rest.len());
        text.push_str(rest);
    } else {
        let fields = rest.strip_suffix('}')?;
        let log = serde_json::to_string(&LogOnly {
            change_log: &plan.change_log,
        })
        .ok()?;
        text.reserve(fields.len() + log.len());
        text.push_str(fields);
        text.push(',');
        text.push_str(log.strip_prefix('{')?);
    }
    Some(text)
}

/// What changed in a text, to be made again on that text only: its length before, and each
/// changed stretch as (byte offset, the text there before, the text now), in order. (A save
/// left for the next start in local storage, where the whole text of a big plan has no room.)
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TextChanges {
    len: usize,
    hunks: Vec<(usize, String, String)>,
}

impl TextChanges {
    /// The changes that turn `before` into `after`.
    pub fn between(before: &str, after: &str) -> Option<Self> {
        let hunks = diff(before, after)
            .into_iter()
            .map(|Hunk(at, cut, new)| Some((at, before.get(at..at + cut)?.to_string(), new)))
            .collect::<Option<_>>()?;
        Some(TextChanges {
            len: before.len(),
            hunks,
        })
    }

    /// `before` with the changes made, if it is the text they were taken from (its length and
    /// every changed stretch as they were).
    pub fn apply(&self, before: &str) -> Option<String> {
        let fits = before.len() == self.len
            && self
                .hunks
                .iter()
                .all(|(at, old, _)| before.get(*at..at + old.len()) == Some(old.as_str()));
        if !fits {
            return None;
        }
        let hunks: Vec<Hunk> = self
            .hunks
            .iter()
            .map(|(at, old, new)| Hunk(*at, old.len(), new.clone()))
            .collect();
        apply(before, &hunks)
    }
}

/// The hunks that turn `from` into `to`, in ascending order of position in `from`. Both texts
/// are cut only between characters.
pub fn diff(from: &str, to: &str) -> Vec<Hunk> {
    let mut hunks = Vec::new();
    diff_into(from, to, 0, &mut hunks);
    hunks
}

fn diff_into(a: &str, b: &str, base: usize, out: &mut Vec<Hunk>) {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let mut p = x
        .iter()
        .zip(y)
        .position(|(u, v)| u != v)
        .unwrap_or(x.len().min(y.len()));
    while !a.is_char_boundary(p) {
        p -= 1;
    }
    let (a, b) = (&a[p..], &b[p..]);
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let mut s = x
        .iter()
        .rev()
        .zip(y.iter().rev())
        .position(|(u, v)| u != v)
        .unwrap_or(x.len().min(y.len()));
    while !a.is_char_boundary(a.len() - s) {
        s -= 1;
    }
    let (a, b) = (&a[..a.len() - s], &b[..b.len() - s]);
    if a.is_empty() && b.is_empty() {
        return;
    }
    // Two changes far apart (a node and its locks): split at a stretch of text both share, so
    // the patch holds the changes and not everything between them.
    if a.len().min(b.len()) > SPLIT_BYTES
        && let Some((i, j)) = anchor(a, b)
    {
        diff_into(&a[..i], &b[..j], base + p, out);
        let n = ANCHOR_BYTES;
        diff_into(&a[i + n..], &b[j + n..], base + p + i + n, out);
        return;
    }
    out.push(Hunk(base + p, a.len(), b.to_string()));
}

/// A stretch of `ANCHOR_BYTES` at `i` in `a` and `j` in `b` that is the same in both and found
/// only once near where it is expected in `a`.
fn anchor(a: &str, b: &str) -> Option<(usize, usize)> {
    let shift = a.len().abs_diff(b.len()) + SPLIT_BYTES;
    for eighth in [4, 2, 6, 1, 3, 5, 7] {
        let mut j = b.len() * eighth / 8;
        while !b.is_char_boundary(j) {
            j += 1;
        }
        let mut end = (j + ANCHOR_BYTES).min(b.len());
        while !b.is_char_boundary(end) {
            end += 1;
        }
        let window = &b[j..end];
        if window.len() != ANCHOR_BYTES {
            continue;
        }
        let mut lo = j.saturating_sub(shift);
        while !a.is_char_boundary(lo) {
            lo -= 1;
        }
        let mut hi = (j + shift + ANCHOR_BYTES).min(a.len());
        while !a.is_char_boundary(hi) {
            hi += 1;
        }
        let near = &a[lo..hi];
        if let Some(k) = near.find(window)
            && !near[k + ANCHOR_BYTES..].contains(window)
        {
            return Some((lo + k, j));
        }
    }
    None
}

/// `text` with the hunks applied; `None` if they do not fit it (out of order, past its end, or
/// cutting a character).
pub fn apply(text: &str, hunks: &[Hunk]) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for Hunk(at, cut, insert) in hunks {
        let end = at.checked_add(*cut)?;
        out.push_str(text.get(done..*at)?);
        text.get(*at..end)?;
        out.push_str(insert);
        done = end;
    }
    out.push_str(text.get(done..)?);
    Some(out)
}

/// Adds an entry for a change from `before` to `after` (the plan's JSON without its log) and
/// keeps the log within its bounds.
pub fn record(log: &mut Vec<Change>, at: String, what: String, before: &str, after: &str) {
    log.push(Change {
        at: one_line(&at),
        what: one_line(&what),
        reason: String::new(),
        undo: Some(diff(after, before)),
    });
    bound(log);
}

/// Adds an entry whose restore patch is not known yet (it is computed once the screen shows
/// the change, with [`set_newest_patch`]); until then the entry cannot restore its state.
pub fn record_unpatched(log: &mut Vec<Change>, at: String, what: String) {
    log.push(Change {
        at: one_line(&at),
        what: one_line(&what),
        reason: String::new(),
        undo: None,
    });
    bound(log);
}

/// Gives the newest entry its restore patch: from `after` (the JSON after its change) back to
/// `before`; and keeps the log within its bounds.
pub fn set_newest_patch(log: &mut Vec<Change>, before: &str, after: &str) {
    if let Some(last) = log.last_mut() {
        last.undo = Some(diff(after, before));
    }
    bound(log);
}

/// Folds a further step of the same gesture (dragging a slider) into the newest entry: it now
/// leads from the state before the gesture to `after`. `before` is the JSON before this step.
pub fn amend_last(log: &mut [Change], what: String, before: &str, after: &str) {
    let Some(last) = log.last_mut() else { return };
    last.what = one_line(&what);
    last.undo = last
        .undo
        .as_deref()
        .and_then(|undo| apply(before, undo))
        .map(|start| diff(after, &start));
}

/// Drops the oldest entries beyond [`MAX_ENTRIES`], and the patches of the oldest entries
/// beyond [`MAX_PATCH_BYTES`].
pub fn bound(log: &mut Vec<Change>) {
    if log.len() > MAX_ENTRIES {
        log.drain(..log.len() - MAX_ENTRIES);
    }
    let mut total = 0usize;
    for change in log.iter_mut().rev() {
        if let Some(undo) = &change.undo {
            total += undo.iter().map(|h| h.2.len() + 16).sum::<usize>();
            if total > MAX_PATCH_BYTES {
                change.undo = None;
            }
        }
    }
}

/// The oldest state the log can bring back: the number of entries the log had then. (Every
/// entry after it keeps its patch.)
pub fn oldest_restorable(log: &[Change]) -> usize {
    log.iter()
        .rposition(|c| c.undo.is_none())
        .map_or(0, |i| i + 1)
}

/// The plan's JSON (without log) when the log had its first `keep` entries, from `current`,
/// the JSON now. `None` if a patch is missing or does not fit.
pub fn state_at(log: &[Change], keep: usize, current: &str) -> Option<String> {
    let mut text = current.to_string();
    for change in log.get(keep..)?.iter().rev() {
        text = apply(&text, change.undo.as_deref()?)?;
    }
    Some(text)
}

/// Sets the reason of entry `index` (on one line, cut to [`MAX_REASON`] characters). Returns
/// whether it changed.
pub fn set_reason(log: &mut [Change], index: usize, text: &str) -> bool {
    let reason = first_chars(&one_line(text), MAX_REASON).to_string();
    match log.get_mut(index) {
        Some(c) if c.reason != reason => {
            c.reason = reason;
            true
        }
        _ => false,
    }
}

/// Keeps the reasons written in `from` for the same entries of `into` (when undo brings back
/// an older copy of the log, reasons written since stay).
pub fn carry_reasons(from: &[Change], into: &mut [Change]) {
    for (a, b) in from.iter().zip(into.iter_mut()) {
        if a.at != b.at || a.what != b.what {
            break;
        }
        b.reason.clone_from(&a.reason);
    }
}

/// What a field edit did: `subject · label: old → new` (subject and old left out when empty,
/// an emptied value shown as `—`, long values cut).
pub fn describe(subject: &str, label: &str, old: &str, new: &str) -> String {
    let mut out = String::new();
    if !subject.is_empty() {
        out.push_str(subject);
        out.push_str(" · ");
    }
    out.push_str(label);
    if old.is_empty() && new.is_empty() {
        return out;
    }
    out.push_str(": ");
    if !old.is_empty() {
        out.push_str(&quote(old));
        out.push_str(" → ");
    }
    let new = quote(new);
    out.push_str(if new.is_empty() { "—" } else { &new });
    out
}

/// A value on one line, cut to [`QUOTE_CHARS`] characters.
fn quote(text: &str) -> String {
    let mut line = one_line(text);
    let cut = first_chars(&line, QUOTE_CHARS).len();
    if cut < line.len() {
        line.truncate(cut);
        line.push('…');
    }
    line
}

/// Whether `query` is in the entry's time, what or reason (ASCII letters in any case).
pub fn matches(change: &Change, query: &str) -> bool {
    let query = query.trim().to_ascii_lowercase();
    [&change.at, &change.what, &change.reason]
        .iter()
        .any(|text| text.to_ascii_lowercase().contains(&query))
}

#[cfg(test)]
mod tests;
