#!/usr/bin/env bash
# Installs what the real-editor tests need, offline but for the npm and Debian registries.
# Idempotent: a second run only checks and returns (about a second).
#   - Debian: chromium (the workbench client), a CJK font (Chinese is boxes without one), and what code-server's native modules build with
#   - code-server 4.100.3 from npm = VS Code 1.100.3 (server + web workbench + Node extension host),
#     the last release whose engines accept Node 20
# The project's own test dependencies (playwright-core, mocha, @vscode/vsce) come from package-lock.json.
# See ../shared/vscode-e2e/RECIPE.md for why each workaround is there.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CS_VERSION="${CS_VERSION:-4.100.3}"
CS_DIR="${CS_DIR:-$ROOT/.vscode-test/code-server-$CS_VERSION}"
# @vscode/ripgrep 1.15.11 (inside code-server 4.100.3) downloads rg from GitHub in its postinstall;
# its download cache (named by these two pins) is seeded with Debian's rg instead.
RG_PKG_VERSION=1.15.11
RG_TAG=v13.0.0-10

source "$ROOT/scripts/apt-need.sh"
apt_need e2e-setup chromium fonts-wqy-microhei unzip libkrb5-dev pkg-config ripgrep python3 make g++

installed="$(node -p "require('$CS_DIR/node_modules/code-server/package.json').version" 2>/dev/null || true)"
if [ "$installed" != "$CS_VERSION" ] || [ ! -f "$CS_DIR/node_modules/code-server/lib/vscode/out/server-main.js" ] \
   || [ ! -d "$CS_DIR/node_modules/code-server/lib/vscode/node_modules" ]; then
  echo "e2e-setup: installing code-server $CS_VERSION into $CS_DIR (about a minute)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR/tmp"
  rg_cache="$CS_DIR/tmp/vscode-ripgrep-cache-$RG_PKG_VERSION"
  mkdir -p "$rg_cache/stage"; cp "$(command -v rg)" "$rg_cache/stage/rg"
  tar czf "$rg_cache/ripgrep-$RG_TAG-x86_64-unknown-linux-musl.tar.gz" -C "$rg_cache/stage" rg
  # allowScripts: npm 11.19+ warns about unapproved install scripts
  echo '{"name":"code-server-tool","private":true,"allowScripts":{"code-server":true,"argon2":true}}' > "$CS_DIR/package.json"
  # npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which must not prompt
  # TMPDIR: where @vscode/ripgrep looks for its download cache
  ( cd "$CS_DIR" && TMPDIR="$CS_DIR/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund --no-save "code-server@$CS_VERSION" > "$CS_DIR/install.log" 2>&1 ) \
    || { tail -40 "$CS_DIR/install.log"; echo "e2e-setup: code-server install failed (log: $CS_DIR/install.log)" >&2; exit 1; }
  rm -rf "$CS_DIR/tmp"
fi
echo "e2e-setup: code-server $CS_VERSION ready in ${CS_DIR#$ROOT/}; $(chromium --version 2>/dev/null | head -1)"
