import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM + CJS + types for both.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
  },
  {
    // The CLI: one ESM file behind the `scoresheet` bin.
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  },
]);
