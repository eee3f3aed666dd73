//! The execution pages as HTML text (see `exec_ui`): pure functions of the plan, tested natively.

pub mod actuals;
pub mod competition;
pub mod customers;
pub mod expenses;
pub mod scorecard;
pub mod tracking;

use std::fmt::Write;

use rust_decimal::Decimal;

use super::html::{push_element, push_escaped};
use super::numbers::percent;
use crate::core::period::YearMonth;
use crate::core::scenario::Measure;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;

/// A ratio as a percentage (0.975 → `97.5%`), or "—" when there is none (a zero target).
pub fn rate(t: &ExecText, value: Option<Decimal>) -> String {
    match value.and_then(|v| v.checked_mul(Decimal::ONE_HUNDRED)) {
        Some(p) => percent(p),
        None => t.none_dash.to_string(),
    }
}

/// The two buttons that pick the measure a page shows (`measure|amount`, `measure|quantity`).
pub fn measure_toggles(out: &mut String, t: &ExecText, measure: Measure) {
    toggle(out, "measure|amount", t.amount, measure == Measure::Amount);
    toggle(
        out,
        "measure|quantity",
        t.quantity,
        measure == Measure::Quantity,
    );
}

/// `<option>`s of months, the selected one marked.
pub fn month_options(out: &mut String, months: &[YearMonth], selected: Option<YearMonth>) {
    for m in months {
        let _ = write!(
            out,
            "<option value=\"{m}\"{}>{m}</option>",
            if Some(*m) == selected {
                " selected"
            } else {
                ""
            }
        );
    }
}

/// A labelled `<select>` with a `data-action`.
pub fn select(out: &mut String, label: &str, action: &str, options: &str) {
    out.push_str("<label class=\"field-inline\"><span>");
    push_escaped(out, label);
    let _ = write!(
        out,
        "</span><select data-action=\"{action}\">{options}</select></label>"
    );
}

/// A labelled text input with a `data-action`; the error, if any, is shown under it.
pub fn text_input(
    out: &mut String,
    label: &str,
    action: &str,
    value: &str,
    class: &str,
    error: Option<&str>,
) {
    let _ = write!(out, "<label class=\"field-inline {class}\"><span>");
    push_escaped(out, label);
    out.push_str("</span><input type=\"text\" data-action=\"");
    push_escaped(out, action);
    out.push_str("\" value=\"");
    push_escaped(out, value);
    out.push('"');
    if error.is_some() {
        out.push_str(" aria-invalid=\"true\"");
    }
    out.push('>');
    if let Some(e) = error {
        out.push_str("<span class=\"field-error\" role=\"alert\">");
        push_escaped(out, e);
        out.push_str("</span>");
    }
    out.push_str("</label>");
}

/// How many problems an import preview lists; the rest are counted.
pub const PROBLEMS_SHOWN: usize = 200;

/// What an import would store, every problem per line (already in words), and the choices:
/// import, import skipping the bad lines, or cancel. Nothing is stored before a choice.
pub fn import_preview_html(
    t: &ExecText,
    id: &str,
    file: &str,
    summary: &str,
    problems: &[String],
    bad_lines: usize,
    rows: usize,
) -> String {
    let mut out = format!("<section class=\"card preview\" id=\"{id}\">");
    push_element(&mut out, "h3", "", &fill(t.preview_title, &[file]));
    push_element(&mut out, "p", "class=\"preview-summary\"", summary);
    if !problems.is_empty() {
        push_element(
            &mut out,
            "p",
            "class=\"banner error\" role=\"alert\"",
            &fill(
                t.preview_problems,
                &[&problems.len().to_string(), &bad_lines.to_string()],
            ),
        );
        out.push_str("<ul class=\"problems\">");
        for p in problems.iter().take(PROBLEMS_SHOWN) {
            push_element(&mut out, "li", "", p);
        }
        if problems.len() > PROBLEMS_SHOWN {
            let more = (problems.len() - PROBLEMS_SHOWN).to_string();
            push_element(&mut out, "li", "", &fill(t.preview_more, &[&more]));
        }
        out.push_str("</ul>");
        if problems.len() > PROBLEMS_SHOWN {
            let _ = write!(
                out,
                "<button type=\"button\" class=\"btn\" data-action=\"problems\">{}</button>",
                fill(t.download_problems, &[&problems.len().to_string()])
            );
        }
    }
    out.push_str("<div class=\"actions\">");
    if problems.is_empty() {
        let _ = write!(
            out,
            "<button type=\"button\" class=\"btn primary\" id=\"import-apply\" data-action=\"apply\">{}</button>",
            fill(t.import_rows, &[&rows.to_string()])
        );
    } else if rows > 0 {
        let _ = write!(
            out,
            "<button type=\"button\" class=\"btn\" id=\"import-skip\" data-action=\"apply-skip\">{}</button>",
            fill(t.import_skipping, &[&bad_lines.to_string()])
        );
    }
    let _ = write!(
        out,
        "<button type=\"button\" class=\"btn\" id=\"import-cancel\" data-action=\"cancel\">{}</button></div></section>",
        t.cancel
    );
    out
}

/// The import, template and export buttons of a page that takes CSV files.
pub fn file_buttons(out: &mut String, t: &ExecText, input_id: &str) {
    let _ = write!(
        out,
        "<label class=\"btn file-button\">{}<input type=\"file\" id=\"{input_id}\" accept=\".csv,text/csv\" data-action=\"import\"></label>",
        t.import_csv
    );
    for (action, label) in [("template", t.template), ("export", t.export_csv)] {
        let _ = write!(
            out,
            "<button type=\"button\" class=\"btn\" data-action=\"{action}\">{label}</button>"
        );
    }
}

/// How many rows a long list shows until the manager asks for all: the worst deviations and the
/// top of a leaderboard are what a meeting looks at, and ten thousand rows take a second to draw.
pub const FIRST_ROWS: usize = 100;

/// Says how many of `total` rows are shown and offers the rest (`action` shows all).
pub fn more_rows(out: &mut String, t: &ExecText, shown: usize, total: usize, action: &str) {
    if shown >= total {
        return;
    }
    out.push_str("<p class=\"more-rows\">");
    push_escaped(
        out,
        &fill(t.shown_of, &[&shown.to_string(), &total.to_string()]),
    );
    let _ = write!(
        out,
        " <button type=\"button\" class=\"btn\" data-action=\"{action}\">{}</button></p>",
        fill(t.show_all, &[&total.to_string()])
    );
}

/// A pressed/unpressed toggle button.
pub fn toggle(out: &mut String, action: &str, label: &str, on: bool) {
    let _ = write!(
        out,
        "<button type=\"button\" class=\"btn{}\" data-action=\"{action}\" aria-pressed=\"{on}\">",
        if on { " primary" } else { "" }
    );
    push_escaped(out, label);
    out.push_str("</button>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::exec::EXEC_EN;

    #[test]
    fn rates_are_percentages_or_a_dash() {
        assert_eq!(rate(&EXEC_EN, Some("0.975".parse().unwrap())), "97.5%");
        assert_eq!(rate(&EXEC_EN, None), "—");
        assert_eq!(rate(&EXEC_EN, Some(Decimal::MAX)), "—");
    }
}
