#!/usr/bin/env bash
# Looks at the contract suite's HTML report in a real browser: renders it in headless Chromium
# (Debian's `chromium` package: apt-get install -y chromium) and writes two screenshots, the page
# as opened (header, totals, the operations × cases matrix) and the page with one case opened
# (its source, accepted answers, requests and responses), shown alone with the page's ?case=ID.
#
#   scripts/html-report-screenshot.sh [REPORT.html] [OUT_DIR] [CASE_ID]
#
# Without REPORT.html it first runs the built CLI against the embedded mock with --html (run
# `pnpm build` before). OUT_DIR defaults to reports/screenshots; CASE_ID to
# list:UnknownOrganization:404. CI does not run this (it checks the page's structure in vitest);
# it is for a person to look at the page after changing src/report/Html.ts.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${2:-$root/reports/screenshots}"
case_id="${3:-list:UnknownOrganization:404}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

report="${1:-}"
if [ -z "$report" ]; then
  report="$out/contract.html"
  node "$root/packages/contract-tests/dist/bin.js" --html "$report" >/dev/null || true
fi
report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
[ -f "$report" ] || { echo "error: no report at $report" >&2; exit 2; }

browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "error: no Chromium: apt-get install -y chromium" >&2; exit 2; }

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

shot() { # file size url
  "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --hide-scrollbars --virtual-time-budget=3000 --window-size="$2" --screenshot="$1" "$3" >/dev/null 2>&1
}

# ?case=ID shows that case alone, opened (headless screenshots of a scrolled page come out blank)
shot "$out/report-matrix.png" 1400,1100 "file://$report"
shot "$out/report-case.png" 1400,2400 "file://$report?case=$case_id"
echo "$out/report-matrix.png"
echo "$out/report-case.png"
