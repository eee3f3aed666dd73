# Sourced by the other scripts (bash): repository root, tool paths and shared helpers.
# Tools live in places the scripts manage themselves:
#   ~/.cargo/bin              trunk, wasm-bindgen (cargo install)
#   <repo>/.tools/node_modules/.bin   wasm-opt (npm package binaryen, gitignored)

RP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RP_TOOLS="$RP_ROOT/.tools"
RP_CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export RP_ROOT RP_TOOLS

# .tools first so our wasm-opt wins over an older system binaryen.
case ":$PATH:" in
  *":$RP_TOOLS/node_modules/.bin:"*) ;;
  *) PATH="$RP_TOOLS/node_modules/.bin:$PATH" ;;
esac
case ":$PATH:" in
  *":$RP_CARGO_BIN:"*) ;;
  *) PATH="$RP_CARGO_BIN:$PATH" ;;
esac
export PATH

# Versions the scripts install.
RP_TRUNK_SERIES="0.21"
RP_BINARYEN_VERSION="132"

rp_say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
rp_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version Cargo.lock resolved (the CLI must match it exactly).
rp_wasm_bindgen_version() {
  awk '
    /^\[\[package\]\]/ { name = "" }
    /^name = "wasm-bindgen"$/ { name = "wasm-bindgen"; next }
    name == "wasm-bindgen" && /^version = / { gsub(/^version = "|"$/, ""); print; exit }
  ' "$RP_ROOT/Cargo.lock"
}
