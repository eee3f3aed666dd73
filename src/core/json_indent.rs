//! Indenting compact JSON text for people to read. Doing this on the text, instead of asking
//! serde for a pretty printer, keeps a second copy of every serialiser out of the wasm build.

/// `json` (valid, compact) laid out with two-space indents, one value per line, as
/// `serde_json::to_string_pretty` would.
pub fn indent(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 4);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = json.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                // Empty containers stay on one line.
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::write_plan;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    #[test]
    fn the_layout_is_serde_jsons_pretty_layout() {
        for lang in [Lang::Zh, Lang::En] {
            let plan = sample_plan(lang);
            let pretty = serde_json::to_string_pretty(&plan).unwrap();
            assert_eq!(indent(&write_plan(&plan)), pretty);
        }
        assert_eq!(
            indent(r#"{"a":"x,{\"}","b":[],"c":{}}"#),
            "{\n  \"a\": \"x,{\\\"}\",\n  \"b\": [],\n  \"c\": {}\n}"
        );
    }
}
