//! `planner bundle`: the web app as `trunk build` leaves it in `dist/` (index.html, the
//! wasm-bindgen JavaScript module, the `_bg.wasm`, the stylesheet) made into one HTML file that
//! works when opened from disk with no network and no server:
//! - each stylesheet `<link>` becomes a `<style>` element with the file's text;
//! - preload hints (`modulepreload`, `preload`) are dropped (there is nothing to fetch);
//! - in the inline module script that starts the app, the JavaScript module's path becomes a
//!   `data:` URL of the module, and the wasm's path becomes the wasm's bytes (decoded from
//!   base64), which the module's `init` accepts in place of a path.
//!
//! Anything else index.html refers to in `dist/` is an error naming it, so that a change in the
//! build cannot make a bundle that silently needs the network.

use std::path::{Component, Path};

use base64::Engine;
// Standard base64 with padding: what `atob` and `data:` URLs read.
use base64::engine::general_purpose::STANDARD;

/// Why the bundle could not be made.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    /// index.html has no inline module script that imports the app's JavaScript module.
    #[error("index.html has no script that loads the app (is it Trunk's dist/index.html?)")]
    NoLoader,
    /// A file index.html refers to that the bundler does not know how to inline.
    #[error("index.html refers to {0}, which the bundler cannot inline")]
    Unknown(String),
    /// A reference that leaves the dist directory.
    #[error("index.html refers to {0}, outside the dist directory")]
    Outside(String),
}

/// Bundles `dist/index.html` and the files it refers to into `out`: the whole app, execution
/// routes included, in one file (dist's `execution.html`, a redirect for old bookmarks, is not
/// needed offline). Returns the bytes written.
pub fn bundle_dir(dist: &Path, out: &Path) -> Result<usize, BundleError> {
    let read = |relative: &str| {
        let path = dist.join(relative);
        std::fs::read(&path).map_err(|source| BundleError::Read {
            path: path.display().to_string(),
            source,
        })
    };
    let index = read("index.html")?;
    let index = String::from_utf8_lossy(&index);
    let html = bundle(&index, &read)?;
    std::fs::write(out, &html).map_err(|source| BundleError::Write {
        path: out.display().to_string(),
        source,
    })?;
    Ok(html.len())
}

/// The one-file page for `index` (Trunk's index.html); `read` gives a file of the dist
/// directory by its path relative to it.
pub fn bundle(
    index: &str,
    read: &dyn Fn(&str) -> Result<Vec<u8>, BundleError>,
) -> Result<String, BundleError> {
    let mut out = String::with_capacity(index.len());
    let mut rest = index;
    let mut loaded = false;
    while let Some(start) = find_tag(rest) {
        out.push_str(&rest[..start]);
        let tag_end = start + tag_length(&rest[start..]);
        let tag = &rest[start..tag_end];
        let name = tag_name(tag);
        rest = &rest[tag_end..];
        if name == "link" {
            out.push_str(&link(tag, read)?);
        } else if name == "script" {
            let close = find_ci(rest, "</script").unwrap_or(rest.len());
            let body = &rest[..close];
            rest = &rest[close..];
            if attribute(tag, "src").is_some() {
                return Err(BundleError::Unknown(format!(
                    "the script {}",
                    attribute(tag, "src").unwrap_or_default()
                )));
            }
            out.push_str(tag);
            if attribute(tag, "type").as_deref() == Some("module") {
                let (script, found) = loader(body, read)?;
                loaded |= found;
                out.push_str(&script);
            } else {
                out.push_str(body);
            }
        } else {
            out.push_str(tag);
        }
    }
    out.push_str(rest);
    if !loaded {
        return Err(BundleError::NoLoader);
    }
    Ok(out)
}

/// A `<link>` inlined: stylesheets as `<style>`, icons as `data:` URLs, preloads dropped.
fn link(
    tag: &str,
    read: &dyn Fn(&str) -> Result<Vec<u8>, BundleError>,
) -> Result<String, BundleError> {
    let rel = attribute(tag, "rel")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let Some(href) = attribute(tag, "href") else {
        return Ok(tag.to_string());
    };
    if is_remote(&href) {
        return Err(BundleError::Unknown(href));
    }
    match rel.as_str() {
        "modulepreload" | "preload" | "prefetch" => Ok(String::new()),
        "stylesheet" => {
            let css = read(&local(&href)?)?;
            let css = String::from_utf8_lossy(&css).replace("</style", "<\\/style");
            Ok(format!("<style>\n{css}\n</style>"))
        }
        "icon" | "shortcut icon" | "apple-touch-icon" => {
            let bytes = read(&local(&href)?)?;
            let mime = match href.rsplit('.').next().unwrap_or("") {
                "svg" => "image/svg+xml",
                "png" => "image/png",
                "ico" => "image/x-icon",
                _ => "application/octet-stream",
            };
            let data = format!("data:{mime};base64,{}", STANDARD.encode(&bytes));
            Ok(tag.replacen(&href, &data, 1))
        }
        _ => Err(BundleError::Unknown(href)),
    }
}

