//! `planner`: the command line of Region Planner (see `region_planner::cli`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;

    let mut args = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.into_string() {
            Ok(a) => args.push(a),
            Err(bad) => {
                eprintln!("planner: argument {bad:?} is not valid UTF-8");
                std::process::exit(region_planner::cli::EXIT_USAGE);
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let code = region_planner::cli::run(&args, &mut out, &mut std::io::stderr());
    // Already flushed by `run`; a failure here was reported there.
    let _ = out.flush();
    std::process::exit(code);
}

/// The command line is native only; the wasm build of the package has no use for it.
#[cfg(target_arch = "wasm32")]
fn main() {}
