#!/usr/bin/env bash
# Every test: type check, lint, then the vitest projects: unit and component tests, the data checks, and browser
# tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need_apt+=(chromium)
# The font list is read whole, then searched: `fc-list | grep -q` under pipefail fails whenever grep stops reading
# early and fc-list dies of SIGPIPE, which reported the fonts missing when they were installed.
fonts="$(fc-list : family 2>/dev/null || true)"
grep -qi "Noto Sans CJK" <<<"$fonts" || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then as_root=(); elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(none); fi
  if [ "${as_root[*]}" != none ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${need_apt[*]} with apt-get (browser tests need them)…"
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "Browser tests need Debian's Chromium and CJK fonts, and this user cannot install them. Install them with:" >&2
    echo "  sudo apt-get install -y ${need_apt[*]}" >&2
    exit 1
  fi
fi

[ -d node_modules ] || npm install --no-audit --no-fund
# Type-checks the app, the scripts, the tests and the benchmark pages (tsconfig.json includes them all).
npx tsc -p tsconfig.json --noEmit
# The benchmark's bare MapLibre page still builds, so `npm run bench` cannot rot unnoticed.
npx tsx scripts/bench.ts --check
# The scale benchmark's generated plans still link and publish (no build, no browser), so `npm run bench:scale` cannot rot.
npx tsx scripts/bench-scale.ts --check
# Lint and format, and the import boundaries between features, ui, data and lib (biome.json).
npx biome check
# The data's checks (validation as `npm run validate` runs it, layers up to date, truth to the plans) are the
# vitest project `data`, which runs the plan compiler in-process.
mkdir -p test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile=test-results/vitest.json "$@" || status=$?
# One plain closing line that any CI can read.
node -e 'const r=require("./test-results/vitest.json"); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`)' || true
exit $status
