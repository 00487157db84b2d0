import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// A golden file that is missing fails its test (Vitest would otherwise write it from the code's own
// output, outside CI); `vitest run -u` still writes them, to be checked by hand before committing.
process.env.UPDATE_SNAPSHOT ??= 'none';

/** Test files that ask V8 about object shapes. */
const V8_SHAPES = ['test/rank/shapes.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest leaves one CPU free by default: on a 2-CPU machine that is one worker, idle while the few
    // tests that spawn (the built CLI, scripts) wait on their child processes. Two workers keep both CPUs busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // No test mocks a module or leans on another's module state, so a worker keeps what it has loaded
    // (zod, yaml, the sources) from one test file to the next instead of loading it again for each.
    isolate: false,
    projects: [
      { extends: true, test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: [...V8_SHAPES] } },
      // These ask V8 whether objects are on fast maps (%HasFastProperties): an answer that depends on every
      // object the process made before, so each runs in a process of its own (isolate), not after other files.
      { extends: true, test: { name: 'v8-shapes', include: [...V8_SHAPES], isolate: true } },
    ],
  },
});
