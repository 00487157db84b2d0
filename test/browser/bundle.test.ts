/**
 * The library without Node (issue 20): scoresheet/browser and the pages' scripts bundle for a browser
 * with nothing of Node in them, within their size budgets (docs/browser.md). Built here with esbuild and
 * the browser builds' own options (tsup.config.ts), in memory: the numbers are what dist/ ships.
 */
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BROWSER_OPTIONS } from '../../tsup.config.js';
import { ROOT } from '../support/built.js';

const KB = 1024;

async function bundle(entry: string, format: 'esm' | 'iife') {
  const options: BuildOptions = {
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format,
    platform: BROWSER_OPTIONS.platform,
    target: BROWSER_OPTIONS.target,
    minify: BROWSER_OPTIONS.minify,
    inject: [...BROWSER_OPTIONS.inject],
    logLevel: 'silent',
  };
  try {
    const result = await build(options);
    const code = result.outputFiles![0]!.text;
    const imports = Object.values(result.metafile!.inputs).flatMap((input) => input.imports.map((i) => i.path));
    return { code, gzip: gzipSync(code, { level: 9 }).length, imports, errors: [] as string[] };
  } catch (error) {
    return { code: '', gzip: 0, imports: [], errors: ((error as { errors?: { text: string }[] }).errors ?? []).map((e) => e.text) };
  }
}

/** What would load one of Node's modules at run time: an import of node:…, or a require of a builtin. */
const NODE_LOAD = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](?:node:[\w/]+|fs|path|buffer|crypto|url|os|stream|module|zlib|util|events)["']/;

describe('the browser builds', () => {
  const builds = {
    library: bundle('src/entries/browser.ts', 'esm'),
    form: bundle('src/pages/form.ts', 'iife'),
    playground: bundle('src/pages/playground.ts', 'iife'),
  };

  it('bundle for a browser with no Node module anywhere in them', async () => {
    for (const [name, pending] of Object.entries(builds)) {
      const b = await pending;
      expect(b.errors, name).toEqual([]);
      expect(b.imports.filter((path) => path.startsWith('node:')), name).toEqual([]);
      expect(NODE_LOAD.exec(b.code)?.[0], name).toBeUndefined();
    }
  });

  it('would notice a Node import: the file-reading loader does not bundle for a browser', async () => {
    const b = await bundle('src/standard/load-file.ts', 'esm');
    expect(b.errors.join('\n')).toMatch(/Could not resolve "node:(fs|path|buffer)"/);
  });

  it('stay within their budgets, minified and gzipped (form page ≤ 300 KB, playground ≤ 600 KB)', async () => {
    const sizes = Object.fromEntries(await Promise.all(Object.entries(builds).map(async ([name, b]) => [name, (await b).gzip] as const)));
    console.log(`browser builds, minified + gzip: ${Object.entries(sizes).map(([n, s]) => `${n} ${(s / KB).toFixed(0)} KB`).join(', ')}`);
    expect(sizes.form).toBeLessThanOrEqual(300 * KB);
    expect(sizes.playground).toBeLessThanOrEqual(600 * KB);
    expect(sizes.library).toBeLessThanOrEqual(300 * KB);
  });
});
