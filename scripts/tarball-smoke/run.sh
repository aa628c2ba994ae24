#!/usr/bin/env bash
# Installs the packed client and fixtures, as a user outside this repo would, and runs a program:
# `pnpm pack` each (workspace:* rewritten to the version), a new npm project in a temp directory
# outside the repo, `npm install` of the client tarball alone (with its pinned peers), then of the
# fixtures tarball next to it, then program.mjs (the mock started from fixtures, called by the
# client). Fails if a tarball does not install, still says workspace:, or the program fails.
#
#   bash scripts/tarball-smoke/run.sh     (pnpm check:tarballs)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
# pnpm passes its own settings to scripts as npm_config_*; plain npm warns about the ones it does not know
unset npm_config_npm_globalconfig npm_config_verify_deps_before_run npm_config__jsr_registry
EFFECT_VERSION=3.22.4
PLATFORM_VERSION=0.97.2
work="$(mktemp -d "${TMPDIR:-/tmp}/clerk-effect-tarballs-XXXXXX")"
trap 'rm -rf "$work"' EXIT

pnpm --silent turbo run build --filter=@clerk-effect/fixtures... --output-logs=errors-only >&2
for pkg in client fixtures; do
  (cd "packages/$pkg" && pnpm pack --pack-destination "$work" >/dev/null)
done
client_tgz="$(ls "$work"/clerk-effect-client-*.tgz)"
fixtures_tgz="$(ls "$work"/clerk-effect-fixtures-*.tgz)"

# the packed manifests name versions, never workspace:
if tar -xOzf "$fixtures_tgz" package/package.json | grep -q 'workspace:'; then
  echo "tarball smoke: the fixtures tarball still depends on workspace:" >&2
  exit 1
fi

app="$work/app"
mkdir "$app"
cd "$app"
npm init -y >/dev/null
npm pkg set type=module private=true >/dev/null
npm_install() { npm install --no-audit --no-fund --loglevel=error "$@" >/dev/null; }
# the client alone, with its peers pinned
npm_install "$client_tgz" "effect@$EFFECT_VERSION" "@effect/platform@$PLATFORM_VERSION"
node --input-type=module -e 'import("@clerk-effect/client").then((m) => { if (typeof m.OrganizationMemberships !== "function") process.exit(1) })'
# the fixtures next to it: its dependency on @clerk-effect/client is satisfied by the installed tarball
npm_install "$fixtures_tgz"
cp "$root/scripts/tarball-smoke/program.mjs" .
node program.mjs
