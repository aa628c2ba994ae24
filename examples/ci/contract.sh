#!/usr/bin/env bash
# Contract verification for CI: runs `pnpm contract` with JUnit (and JSON) reports.
#
#   bash examples/ci/contract.sh mock [extra pnpm contract options]     # the embedded mock
#   bash examples/ci/contract.sh staging [extra options]                # a staging Clerk instance
#
# staging reads CLERK_STAGING_SECRET_KEY (an sk_test_ key of a development instance: the suite
# creates and deletes its own users and organizations there) and CLERK_STAGING_API_URL (default
# https://api.clerk.com/v1). Reports go to $CONTRACT_REPORTS (default reports/) as
# contract-<target>.xml and .json. Exit code: 0 all passed, 1 a case failed, 2 a setup mistake.
# The suite is built first (a fresh checkout has no dist/); CONTRACT_SKIP_BUILD=1 skips that.
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${1:-}"
shift || true
reports="${CONTRACT_REPORTS:-reports}"
# mistakes first: one line, before anything is built
case "$target" in
  mock) ;;
  staging)
    if [ -z "${CLERK_STAGING_SECRET_KEY:-}" ]; then
      echo "contract: CLERK_STAGING_SECRET_KEY is not set; add your staging instance's sk_test_ key as a CI secret" >&2
      exit 2
    fi
    ;;
  *)
    echo "contract: say which target: bash examples/ci/contract.sh mock|staging [pnpm contract options]" >&2
    exit 2
    ;;
esac
mkdir -p "$reports"
if [ "${CONTRACT_SKIP_BUILD:-}" != "1" ]; then
  # turbo's output only when the build fails
  if ! build="$(pnpm --silent turbo run build --filter=@clerk-effect/contract-tests... --output-logs=errors-only 2>&1)"; then
    echo "$build" >&2
    echo "contract: the build failed (above)" >&2
    exit 1
  fi
fi
run() {
  # what `pnpm contract` runs, without pnpm's own start-up and banners
  node packages/contract-tests/dist/bin.js --junit "$reports/contract-$target.xml" --json "$reports/contract-$target.json" "$@"
}
if [ "$target" = staging ]; then
  CLERK_SECRET_KEY="$CLERK_STAGING_SECRET_KEY" run --base-url "${CLERK_STAGING_API_URL:-https://api.clerk.com/v1}" "$@"
else
  run "$@"
fi
