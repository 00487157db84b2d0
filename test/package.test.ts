/** The package as users get it: the built files import both ways, and the tarball ships what it should. */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBuild, ROOT, runNode } from './support/built.js';
import { SCORESHEET_VERSION } from '../src/version.js';

describe('the built package', () => {
  it('imports through `import` (ESM) and scores a record', () => {
    requireBuild();
    const script = `
      import { parseStandard, compileStandard, scoreRecord } from 'scoresheet';
      const r = parseStandard('id: t\\nversion: "1"\\nname: { en: T }\\nscoring: { mode: deduct }\\ncategories:\\n  - id: c\\n    name: { en: C }\\n    max: 10\\n    items:\\n      - { id: i, name: { en: I }, max: 10, rules: [ { kind: per-occurrence, points: 0.1 } ] }\\n');
      const s = compileStandard(r.standard);
      const out = scoreRecord(s, { unit: { id: 'u' }, date: '2024-01-01', findings: [{ item: 'i', count: 3 }] });
      console.log(JSON.stringify([r.ok, out.scorecard.total]));`;
    const result = runNode(['--input-type=module', '-e', script]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([true, 9.7]);
  });

  it('imports through `require` (CommonJS)', () => {
    requireBuild();
    const result = runNode(['-e', `const m = require('scoresheet'); console.log([typeof m.parseStandard, typeof m.compileStandard, typeof m.scoreRecord, m.SCORESHEET_VERSION].join(','))`]);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(`function,function,function,${SCORESHEET_VERSION}`);
  });

  it('ships types for both entry points', () => {
    requireBuild();
    const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8'));
    expect(pkg.exports['.'].import.types).toBe('./dist/index.d.ts');
    expect(pkg.exports['.'].require.types).toBe('./dist/index.d.cts');
    expect(readFileSync(`${ROOT}/dist/index.d.ts`, 'utf8')).toContain('compileStandard');
    expect(readFileSync(`${ROOT}/dist/index.d.cts`, 'utf8')).toContain('compileStandard');
  });

  it('keeps the version in the code equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8'));
    expect(SCORESHEET_VERSION).toBe(pkg.version);
  });
});

describe('npm pack', () => {
  it('ships dist, schema, standards, README and LICENSE, and nothing of test/', () => {
    requireBuild();
    const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files: string[] = JSON.parse(json)[0].files.map((f: { path: string }) => f.path);
    for (const wanted of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.js', 'schema/standard.schema.json', 'standards/school-hygiene.yaml', 'README.md', 'LICENSE', 'package.json']) {
      expect(files, wanted).toContain(wanted);
    }
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('fixtures/') || f.startsWith('bench/'))).toEqual([]);
  });
});

describe('installed from its tarball', () => {
  it("runs the README's API example, and every subpath imports both ways", () => {
    requireBuild();
    const dir = mkdtempSync(join(tmpdir(), 'scoresheet-installed-'));
    try {
      const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
      const installed = join(dir, 'node_modules', 'scoresheet');
      mkdirSync(installed, { recursive: true });
      execFileSync('tar', ['-xzf', join(dir, packed.filename), '-C', installed, '--strip-components=1']);
      // The dependencies as npm would put them beside the package (linked from the repository's own).
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
      for (const dep of Object.keys(pkg.dependencies)) symlinkSync(join(ROOT, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      const example = /## API\n\n```ts\n([\s\S]*?)```/.exec(readme)![1]!;
      writeFileSync(join(dir, 'example.mjs'), example);
      const run = spawnSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('tool-corner');
      const subpaths = Object.keys(pkg.exports).filter((k) => !k.includes('.json') && !k.includes('*')).map((k) => k.replace(/^\./, 'scoresheet'));
      const esm = spawnSync(process.execPath, ['--input-type=module', '-e', `for (const p of ${JSON.stringify(subpaths)}) console.log(p, Object.keys(await import(p)).length)`], { cwd: dir, encoding: 'utf8' });
      const cjs = spawnSync(process.execPath, ['-e', `for (const p of ${JSON.stringify(subpaths)}) console.log(p, Object.keys(require(p)).length)`], { cwd: dir, encoding: 'utf8' });
      expect(esm.stderr + cjs.stderr).toBe('');
      expect(esm.stdout).toBe(cjs.stdout);
      expect(esm.stdout.trim().split('\n').map((l) => l.split(' ')[0])).toEqual(subpaths);
      expect(readFileSync(join(installed, 'standards', 'school-hygiene.yaml'), 'utf8')).toContain('school-hygiene');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
