//! Reading and writing plans as JSON: the one format of local storage, exported files, share
//! links and the CLI. The format is described in `docs/FORMAT.md`.
//!
//! [`read_plan`] checks a text in this order, and stops at the first kind of fault:
//! 1. its size ([`MAX_PLAN_BYTES`]), before looking at it;
//! 2. how deeply it nests ([`MAX_DEPTH`]), in one pass over the bytes, before parsing;
//! 3. that all of it is JSON, and its top level an object;
//! 4. its `format_version`: newer than this program's is refused, older is migrated;
//! 5. its shape: every field known, present where required, of the right type;
//! 6. its rules ([`validate_plan`]): ids unique, references resolved, numbers in range, names
//!    not empty.

mod check;
mod limits;
mod migrate;
mod position;
mod prescan;
mod reasons;
#[cfg(not(target_arch = "wasm32"))]
mod schema;

use super::model::{FORMAT_VERSION, Plan};
use super::validate::{Problem, validate_plan};

pub use check::{Finding, check_plan_text};
pub use limits::{MAX_DEPTH, MAX_PLAN_BYTES};
pub use migrate::{MigrateError, OLDEST_VERSION, STEPS, Step, upgrade};
pub use position::path_at;
#[cfg(not(target_arch = "wasm32"))]
pub use schema::plan_schema;

use prescan::{Declared, TopLevel};

/// Why a text could not be read as a plan.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The text is not JSON (or is cut short); line and column of the fault (the column counts
    /// bytes, as serde_json does; [`check_plan_text`] counts characters).
    #[error("not valid JSON (line {line}, column {column}): {reason}")]
    NotJson {
        line: usize,
        column: usize,
        reason: String,
    },
    /// JSON, but not a plan: a field is missing, unknown or of the wrong type. (The JSON path
    /// of the field is given by [`check_plan_text`].)
    #[error("not a Region Planner plan (line {line}, column {column}): {reason}")]
    WrongShape {
        line: usize,
        column: usize,
        reason: String,
    },
    /// A plan written by a newer version of the program.
    #[error("written in format version {found}; this version reads up to {FORMAT_VERSION}")]
    FutureVersion { found: u64 },
    /// A plan whose fields break the rules.
    #[error("{} problem(s), first: {}", .0.len(), .0.first().map(|p| p.to_string()).unwrap_or_default())]
    Invalid(Vec<Problem>),
    /// A text larger than [`MAX_PLAN_BYTES`], refused before it is read.
    #[error("the text is {} MB; a plan can be at most {} MB", mb(*.bytes), mb(*.limit))]
    TooLarge { bytes: usize, limit: usize },
    /// Arrays or objects nested deeper than [`MAX_DEPTH`] levels, refused before parsing;
    /// line and column of the bracket that goes too deep.
    #[error(
        "nested more than {limit} levels deep (line {line}, column {column}); a plan nests about 8"
    )]
    TooDeep {
        line: usize,
        column: usize,
        limit: usize,
    },
}

