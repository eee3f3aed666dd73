#!/usr/bin/env bash
# Builds Region Planner (release wasm, wasm-opt -Oz) and serves it on http://127.0.0.1:8080.
# Installs missing tools first (scripts/setup.sh). Trunk rebuilds on file changes; Ctrl-C stops it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$RP_ROOT/scripts/setup.sh"
cd "$RP_ROOT"
rp_say "serving on http://127.0.0.1:8080"
# --offline: Trunk uses wasm-bindgen and wasm-opt from PATH instead of downloading them.
exec trunk serve --release --offline --address 127.0.0.1 --port 8080 "$@"
