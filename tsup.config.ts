import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM + CJS + types for both; the root and each subpath of package.json's exports.
    entry: {
      index: 'src/index.ts',
      records: 'src/entries/records.ts',
      league: 'src/entries/league.ts',
      report: 'src/entries/report.ts',
      import: 'src/entries/import.ts',
      testing: 'src/entries/testing.ts',
      schemas: 'src/entries/schemas.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    // import.meta.url in the CommonJS build too (shippedStandard finds standards/ from it).
    shims: true,
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
