/** The package as users get it: the built files import both ways, and the tarball ships what it should. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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