/// The app's loader script with its module path and wasm path replaced by their contents.
/// Returns whether it loaded the app (imported a JavaScript module of dist).
fn loader(
    body: &str,
    read: &dyn Fn(&str) -> Result<Vec<u8>, BundleError>,
) -> Result<(String, bool), BundleError> {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    let mut loaded = false;
    while let Some(open) = rest.find(['\'', '"']) {
        let quote = rest.as_bytes()[open] as char;
        let Some(len) = rest[open + 1..].find(quote) else {
            break;
        };
        let literal = &rest[open + 1..open + 1 + len];
        out.push_str(&rest[..open]);
        rest = &rest[open + len + 2..];
        if is_remote(literal) || !(literal.ends_with(".js") || literal.ends_with(".wasm")) {
            out.push(quote);
            out.push_str(literal);
            out.push(quote);
            continue;
        }
        let bytes = read(&local(literal)?)?;
        if literal.ends_with(".js") {
            let module = String::from_utf8_lossy(&bytes);
            if module.contains("from './snippets/") || module.contains("from \"./snippets/") {
                return Err(BundleError::Unknown(format!("the snippets of {literal}")));
            }
            out.push_str(&format!(
                "'data:text/javascript;base64,{}'",
                STANDARD.encode(&bytes)
            ));
            loaded = true;
        } else {
            out.push_str(&format!(
                "Uint8Array.from(atob('{}'), (c) => c.charCodeAt(0))",
                STANDARD.encode(&bytes)
            ));
        }
    }
    out.push_str(rest);
    Ok((out, loaded))
}

fn is_remote(reference: &str) -> bool {
    reference.contains("://") || reference.starts_with("//") || reference.starts_with("data:")
}

/// A reference of index.html as a path relative to dist (`/a.css`, `./a.css` and `a.css` are
/// the same file); `..` is refused.
fn local(reference: &str) -> Result<String, BundleError> {
    let path = reference.split(['?', '#']).next().unwrap_or("");
    let path = path.trim_start_matches('/');
    let inside = Path::new(path)
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if path.is_empty() || !inside {
        return Err(BundleError::Outside(reference.to_string()));
    }
    Ok(path.trim_start_matches("./").to_string())
}