/// Megabytes with one decimal, rounded up so that a text over the limit never reads as equal.
fn mb(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10).div_ceil(1024 * 1024);
    if tenths.is_multiple_of(10) {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// A read error and where it is, for [`check_plan_text`] to name the JSON path. Working the path
/// out is left to it (the command line), so the web app's import carries none of that code.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Fault {
    place: Place,
    error: ReadError,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Place {
    /// A JSON path known without looking at the text.
    Path(&'static str),
    /// Where serde_json stopped: its line and column (the column counts bytes), and the JSON
    /// path of the value being read when serde tracked it.
    Serde {
        line: usize,
        column: usize,
        path: Option<String>,
    },
    /// The byte offset of the bracket that nests too deep.
    Offset(usize),
    /// The problems of a valid JSON plan name their own paths.
    Problems,
}

fn whole(error: ReadError) -> Fault {
    Fault {
        place: Place::Path("$"),
        error,
    }
}

/// Reads a plan from JSON text, checking its size, nesting, syntax, version, shape and rules
/// (in that order), and migrating older format versions to the current one.
pub fn read_plan(text: &str) -> Result<Plan, ReadError> {
    read(text).map_err(|fault| fault.error)
}

/// The text without a byte-order mark (as some Windows editors save): it is not part of JSON.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn read(text: &str) -> Result<Plan, Fault> {
    if text.len() > MAX_PLAN_BYTES {
        return Err(whole(ReadError::TooLarge {
            bytes: text.len(),
            limit: MAX_PLAN_BYTES,
        }));
    }
    let text = without_bom(text);
    let scan = prescan::prescan(text, MAX_DEPTH);
    if let Some(offset) = scan.too_deep_at {
        let before = &text.as_bytes()[..offset];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        return Err(Fault {
            place: Place::Offset(offset),
            error: ReadError::TooDeep {
                line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
                column: offset - line_start + 1,
                limit: MAX_DEPTH,
            },
        });
    }
    // A plan of the current version is read straight away; only a text that fails is taken
    // through the checks below, in their order, to name its first fault. (A good file is then
    // passed over once less: the syntax pass below reads every byte.)
    if scan.top == TopLevel::Object
        && scan.version == Declared::Version(u64::from(FORMAT_VERSION))
        && let Ok(plan) = serde_json::from_str::<Plan>(text)
    {
        return checked(plan);
    }
    // Syntax of the whole text first, skipping values (no allocation), so broken JSON is named
    // as such whatever its shape.
    serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(|e| fault(&e))?;
    if scan.top != TopLevel::Object {
        return Err(whole(ReadError::WrongShape {
            line: 1,
            column: 1,
            reason: format!(
                "a plan is a JSON object {{\"format_version\": …}}; this is {}",
                scan.top.describe()
            ),
        }));
    }
    match scan.version {
        Declared::Missing => {
            return Err(whole(ReadError::WrongShape {
                line: 1,
                column: 1,
                reason: "it has no \"format_version\"; it was not written by Region Planner".into(),
            }));
        }
        Declared::Version(found) if found > u64::from(FORMAT_VERSION) => {
            return Err(Fault {
                place: Place::Path("$.format_version"),
                error: ReadError::FutureVersion { found },
            });
        }
        // Older released versions are upgraded step by step. (None exists yet: the branch is
        // compiled away while STEPS is empty.)
        Declared::Version(found)
            if !STEPS.is_empty()
                && (u64::from(OLDEST_VERSION)..u64::from(FORMAT_VERSION)).contains(&found) =>
        {
            return read_older(text).and_then(checked);
        }
        _ => {}
    }
    checked(parse(text)?)
}

/// The plan in `text` (JSON, an object), or the first value that does not fit with its JSON
/// path: serde_json's position alone can lie after the value's record (a custom error is placed
/// where parsing stopped, once the record is closed).
fn parse(text: &str) -> Result<Plan, Fault> {
    let mut de = serde_json::Deserializer::from_str(text);
    let plan = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let mut fault = fault(e.inner());
        if let Place::Serde { path, .. } = &mut fault.place {
            *path = json_path(e.path());
        }
        fault
    })?;
    de.end().map_err(|e| fault(&e))?;
    Ok(plan)
}

/// `$.regions[2].name`, keys written as [`position::push_key`] writes them; `None` where a
/// key is not known.
fn json_path(path: &serde_path_to_error::Path) -> Option<String> {
    use serde_path_to_error::Segment;
    let mut out = String::from("$");
    for segment in path {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                position::push_key(&mut out, key)
            }
            Segment::Unknown => return None,
        }
    }
    Some(out)
}

fn checked(plan: Plan) -> Result<Plan, Fault> {
    let problems = validate_plan(&plan);
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(Fault {
            place: Place::Problems,
            error: ReadError::Invalid(problems),
        })
    }
}

