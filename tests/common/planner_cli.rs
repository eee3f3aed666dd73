//! Running the `planner` binary from the command-line tests, as a user would.

use std::path::PathBuf;
use std::process::{Command, Output};

pub fn planner(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planner"))
        .args(args)
        .output()
        .expect("planner runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A file in the temp dir, unique to this test process, `prefix` and name, with `contents`.
pub fn temp_file(prefix: &str, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = std::env::temp_dir().join(format!("{prefix}-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).expect("temp file written");
    path
}
