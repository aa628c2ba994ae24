# Sourced by run.sh: the tarball smoke installs with the very commands the READMEs document (see
# readme-install.mjs), so that the docs and the check cannot drift.
#
#   readme_check                                   every pinning command in a README pins exactly
#   readme_install <name> <dir> <name@version>…   runs the README's commands marked <!-- install: <name> -->
#                                                  in the current project, its /tmp/clerk-effect/ tarball
#                                                  paths pointed at <dir>, then checks that package.json
#                                                  holds each <name@version> exactly (no ^ or ~)
readme_tool="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/readme-install.mjs"

readme_check() { node "$readme_tool" check; }

readme_install() {
  local name="$1" dir="$2" commands
  shift 2
  commands="$(node "$readme_tool" command "$name")"
  echo "tarball smoke: the README's $name commands: $commands" >&2
  # npm's own settings, from the environment, so that the README's command runs as written
  (
    export npm_config_audit=false npm_config_fund=false npm_config_loglevel=error
    bash -ec "${commands//\/tmp\/clerk-effect\//$dir/}" >/dev/null
  )
  node "$readme_tool" pins package.json "$@"
}

# A fresh project in <dir>/<name>, installed with the README's commands marked <name> (pnpm's),
# whose package.json must then pin each <name@version> exactly and which must import <module>.
#
#   readme_project <name> <dir> <module> <name@version>…
readme_project() {
  local name="$1" dir="$2" module="$3"
  shift 3
  (
    mkdir "$dir/$name"
    cd "$dir/$name"
    npm init -y >/dev/null
    npm pkg set type=module private=true >/dev/null
    readme_install "$name" "$dir" "$@"
    MODULE="$module" node --input-type=module -e \
      'import(process.env.MODULE).then((m) => { if (typeof m.OrganizationMemberships !== "function") process.exit(1) })'
  )
}
