//! Every problem of a plan text as `PATH: reason` lines, as `planner validate` prints them.

use std::fmt;

use super::{Fault, Place, ReadError, path_at, position, read, without_bom};
use crate::core::model::Plan;

/// One problem of a plan text: the JSON path of the place (`$` for the whole text) and what
/// is wrong there. Displayed as `PATH: reason`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Reads a plan as [`read_plan`](super::read_plan) does; on failure, every problem found. A
/// text that is not JSON, or not shaped as a plan, has one problem (reading stops there); a
/// plan that breaks the rules has one per broken rule.
pub fn check_plan_text(text: &str) -> Result<Plan, Vec<Finding>> {
    read(text).map_err(|fault| findings(without_bom(text), fault))
}

fn findings(text: &str, Fault { place, error }: Fault) -> Vec<Finding> {
    // The place in the text, as a JSON path and a line and column in characters.
    let (path, line, column) = match place {
        Place::Problems => {
            let ReadError::Invalid(problems) = error else {
                unreachable!("only rule problems have their own paths")
            };
            return problems
                .into_iter()
                .map(|p| Finding {
                    path: p.path,
                    message: p.issue.to_string(),
                })
                .collect();
        }
        Place::Path(path) => (path.to_string(), 0, 0),
        Place::Serde { line, column, path } => {
            let offset = position::offset_of(text, line, column);
            let (line, column) = position::error_line_column(text, line, column);
            (path.unwrap_or_else(|| path_at(text, offset)), line, column)
        }
        Place::Offset(offset) => {
            let (line, column) = position::line_column(text, offset);
            (path_at(text, offset), line, column)
        }
    };
    let at = |l: usize, c: usize| {
        if line > 0 {
            format!(" (line {line}, column {column})")
        } else if l > 0 {
            format!(" (line {l}, column {c})")
        } else {
            String::new()
        }
    };
    let message = match error {
        ReadError::NotJson {
            line: l,
            column: c,
            reason,
        } => format!("not valid JSON: {reason}{}", at(l, c)),
        ReadError::WrongShape {
            line: l,
            column: c,
            reason,
        } => format!("{reason}{}", at(l, c)),
        ReadError::TooDeep { limit, .. } => ReadError::TooDeep {
            line,
            column,
            limit,
        }
        .to_string(),
        e => e.to_string(),
    };
    vec![Finding { path, message }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::write_plan_pretty;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    fn lines(text: &str) -> Vec<String> {
        match check_plan_text(text) {
            Ok(_) => vec!["ok".into()],
            Err(found) => found.iter().map(|f| f.to_string()).collect(),
        }
    }

    #[test]
    fn each_problem_is_a_path_and_a_reason() {
        let good = write_plan_pretty(&sample_plan(Lang::En));
        assert_eq!(lines(&good), ["ok"]);

        let typo = good.replacen("\"manager\"", "\"manger\"", 1);
        let got = lines(&typo);
        assert_eq!(got.len(), 1);
        assert!(
            got[0].starts_with("$.regions[0].manger: unknown field `manger`, expected one of"),
            "{got:?}"
        );
        assert!(got[0].ends_with("(line 15, column 14)"), "{got:?}");

        let string_count = good.replacen(
            "\"active_customers\": 186",
            "\"active_customers\": \"186\"",
            1,
        );
        assert_eq!(
            lines(&string_count),
            [
                "$.regions[0].active_customers: invalid type: string \"186\", expected u32 (line 17, column 31)"
            ]
        );

        let broken = good.replacen("\"64.5\"", "\"164.5\"", 1).replacen(
            "\"name\": \"Changsha\"",
            "\"name\": \"\"",
            1,
        );
        assert_eq!(
            lines(&broken),
            [
                "$.regions[0].name: must not be empty",
                "$.regions[0].market_share: must be between 0 and 100"
            ]
        );
        assert_eq!(
            lines(&good[..200]),
            ["$.period.start: not valid JSON: EOF while parsing a string (line 9, column 17)"]
        );
    }
}
