#!/usr/bin/env bash
# Builds the app for hosting: dist/ (any static host serves it) plus one self-contained file,
# dist/region-planner-offline.html, that works opened from disk with no network.
# Installs missing tools first (scripts/setup.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$RP_ROOT/scripts/setup.sh"
cd "$RP_ROOT"
dist="${1:-$RP_ROOT/dist}"
rp_say "trunk build --release into $dist"
trunk build --release --offline --dist "$dist"
rp_say "single-file HTML: $dist/region-planner-offline.html"
cargo run --quiet --release --bin planner -- bundle "$dist" "$dist/region-planner-offline.html"
