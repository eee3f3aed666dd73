//! The built app is one wasm, small enough to open fast (at most 1,225 KB gzipped: see
//! docs/PERFORMANCE.md for what it goes to and the start times it gives; keeping plans in
//! IndexedDB through `indexed_db_futures` took it from 1,148 KB to 1,197 KB, and the
//! collections re-spread and the scorecard's amount fallback to 1,214 KB, Compare's collections,
//! the faster save and the library's Web Lock to 1,220 KB), and every file
//! the page loads carries a content hash in its name, so a deploy never mixes old and new files.
//! Needs `dist/` from `trunk build --release`: run `./scripts/test.sh`, or
//! `cargo test --features e2e --test wasm_size` after building.

#[path = "e2e/support/dist.rs"]
mod dist;

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;

const BUDGET_GZIPPED: usize = 1_225_000;

fn files_with_extension(dist: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(dist)
        .unwrap_or_else(|err| panic!("reading {}: {err}", dist.display()))
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == ext))
        .collect();
    found.sort();
    found
}

#[test]
fn the_app_is_one_wasm_of_at_most_1225_kb_gzipped() {
    let dist = dist::dist_dir();
    let wasm = files_with_extension(&dist, "wasm");
    assert_eq!(
        wasm.len(),
        1,
        "expected the app's one .wasm in {}, found {wasm:?}",
        dist.display()
    );
    let raw = std::fs::read(&wasm[0]).unwrap_or_else(|err| panic!("reading {:?}: {err}", wasm[0]));
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(&raw)
        .and_then(|()| gz.flush())
        .expect("gzip in memory");
    let gzipped = gz.finish().expect("gzip in memory").len();
    let name = wasm[0].file_name().unwrap_or_default().to_string_lossy();
    println!(
        "wasm size: {name} {} bytes ({:.1} KB) raw, {gzipped} bytes ({:.1} KB) gzipped; budget {} KB gzipped",
        raw.len(),
        raw.len() as f64 / 1000.0,
        gzipped as f64 / 1000.0,
        BUDGET_GZIPPED / 1000
    );
    assert!(
        gzipped <= BUDGET_GZIPPED,
        "{name} is {gzipped} bytes gzipped; the budget is {BUDGET_GZIPPED}"
    );
}

/// The names of the files `index.html` loads (script, module, wasm, styles, preloads).
fn loaded_files(html: &str) -> Vec<String> {
    let mut names = Vec::new();
    for attr in ["src=\"", "href=\"", "from '", "module_or_path: '"] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find(['"', '\'']).unwrap_or(rest.len());
            let name = rest[..end].trim_start_matches("./").trim_start_matches('/');
            if !name.is_empty() && !name.contains("://") && !name.starts_with('#') {
                names.push(name.to_string());
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

/// A file name with a content hash: `region-planner-0123456789abcdef_bg.wasm`. Trunk writes
/// the 64-bit hash in hex without leading zeros, so one build in sixteen has 15 digits or fewer.
fn has_content_hash(name: &str) -> bool {
    name.split(['-', '_', '.'])
        .any(|part| (12..=16).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[test]
fn every_file_the_page_loads_has_a_content_hash_in_its_name() {
    let dist = dist::dist_dir();
    let html = std::fs::read_to_string(dist.join("index.html")).expect("reading index.html");
    let loaded = loaded_files(&html);
    for ext in ["js", "wasm", "css"] {
        assert!(
            loaded.iter().any(|n| n.ends_with(&format!(".{ext}"))),
            "index.html loads no .{ext} file: {loaded:?}"
        );
    }
    for name in &loaded {
        assert!(has_content_hash(name), "{name} has no content hash");
        assert!(
            dist.join(name).is_file(),
            "{name} is not in {}",
            dist.display()
        );
    }
}

#[test]
fn hashed_names_are_told_from_plain_ones() {
    assert!(has_content_hash("region-planner-cae6e3bc2dd10b95_bg.wasm"));
    assert!(has_content_hash("style-71c4f025bbc278a2.css"));
    assert!(has_content_hash("region-planner-65da7ea99f1e4f1.js"));
    assert!(!has_content_hash("style.css"));
    assert!(!has_content_hash("region-planner-execution.js"));
    let html = r#"<link rel="modulepreload" href="/a-0123456789abcdef.js"><script type="module">import init from '/a-0123456789abcdef.js'; init({ module_or_path: '/a-0123456789abcdef_bg.wasm' });</script><link rel="stylesheet" href="/s-0123456789abcdef.css">"#;
    assert_eq!(
        loaded_files(html),
        [
            "a-0123456789abcdef.js",
            "a-0123456789abcdef_bg.wasm",
            "s-0123456789abcdef.css"
        ]
    );
}
