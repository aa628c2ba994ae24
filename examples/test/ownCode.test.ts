/**
 * The root README's "Your own code next to it" and the install notes repeat facts of the workspace:
 * the globs of `pnpm-workspace.yaml`, the pinned Effect versions, the packed tarballs' names. (That
 * the commands pin exactly, and work, is the tarball smoke's part: it runs them.) This
 * reflects each copy against its source, so a new workspace folder, a version bump or a renamed
 * package cannot leave the instructions wrong.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

const root = new URL("../../", import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), "utf8")
const manifest = (path: string) => JSON.parse(read(path)) as { version: string; dependencies?: Record<string, string> }

/** The workspace's Effect pins, as the examples package (a package next to the others) has them. */
const pins = manifest("examples/package.json").dependencies ?? {}
const effect = pins.effect
const platform = pins["@effect/platform"]
const coreVersion = manifest("packages/core/package.json").version
const clientVersion = manifest("packages/client/package.json").version
const client4Version = manifest("packages/client-effect4/package.json").version
const fixturesVersion = manifest("packages/fixtures/package.json").version
/** The Effect 4 line's pin, as its package builds against it. */
const effect4 = (
  JSON.parse(read("packages/client-effect4/package.json")) as { devDependencies: Record<string, string> }
).devDependencies.effect

const readme = read("README.md")
const section = readme.slice(readme.indexOf("## Your own code next to it"), readme.indexOf("## Calling the client"))

describe("the README's 'Your own code next to it'", () => {
  it("exists, between set-up and the client's API", () => {
    expect(section.length).toBeGreaterThan(100)
    expect(effect).toMatch(/^3\.\d+\.\d+$/)
  })

  it("its pnpm-workspace.yaml block lists every folder the workspace has, and adds one", () => {
    const globs = [...read("pnpm-workspace.yaml").matchAll(/^\s*-\s*"?([^"\n]+)"?\s*$/gm)].map((m) => m[1])
    const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? ""
    const listed = [...block.matchAll(/^\s*-\s*"([^"]+)"/gm)].map((m) => m[1])
    expect(globs.length).toBeGreaterThan(0)
    expect(listed.slice(0, globs.length)).toStrictEqual(globs)
    expect(listed.length).toBe(globs.length + 1)
  })

  it("its package.json block depends on the workspace packages and pins Effect as the workspace does", () => {
    const block = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? "{}"
    const dependencies = (JSON.parse(block) as { dependencies: Record<string, string> }).dependencies
    expect(dependencies).toStrictEqual({
      "@clerk-effect/client": "workspace:*",
      "@clerk-effect/fixtures": "workspace:*",
      "@effect/platform": platform,
      effect
    })
  })

  it("its tarball commands name the files pnpm pack writes and pin the Effect versions exactly", () => {
    const tgz = (name: string, version: string) => `/tmp/clerk-effect/clerk-effect-${name}-${version}.tgz`
    expect(section).toContain(
      `npm install --save-exact ${tgz("core", coreVersion)} ${tgz("client", clientVersion)} effect@${effect} @effect/platform@${platform}`
    )
    expect(section).toContain(`"pnpm.overrides.@clerk-effect/core=file:${tgz("core", coreVersion)}"`)
    expect(section).toContain(
      `pnpm add --save-exact ${tgz("client", clientVersion)} effect@${effect} @effect/platform@${platform}`
    )
    expect(section).toContain(`npm install ${tgz("fixtures", fixturesVersion)}`)
  })

  it("the packages' READMEs and the CI tarball smoke pin the same versions", () => {
    const client = read("packages/client/README.md")
    expect(client).toContain(`clerk-effect-client-${clientVersion}.tgz effect@${effect} @effect/platform@${platform}`)
    for (const add of ["npm install --save-exact", "pnpm add --save-exact", "yarn add --exact"])
      expect(client).toContain(`${add} @clerk-effect/client effect@${effect} @effect/platform@${platform}`)
    const client4 = read("packages/client-effect4/README.md")
    expect(client4).toContain(`clerk-effect-client-effect4-${client4Version}.tgz effect@${effect4}`)
    for (const add of ["npm install --save-exact", "pnpm add --save-exact", "yarn add --exact"])
      expect(client4).toContain(`${add} @clerk-effect/client-effect4 effect@${effect4}`)
    // the fixtures' README names no version: it points at the root README's commands
    expect(read("packages/fixtures/README.md")).toContain("../../README.md#your-own-code-next-to-it")
    // the fixtures depend on the core and their own Effect 3 only
    expect(read("packages/fixtures/README.md")).toContain(`their own \`effect@${effect}\``)
    const smoke = read("scripts/tarball-smoke/run.sh")
    expect(smoke).toContain(`EFFECT_VERSION=${effect}\n`)
    expect(smoke).toContain(`PLATFORM_VERSION=${platform}\n`)
    expect(smoke).toContain(`EFFECT4_VERSION=${effect4}\n`)
  })
})
