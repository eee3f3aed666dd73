//! The execution pages' entry point (built by Trunk for wasm32, loaded by execution.html).

#[cfg(target_arch = "wasm32")]
fn main() {
    region_planner::exec_ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The execution pages are built for the browser: run `./scripts/serve.sh` and open \
         execution.html. The command line is `planner` (`planner track`, `planner scorecard`)."
    );
    std::process::exit(2);
}
