#!/usr/bin/env bash
# Publish-readiness of every published package (core, client, client-effect4, cli-kit, fixtures,
# contract-tests; bench and examples are private): `pnpm -r publish --dry-run` packs and checks
# them, publint (strict) lints each package.json against what it packs, and are-the-types-wrong
# (`attw --pack`, profile esm-only: the packages are ESM only, so CommonJS `require` is not a
# target) checks that every export resolves to JavaScript and types under node16 and bundlers.
# Fails on any finding.
#
#   bash scripts/check-packages.sh        (pnpm check:packages)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$PWD/node_modules/.bin"
packages=(packages/core packages/client packages/client-effect4 packages/cli-kit packages/fixtures packages/contract-tests)

pnpm --silent turbo run build --filter=@clerk-effect/contract-tests... --filter=@clerk-effect/client-effect4 \
  --output-logs=errors-only >&2

# The dry run warns once per package that no one is logged in to the registry, and (run from a
# pnpm script) that npm does not know pnpm's npm_config_* variables; any other warning fails.
out="$(pnpm -r publish --dry-run --no-git-checks 2>&1)" || { echo "$out" >&2; exit 1; }
if echo "$out" | grep -E "npm (warn|error)|ERR_PNPM" | grep -vE "requires you to be logged in|Unknown env config" >&2; then
  echo "check:packages: pnpm -r publish --dry-run reported the problems above" >&2
  exit 1
fi
published="$(echo "$out" | grep -cE '^\+ @clerk-effect/' || true)"
if [ "$published" != "${#packages[@]}" ]; then
  echo "$out" >&2
  echo "check:packages: expected ${#packages[@]} packages in the dry run, saw $published" >&2
  exit 1
fi

for dir in "${packages[@]}"; do
  (cd "$dir" && "$bin/publint" --strict --level suggestion >/dev/null) || {
    (cd "$dir" && "$bin/publint" --strict --level suggestion) >&2 || true
    echo "check:packages: publint found problems in $dir" >&2
    exit 1
  }
  "$bin/attw" --pack "$dir" --profile esm-only --format ascii --quiet || {
    "$bin/attw" --pack "$dir" --profile esm-only --format ascii >&2 || true
    echo "check:packages: are-the-types-wrong found problems in $dir" >&2
    exit 1
  }
done
echo "check:packages: ${packages[*]} publish-ready (publish --dry-run, publint --strict, attw esm-only)"
