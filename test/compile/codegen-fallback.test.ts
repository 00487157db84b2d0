/**
 * Where code generation is forbidden (`node --disallow-code-generation-from-strings`, as a CSP without
 * `unsafe-eval` forbids it in a browser), compileStandard still compiles, the interpreter scores, and
 * the scorecards are the ones the generated code gives here. One spawn of node, on the built package.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStandard, parseStandard, scoreRecord } from '../../src/index.js';
import { readDocumentRecords } from '../../src/records/read.js';
import { requireBuild, ROOT } from '../support/built.js';
import { generate2013, generateSchool } from '../../bench/generate.mjs';

const STANDARDS = ['hygiene-supervision-2013', 'school-hygiene'];
const RECORDS = ['fixtures/csv/hygiene-2013.yaml', 'fixtures/school/records.yaml'];
const GENERATED = [generate2013, generateSchool];

/** Runs in the spawned node: what each standard compiled to, and every record's result, as JSON. */
const SCRIPT = `
import { readFileSync } from 'node:fs';
import { compileStandard, parseStandard, scoreRecord } from './dist/index.js';
const [standards, records] = JSON.parse(process.argv[1]);
const out = standards.map((id, i) => {
  const loaded = parseStandard(readFileSync('standards/' + id + '.yaml', 'utf8'), { file: id + '.yaml' });
  const scorer = compileStandard(loaded.standard);
  return { generated: typeof scorer.generated, source: typeof scorer.source, results: records[i].map((r) => scoreRecord(scorer, r)) };
});
process.stdout.write(JSON.stringify(out));
`;

describe('with code generation forbidden', () => {
  it('compiles, scores through the interpreter, and gives the scorecards the generated code gives', () => {
    requireBuild();
    // The fixtures, and records as the bench generates them (every row of the 2013 form in use).
    const records = RECORDS.map((file, i) => [...readDocumentRecords(readFileSync(join(ROOT, file), 'utf8')).records.map((r) => r.record), ...GENERATED[i]!(60, 16)]);
    const result = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '--input-type=module', '-e', SCRIPT, JSON.stringify([STANDARDS, records])], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.stderr).toBe('');
    const spawned = JSON.parse(result.stdout) as { generated: string; source: string; results: unknown[] }[];
    STANDARDS.forEach((id, i) => {
      const loaded = parseStandard(readFileSync(join(ROOT, 'standards', `${id}.yaml`), 'utf8'), { file: `${id}.yaml` });
      if (!loaded.ok) throw new Error(id);
      const scorer = compileStandard(loaded.standard);
      expect(scorer.generated).toBeTypeOf('function');
      // There: the source is still generated (for `compile --emit js`), but never evaluated.
      expect(spawned[i]).toMatchObject({ generated: 'undefined', source: 'string' });
      const here = records[i]!.map((r) => scoreRecord(scorer, r));
      expect(here.filter((r) => r.ok).length).toBeGreaterThan(50);
      expect(JSON.stringify(spawned[i]!.results)).toBe(JSON.stringify(here));
    });
  });
});
