#!/usr/bin/env bash
# Installs the packed core, client, fixtures, cli-kit, contract-tests and client-effect4, as a user
# outside this repo would, and runs a program on each line: `pnpm pack` each (workspace:* rewritten
# to the version); a new npm project in a temp directory outside the repo, `npm install` of the
# client tarball alone (with its pinned peers, the README's exact-pin command), then of the fixtures
# tarball next to it, then program.mjs (the mock started from fixtures, called by the client), the
# mock's command (its --help; its bundle carries its command line); then the contract suite's
# tarball with cli-kit's, and its command: --help, a mistake (one line, exit 2), a few cases against
# its embedded mock; then a second project on Effect 4: the client-effect4 tarball with effect 4.1.0,
# then the fixtures tarball next to it with a plain `npm install` (no overrides: fixtures depends on
# the core and its own Effect 3 only), then program-effect4.mjs (the mock started with fixtures'
# start(), called by client-effect4). Fails if a tarball does not install, still says workspace:,
# or a program fails, or if the Effect 4 project holds a package the mock does not need
# (@effect/platform-node, @effect/cluster, @effect/sql, @effect/rpc, @effect/workflow, msgpackr).
#
#   bash scripts/tarball-smoke/run.sh     (pnpm check:tarballs)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
# pnpm passes its own settings to scripts as npm_config_*; plain npm warns about the ones it does not know
unset npm_config_npm_globalconfig npm_config_verify_deps_before_run npm_config__jsr_registry
EFFECT_VERSION=3.22.4
PLATFORM_VERSION=0.97.2
EFFECT4_VERSION=4.1.0
# the READMEs' install commands: checked for exact pins here, run below (readme_install)
source "$root/scripts/tarball-smoke/readme-install.sh"
readme_check
work="$(mktemp -d "${TMPDIR:-/tmp}/clerk-effect-tarballs-XXXXXX")"
trap 'rm -rf "$work"' EXIT

pnpm --silent turbo run build --filter=@clerk-effect/contract-tests... --filter=@clerk-effect/client-effect4 \
  --output-logs=errors-only >&2
for pkg in core client fixtures client-effect4 cli-kit contract-tests; do
  (cd "packages/$pkg" && pnpm pack --pack-destination "$work" >/dev/null)
done
core_tgz="$(ls "$work"/clerk-effect-core-*.tgz)"
client_tgz="$(ls "$work"/clerk-effect-client-[0-9]*.tgz)"
fixtures_tgz="$(ls "$work"/clerk-effect-fixtures-*.tgz)"
client4_tgz="$(ls "$work"/clerk-effect-client-effect4-*.tgz)"
clikit_tgz="$(ls "$work"/clerk-effect-cli-kit-*.tgz)"
contract_tgz="$(ls "$work"/clerk-effect-contract-tests-*.tgz)"

# the packed manifests name versions, never workspace:
for tgz in "$client_tgz" "$fixtures_tgz" "$client4_tgz" "$clikit_tgz" "$contract_tgz"; do
  if tar -xOzf "$tgz" package/package.json | grep -q 'workspace:'; then
    echo "tarball smoke: $(basename "$tgz") still depends on workspace:" >&2
    exit 1
  fi
done

app="$work/app"
mkdir "$app"
cd "$app"
npm init -y >/dev/null
npm pkg set type=module private=true >/dev/null
npm_install() { npm install --no-audit --no-fund --loglevel=error "$@" >/dev/null; }
# the client alone, with its peers pinned, and the core it depends on (not on the registry yet): the
# README's command, which must leave the peers pinned exactly in package.json
readme_install effect3-tarballs "$work" "effect@$EFFECT_VERSION" "@effect/platform@$PLATFORM_VERSION"
node --input-type=module -e 'import("@clerk-effect/client").then((m) => { if (typeof m.OrganizationMemberships !== "function") process.exit(1) })'
# each line with pnpm too, as its README says, in projects of their own
readme_project effect3-tarballs-pnpm "$work" @clerk-effect/client "effect@$EFFECT_VERSION" "@effect/platform@$PLATFORM_VERSION"
readme_project effect4-tarballs-pnpm "$work" @clerk-effect/client-effect4 "effect@$EFFECT4_VERSION"
# the fixtures next to it (the README's command): its dependency on the core is satisfied by the
# installed tarball; the pins stay exact
readme_install fixtures-tarball "$work" "effect@$EFFECT_VERSION" "@effect/platform@$PLATFORM_VERSION"
cp "$root/scripts/tarball-smoke/program.mjs" .
node program.mjs
# the mock's command, as the package installs it
npx --no-install clerk-effect-mock --help | grep -q "^Usage: pnpm mock" || {
  echo "tarball smoke: npx clerk-effect-mock --help did not print its usage" >&2
  exit 1
}
# the contract suite and its command (cli-kit is one of its dependencies, not on the registry yet)
npm_install "$clikit_tgz" "$contract_tgz"
npx --no-install clerk-effect-contract --help | grep -q "^Usage: pnpm contract" || {
  echo "tarball smoke: npx clerk-effect-contract --help did not print its usage" >&2
  exit 1
}
mistake="$(npx --no-install clerk-effect-contract --grep 2>&1 >/dev/null && echo "exit 0" || echo "exit $?")"
[ "$mistake" = "error: --grep needs a value (try --grep '^list:')
exit 2" ] || {
  echo "tarball smoke: clerk-effect-contract --grep did not refuse in one line (got: $mistake)" >&2
  exit 1
}
npx --no-install clerk-effect-contract --grep '^delete:' | tail -1 | grep -qE '^[0-9]+ passed, 0 failed$' || {
  echo "tarball smoke: clerk-effect-contract --grep '^delete:' did not pass against its embedded mock" >&2
  exit 1
}

# the Effect 4 line, in a project on Effect 4
app4="$work/app4"
mkdir "$app4"
cd "$app4"
npm init -y >/dev/null
npm pkg set type=module private=true >/dev/null
readme_install effect4-tarballs "$work" "effect@$EFFECT4_VERSION"
node --input-type=module -e 'import("@clerk-effect/client-effect4").then((m) => { if (typeof m.OrganizationMemberships !== "function") process.exit(1) })'
# fixtures next to it, as a user installs it: its dependency on the core is the one installed above
# (not on the registry yet), npm nests its own Effect 3 inside it
npm_install "$fixtures_tgz"
unneeded="$(find ./node_modules -type d \( -path '*/node_modules/@effect/platform-node' \
  -o -path '*/node_modules/@effect/cluster' -o -path '*/node_modules/@effect/sql' \
  -o -path '*/node_modules/@effect/rpc' -o -path '*/node_modules/@effect/workflow' \
  -o -path '*/node_modules/msgpackr' \) -prune -print)"
if [ -n "$unneeded" ]; then
  echo "tarball smoke: the Effect 4 project with the fixtures tarball holds packages the mock does not need:" >&2
  echo "$unneeded" >&2
  exit 1
fi
cp "$root/scripts/tarball-smoke/program-effect4.mjs" .
node program-effect4.mjs
