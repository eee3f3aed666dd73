//! The `planner` command line, as a library so it can be tested without a process: read a plan
//! file, pick a scenario, print CSV or JSON, check and migrate plan files, bundle the web app.
//! `src/bin/planner.rs` only hands it the arguments and the standard streams.

mod args;
mod bundle;
mod csv;
mod diff;
mod files;
mod merge;
mod scorecard;
mod shares;
mod track;

use std::io::{self, Write};

use crate::core::breakdown::{collections, compute};
use crate::core::csv_export::{
    breakdown_csv_of, breakdown_csv_with, territory_csv, tiers_csv, with_bom,
};
use crate::core::execution::sample_execution;
use crate::core::format::{Finding, check_plan_text, plan_schema, write_plan_pretty};
use crate::core::model::Plan;
use crate::core::sample::{sample_plan, scaled_plan};
use crate::core::scenario::Scenario;
use crate::core::share_link;

pub use args::{Command, MAX_SCALE, USAGE, UsageError, parse};
pub use bundle::{BundleError, bundle, bundle_dir};

/// The months of actuals `planner sample --with-execution` holds: a quarter.
pub const SAMPLE_EXECUTION_MONTHS: usize = 3;

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
        Some("shares") => return shares::run(&args[1..], out, err),
        Some("diff") => return diff::run(&args[1..], out, err),
        Some("merge") => return merge::run(&args[1..], out, err),
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
            "{USAGE}\n\nexecuting the plan:\n{}\n{}\n{}\n\ncomparing and merging plan files:\n{}\n{}",
            track::TRACK_USAGE,
            scorecard::SCORECARD_USAGE,
            shares::SHARES_USAGE,
            diff::DIFF_USAGE,
            merge::MERGE_USAGE
        )
        .map_err(Failure::Output),
        Command::Sample {
            lang,
            with_execution,
        } => {
            let mut plan = sample_plan(lang);
            if with_execution {
                plan.execution = sample_execution(&plan, SAMPLE_EXECUTION_MONTHS);
            }
            print_json(&plan, out)
        }
        Command::Scaled { people } => print_json(&scaled_plan(people), out),
        Command::Breakdown {
            plan,
            scenario,
            bom,
            collections,
        } => breakdown(&plan, scenario.as_deref(), bom, collections, out, err),
        Command::Tiers {
            plan,
            scenario,
            bom,
        } => files::read_plan_file(&plan).and_then(|plan| {
            let scenario = pick_scenario(&plan, scenario.as_deref())?;
            print_csv(tiers_csv(&plan, scenario), bom, out)
        }),
        Command::Territory { plan, bom } => {
            files::read_plan_file(&plan).and_then(|plan| print_csv(territory_csv(&plan), bom, out))
        }
        Command::Validate { plan } => validate(&plan, out, err),
        Command::Migrate { plan } => files::read_plan_file(&plan).and_then(|plan| {
            writeln!(out, "{}", write_plan_pretty(&plan)).map_err(Failure::Output)
        }),
        Command::Share { plan } => files::read_plan_file(&plan).and_then(|plan| {
            let fragment = share_link::encode(&plan).map_err(Failure::Share)?;
            writeln!(out, "{fragment}").map_err(Failure::Output)
        }),
        Command::Schema => write!(out, "{}", plan_schema()).map_err(Failure::Output),
        Command::Bundle { dist, out: html } => bundle_dir(dist.as_ref(), html.as_ref())
            .map_err(Failure::Bundle)
            .and_then(|bytes| {
                writeln!(out, "wrote {html} ({bytes} bytes)").map_err(Failure::Output)
            }),
    };
    match result.and_then(|()| out.flush().map_err(Failure::Output)) {
        Ok(()) => EXIT_OK,
        // A reader that stopped early (`planner … | head`) is not worth a message.
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_FAILED,
        Err(Failure::Reported) => EXIT_FAILED,
        Err(failure) => {
            let _ = writeln!(err, "planner: {failure}");
            EXIT_FAILED
        }
    }
}

/// Why a command could not finish.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Failure {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: io::Error },
    #[error("{path} is not a valid plan file:{}", lines(.findings))]
    NotAPlan {
        path: String,
        findings: Vec<Finding>,
    },
    #[error("no scenario named '{wanted}' in the plan; it has: {available}")]
    UnknownScenario { wanted: String, available: String },
    #[error("the plan's adopted scenario '{0}' is not in it")]
    NoAdopted(String),
    #[error("the breakdown of scenario '{scenario}' cannot be computed:\n{problems}")]
    Breakdown { scenario: String, problems: String },
    #[error("{0}")]
    Share(share_link::TooLarge),
    #[error("no collections to print: {0}")]
    Collections(String),
    #[error("cannot bundle the app: {0}")]
    Bundle(BundleError),
    #[error("cannot write the output: {0}")]
    Output(io::Error),
    /// The problems are already printed (by `validate`).
    #[error("")]
    Reported,
}

/// A plan file read and checked as the web app imports it (for the commands' own modules).
fn read_plan(path: &str) -> Result<Plan, Failure> {
    files::read_plan_file(path)
}

fn lines(findings: &[Finding]) -> String {
    findings.iter().map(|f| format!("\n  {f}")).collect()
}

fn print_json(plan: &Plan, out: &mut dyn Write) -> Result<(), Failure> {
    serde_json::to_writer_pretty(&mut *out, plan).map_err(|e| Failure::Output(e.into()))?;
    writeln!(out).map_err(Failure::Output)
}

fn print_csv(csv: String, bom: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let csv = if bom { with_bom(&csv) } else { csv };
    out.write_all(csv.as_bytes()).map_err(Failure::Output)
}

/// `ok` on `out`, or every problem as `PATH: reason` on `err`.
fn validate(path: &str, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), Failure> {
    let findings = match files::read_text(path).map(|text| check_plan_text(&text)) {
        Ok(Ok(_)) => return writeln!(out, "ok").map_err(Failure::Output),
        Ok(Err(findings)) | Err(Failure::NotAPlan { findings, .. }) => findings,
        Err(other) => return Err(other),
    };
    for f in findings {
        let _ = writeln!(err, "{f}");
    }
    Err(Failure::Reported)
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
    bom: bool,
    with_collections: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let plan = files::read_plan_file(path)?;
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
    if !with_collections {
        return print_csv(breakdown_csv_of(&plan, &b), bom, out);
    }
    let c = match collections(scenario, &b) {
        Some(Ok(c)) => c,
        Some(Err(e)) => return Err(Failure::Collections(e.to_string())),
        None => {
            return Err(Failure::Collections(format!(
                "scenario '{}' has no collections target",
                scenario.name
            )));
        }
    };
    print_csv(breakdown_csv_with(&plan, &b, Some(&c)), bom, out)
}
