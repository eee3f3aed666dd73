#!/usr/bin/env bash
# Installs what building, serving and testing Region Planner needs, and skips what is already there:
#   - Rust target wasm32-unknown-unknown, rustfmt and clippy   (rustup)
#   - trunk 0.21.x                                              (cargo install, ~7 min the first time)
#   - wasm-bindgen-cli at the exact version in Cargo.lock       (cargo install)
#   - wasm-opt (binaryen 132) in <repo>/.tools                  (npm; node and npm from apt if missing)
#   - chromium, chromedriver and a CJK font                     (apt-get; sudo when not root)
#   - poppler-utils (pdfinfo, pdftotext: the printed plan's tests read its PDF)   (apt-get)
#   - all crates in Cargo.lock                                  (cargo fetch, so builds can run --offline)
# Needs only rustup and cargo on a Debian machine. Safe to run again; quick when everything is present.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$RP_ROOT"

command -v cargo >/dev/null || rp_die "cargo not found: install Rust with rustup (https://rustup.rs) first"
command -v rustup >/dev/null || rp_die "rustup not found: install Rust with rustup (https://rustup.rs) first"

# --- apt packages (installed together, with one apt-get update) ---------------------------------
apt_wanted=()
command -v chromium >/dev/null || apt_wanted+=(chromium)
command -v chromedriver >/dev/null || apt_wanted+=(chromium-driver)
command -v pdftotext >/dev/null || apt_wanted+=(poppler-utils)
{ command -v node >/dev/null && command -v npm >/dev/null; } || apt_wanted+=(nodejs npm)
# A CJK font, so Chinese text renders in headless Chromium (screenshots), not as boxes.
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || apt_wanted+=(fonts-noto-cjk)
if ((${#apt_wanted[@]})); then
  command -v apt-get >/dev/null || rp_die "apt-get not found; install by hand: ${apt_wanted[*]}"
  sudo_cmd=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || rp_die "need root or sudo to apt-get install ${apt_wanted[*]}"
    sudo_cmd=(sudo)
  fi
  rp_say "apt-get install ${apt_wanted[*]}"
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${apt_wanted[@]}"
fi

# --- Rust target and components ----------------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rp_say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
components=()
cargo fmt --version >/dev/null 2>&1 || components+=(rustfmt)
cargo clippy --version >/dev/null 2>&1 || components+=(clippy)
if ((${#components[@]})); then
  rp_say "rustup component add ${components[*]}"
  rustup component add "${components[@]}"
fi

# --- trunk -------------------------------------------------------------------------------------
trunk_version="$(trunk --version 2>/dev/null || true)"
case "$trunk_version" in
  "trunk $RP_TRUNK_SERIES".*) ;;
  *)
    rp_say "cargo install trunk --version '~$RP_TRUNK_SERIES' --locked (found: ${trunk_version:-none}; takes several minutes)"
    cargo install trunk --version "~$RP_TRUNK_SERIES" --locked
    ;;
esac

# --- wasm-bindgen-cli, exactly the version Cargo.lock uses ---------------------------------------
wbg_wanted="$(rp_wasm_bindgen_version)"
[ -n "$wbg_wanted" ] || rp_die "no wasm-bindgen package in Cargo.lock"
wbg_found="$(wasm-bindgen --version 2>/dev/null || true)"
if [ "$wbg_found" != "wasm-bindgen $wbg_wanted" ]; then
  # Not --locked: the CLI's own lock file names a crate version the registry no longer has.
  rp_say "cargo install wasm-bindgen-cli --version =$wbg_wanted (found: ${wbg_found:-none})"
  cargo install wasm-bindgen-cli --version "=$wbg_wanted"
fi

# --- wasm-opt (binaryen from npm; Debian's binaryen is too old, Trunk's download is unreachable) --
wasm_opt_found="$("$RP_TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null || true)"
case "$wasm_opt_found" in
  *"version $RP_BINARYEN_VERSION"*) ;;
  *)
    rp_say "npm install binaryen@$RP_BINARYEN_VERSION into .tools/"
    mkdir -p "$RP_TOOLS"
    npm install --prefix "$RP_TOOLS" --no-audit --no-fund --loglevel=error "binaryen@$RP_BINARYEN_VERSION"
    ;;
esac

# --- crates, so that trunk --offline (which passes --offline to cargo) finds them ---------------
cargo fetch --quiet

# --- report ------------------------------------------------------------------------------------
chromium_version="$(chromium --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n1 || true)"
driver_version="$(chromedriver --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n1 || true)"
if [ "${chromium_version%%.*}" != "${driver_version%%.*}" ]; then
  rp_die "chromium ($chromium_version) and chromedriver ($driver_version) major versions differ"
fi
printf 'setup ok: %s, wasm-bindgen %s, wasm-opt %s, chromium %s, chromedriver %s\n' \
  "$(trunk --version)" "$wbg_wanted" "$RP_BINARYEN_VERSION" "$chromium_version" "$driver_version" >&2
