/** The assessment file: every problem a diagnostic with its position; the standards it names loaded and checked. */
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAssessment, parseAssessment } from '../../src/assess/load.js';
import { formatDiagnostic } from '../../src/diagnostics.js';

const lines = (text: string) => {
  const r = parseAssessment(text, { file: 'a.yaml' });
  return r.ok ? [] : r.diagnostics.map(formatDiagnostic);
};

const COMPOSITE = `assess: composite
id: c
name: { en: C }
total: 100
parts:
  - { id: a, name: { en: A }, standard: a.yaml, weight: 60, best: 100, worst: 0 }
  - { id: b, name: { en: B }, standard: b.yaml, weight: 40, best: 0, worst: 4 }
`;

describe('parseAssessment', () => {
  it('reads a composite', () => {
    const r = parseAssessment(COMPOSITE);
    expect(r.ok && r.assessment.assess === 'composite' && r.assessment.parts.map((p) => p.weight)).toEqual([60, 40]);
  });

  it('weights that do not add up to the declared total', () => {
    expect(lines(COMPOSITE.replace('weight: 40', 'weight: 30'))).toEqual([
      'a.yaml:4:8  error  invalid_assessment  total: the weights add up to 90, not 100 as declared: give each part (or stage) its share so that they add up',
    ]);
  });

  it('property: a composite loads exactly when its weights add up to the declared total (exactly, in 0.01s)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 8 }), fc.oneof(fc.constant(0), fc.integer({ min: -300, max: 300 })), (cents, off) => {
        const sum = cents.reduce((a, b) => a + b, 0);
        fc.pre(sum + off >= 0);
        const parts = cents.map((c, i) => `  - { id: p${i}, name: { en: P }, standard: p${i}.yaml, weight: ${c / 100}, best: 100, worst: 0 }`).join('\n');
        const r = parseAssessment(`assess: composite\nid: c\nname: { en: C }\ntotal: ${(sum + off) / 100}\nparts:\n${parts}\n`);
        if (off === 0) expect(r.ok).toBe(true);
        else expect(r.ok ? [] : r.diagnostics.map((d) => d.code)).toEqual(['invalid_assessment']);
      }),
    );
  });

  it('a flat scale, a duplicate part, an unknown key, each at its place', () => {
    expect(lines(COMPOSITE.replace('best: 0, worst: 4', 'best: 4, worst: 4').replace('id: b,', 'id: a,').replace('total: 100', 'total: 100\ntotl: 1'))).toEqual([
      'a.yaml:5:1  error  unknown_key  totl: unknown key "totl"',
    ]);
    expect(lines(COMPOSITE.replace('best: 0, worst: 4', 'best: 4, worst: 4').replace('id: b,', 'id: a,'))).toEqual([
      'a.yaml:7:11  error  duplicate_id  parts[1].id: duplicate part id "a" (first defined at 6:11)',
      'a.yaml:7:67  error  invalid_assessment  parts[1].best: best and worst are both 4: a part\'s scale needs two different ends (best earns the whole weight, worst nothing)',
    ]);
  });

  it('no `assess`, or an unknown one', () => {
    expect(lines('id: x\n')).toEqual(['a.yaml:1:1  error  missing_key  required key "assess" is missing']);
    expect(lines('assess: composit\nid: x\n')).toEqual(['a.yaml:1:9  error  invalid_value  assess: expected one of composite | stages, found "composit"']);
  });

  const STAGES = `assess: stages
id: s
name: { en: S }
standard: s.yaml
stages:
  - { id: self, name: { en: Self }, kinds: [self-check], weight: 0.3 }
  - { id: city, name: { en: City }, kinds: [acceptance], weight: 0.7 }
final: weighted
margin: 1
`;

  it('stages: weighted shares add up to 1; a kind in two stages', () => {
    expect(lines(STAGES)).toEqual([]);
    expect(lines(STAGES.replace('weight: 0.7', 'weight: 0.6'))).toEqual([
      'a.yaml:8:8  error  invalid_assessment  final: the weights add up to 0.9, not 1 as declared: give each part (or stage) its share so that they add up',
    ]);
    expect(lines(STAGES.replace('kinds: [acceptance]', 'kinds: [self-check]'))).toEqual([
      'a.yaml:7:45  error  invalid_assessment  stages[1].kinds[0]: kind "self-check" is already a kind of stage "self": a record\'s kind says its one stage',
    ]);
    expect(lines(STAGES.replace(', weight: 0.7', ''))).toEqual(['a.yaml:7:5  error  missing_key  stages[1]: required key "weight" is missing']);
  });
});

describe('loadAssessment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'assess-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync('standards/gd-hygiene-village.yaml', join(dir, 'gd.yaml'));

  it('loads the standards it names, relative to the file', async () => {
    const loaded = await loadAssessment('standards/assessments/civilised-community.yaml');
    expect(loaded.ok && [...loaded.standards].map(([part, s]) => [part, s.id])).toEqual([
      ['harmony', 'harmonious-community-stars'],
      ['hygiene', 'community-red-flag'],
    ]);
  });

  it('a stage kind the standard does not have, with a suggestion; a standard that is not there', async () => {
    const file = join(dir, 'stages.yaml');
    writeFileSync(file, `assess: stages\nid: s\nname: { en: S }\nstandard: gd.yaml\nstages:\n  - { id: a, name: { en: A }, kinds: [self-chek] }\n  - { id: b, name: { en: B }, kinds: [acceptance] }\nfinal: last\n`);
    const loaded = await loadAssessment(file);
    expect(loaded.ok ? [] : loaded.diagnostics.map((d) => formatDiagnostic(d).replace(`${dir}/`, ''))).toEqual([
      'stages.yaml:6:39  error  unknown_reference  stages[0].kinds[0]: unknown kind "self-chek" (did you mean "self-check"?)',
    ]);
    writeFileSync(file, `assess: stages\nid: s\nname: { en: S }\nstandard: nowhere.yaml\nstages:\n  - { id: a, name: { en: A }, kinds: [x] }\n  - { id: b, name: { en: B }, kinds: [y] }\nfinal: last\n`);
    const missing = await loadAssessment(file);
    expect(missing.ok ? [] : missing.diagnostics.map((d) => d.code)).toEqual(['file_not_found']);
  });

  it('two parts of one standard cannot tell their records apart', async () => {
    const file = join(dir, 'twice.yaml');
    writeFileSync(file, COMPOSITE.replace('a.yaml', 'gd.yaml').replace('b.yaml', 'gd.yaml'));
    const loaded = await loadAssessment(file);
    expect(loaded.ok ? [] : loaded.diagnostics.map((d) => `${d.code} ${d.path.join('.')}`)).toEqual(['invalid_assessment parts.1.standard']);
  });
});

describe('scoresheet check on an assessment file', () => {
  it('checks it, and the standards it names, as it checks a standard', async () => {
    const { runCli } = await import('../support/cli.js');
    const ok = await runCli(['check', 'standards/assessments/civilised-community.yaml', 'standards/assessments/gd-village-stages.yaml']);
    expect([ok.code, ok.stdout.trim()]).toEqual([0, '2 standard(s) checked: 0 error(s), 0 warning(s)']);
    const dir = mkdtempSync(join(tmpdir(), 'assess-check-'));
    try {
      writeFileSync(join(dir, 'bad.yaml'), COMPOSITE.replace('weight: 40', 'weight: 30'));
      const bad = await runCli(['check', join(dir, 'bad.yaml')]);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('bad.yaml:4:8  error  invalid_assessment  total: the weights add up to 90');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
