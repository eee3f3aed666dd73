//! Each release wasm (the planner's and the execution pages') stays small enough to load fast:
//! at most 300 KB gzipped.
//! Needs `dist/` from `trunk build --release`: run `./scripts/test.sh`, or
//! `cargo test --features e2e --test wasm_size` after building.

#[path = "e2e/support/dist.rs"]
mod dist;

use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;

const BUDGET_GZIPPED: usize = 300_000;

#[test]
fn each_release_wasm_is_at_most_300_kb_gzipped() {
    let dist = dist::dist_dir();
    let mut wasm: Vec<_> = std::fs::read_dir(&dist)
        .unwrap_or_else(|err| panic!("reading {}: {err}", dist.display()))
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "wasm"))
        .collect();
    wasm.sort();
    // The planner (index.html) and the execution pages (execution.html).
    assert_eq!(
        wasm.len(),
        2,
        "expected the planner's and the execution pages' .wasm in {}, found {wasm:?}",
        dist.display()
    );
    let over: Vec<String> = wasm.iter().filter_map(|path| over_budget(path)).collect();
    assert!(
        over.is_empty(),
        "over the budget of 300 KB gzipped: {over:?}"
    );
}

/// Prints the file's sizes; returns a message when it is over the budget.
fn over_budget(path: &std::path::Path) -> Option<String> {
    let raw = std::fs::read(path).unwrap_or_else(|err| panic!("reading {}: {err}", path.display()));
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(&raw)
        .and_then(|()| gz.flush())
        .expect("gzip in memory");
    let gzipped = gz.finish().expect("gzip in memory").len();

    let name = path.file_name().unwrap_or_default().to_string_lossy();
    println!(
        "wasm size: {name} {} bytes ({:.1} KB) raw, {gzipped} bytes ({:.1} KB) gzipped; budget {} KB gzipped",
        raw.len(),
        raw.len() as f64 / 1000.0,
        gzipped as f64 / 1000.0,
        BUDGET_GZIPPED / 1000
    );
    (gzipped > BUDGET_GZIPPED).then(|| format!("{name} is {gzipped} bytes gzipped"))
}
