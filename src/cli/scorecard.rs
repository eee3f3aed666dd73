//! `planner scorecard PLAN.json`: the distributor ranking for a month (the latest with figures
//! unless `--month` names one), each measure's value and score, and the composite.

use std::io::Write;

use rust_decimal::Decimal;

use crate::core::execution::{ScoreMeasure, ScoreRow, score_months, scorecard};
use crate::core::period::YearMonth;

use super::csv::write_record;
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE, USAGE, read_plan};

pub const SCORECARD_HEADER: &str = "rank,distributor_id,name,month,\
completion,share,growth_mom,growth_yoy,profit_rate,price_violations,cross_territory,collection_days,\
completion_score,share_score,growth_score,profit_score,price_score,cross_territory_score,collection_score,\
composite";

pub const SCORECARD_USAGE: &str = "  planner scorecard PLAN.json [--month YYYY-MM]
                                         print the distributor ranking as CSV: each measure,
                                         its 0-100 score and the weighted composite";

/// Runs `scorecard` with the words after the command; returns the exit code.
pub fn run(words: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (plan, month) = match parse(words) {
        Ok(a) => a,
        Err(message) => {
            let _ = writeln!(err, "planner: {message}\n\n{USAGE}\n{SCORECARD_USAGE}");
            return EXIT_USAGE;
        }
    };
    let plan = match read_plan(&plan) {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "planner: {e}");
            return EXIT_FAILED;
        }
    };
    let Some(month) = month.or_else(|| score_months(&plan).last().copied()) else {
        let _ = writeln!(err, "planner: the plan has no distributor figures to score");
        return EXIT_FAILED;
    };
    match scorecard_csv(&scorecard(&plan, month), out).and_then(|()| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_FAILED,
        Err(e) => {
            let _ = writeln!(err, "planner: cannot write the output: {e}");
            EXIT_FAILED
        }
    }
}

fn parse(words: &[String]) -> Result<(String, Option<YearMonth>), String> {
    let mut positional = Vec::new();
    let mut month = None;
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
            "month" => return Err("--month is given twice".into()),
            _ => return Err(format!("unknown option --{name}")),
        }
    }
    match positional.as_slice() {
        [plan] => Ok((plan.clone(), month)),
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
