//! Building HTML text for the read-mostly views (large tables, charts, the printed plan).
//! Every piece of text from a plan goes through [`escape`], so a name is always shown as the
//! characters it is, never read as markup. Generating text keeps these views small in the wasm
//! build and fast at ten thousand rows.

use std::fmt::Write;

/// Text made safe to place in HTML content or a double-quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Appends `<tag attrs>text</tag>` with the text escaped. `attrs` is trusted markup written by
/// the program (class names, numbers), never plan data.
pub fn push_element(out: &mut String, tag: &str, attrs: &str, text: &str) {
    let _ = write!(out, "<{tag}");
    if !attrs.is_empty() {
        out.push(' ');
        out.push_str(attrs);
    }
    out.push('>');
    push_escaped(out, text);
    let _ = write!(out, "</{tag}>");
}

/// The message line at the bottom of the page: the text, an undo button when there is
/// something to undo (`undo` is its label), and a close button.
pub fn toast_html(text: &str, undo: Option<&str>, close: &str) -> String {
    let mut out = String::from("<div class=\"toast\" role=\"status\">");
    push_element(&mut out, "span", "class=\"toast-text\"", text);
    if let Some(label) = undo {
        push_element(
            &mut out,
            "button",
            "class=\"btn primary\" id=\"toast-undo\" data-action=\"undo\"",
            label,
        );
    }
    let _ = write!(
        out,
        "<button class=\"icon\" data-action=\"close\" aria-label=\"{close}\" title=\"{close}\">✕</button></div>"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_plan_text_is_shown_as_text() {
        assert_eq!(
            escape(r#"<img src=x onerror="alert(1)"> & 'q'"#),
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;q&#39;"
        );
        let mut out = String::new();
        push_element(&mut out, "td", r#"class="name""#, "<b>长沙</b>");
        assert_eq!(out, r#"<td class="name">&lt;b&gt;长沙&lt;/b&gt;</td>"#);
    }
}
