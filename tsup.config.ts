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
    // The CLI: one ESM file behind the `scoresheet` bin, its dependencies bundled in. Resolving and
    // compiling their hundreds of files (date-fns alone has hundreds) was most of every run's start-up.
    // playwright-core stays outside: it is optional, imported by name only for --format pdf.
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    noExternal: [/^(?!playwright-core$)/],
    // Bundled CommonJS (iconv-lite) calls require() for Node's own modules: give the ES module one.
    banner: { js: "import { createRequire as __scoresheetRequire } from 'node:module'; const require = __scoresheetRequire(import.meta.url);" },
  },
]);
