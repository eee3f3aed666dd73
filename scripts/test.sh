#!/usr/bin/env bash
# Runs every check and test of Region Planner; exits non-zero if any fails.
#   rustfmt, clippy (native and wasm32), cargo test (unit, property and CLI tests),
#   trunk build --release into dist/, the wasm size budget, and the end-to-end tests in headless
#   Chromium (WebDriver) against dist/.
# Installs missing tools first (scripts/setup.sh). Every step runs even when an earlier one failed,
# except the ones that need dist/ when the build failed. Logs: $target/test-logs/.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$RP_ROOT/scripts/setup.sh" || rp_die "setup failed"
cd "$RP_ROOT"

target_dir="${CARGO_TARGET_DIR:-$RP_ROOT/target}"
log_dir="$target_dir/test-logs"
mkdir -p "$log_dir"
rm -f "$log_dir"/*.log
export RP_DIST="$RP_ROOT/dist"

summary=()
failed=0

# step NAME LOG COMMAND...: runs COMMAND, shows and logs its output, records the outcome.
step() {
  local name="$1" log="$log_dir/$2.log"
  shift 2
  rp_say "$name: $*"
  local start=$SECONDS
  if "$@" 2>&1 | tee "$log"; then
    summary+=("$(printf 'ok    %-26s %4ss' "$name" $((SECONDS - start)))")
  else
    summary+=("$(printf 'FAIL  %-26s %4ss   log: %s' "$name" $((SECONDS - start)) "$log")")
    failed=1
    return 1
  fi
}
skip() {
  summary+=("$(printf 'SKIP  %-26s        (%s)' "$1" "$2")")
}

step "rustfmt" fmt cargo fmt --all -- --check
# --features e2e so the browser tests are linted too.
step "clippy (native)" clippy-native cargo clippy --all-targets --features e2e -- -D warnings
step "clippy (wasm32)" clippy-wasm cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
step "cargo test" cargo-test cargo test
if step "trunk build --release" trunk-build trunk build --release --offline --dist "$RP_DIST"; then
  step "single-file HTML" bundle cargo run --quiet --bin planner -- bundle "$RP_DIST" "$RP_DIST/region-planner-offline.html"
  step "wasm size" wasm-size cargo test --features e2e --test wasm_size -- --show-output
  step "e2e (headless Chromium)" e2e \
    cargo test --features e2e --test e2e -- --show-output --test-threads="${RP_E2E_THREADS:-2}"
else
  skip "wasm size" "no dist: the build failed"
  skip "e2e (headless Chromium)" "no dist: the build failed"
fi

echo
echo "── summary ─────────────────────────────────────────────"
printf '%s\n' "${summary[@]}"
# Figures the tests print (see docs/PERFORMANCE.md).
grep -h -E '^(wasm size|app start):' "$log_dir/wasm-size.log" "$log_dir/e2e.log" 2>/dev/null | sed 's/^/      /'
if ((failed)); then
  echo "FAILED"
  exit 1
fi
echo "all passed"
