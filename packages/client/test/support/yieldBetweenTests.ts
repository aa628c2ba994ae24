/**
 * A setup file: after every test the worker yields to the event loop once, so the messages it
 * exchanges with vitest are answered between tests. Property tests run synchronously; a file of
 * them under a loaded machine can hold the worker for more than vitest's fixed 60 s RPC deadline
 * (`test/wireCodec.property.test.ts` took 71 s in a full `pnpm test`, which then failed with
 * "Timeout calling onTaskUpdate" although every test passed).
 */
import { afterEach } from "vitest"

afterEach(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
