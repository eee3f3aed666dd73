//! The `planner` command line, as a library so it can be tested without a process: read a plan
//! file, pick a scenario, print CSV or JSON. `src/bin/planner.rs` only hands it the arguments
//! and the standard streams.

mod args;
mod csv;
mod report;
mod scorecard;
mod track;

use std::io::{self, Write};

use crate::core::breakdown::compute;
use crate::core::model::Plan;
use crate::core::sample::{sample_plan, scaled_plan};
use crate::core::scenario::Scenario;

pub use args::{Command, MAX_SCALE, USAGE, UsageError, parse};
pub use report::{BREAKDOWN_HEADER, TIERS_HEADER, breakdown_csv, tiers_csv};

/// Exit code of a run that did what was asked.
pub const EXIT_OK: i32 = 0;
/// Exit code when the input is unusable (a file, a plan, a scenario, a breakdown).
pub const EXIT_FAILED: i32 = 1;
/// Exit code when the command line itself is wrong.
pub const EXIT_USAGE: i32 = 2;

/// Runs the command line `args` (without the program name), printing results to `out` and
/// messages to `err`. Returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match args.first().map(String::as_str) {
        Some("track") => return track::run(&args[1..], out, err),
        Some("scorecard") => return scorecard::run(&args[1..], out, err),
        _ => {}
    }
    let command = match parse(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(err, "planner: {e}\n\n{USAGE}");
            return EXIT_USAGE;
        }
    };
    let result = match command {
        Command::Help => writeln!(
            out,
            "{USAGE}\n\nexecuting the plan:\n{}\n{}",
            track::TRACK_USAGE,
            scorecard::SCORECARD_USAGE
        )
        .map_err(Failure::Output),
        Command::Sample { lang } => print_json(&sample_plan(lang), out),
        Command::Scaled { people } => print_json(&scaled_plan(people), out),
        Command::Breakdown { plan, scenario } => breakdown(&plan, scenario.as_deref(), out, err),
        Command::Tiers { plan, scenario } => tiers(&plan, scenario.as_deref(), out),
    };
    match result.and_then(|()| out.flush().map_err(Failure::Output)) {
        Ok(()) => EXIT_OK,
        // A reader that stopped early (`planner … | head`) is not worth a message.
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_FAILED,
        Err(failure) => {
            let _ = writeln!(err, "planner: {failure}");
            EXIT_FAILED
        }
    }
}

/// Why a command could not finish.
#[derive(Debug, thiserror::Error)]
enum Failure {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: io::Error },
    #[error("{path} is not a plan file: {source}")]
    NotAPlan {
        path: String,
        source: serde_json::Error,
    },
    #[error("no scenario named '{wanted}' in the plan; it has: {available}")]
    UnknownScenario { wanted: String, available: String },
    #[error("the plan's adopted scenario '{0}' is not in it")]
    NoAdopted(String),
    #[error("the breakdown of scenario '{scenario}' cannot be computed:\n{problems}")]
    Breakdown { scenario: String, problems: String },
    #[error("cannot write the output: {0}")]
    Output(io::Error),
}

fn print_json(plan: &Plan, out: &mut dyn Write) -> Result<(), Failure> {
    serde_json::to_writer_pretty(&mut *out, plan).map_err(|e| Failure::Output(e.into()))?;
    writeln!(out).map_err(Failure::Output)
}

fn read_plan(path: &str) -> Result<Plan, Failure> {
    let text = std::fs::read_to_string(path).map_err(|source| Failure::Read {
        path: path.into(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| Failure::NotAPlan {
        path: path.into(),
        source,
    })
}

/// The scenario named `wanted` (by name, else by id), or the adopted one.
fn pick_scenario<'p>(plan: &'p Plan, wanted: Option<&str>) -> Result<&'p Scenario, Failure> {
    let Some(wanted) = wanted else {
        return plan
            .adopted()
            .ok_or_else(|| Failure::NoAdopted(plan.adopted_scenario.clone()));
    };
    let by_name = plan.scenarios.iter().find(|s| s.name == wanted);
    by_name
        .or_else(|| plan.scenario(wanted))
        .ok_or_else(|| Failure::UnknownScenario {
            wanted: wanted.into(),
            available: plan
                .scenarios
                .iter()
                .map(|s| format!("{} ({})", s.name, s.id))
                .collect::<Vec<_>>()
                .join(", "),
        })
}

fn breakdown(
    path: &str,
    wanted: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let plan = read_plan(path)?;
    let scenario = pick_scenario(&plan, wanted)?;
    let b = compute(&plan, scenario).map_err(|e| Failure::Breakdown {
        scenario: scenario.name.clone(),
        problems: e
            .0
            .iter()
            .map(|p| format!("  - {p}"))
            .collect::<Vec<_>>()
            .join("\n"),
    })?;
    for w in b.warnings() {
        let _ = writeln!(err, "planner: warning: {w}");
    }
    breakdown_csv(&plan, &b, out).map_err(Failure::Output)
}

fn tiers(path: &str, wanted: Option<&str>, out: &mut dyn Write) -> Result<(), Failure> {
    let plan = read_plan(path)?;
    let scenario = pick_scenario(&plan, wanted)?;
    tiers_csv(&plan, scenario, out).map_err(Failure::Output)
}
