//! Where the built app is: `$RP_DIST`, else `<repo>/dist` (what `trunk build --release` writes).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The built app's directory. Panics with what to do when it has not been built: these tests
/// check the real build and never skip.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("RP_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no built app at {} (index.html missing). Run `./scripts/test.sh`, which builds it with \
         `trunk build --release` and then runs these tests, or set RP_DIST to a built dist directory.",
        dir.display()
    );
    warn_if_stale(&dir);
    dir
}

/// Says so when sources changed after dist was built: the tests would check an old build.
fn warn_if_stale(dist: &Path) {
    let Some(built) = modified(&dist.join("index.html")) else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut newest: Option<(SystemTime, PathBuf)> = None;
    for input in ["src", "public", "index.html", "Cargo.toml"] {
        newest_under(&root.join(input), &mut newest);
    }
    if let Some((time, path)) = newest
        && time > built
    {
        eprintln!(
            "warning: {} changed after {} was built; run `./scripts/test.sh` to rebuild",
            path.display(),
            dist.display()
        );
    }
}

fn newest_under(path: &Path, newest: &mut Option<(SystemTime, PathBuf)>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            newest_under(&entry.path(), newest);
        }
    } else if let Some(time) = modified(path)
        && newest.as_ref().is_none_or(|(t, _)| time > *t)
    {
        *newest = Some((time, path.to_path_buf()));
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
