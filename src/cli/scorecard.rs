//! `planner scorecard PLAN.json`: the distributor ranking for a month (the latest with figures
//! unless `--month` names one), each measure's value and score, and the composite. With
//! `--figures FILE.csv` the file's figures are applied over the plan's own (the plan file is not
//! changed) and the month defaults to the file's latest; a file with any problem prints nothing
//! but the problems, line by line, on stderr. Sales share and growth are on the plan's basis
//! (volume unless the plan chose amount); `--on volume|amount` chooses for this run. A
//! distributor with amounts but no volume typed is scored on amount, with a note on stderr.

use std::io::Write;

use rust_decimal::Decimal;

use crate::core::execution::{
    ScoreBasis, ScoreMeasure, ScoreRow, apply_score_figures, parse_score_figures, score_months,
    scorecard,
};
use crate::core::model::Plan;
use crate::core::period::YearMonth;

use super::csv::write_record;
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE, USAGE, read_plan};

pub const SCORECARD_HEADER: &str = "rank,distributor_id,name,month,\
completion,share,growth_mom,growth_yoy,profit_rate,price_violations,cross_territory,collection_days,\
completion_score,share_score,growth_score,profit_score,price_score,cross_territory_score,collection_score,\
composite";

pub const SCORECARD_USAGE: &str =
    "  planner scorecard PLAN.json [--month YYYY-MM] [--figures FIGURES.csv] [--on volume|amount]
                                         print the distributor ranking as CSV: each measure,
                                         its 0-100 score and the weighted composite; --figures
                                         applies a file of distributors' figures first; --on
                                         computes sales share and growth on volume or amount";

/// Runs `scorecard` with the words after the command; returns the exit code.
pub fn run(words: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let args = match parse(words) {
        Ok(a) => a,
        Err(message) => {
            let _ = writeln!(err, "planner: {message}\n\n{USAGE}\n{SCORECARD_USAGE}");
            return EXIT_USAGE;
        }
    };
    match score(&args, out) {
        Ok(notes) => {
            for n in notes {
                let _ = writeln!(err, "planner: note: {n}");
            }
            EXIT_OK
        }
        Err(messages) => {
            for m in messages {
                let _ = writeln!(err, "planner: {m}");
            }
            EXIT_FAILED
        }
    }
}

struct Args {
    plan: String,
    month: Option<YearMonth>,
    figures: Option<String>,
    on: Option<ScoreBasis>,
}

/// Prints the ranking and returns the notes for stderr (the distributors scored on amount for
/// want of volumes); otherwise the lines to print on stderr (none when the reader of the output
/// went away).
fn score(args: &Args, out: &mut dyn Write) -> Result<Vec<String>, Vec<String>> {
    let mut plan = read_plan(&args.plan).map_err(|e| vec![e.to_string()])?;
    if let Some(on) = args.on {
        plan.execution.settings.score_basis = on;
    }
    let file_month = match &args.figures {
        Some(file) => apply_file(&mut plan, file)?,
        None => None,
    };
    let latest = || score_months(&plan).last().copied();
    let Some(month) = args.month.or(file_month).or_else(latest) else {
        return Err(vec!["the plan has no distributor figures to score".into()]);
    };
    let rows = scorecard(&plan, month);
    let chosen = plan.execution.settings.score_basis;
    let notes = rows
        .iter()
        .filter(|r| r.on != chosen)
        .map(|r| {
            format!(
                "no volume typed for {} ({}) in {month}: sales share and growth on amount",
                r.name, r.customer
            )
        })
        .collect();
    match scorecard_csv(&rows, out).and_then(|()| out.flush()) {
        Ok(()) => Ok(notes),
        // A reader that stopped early (`planner … | head`) is not worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Vec::new()),
        Err(e) => Err(vec![format!("cannot write the output: {e}")]),
    }
}

/// Applies a figures file to the plan in memory; returns the latest month it covers.
fn apply_file(plan: &mut Plan, file: &str) -> Result<Option<YearMonth>, Vec<String>> {
    let bytes = std::fs::read(file).map_err(|e| vec![format!("cannot read {file}: {e}")])?;
    let preview = parse_score_figures(plan, &bytes);
    if !preview.problems.is_empty() {
        let mut messages: Vec<String> = preview
            .problems
            .iter()
            .map(|p| format!("{file}: {p}"))
            .collect();
        messages.push(format!(
            "{file} has {} problem(s); nothing was scored",
            preview.problems.len()
        ));
        return Err(messages);
    }
    apply_score_figures(plan, &preview, false).map_err(|e| vec![format!("{file}: {e}")])?;
    Ok(preview.months().last().copied())
}

fn parse(words: &[String]) -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut month = None;
    let mut figures = None;
    let mut on = None;
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
            "month" if month.is_none() => {
                month = Some(
                    value
                        .parse::<YearMonth>()
                        .map_err(|e| format!("--month: {e}"))?,
                )
            }
            "figures" if figures.is_none() => figures = Some(value),
            "on" if on.is_none() => {
                on = Some(
                    ScoreBasis::from_key(&value)
                        .ok_or_else(|| format!("--on takes volume or amount, not '{value}'"))?,
                )
            }
            "month" | "figures" | "on" => return Err(format!("--{name} is given twice")),
            _ => return Err(format!("unknown option --{name}")),
        }
    }
    match positional.as_slice() {
        [plan] => Ok(Args {
            plan: plan.clone(),
            month,
            figures,
            on,
        }),
        [] => Err("scorecard needs a plan file".into()),
        [_, extra, ..] => Err(format!("unexpected argument '{extra}'")),
    }
}

/// The ranking, best first; ratios to 4 decimal places, scores to 2, empty where undefined.
pub fn scorecard_csv(rows: &[ScoreRow], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{SCORECARD_HEADER}")?;
    let opt = |v: Option<Decimal>, dp: u32| v.map_or(String::new(), |d| plain(d.round_dp(dp)));
    for r in rows {
        let m = |k: ScoreMeasure| &r.measures[k.index()];
        let mut fields = vec![
            r.rank.map_or(String::new(), |k| k.to_string()),
            r.customer.clone(),
            r.name.clone(),
            r.month.to_string(),
            opt(m(ScoreMeasure::Completion).value, 4),
            opt(m(ScoreMeasure::Share).value, 4),
            opt(r.growth_mom, 4),
            opt(r.growth_yoy, 4),
            opt(m(ScoreMeasure::Profit).value, 4),
            opt(m(ScoreMeasure::Price).value, 0),
            opt(m(ScoreMeasure::CrossTerritory).value, 0),
            opt(m(ScoreMeasure::Collection).value, 2),
        ];
        fields.extend(ScoreMeasure::ALL.iter().map(|&k| opt(m(k).score, 2)));
        fields.push(opt(r.composite, 2));
        let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
        write_record(out, &refs)?;
    }
    Ok(())
}

fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}