/// The offset of the next `<link` or `<script` tag.
fn find_tag(html: &str) -> Option<usize> {
    let link = find_ci(html, "<link");
    let script = find_ci(html, "<script");
    match (link, script) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The length of the tag at the start of `html`, up to and including its `>` (quoted
/// attribute values may hold `>`).
fn tag_length(html: &str) -> usize {
    let mut quote = None;
    for (i, b) in html.bytes().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    html.len()
}

fn tag_name(tag: &str) -> String {
    tag[1..]
        .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The value of an attribute of a tag (`name="v"`, `name='v'` or `name=v`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let bytes = tag.as_bytes();
    let mut i = 0;
    while let Some(at) = find_ci(&tag[i..], name) {
        let start = i + at;
        let end = start + name.len();
        i = end;
        let before_ok = start > 0 && bytes[start - 1].is_ascii_whitespace();
        let value = tag[end..].trim_start();
        if !before_ok || !value.starts_with('=') {
            continue;
        }
        let value = value[1..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_string(),
            _ => value
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or("")
                .trim_end_matches('/')
                .to_string(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// A dist directory as Trunk 0.21 writes it, in miniature.
    fn fake_dist() -> HashMap<&'static str, Vec<u8>> {
        let index = r#"<!DOCTYPE html><html><head>
<meta charset="utf-8" />
<title>Region Planner</title>
<link rel="modulepreload" href="/app-1a2b.js" crossorigin="anonymous" integrity="sha384-x">
<link rel="preload" href="/app-1a2b_bg.wasm" crossorigin="anonymous" integrity="sha384-y" as="fetch" type="application/wasm">
<link rel="stylesheet" href="/style-3c4d.css" integrity="sha384-z"/>
</head>
<body>
<script type="module">
import init, * as bindings from '/app-1a2b.js';
const wasm = await init({ module_or_path: '/app-1a2b_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>
</body></html>"#;
        HashMap::from([
            ("index.html", index.as_bytes().to_vec()),
            ("app-1a2b.js", b"export default function init() {}".to_vec()),
            ("app-1a2b_bg.wasm", vec![0, 97, 115, 109, 1, 0, 0, 0, 0xff]),
            ("style-3c4d.css", b"body { color: #123; }".to_vec()),
        ])
    }

    fn reader<'a>(
        files: &'a HashMap<&'static str, Vec<u8>>,
    ) -> impl Fn(&str) -> Result<Vec<u8>, BundleError> + 'a {
        move |path: &str| {
            files.get(path).cloned().ok_or_else(|| BundleError::Read {
                path: path.into(),
                source: std::io::ErrorKind::NotFound.into(),
            })
        }
    }

    #[test]
    fn the_page_carries_its_stylesheet_module_and_wasm() {
        let files = fake_dist();
        let index = String::from_utf8(files["index.html"].clone()).unwrap();
        let html = bundle(&index, &reader(&files)).unwrap();
        assert!(
            html.contains("<style>\nbody { color: #123; }\n</style>"),
            "{html}"
        );
        let module = format!(
            "import init, * as bindings from 'data:text/javascript;base64,{}';",
            STANDARD.encode(b"export default function init() {}")
        );
        assert!(html.contains(&module), "{html}");
        assert!(
            html.contains(
                "await init({ module_or_path: Uint8Array.from(atob('AGFzbQEAAAD/'), (c) => c.charCodeAt(0)) });"
            ),
            "{html}"
        );
        for gone in [
            "/app-1a2b.js",
            "/app-1a2b_bg.wasm",
            "/style-3c4d.css",
            "modulepreload",
        ] {
            assert!(!html.contains(gone), "{gone} is still referred to: {html}");
        }
        assert!(
            html.contains("TrunkApplicationStarted"),
            "the rest of the loader is kept"
        );
        assert!(html.starts_with("<!DOCTYPE html><html><head>\n<meta charset=\"utf-8\" />"));
    }

    #[test]
    fn what_cannot_be_inlined_is_named() {
        let files = fake_dist();
        let index = String::from_utf8(files["index.html"].clone()).unwrap();
        let cases = [
            (
                index.replace("/style-3c4d.css", "/missing.css"),
                "cannot read missing.css",
            ),
            (
                index.replace("/style-3c4d.css", "https://cdn.example/x.css"),
                "refers to https://cdn.example/x.css",
            ),
            (
                index.replace("/style-3c4d.css", "/../secret.css"),
                "outside the dist directory",
            ),
            (
                index.replace("<body>", "<body><script src=\"/extra.js\"></script>"),
                "refers to the script /extra.js",
            ),
            (
                index.replace(
                    "<title>",
                    "<link rel=\"manifest\" href=\"/app.webmanifest\"><title>",
                ),
                "refers to /app.webmanifest",
            ),
            (
                index.replace("'/app-1a2b.js'", "'/elsewhere'"),
                "has no script that loads the app",
            ),
        ];
        for (page, want) in cases {
            let err = bundle(&page, &reader(&files)).unwrap_err().to_string();
            assert!(err.contains(want), "{want}: got {err}");
        }
    }

    #[test]
    fn a_dist_directory_becomes_one_file() {
        let dir = std::env::temp_dir().join(format!("planner-bundle-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (name, bytes) in fake_dist() {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
        std::fs::write(
            dir.join("execution.html"),
            r#"<meta http-equiv="refresh" content="0; url=./#/tracking">"#,
        )
        .unwrap();
        let before = std::fs::read_dir(&dir).unwrap().count();
        let out = dir.join("one.html");
        let written = bundle_dir(&dir, &out).unwrap();
        let html = std::fs::read_to_string(&out).unwrap();
        assert_eq!(written, html.len());
        assert!(html.contains("data:text/javascript;base64,"));
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            before + 1,
            "one file written, the whole app"
        );
        let missing = bundle_dir(&dir.join("nothing"), &out)
            .unwrap_err()
            .to_string();
        assert!(
            missing.contains("cannot read") && missing.contains("index.html"),
            "{missing}"
        );
        std::fs::remove_dir_all(dir).ok();
    }
}
