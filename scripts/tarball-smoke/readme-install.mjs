// The install commands the READMEs document, so that the docs and the tarball smoke cannot drift.
//
//   node readme-install.mjs check                      every command in a README that pins a version pins it
//                                                      exactly (npm/pnpm: --save-exact or -E, yarn: --exact or -E)
//   node readme-install.mjs command <name>             the commands (one a line) of the ```sh block after
//                                                      `<!-- install: <name> -->` (every README that has
//                                                      that block must show the same commands)
//   node readme-install.mjs pins <package.json> <name@version>…
//                                                      each is a dependency at exactly that version
//
// `npm install effect@4.1.0` saves "^4.1.0" (npm's default save-prefix), and a later install in the same
// project may resolve 4.1.5: a pin is only a pin with the exact flag.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"

const root = join(import.meta.dirname, "..", "..")

/** The READMEs users read: the root's, each package's, the examples'. */
const readmes = () => {
  const packages = readdirSync(join(root, "packages")).map((dir) => join(root, "packages", dir, "README.md"))
  return [join(root, "README.md"), ...packages, join(root, "examples", "README.md")].filter((file) => existsSync(file))
}

const fail = (message) => {
  console.error(`readme-install: ${message}`)
  process.exit(1)
}

/** An install command in a line: the tool and its arguments (up to the end of the command). */
const commandPattern = /\b(npm (?:install|i|add)|pnpm (?:add|install|i)|yarn add)\b([^`|;&#\n]*)/g

/** A versioned package spec (`effect@3.22.4`, `@effect/platform@0.97.2`), not a path. */
const versionedSpec = /^(?:@[\w.-]+\/)?[\w.-]+@\d/

const exactFlags = { npm: ["--save-exact", "-E"], pnpm: ["--save-exact", "-E"], yarn: ["--exact", "-E"] }

/** The commands of `text` that pin a version without the exact flag: [line number, command]. */
const inexactPins = (text) =>
  text.split("\n").flatMap((line, index) =>
    [...line.matchAll(commandPattern)].flatMap(([command, tool, args]) => {
      const words = args.trim().split(/\s+/)
      // a global install (a tool such as pnpm itself) saves nothing to a package.json
      if (words.includes("-g") || words.includes("--global") || !words.some((word) => versionedSpec.test(word)))
        return []
      const exact = exactFlags[tool.split(" ")[0]]
      return words.some((word) => exact.includes(word)) ? [] : [[index + 1, command.trim()]]
    })
  )

const check = () => {
  const found = readmes().flatMap((file) =>
    inexactPins(readFileSync(file, "utf8")).map(([line, command]) => `${relative(root, file)}:${line}: ${command}`)
  )
  if (found.length > 0)
    fail(
      `these commands pin a version without the exact flag (npm install --save-exact, pnpm add --save-exact, yarn add --exact):\n  ${found.join("\n  ")}`
    )
}

/** The text of each ```sh block under `<!-- install: name -->` in `text`. */
const markedCommands = (text, name) =>
  [...text.matchAll(new RegExp(`<!-- install: ${name} -->\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\``, "g"))].map((match) =>
    match[1].trim()
  )

const command = (name) => {
  if (name === undefined) fail("command needs the name of a marked block")
  const blocks = readmes().flatMap((file) =>
    markedCommands(readFileSync(file, "utf8"), name).map((text) => ({ file: relative(root, file), text }))
  )
  if (blocks.length === 0) fail(`no README has a \`\`\`sh block after <!-- install: ${name} -->`)
  for (const block of blocks) {
    if (block.text === "") fail(`${block.file}: the block after <!-- install: ${name} --> is empty`)
    if (block.text !== blocks[0].text)
      fail(
        `the READMEs disagree on <!-- install: ${name} -->:\n  ${blocks[0].file}: ${blocks[0].text}\n  ${block.file}: ${block.text}`
      )
  }
  console.log(blocks[0].text)
}

const pins = (packageJson, specs) => {
  const dependencies = JSON.parse(readFileSync(packageJson, "utf8")).dependencies ?? {}
  for (const spec of specs) {
    const at = spec.lastIndexOf("@")
    const [name, version] = [spec.slice(0, at), spec.slice(at + 1)]
    if (dependencies[name] !== version)
      fail(
        `package.json has "${name}": ${JSON.stringify(dependencies[name] ?? null)} after the README's command, not the exact "${version}"`
      )
  }
}

const [mode, ...rest] = process.argv.slice(2)
if (mode === "check") check()
else if (mode === "command") command(rest[0])
else if (mode === "pins") pins(rest[0], rest.slice(1))
else fail("usage: readme-install.mjs check | command <name> | pins <package.json> <name@version>…")
