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
mod probe;
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

use probe::{Declared, TopLevel};

/// Why a text could not be read as a plan.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The text is not JSON (or is cut short); line and column of the fault.
    #[error("not valid JSON (line {line}, column {column}): {reason}")]
    NotJson {
        line: usize,
        column: usize,
        reason: String,
    },
    /// JSON, but not a plan: a field is missing, unknown or of the wrong type. The reason
    /// begins with the JSON path of the field when there is one (`$.regions[0].name: …`).
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

/// A read error and the JSON path of the place it concerns (`$` for the whole text).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Located {
    path: String,
    error: ReadError,
}

fn whole(error: ReadError) -> Located {
    Located {
        path: "$".into(),
        error,
    }
}

/// Reads a plan from JSON text, checking its size, nesting, syntax, version, shape and rules
/// (in that order), and migrating older format versions to the current one.
pub fn read_plan(text: &str) -> Result<Plan, ReadError> {
    read(text).map_err(|Located { path, error }| match error {
        ReadError::WrongShape {
            line,
            column,
            reason,
        } if path != "$" => ReadError::WrongShape {
            line,
            column,
            reason: format!("{path}: {reason}"),
        },
        e => e,
    })
}

fn read(text: &str) -> Result<Plan, Located> {
    if text.len() > MAX_PLAN_BYTES {
        return Err(whole(ReadError::TooLarge {
            bytes: text.len(),
            limit: MAX_PLAN_BYTES,
        }));
    }
    // A byte-order mark, as some Windows editors save, is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(offset) = limits::too_deep_at(text, MAX_DEPTH) {
        let (line, column) = position::line_column(text, offset);
        return Err(Located {
            path: path_at(text, offset),
            error: ReadError::TooDeep {
                line,
                column,
                limit: MAX_DEPTH,
            },
        });
    }
    let probe = probe::probe(text).map_err(|e| fault(text, &e))?;
    if probe.top != TopLevel::Object {
        let (line, column) = position::line_column(text, text.len() - text.trim_start().len());
        return Err(whole(ReadError::WrongShape {
            line,
            column,
            reason: format!(
                "a plan is a JSON object {{\"format_version\": …}}; this is {}",
                probe.top.describe()
            ),
        }));
    }
    match probe.version {
        Declared::Missing => {
            return Err(whole(ReadError::WrongShape {
                line: 1,
                column: 1,
                reason: "it has no \"format_version\"; it was not written by Region Planner".into(),
            }));
        }
        Declared::Version(found) if found > u64::from(FORMAT_VERSION) => {
            return Err(Located {
                path: "$.format_version".into(),
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
    let plan: Plan = serde_json::from_str(text).map_err(|e| fault(text, &e))?;
    checked(plan)
}

fn checked(plan: Plan) -> Result<Plan, Located> {
    let problems = validate_plan(&plan);
    match problems.first() {
        None => Ok(plan),
        Some(first) => Err(Located {
            path: first.path.clone(),
            error: ReadError::Invalid(problems),
        }),
    }
}

/// A plan of an older format version: read as JSON, upgraded, then read as a plan. Positions
/// in the upgraded JSON mean nothing in the file, so shape faults have none (line 0).
fn read_older(text: &str) -> Result<Plan, Located> {
    let mut value: serde_json::Value = serde_json::from_str(text).map_err(|e| fault(text, &e))?;
    let shape = |path: &str, reason: String| Located {
        path: path.into(),
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

/// A serde_json error, placed: syntax errors as [`ReadError::NotJson`], the rest as
/// [`ReadError::WrongShape`], with the path of the value being read.
fn fault(text: &str, e: &serde_json::Error) -> Located {
    let (line, column) = position::error_line_column(text, e.line(), e.column());
    let offset = position::offset_of(text, e.line(), e.column());
    let reason = reasons::reason(e);
    let error = if e.is_syntax() || e.is_eof() {
        ReadError::NotJson {
            line,
            column,
            reason,
        }
    } else {
        ReadError::WrongShape {
            line,
            column,
            reason,
        }
    };
    Located {
        path: path_at(text, offset),
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
        assert!(err.contains("$.nmae: unknown field `nmae`"), "{err}");
        let text = write_plan(&sample_plan(Lang::En)).replacen("\"64.5\"", "\"NaN\"", 1);
        let err = read_plan(&text).unwrap_err();
        assert!(
            matches!(&err, ReadError::WrongShape { reason, .. }
                if reason.starts_with("$.regions[0].market_share: \"NaN\" is not a decimal number")),
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
