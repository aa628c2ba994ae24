#!/usr/bin/env node
// clerk-effect-contract: the contract suite (pnpm contract). A committed launcher, so installing the workspace links it before dist/ is built.
import "../dist/bin.js"
