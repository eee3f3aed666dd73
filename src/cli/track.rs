//! `planner track PLAN.json ACTUALS.csv`: completion and pace of every node of the adopted
//! scenario, with the actuals file applied over the plan's own (the plan file is not changed).
//! A file with any problem prints nothing but the problems, line by line, on stderr.

use std::io::Write;

use rust_decimal::Decimal;

use crate::core::breakdown::{Breakdown, collections, compute, node_name};
use crate::core::execution::{Goal, Tracking, apply_actuals, parse_actuals};
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::scenario::Measure;

use super::args::split_words;
use super::csv::write_record;
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE, USAGE, read_plan};

pub const TRACK_HEADER: &str = "level,id,name,period,target,actual,completion,alert";

pub const TRACK_USAGE: &str =
    "  planner track PLAN.json [ACTUALS.csv] [--as-of YYYY-MM] [--measure amount|quantity|collections]
                                         print each node's target, actual, completion and alert
                                         (behind pace by more than the plan's threshold) for the
                                         adopted scenario, as CSV: a total row (to date) and one
                                         row per month through the latest month with actuals;
                                         the actuals the plan holds, plus the file's if given";

/// Runs `track` with the words after the command; returns the exit code.
pub fn run(words: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let args = match Args::parse(words) {
        Ok(a) => a,
        Err(message) => {
            let _ = writeln!(err, "planner: {message}\n\n{USAGE}\n{TRACK_USAGE}");
            return EXIT_USAGE;
        }
    };
    match track(&args, out, err) {
        Ok(()) => EXIT_OK,
        Err(message) => {
            if !message.is_empty() {
                let _ = writeln!(err, "planner: {message}");
            }
            EXIT_FAILED
        }
    }
}

struct Args {
    plan: String,
    /// A file of actuals applied over those the plan holds.
    actuals: Option<String>,
    as_of: Option<YearMonth>,
    /// `None`: collections (回款).
    measure: Option<Measure>,
}

impl Args {
    fn parse(words: &[String]) -> Result<Args, String> {
        let words = split_words(words, &["as-of", "measure"]).map_err(|e| e.0)?;
        let as_of = match words.option("as-of") {
            Some(m) => Some(
                m.parse::<YearMonth>()
                    .map_err(|e| format!("--as-of: {e}"))?,
            ),
            None => None,
        };
        let measure = match words.option("measure") {
            None | Some("amount") => Some(Measure::Amount),
            Some("quantity") => Some(Measure::Quantity),
            Some("collections") => None,
            Some(other) => {
                return Err(format!(
                    "--measure takes amount, quantity or collections, not '{other}'"
                ));
            }
        };
        let mut positional = words.positional.into_iter();
        let (Some(plan), actuals) = (positional.next(), positional.next()) else {
            return Err("track needs a plan file (and, optionally, an actuals file)".into());
        };
        if let Some(extra) = positional.next() {
            return Err(format!("unexpected argument '{extra}'"));
        }
        Ok(Args {
            plan,
            actuals,
            as_of,
            measure,
        })
    }
}

fn track(args: &Args, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), String> {
    let mut plan = read_plan(&args.plan).map_err(|e| e.to_string())?;
    if let Some(file) = &args.actuals {
        let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
        let preview = parse_actuals(&plan, &bytes);
        if !preview.problems.is_empty() {
            for p in &preview.problems {
                let _ = writeln!(err, "planner: {file}: {p}");
            }
            return Err(format!(
                "{file} has {} problem(s); nothing was tracked",
                preview.problems.len()
            ));
        }
        apply_actuals(&mut plan, &preview, false).map_err(|e| e.to_string())?;
    }
    if let Some(m) = args.as_of.filter(|m| !plan.period.months().contains(m)) {
        return Err(format!("--as-of {m} is outside the plan's period"));
    }
    let scenario = plan.adopted().ok_or_else(|| {
        format!(
            "the plan's adopted scenario '{}' is not in it",
            plan.adopted_scenario
        )
    })?;
    let b = compute(&plan, scenario).map_err(|e| {
        let problems: Vec<String> = e.0.iter().map(|p| format!("  - {p}")).collect();
        format!(
            "the breakdown of scenario '{}' cannot be computed:\n{}",
            scenario.name,
            problems.join("\n")
        )
    })?;
    for w in b.warnings() {
        let _ = writeln!(err, "planner: warning: {w}");
    }
    let t = Tracking::new(&plan, &b, args.as_of);
    let targets = match args.measure {
        Some(_) => None,
        None => Some(match collections(scenario, &b) {
            Some(Ok(c)) => c,
            Some(Err(e)) => return Err(format!("collections cannot be tracked: {e}")),
            None => {
                return Err(format!(
                    "the adopted scenario '{}' has no collections target to track against",
                    scenario.name
                ));
            }
        }),
    };
    let goal = match (&targets, args.measure) {
        (Some(c), _) => Goal::Collections(c),
        (None, measure) => Goal::Measure(measure.unwrap_or(Measure::Amount)),
    };
    let result = track_csv(&plan, &b, &t, goal, out).and_then(|()| out.flush());
    match result {
        Ok(()) => Ok(()),
        // A reader that stopped early (`planner … | head`) is not worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(String::new()),
        Err(e) => Err(format!("cannot write the output: {e}")),
    }
}

/// Every node in tree order: its total row (target of the period, actual to date, alert on
/// pace to date), then one row per month through the as-of month.
pub fn track_csv(
    plan: &Plan,
    b: &Breakdown,
    t: &Tracking,
    goal: Goal,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(out, "{TRACK_HEADER}")?;
    let months: Vec<String> = t.months_to_date().iter().map(|m| m.to_string()).collect();
    for (i, node) in b.nodes().iter().enumerate() {
        let name = node_name(plan, node.pos);
        let rows = std::iter::once(("total", t.total_of(b, i, goal))).chain(
            months
                .iter()
                .enumerate()
                .map(|(k, m)| (m.as_str(), t.month_of(b, i, goal, k))),
        );
        for (period, s) in rows {
            let completion = s.completion.map_or(String::new(), |c| plain(c.round_dp(4)));
            let alert = if s.behind { "behind" } else { "" };
            write_record(
                out,
                &[
                    node.level.key(),
                    &node.id,
                    name,
                    period,
                    &plain(s.target),
                    &plain(s.actual),
                    &completion,
                    alert,
                ],
            )?;
        }
    }
    Ok(())
}

/// A decimal without trailing zeros.
fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}