/// A plan of an older format version: read as JSON, upgraded, then read as a plan. Positions
/// in the upgraded JSON mean nothing in the file, so shape faults have none (line 0).
fn read_older(text: &str) -> Result<Plan, Fault> {
    let mut value: serde_json::Value = serde_json::from_str(text).map_err(|e| fault(&e))?;
    let shape = |path: &'static str, reason: String| Fault {
        place: Place::Path(path),
        error: ReadError::WrongShape {
            line: 0,
            column: 0,
            reason,
        },
    };
    let from = upgrade(&mut value).map_err(|e| shape("$.format_version", e.to_string()))?;
    serde_json::from_value(value).map_err(|e| {
        shape(
            "$",
            format!(
                "after upgrading from format version {from}: {}",
                reasons::reason(&e)
            ),
        )
    })
}

/// A serde_json error: syntax errors as [`ReadError::NotJson`], the rest as
/// [`ReadError::WrongShape`], at serde_json's line and column.
fn fault(e: &serde_json::Error) -> Fault {
    let (line, column) = (e.line(), e.column());
    let reason = reasons::reason(e);
    // serde_json's column is the count of bytes read on the line: 0 when none was.
    let shown = column.max(1);
    let error = if e.is_syntax() || e.is_eof() {
        ReadError::NotJson {
            line,
            column: shown,
            reason,
        }
    } else {
        ReadError::WrongShape {
            line,
            column: shown,
            reason,
        }
    };
    Fault {
        place: Place::Serde {
            line,
            column,
            path: None,
        },
        error,
    }
}

/// A plan as compact JSON (for storage and share links).
pub fn write_plan(plan: &Plan) -> String {
    serde_json::to_string(plan).expect("a plan always serialises: all keys are strings")
}

/// A plan as indented JSON (for files people read).
pub fn write_plan_pretty(plan: &Plan) -> String {
    serde_json::to_string_pretty(plan).expect("a plan always serialises: all keys are strings")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    #[test]
    fn a_written_plan_reads_back_identical() {
        let plan = sample_plan(Lang::Zh);
        assert_eq!(read_plan(&write_plan(&plan)).unwrap(), plan);
        assert_eq!(read_plan(&write_plan_pretty(&plan)).unwrap(), plan);
        let with_bom = format!("\u{feff}{}", write_plan(&plan));
        assert_eq!(
            read_plan(&with_bom).unwrap(),
            plan,
            "a byte-order mark is skipped"
        );
    }

    #[test]
    fn decimals_are_written_as_strings() {
        let text = write_plan(&sample_plan(Lang::En));
        assert!(
            text.contains(r#""market_share":"64.5""#),
            "{}",
            &text[..300]
        );
    }

    #[test]
    fn broken_texts_say_what_is_wrong() {
        let truncated = read_plan("{\"id\": ");
        assert!(
            matches!(truncated, Err(ReadError::NotJson { line: 1, .. })),
            "{truncated:?}"
        );
        let array = read_plan("[1,2,3]");
        assert!(
            matches!(array, Err(ReadError::WrongShape { .. })),
            "{array:?}"
        );
        let text = write_plan(&sample_plan(Lang::En)).replacen(
            "\"format_version\":1",
            "\"format_version\":9",
            1,
        );
        assert_eq!(read_plan(&text), Err(ReadError::FutureVersion { found: 9 }));
        let text = write_plan(&sample_plan(Lang::En)).replacen("\"name\":", "\"nmae\":", 1);
        let err = read_plan(&text).unwrap_err().to_string();
        assert!(err.contains("unknown field `nmae`"), "{err}");
        let text = write_plan(&sample_plan(Lang::En)).replacen("\"64.5\"", "\"NaN\"", 1);
        let err = read_plan(&text).unwrap_err();
        assert!(
            matches!(&err, ReadError::WrongShape { reason, .. }
                if reason.starts_with("string \"NaN\" is not a decimal")),
            "{err}"
        );
    }

    #[test]
    fn sizes_are_given_in_megabytes_rounded_up() {
        let cases = [
            (60 * 1024 * 1024, "60"),
            (MAX_PLAN_BYTES + 1, "50.1"),
            (1024 * 1024 / 2, "0.5"),
        ];
        for (bytes, want) in cases {
            assert_eq!(mb(bytes), want, "{bytes} bytes");
        }
    }
}
