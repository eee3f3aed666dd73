//! `planner diff A.json B.json`: what changed from A to B, one line per change (the item with
//! its name and id, the field, old → new), then the adopted scenario's targets that move.
//! Exit 0 when the plans hold the same, 1 when they differ, 2 when a file cannot be read.

use std::io::Write;

use crate::core::diff::diff;
use crate::core::lang::Lang;
use crate::view::plan_diff::{Words, diff_rows, targets_view};

use super::{EXIT_USAGE, USAGE, read_plan};

pub const DIFF_USAGE: &str =
    "  planner diff A.json B.json             print what changed from A to B, one line per change,
                                         then the adopted scenario's targets that move; exit 0
                                         when they hold the same, 1 when they differ, 2 when a
                                         file cannot be read";

/// Exit code when the plans differ.
pub const EXIT_DIFFERENT: i32 = 1;
/// Exit code when a file cannot be read (or the command line is wrong).
pub const EXIT_TROUBLE: i32 = 2;

pub fn run(words: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let [a, b] = match words {
        [a, b] if !a.starts_with("--") && !b.starts_with("--") => [a, b],
        [_, _, extra, ..] => return usage(err, &format!("unexpected argument '{extra}'")),
        _ => return usage(err, "diff needs two plan files"),
    };
    let (old, new) = match (read_plan(a), read_plan(b)) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(e), _) | (_, Err(e)) => {
            let _ = writeln!(err, "planner: {e}");
            return EXIT_TROUBLE;
        }
    };
    let d = diff(&old, &new);
    let w = Words::new(Lang::En);
    let mut text = String::new();
    for row in diff_rows(w, &d) {
        text.push_str(&row.line());
        text.push('\n');
    }
    let targets = targets_view(w, &d.targets);
    if !targets.rows.is_empty() || !targets.problems.is_empty() {
        text.push_str(&format!("\n{}:\n", w.m.targets_title));
        if let Some(s) = &targets.scenario {
            text.push_str(&format!("  {s}\n"));
        }
        for p in &targets.problems {
            text.push_str(&format!("  {p}\n"));
        }
        for r in &targets.rows {
            text.push_str(&format!(
                "  {} · {}: {} → {} ({}); {}: {} → {} ({})\n",
                r.item,
                w.t.measure_amount,
                r.amount[0],
                r.amount[1],
                r.amount[2],
                w.t.measure_quantity,
                r.quantity[0],
                r.quantity[1],
                r.quantity[2],
            ));
        }
    }
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(err, "planner: cannot write the output: {e}");
        return EXIT_TROUBLE;
    }
    if d.is_empty() { 0 } else { EXIT_DIFFERENT }
}

fn usage(err: &mut dyn Write, message: &str) -> i32 {
    let _ = writeln!(err, "planner: {message}\n\n{USAGE}\n{DIFF_USAGE}");
    EXIT_USAGE
}
