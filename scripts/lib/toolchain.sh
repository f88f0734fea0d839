# shellcheck shell=bash
# Sourced by scripts/dev, scripts/test and .ci/run. Makes sure this shell has Node >= 22.13 and
# pnpm 10 on PATH and the workspace installed, fetching only from the npm registry.
#
# Why here and not in package.json: a fresh machine may have Node 20 and no pnpm, so nothing in the
# workspace can run yet. Everything this installs lands in .tools/ (git-ignored).

set -euo pipefail

TESSERA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TESSERA_TOOLS="$TESSERA_ROOT/.tools"
NODE_MAJOR=24
PNPM_VERSION=10.34.8

log() { printf '\033[2m[setup]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

# True when the node on PATH is at least 22.13 (Hardhat 3's floor).
node_is_recent() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=13)?0:1)'
}

ensure_node() {
  local bin="$TESSERA_TOOLS/node/node_modules/node-linux-$1/bin"
  if [ -x "$bin/node" ]; then export PATH="$bin:$PATH"; fi
  node_is_recent && return 0
  command -v npm >/dev/null 2>&1 || die "npm is needed to fetch Node $NODE_MAJOR (install Node 20+ with npm first)."
  log "Node $(node -v 2>/dev/null || echo none) is too old; fetching Node $NODE_MAJOR from the npm registry into .tools/node"
  npm install --silent --no-fund --no-audit --prefix "$TESSERA_TOOLS/node" "node-linux-$1@$NODE_MAJOR" >/dev/null 2>&1 \
    || die "could not install node-linux-$1@$NODE_MAJOR from the npm registry"
  export PATH="$bin:$PATH"
  node_is_recent || die "Node $NODE_MAJOR install did not work: $(node -v)"
}

ensure_pnpm() {
  local bin="$TESSERA_TOOLS/pnpm/node_modules/.bin"
  if [ -x "$bin/pnpm" ]; then export PATH="$bin:$PATH"; fi
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null | cut -d. -f1)" = "10" ]; then return 0; fi
  log "fetching pnpm $PNPM_VERSION from the npm registry into .tools/pnpm"
  npm install --silent --no-fund --no-audit --prefix "$TESSERA_TOOLS/pnpm" "pnpm@$PNPM_VERSION" >/dev/null 2>&1 \
    || die "could not install pnpm@$PNPM_VERSION from the npm registry"
  export PATH="$bin:$PATH"
}

ensure_workspace() {
  cd "$TESSERA_ROOT"
  # pnpm prints "Already up to date" in about a second when nothing changed.
  pnpm install --frozen-lockfile --prefer-offline --reporter=append-only 2>&1 | grep -v '^$' | sed 's/^/[setup] /' >&2
}

# Debian's Chromium for the browser tests (never a Playwright download). Best effort: when it cannot
# be installed, the browser test fails with a message that says how to install it.
ensure_chromium() {
  local candidate
  for candidate in "${CHROMIUM_PATH:-}" /usr/lib/chromium/chromium /usr/bin/chromium; do
    [ -n "$candidate" ] && [ -x "$candidate" ] && return 0
  done
  command -v apt-get >/dev/null 2>&1 || { log "Chromium not found and no apt-get: install Chromium and set CHROMIUM_PATH"; return 0; }
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    sudo -n true 2>/dev/null || { log "Chromium not found; install it: sudo apt-get install -y --no-install-recommends chromium"; return 0; }
    sudo="sudo -n"
  fi
  log "installing Debian's chromium for the browser tests (about 15 s)"
  $sudo apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 \
    || log "could not install chromium with apt-get; the browser test will say how to install it"
}

case "$(uname -m)" in
  x86_64 | amd64) ensure_node x64 ;;
  aarch64 | arm64) ensure_node arm64 ;;
  *) node_is_recent || die "no Node >= 22.13 on PATH and no prebuilt Node for $(uname -m) on npm; install Node $NODE_MAJOR" ;;
esac
ensure_pnpm
export NEXT_TELEMETRY_DISABLED=1
export HARDHAT_DISABLE_TELEMETRY_PROMPT=true
export DO_NOT_TRACK=1
ensure_workspace
