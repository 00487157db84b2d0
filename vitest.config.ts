import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// A golden file that is missing fails its test (Vitest would otherwise write it from the code's own
// output, outside CI); `vitest run -u` still writes them, to be checked by hand before committing.
process.env.UPDATE_SNAPSHOT ??= 'none';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest leaves one CPU free by default: on a 2-CPU machine that is one worker, idle while the few
    // tests that spawn (the built CLI, scripts) wait on their child processes. Two workers keep both CPUs busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // No test mocks a module or leans on another's module state, so a worker keeps what it has loaded
    // (zod, yaml, the sources) from one test file to the next instead of loading it again for each.
    isolate: false,
  },
});
