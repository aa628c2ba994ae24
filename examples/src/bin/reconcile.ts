#!/usr/bin/env node
/**
 * `pnpm reconcile --org <id> --desired <file> [--dry-run]` (from the repo root or inside
 * examples/): reconciles an organization's roles with a desired list, against `CLERK_API_URL`
 * (default Clerk) with `CLERK_SECRET_KEY`. Ctrl-C interrupts cleanly (calls in flight are
 * cancelled; exit 130).
 *
 * @since 0.1.0
 */
import { Run } from "@clerk-effect/cli-kit"
import * as Layer from "effect/Layer"
import { program } from "../reconcile/Cli.js"

Run.main(program, Layer.empty)
