//! Forms as HTML: each input carries the key of the field it edits (see `core::edit`), so one
//! handler in the page serves every form. Values and labels are escaped.

use std::collections::HashMap;
use std::fmt::Write;

use super::html::{push_element, push_escaped};

/// The kind of input a field uses.
#[derive(Clone, Debug, PartialEq)]
pub enum Control {
    Text,
    /// Right-aligned, numeric keyboard.
    Number,
    Date,
    Month,
    /// A choice: (value, label) pairs.
    Select(Vec<(String, String)>),
    Check(bool),
    /// A slider from 0 to `max`.
    Range(u32),
    /// Several lines of text.
    TextArea,
}

/// One labelled field.
#[derive(Clone, Debug, PartialEq)]
pub struct FormField {
    /// The edit key (`region.share|r3`).
    pub key: String,
    pub label: String,
    pub value: String,
    pub control: Control,
    /// DOM id, for labels that tests and shortcuts use.
    pub id: Option<String>,
    /// Fields of the same group are applied together (their values joined by a newline).
    pub group: Option<String>,
    /// Show the label inside the empty input too (for compact rows whose label is hidden).
    pub placeholder: bool,
}

impl FormField {
    pub fn new(
        key: impl Into<String>,
        label: &str,
        value: impl Into<String>,
        control: Control,
    ) -> Self {
        Self {
            key: key.into(),
            label: label.to_string(),
            value: value.into(),
            control,
            id: None,
            group: None,
            placeholder: false,
        }
    }

    pub fn id(mut self, id: &str) -> Self {
        self.id = Some(id.to_string());
        self
    }

    pub fn placeholder(mut self) -> Self {
        self.placeholder = true;
        self
    }

    pub fn group(mut self, group: &str) -> Self {
        self.group = Some(group.to_string());
        self
    }
}

/// Errors shown beside fields, by edit key (or group).
pub type FieldErrors = HashMap<String, String>;

fn push_attr(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, " {name}=\"");
    push_escaped(out, value);
    out.push('"');
}

/// Appends one field: label, input and the place for its error.
pub fn push_field(out: &mut String, f: &FormField, errors: &FieldErrors) {
    let error_key = f.group.as_deref().unwrap_or(&f.key);
    let error = errors.get(error_key);
    let class = match (&f.control, error.is_some()) {
        (Control::Check(_), _) => "field check",
        (_, true) => "field invalid",
        _ => "field",
    };
    let _ = write!(out, "<label class=\"{class}\">");
    if !matches!(f.control, Control::Check(_)) {
        push_element(out, "span", "class=\"field-label\"", &f.label);
    }
    match &f.control {
        Control::TextArea => {
            out.push_str("<textarea rows=\"6\"");
            push_common(out, f, error.is_some());
            out.push('>');
            push_escaped(out, &f.value);
            out.push_str("</textarea>");
        }
        Control::Select(options) => {
            out.push_str("<select");
            push_common(out, f, error.is_some());
            out.push('>');
            for (value, label) in options {
                out.push_str("<option");
                push_attr(out, "value", value);
                if *value == f.value {
                    out.push_str(" selected");
                }
                out.push('>');
                push_escaped(out, label);
                out.push_str("</option>");
            }
            out.push_str("</select>");
        }
        control => {
            let (kind, extra) = match control {
                Control::Number => ("text", " class=\"numeric\" inputmode=\"decimal\""),
                Control::Date => ("date", ""),
                Control::Month => ("month", ""),
                Control::Check(_) => ("checkbox", ""),
                Control::Range(_) => ("range", " min=\"0\" step=\"1\""),
                _ => ("text", ""),
            };
            let _ = write!(out, "<input type=\"{kind}\"{extra}");
            if let Control::Range(max) = control {
                let _ = write!(out, " max=\"{max}\"");
            }
            if let Control::Check(on) = control {
                if *on {
                    out.push_str(" checked");
                }
            } else {
                // Numbers read with thousands separators (and are typed either way).
                let grouped = match control {
                    Control::Number => f.value.parse().ok().map(super::numbers::grouped),
                    _ => None,
                };
                push_attr(out, "value", grouped.as_deref().unwrap_or(&f.value));
            }
            push_common(out, f, error.is_some());
            out.push('>');
            if let Control::Check(_) = control {
                push_element(out, "span", "", &f.label);
            }
            if let Control::Range(_) = control {
                push_element(out, "span", "class=\"slider-value\"", &f.value);
            }
        }
    }
    out.push_str("<span class=\"field-error\" role=\"alert\"");
    push_attr(out, "data-error-for", error_key);
    out.push('>');
    if let Some(e) = error {
        push_escaped(out, e);
    }
    out.push_str("</span></label>");
}

fn push_common(out: &mut String, f: &FormField, invalid: bool) {
    match &f.group {
        Some(g) => push_attr(out, "data-group", g),
        None => push_attr(out, "data-key", &f.key),
    }
    if let Some(id) = &f.id {
        push_attr(out, "id", id);
    }
    if invalid {
        out.push_str(" aria-invalid=\"true\"");
    }
    if f.placeholder {
        push_attr(out, "placeholder", &f.label);
    }
}

/// A grid of fields.
pub fn fields_html(fields: &[FormField], errors: &FieldErrors) -> String {
    let mut out = String::from("<div class=\"form-grid\">");
    for f in fields {
        push_field(&mut out, f, errors);
    }
    out.push_str("</div>");
    out
}

/// A button that applies `key` with the values of the inputs in its group (or none).
pub fn push_button(out: &mut String, key: &str, label: &str, class: &str, id: Option<&str>) {
    let _ = write!(out, "<button type=\"button\" class=\"{class}\"");
    push_attr(out, "data-key", key);
    if let Some(id) = id {
        push_attr(out, "id", id);
    }
    push_attr(out, "title", label);
    push_attr(out, "aria-label", label);
    out.push('>');
    push_escaped(out, label);
    out.push_str("</button>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_carries_its_key_value_and_error() {
        let mut errors = FieldErrors::new();
        errors.insert(
            "region.share|r1".into(),
            "Must be between 0 and 100.".into(),
        );
        let f = FormField::new(
            "region.share|r1",
            "Market share (%)",
            "47.2",
            Control::Number,
        )
        .id("region-share");
        let html = fields_html(&[f], &errors);
        assert!(html.contains(r#"data-key="region.share|r1""#), "{html}");
        assert!(html.contains(r#"value="47.2""#));
        assert!(html.contains(r#"id="region-share""#));
        assert!(html.contains("field invalid"));
        assert!(html.contains("Must be between 0 and 100."));
    }

    #[test]
    fn values_and_options_are_escaped_and_selected() {
        let f = FormField::new(
            "sub.move|d1",
            "Move to",
            "r2",
            Control::Select(vec![
                ("r1".into(), "<North>".into()),
                ("r2".into(), "South \"B\"".into()),
            ]),
        );
        let html = fields_html(&[f], &FieldErrors::new());
        assert!(html.contains("&lt;North&gt;"));
        assert!(
            html.contains(r#"<option value="r2" selected>South &quot;B&quot;</option>"#),
            "{html}"
        );
        let name = FormField::new("region.name|r1", "Name", "\"><script>", Control::Text);
        let html = fields_html(&[name], &FieldErrors::new());
        assert!(
            html.contains(r#"value="&quot;&gt;&lt;script&gt;""#),
            "{html}"
        );
    }
}
