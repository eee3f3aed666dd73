//! `planner shares PLAN.json [--file SHARES.csv]`: each region's market share during the year
//! under the adopted scenario — its tier, target share, latest share recorded, completion and
//! the tier the latest share would give when it has crossed a threshold. With `--file` the
//! file's shares are applied over the plan's own (the plan file is not changed); a file with
//! any problem prints nothing but the problems, line by line, on stderr.

use std::io::Write;

use rust_decimal::Decimal;

use crate::core::execution::{ShareRow, apply_shares, parse_shares, share_report};
use crate::core::model::Plan;

use super::csv::write_record;
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE, USAGE, read_plan};

pub const SHARES_HEADER: &str =
    "region_id,name,tier,planned_share,target_share,latest_month,latest_share,completion,drift";

pub const SHARES_USAGE: &str = "  planner shares PLAN.json [--file SHARES.csv]
                                         print each region's market share as CSV: target,
                                         latest recorded, completion and a tier drift; --file
                                         applies a file of shares (region_id,month,share) first";

/// Runs `shares` with the words after the command; returns the exit code.
pub fn run(words: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (plan, file) = match parse(words) {
        Ok(a) => a,
        Err(message) => {
            let _ = writeln!(err, "planner: {message}\n\n{USAGE}\n{SHARES_USAGE}");
            return EXIT_USAGE;
        }
    };
    match shares(&plan, file.as_deref(), out) {
        Ok(()) => EXIT_OK,
        Err(messages) => {
            for m in messages {
                let _ = writeln!(err, "planner: {m}");
            }
            EXIT_FAILED
        }
    }
}

fn shares(plan: &str, file: Option<&str>, out: &mut dyn Write) -> Result<(), Vec<String>> {
    let mut plan = read_plan(plan).map_err(|e| vec![e.to_string()])?;
    if let Some(file) = file {
        apply_file(&mut plan, file)?;
    }
    let Some(scenario) = plan.adopted() else {
        return Err(vec!["the plan has no adopted scenario".into()]);
    };
    match shares_csv(&share_report(&plan, scenario), out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A reader that stopped early (`planner … | head`) is not worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Vec::new()),
        Err(e) => Err(vec![format!("cannot write the output: {e}")]),
    }
}

/// Applies a shares file to the plan in memory.
fn apply_file(plan: &mut Plan, file: &str) -> Result<(), Vec<String>> {
    let bytes = std::fs::read(file).map_err(|e| vec![format!("cannot read {file}: {e}")])?;
    let preview = parse_shares(plan, &bytes);
    if !preview.problems.is_empty() {
        let mut messages: Vec<String> = preview
            .problems
            .iter()
            .map(|p| format!("{file}: {p}"))
            .collect();
        messages.push(format!(
            "{file} has {} problem(s); nothing was applied",
            preview.problems.len()
        ));
        return Err(messages);
    }
    apply_shares(plan, &preview, false).map_err(|e| vec![format!("{file}: {e}")])?;
    Ok(())
}

fn parse(words: &[String]) -> Result<(String, Option<String>), String> {
    let mut positional = Vec::new();
    let mut file = None;
    let mut rest = words.iter();
    while let Some(word) = rest.next() {
        let Some(option) = word.strip_prefix("--") else {
            positional.push(word.clone());
            continue;
        };
        let (name, value) = match option.split_once('=') {
            Some((n, v)) => (n, v.to_string()),
            None => (
                option,
                rest.next()
                    .ok_or_else(|| format!("--{option} needs a value"))?
                    .clone(),
            ),
        };
        match name {
            "file" if file.is_none() => file = Some(value),
            "file" => return Err("--file is given twice".into()),
            _ => return Err(format!("unknown option --{name}")),
        }
    }
    match positional.as_slice() {
        [plan] => Ok((plan.clone(), file)),
        [] => Err("shares needs a plan file".into()),
        [_, extra, ..] => Err(format!("unexpected argument '{extra}'")),
    }
}

/// One line per region in the plan's order; shares in percent, completion to 4 places, empty
/// where undefined.
pub fn shares_csv(rows: &[ShareRow], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{SHARES_HEADER}")?;
    let plain = |d: Decimal| d.normalize().to_string();
    let opt = |v: Option<Decimal>| v.map_or(String::new(), plain);
    for r in rows {
        let fields = [
            r.id.clone(),
            r.name.clone(),
            r.tier.key().to_string(),
            plain(r.planned_share),
            opt(r.target),
            r.latest.map_or(String::new(), |(m, _)| m.to_string()),
            opt(r.latest.map(|(_, s)| s)),
            opt(r.completion.map(|c| c.round_dp(4))),
            r.drift.map_or(String::new(), |t| t.key().to_string()),
        ];
        let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
        write_record(out, &refs)?;
    }
    Ok(())
}
