//! Reading and writing plans as JSON: the one format of local storage, exported files and the CLI.

use super::model::{FORMAT_VERSION, Plan};
use super::validate::{Problem, validate_plan};

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
    /// JSON, but not a plan: a field is missing, unknown or of the wrong type.
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
}

/// Just the version of a plan text, read before the whole plan so that a newer file is named as
/// such rather than as a shape error. Other fields are skipped unparsed.
#[derive(serde::Deserialize)]
struct VersionProbe {
    #[serde(default)]
    format_version: Option<u64>,
}

/// Reads a plan from JSON text, checking its version and every field.
pub fn read_plan(text: &str) -> Result<Plan, ReadError> {
    // Syntax first (skipping values, no allocation), so broken JSON is named as such.
    serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(|e| ReadError::NotJson {
        line: e.line(),
        column: e.column(),
        reason: short_reason(&e),
    })?;
    if let Ok(VersionProbe {
        format_version: Some(v),
    }) = serde_json::from_str(text)
        && v > u64::from(FORMAT_VERSION)
    {
        return Err(ReadError::FutureVersion { found: v });
    }
    let plan: Plan = serde_json::from_str(text).map_err(|e| ReadError::WrongShape {
        line: e.line(),
        column: e.column(),
        reason: short_reason(&e),
    })?;
    let problems = validate_plan(&plan);
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(ReadError::Invalid(problems))
    }
}

/// serde_json's message without its trailing " at line L column C" (we report those apart).
fn short_reason(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// A plan as compact JSON (for storage).
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
        assert!(matches!(
            read_plan(&text),
            Err(ReadError::WrongShape { .. })
        ));
    }
}
