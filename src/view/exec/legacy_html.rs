//! HTML-text pieces the customer, scorecard and expense views still build with; they go once
//! those views are view models like the others.

use std::fmt::Write;

use crate::core::period::YearMonth;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;
use crate::view::html::{push_element, push_escaped};

use super::PROBLEMS_SHOWN;

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

/// What an import would store, every problem per line (already in words), and the choices.
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
