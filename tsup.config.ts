import { defineConfig, type Options } from 'tsup';

/**
 * The browser builds (scoresheet/browser and the pages' scripts): everything bundled, minified, no Node.
 * test/browser/bundle.test.ts builds with the same options to hold their size and keep Node out.
 */
export const BROWSER_OPTIONS = {
  platform: 'browser',
  target: 'es2022',
  minify: true,
  noExternal: [/.*/],
  // csv-stringify names Buffer when loaded (its byte-order mark): a stand-in, not Node's.
  inject: ['src/pages/buffer-shim.ts'],
} as const satisfies Options;


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
  {
    // scoresheet/browser: the library without Node, self-contained and minified (docs/browser.md); CommonJS too, as every subpath.
    entry: { browser: 'src/entries/browser.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    ...BROWSER_OPTIONS,
  },
  {
    // The scripts inlined into `scoresheet form` and `scoresheet playground` pages: the library and the page, one IIFE each.
    entry: { form: 'src/pages/form.ts', playground: 'src/pages/playground.ts' },
    outDir: 'dist/pages',
    format: ['iife'],
    ...BROWSER_OPTIONS,
  },
]);
