//! Why a plan file could not be read, in the manager's language: the JSON reader's English
//! reasons and the validator's problems put in words of the catalogue.

use super::{Catalogue, Lang, fill};
use crate::core::validate::{Issue, Problem};

/// The first name quoted in backticks in `reason` (`missing field `amount_target``).
fn quoted(reason: &str) -> &str {
    reason.split('`').nth(1).unwrap_or_default()
}

impl Catalogue {
    /// A JSON reader's reason (`EOF while parsing a value`): as it is in English, in the
    /// catalogue's words otherwise (field names stay as the file spells them).
    pub fn json_reason(&self, reason: &str) -> String {
        if self.lang() == Lang::En {
            return reason.to_string();
        }
        let r = reason;
        if r.starts_with("EOF while parsing") {
            self.json_eof.to_string()
        } else if r.starts_with("expected value") || r.starts_with("expected ident") {
            self.json_expected_value.to_string()
        } else if r.starts_with("expected `") {
            self.json_expected_punct.to_string()
        } else if r.starts_with("key must be") {
            self.json_key_string.to_string()
        } else if r.starts_with("trailing") {
            self.json_trailing.to_string()
        } else if r.contains("number") {
            self.json_number.to_string()
        } else if r.contains("escape") || r.contains("control character") || r.contains("unicode") {
            self.json_string.to_string()
        } else if r.starts_with("missing field") {
            fill(self.json_missing_field, &[quoted(r)])
        } else if r.starts_with("unknown field") {
            fill(self.json_unknown_field, &[quoted(r)])
        } else if r.starts_with("unknown variant") {
            fill(self.json_unknown_variant, &[quoted(r)])
        } else if r.starts_with("invalid type") || r.starts_with("invalid value") {
            // serde names the types in English (`integer`, `a string`): only the value found is
            // quoted; the field is named by the position given beside the reason.
            let value = Some(quoted(r))
                .filter(|v| !v.is_empty())
                .or_else(|| r.split('"').nth(1));
            match value {
                Some(v) => fill(self.json_wrong_type, &[v]),
                None => self.json_other.to_string(),
            }
        } else {
            self.json_other.to_string()
        }
    }

    /// One problem of a plan's fields: where (its JSON path) and what.
    pub fn problem_text(&self, p: &Problem) -> String {
        let what = match &p.issue {
            Issue::Field(e) => self.field_error(e),
            Issue::DuplicateId(id) => fill(self.issue_duplicate_id, &[id]),
            Issue::UnknownId(id) => fill(self.issue_unknown_id, &[id]),
            Issue::NoScenario => self.issue_no_scenario.to_string(),
            Issue::Thresholds(e) => self.threshold_order(e),
            Issue::Respread(e) => super::exec::exec_text(self.lang()).respread_error(e),
            Issue::Scale(e) => super::exec::exec_text(self.lang()).scale_error(e),
            Issue::MonthCount { expected, found } => fill(
                self.issue_month_count,
                &[&found.to_string(), &expected.to_string()],
            ),
            Issue::Version(v) => fill(
                self.issue_version,
                &[
                    &v.to_string(),
                    &crate::core::model::FORMAT_VERSION.to_string(),
                ],
            ),
        };
        format!("{}: {what}", p.path)
    }
}

#[cfg(test)]
mod tests {
    use crate::core::format::read_plan;
    use crate::i18n::ZH;

    fn has_ascii_word(text: &str) -> bool {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() >= 3 && w != "JSON")
    }

    #[test]
    fn broken_files_are_explained_in_chinese() {
        for text in [
            "{\"format_version\": 1, \"id\": \"x\", \"name\": ",
            "{\"format_version\": 1, \"id\": 5}",
            "[1, 2",
            "{\"format_version\": 1} trailing",
            "{\"a\" 1}",
        ] {
            let e = read_plan(text).expect_err(text);
            let said = ZH.read_error(&e);
            assert!(
                !has_ascii_word(&said.replace("format_version", "")),
                "{text}: {said}"
            );
        }
    }
}
