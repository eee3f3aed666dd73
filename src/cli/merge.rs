//! `planner merge BASE.json MINE.json THEIRS.json [-o OUT.json] [--take mine|theirs]`: THEIRS's
//! changes since BASE merged into MINE. Without a collision the merged plan is written (to OUT,
//! else to standard output) and the exit status is 0. When something collides nothing is
//! written: each collision is one line on standard error naming the item, the field and the
//! three values, and the exit status is 1; `--take` settles every collision one way. Files that
//! cannot be read, or that are not of one plan, give a reason and exit status 2.

use std::io::Write;

use crate::core::changelog::{json_without_log, record};
use crate::core::format::write_plan_pretty;
use crate::core::lang::Lang;
use crate::core::merge::{Choice, check_base, merge3};
use crate::core::model::Plan;
use crate::i18n::fill;
use crate::view::merge_flow::copy_reasons;
use crate::view::merge_view::collision_rows;
use crate::view::plan_diff::Words;

use super::{EXIT_USAGE, USAGE, read_plan};

pub const MERGE_USAGE: &str =
    "  planner merge BASE.json MINE.json THEIRS.json [-o OUT.json] [--take mine|theirs]
                                         merge THEIRS's changes since BASE into MINE and print
                                         (or write to OUT) the merged plan; when something
                                         collides, list each collision on stderr, write nothing
                                         and exit 1; --take settles every collision one way";

/// Exit code when something collides.
pub const EXIT_COLLISIONS: i32 = 1;
/// Exit code when a file cannot be read or the files are not of one plan.
pub const EXIT_TROUBLE: i32 = 2;

struct Args {
    base: String,
    mine: String,
    theirs: String,
    out: Option<String>,
    take: Option<Choice>,
}

fn parse(words: &[String]) -> Result<Args, String> {
    let mut files = Vec::new();
    let (mut out, mut take) = (None, None);
    let mut rest = words.iter();
    while let Some(word) = rest.next() {
        let (name, inline) = match word.split_once('=') {
            Some((n, v)) if n.starts_with('-') => (n, Some(v.to_string())),
            _ => (word.as_str(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| rest.next().cloned())
                .ok_or_else(|| format!("{what} needs a value"))
        };
        match name {
            "-o" | "--out" => {
                if out.replace(value(name)?).is_some() {
                    return Err(format!("{name} is given twice"));
                }
            }
            "--take" => {
                let choice = match value(name)?.as_str() {
                    "mine" => Choice::Mine,
                    "theirs" => Choice::Theirs,
                    other => return Err(format!("--take takes mine or theirs, not '{other}'")),
                };
                if take.replace(choice).is_some() {
                    return Err("--take is given twice".into());
                }
            }
            n if n.starts_with('-') && n.len() > 1 => return Err(format!("unknown option {n}")),
            _ => files.push(word.clone()),
        }
    }
    match <[String; 3]>::try_from(files) {
        Ok([base, mine, theirs]) => Ok(Args {
            base,
            mine,
            theirs,
            out,
            take,
        }),
        Err(f) if f.len() > 3 => Err(format!("unexpected argument '{}'", f[3])),
        Err(_) => Err("merge needs three plan files: BASE MINE THEIRS".into()),
    }
}

pub fn run(words: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let args = match parse(words) {
        Ok(a) => a,
        Err(message) => {
            let _ = writeln!(err, "planner: {message}\n\n{USAGE}\n{MERGE_USAGE}");
            return EXIT_USAGE;
        }
    };
    match merge(&args, out, err) {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(err, "planner: {message}");
            EXIT_TROUBLE
        }
    }
}

fn merge(args: &Args, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, String> {
    let read = |path: &str| read_plan(path).map_err(|e| e.to_string());
    let (base, mine, theirs) = (read(&args.base)?, read(&args.mine)?, read(&args.theirs)?);
    let relation = |path: &str, copy: &Plan| {
        check_base(&base, copy).map_err(|e| format!("{path}: {e} (base {})", args.base))
    };
    relation(&args.mine, &mine)?;
    let since = relation(&args.theirs, &theirs)?;
    let m = merge3(&base, &mine, &theirs);
    let w = Words::new(Lang::En);
    if !m.collisions.is_empty() && args.take.is_none() {
        for row in collision_rows(w, &args.theirs, &m, 0) {
            let _ = writeln!(err, "{}", row.line());
        }
        let _ = writeln!(
            err,
            "planner: {} collision(s); nothing written (settle them in the app, or use --take mine|theirs)",
            m.collisions.len()
        );
        return Ok(EXIT_COLLISIONS);
    }
    let choices = vec![args.take.clone().unwrap_or(Choice::Mine); m.collisions.len()];
    let mut merged = m.resolve(&choices).map_err(|e| e.to_string())?;
    let counts = (m.theirs_changes.len(), m.collisions.len());
    log_merge(&mut merged, &mine, &theirs, since, &args.theirs, counts);
    let text = write_plan_pretty(&merged);
    match &args.out {
        Some(path) => std::fs::write(path, format!("{text}\n"))
            .map_err(|e| format!("cannot write {path}: {e}"))?,
        None => {
            if let Err(e) = writeln!(out, "{text}").and_then(|()| out.flush())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(format!("cannot write the output: {e}"));
            }
        }
    }
    Ok(0)
}

/// Records the merge in the merged plan's change log, with the reasons written in the copy.
fn log_merge(
    merged: &mut Plan,
    mine: &Plan,
    theirs: &Plan,
    since: usize,
    file: &str,
    (changes, settled): (usize, usize),
) {
    if merged == mine {
        return;
    }
    let name = std::path::Path::new(file)
        .file_name()
        .map_or(file.to_string(), |n| n.to_string_lossy().into_owned());
    let m = Words::new(Lang::En).m;
    let what = fill(
        m.merged_log,
        &[&name, &changes.to_string(), &settled.to_string()],
    );
    let mut before = mine.clone();
    let before = json_without_log(&mut before);
    let after = json_without_log(merged);
    record(&mut merged.change_log, now_utc(), what, &before, &after);
    let reasons = copy_reasons(theirs, since);
    if !reasons.is_empty() {
        let index = merged.change_log.len() - 1;
        crate::core::changelog::set_reason(
            &mut merged.change_log,
            index,
            &format!("{name}: {}", reasons.join("; ")),
        );
    }
}

/// The time now in UTC, as the change log writes times.
fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%S+00:00").to_string())
        .unwrap_or_default()
}
