//! Names inside other text, isolated for display. A name may hold a right-to-left override
//! (U+202E) or other direction marks; shown inline, it would reorder the text after it
//! ("Changsha\u{202E} · 64.5 → 66" would read backwards from the mark). Screens show such text as [`Segment`]s and
//! put every isolated segment in its own `<bdi>`, whose direction stops at its edge.

/// A piece of text as shown: isolated (a name or a value) or not (the words around it).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Segment {
    pub text: String,
    pub isolate: bool,
}

impl Segment {
    fn plain(text: &str) -> Self {
        Segment {
            text: text.to_string(),
            isolate: false,
        }
    }

    fn isolated(text: &str) -> Self {
        Segment {
            text: text.to_string(),
            isolate: true,
        }
    }
}

/// Separators of a change-log entry (`Changsha · Market share (%): 64.5 → 66`): what lies
/// between them is a name, a label or a value.
const LOG_SEPARATORS: [&str; 3] = [" · ", ": ", " → "];

/// Quotation marks the catalogues put around names in sentences (`Plan “{}” deleted.`).
const QUOTES: [(char, char); 3] = [('“', '”'), ('「', '」'), ('《', '》')];

/// Whether `c` changes the direction of the text after it.
fn is_direction_mark(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// A change-log entry in pieces: every name, label and value isolated, the separators not.
pub fn log_entry(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some((at, sep)) = LOG_SEPARATORS
        .iter()
        .filter_map(|sep| rest.find(sep).map(|at| (at, *sep)))
        .min_by_key(|(at, _)| *at)
    {
        if at > 0 {
            out.push(Segment::isolated(&rest[..at]));
        }
        out.push(Segment::plain(sep));
        rest = &rest[at + sep.len()..];
    }
    if !rest.is_empty() {
        out.push(Segment::isolated(rest));
    }
    out
}

/// A sentence in pieces: what stands between quotation marks isolated, and any other piece
/// holding a direction mark isolated too (a name quoted with a quotation mark in it).
pub fn sentence(text: &str) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    let flush = |plain: &mut String, out: &mut Vec<Segment>| {
        if !plain.is_empty() {
            let isolate = plain.chars().any(is_direction_mark);
            out.push(Segment {
                text: std::mem::take(plain),
                isolate,
            });
        }
    };
    while let Some(c) = rest.chars().next() {
        let close = QUOTES.iter().find(|(open, _)| *open == c).map(|q| q.1);
        let inner_end = close.and_then(|close| {
            let inner = &rest[c.len_utf8()..];
            inner.find(close).map(|end| (inner, end, close))
        });
        match inner_end {
            Some((inner, end, close)) => {
                plain.push(c);
                flush(&mut plain, &mut out);
                if end > 0 {
                    out.push(Segment::isolated(&inner[..end]));
                }
                plain.push(close);
                rest = &inner[end + close.len_utf8()..];
            }
            None => {
                plain.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    flush(&mut plain, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| {
                if s.isolate {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn a_log_entry_isolates_each_name_label_and_value() {
        let entry = log_entry("Changsha\u{202E} · Market share (%): 64.5 → 66");
        assert_eq!(
            shown(&entry),
            "[Changsha\u{202E}] · [Market share (%)]: [64.5] → [66]"
        );
        assert_eq!(shown(&log_entry("Baseline")), "[Baseline]");
    }

    #[test]
    fn a_name_holding_a_separator_stays_inside_isolates() {
        // Split in the wrong place, every piece is still isolated: no direction mark leaks.
        let entry = log_entry("A · \u{202E}B · Name: x → y");
        assert!(
            entry
                .iter()
                .all(|s| s.isolate || !s.text.chars().any(is_direction_mark))
        );
        let text: String = entry.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(text, "A · \u{202E}B · Name: x → y", "nothing is lost");
    }

    #[test]
    fn a_sentence_isolates_what_is_quoted() {
        assert_eq!(
            shown(&sentence("Plan “Hunan\u{202E} 2027” deleted.")),
            "Plan “[Hunan\u{202E} 2027]” deleted."
        );
        assert_eq!(
            shown(&sentence("已删除计划“湖南”。")),
            "已删除计划“[湖南]”。"
        );
        assert_eq!(shown(&sentence("No names here.")), "No names here.");
    }

    #[test]
    fn a_direction_mark_outside_quotes_is_isolated_with_its_piece() {
        // A name holding a closing quotation mark ends the quote early; the rest of the name,
        // with its override, is still isolated.
        let parts = sentence("Plan “A” \u{202E}B” deleted.");
        for s in &parts {
            if s.text.contains('\u{202E}') {
                assert!(s.isolate, "{parts:?}");
            }
        }
    }
}
