//! The web app's entry point (built by Trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    region_planner::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The web app is built for the browser: run `./scripts/serve.sh`. The command line is `planner`."
    );
    std::process::exit(2);
}
