/**
 * The bad-standard cases: one runner for every test/cases/<area>/<name>.yaml (see test/cases/harness.ts
 * for the format). Each case must give exactly the diagnostics it lists, at exactly those positions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../src/diagnostics.js';
import { CASES_DIR, checkCase, coveredCodes, listCases, readSkips } from './cases/harness.js';

const cases = listCases();
const skips = readSkips();

describe('bad standards (test/cases)', () => {
  for (const name of cases) {
    const reason = skips[name];
    if (reason !== undefined) it.skip(`${name} (skipped: ${reason})`, () => {});
    else it(name, async () => checkCase(name, readFileSync(join(CASES_DIR, name), 'utf8')));
  }
});

describe('the case suite itself', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it('covers every diagnostic code with at least one case', () => {
    const covered = coveredCodes();
    expect(DIAGNOSTIC_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('skips only cases that exist', () => {
    expect(Object.keys(skips).filter((name) => !cases.includes(name))).toEqual([]);
  });

  const standard = 'standard: |\n  id: demo\n';

  it('fails a case that asserts nothing', async () => {
    await expect(checkCase('none.yaml', `note: no expectations\n${standard}`)).rejects.toThrow(/must assert something: want_diagnostics is missing/);
    await expect(checkCase('empty.yaml', `note: empty expectations\n${standard}want_diagnostics: []\n`)).rejects.toThrow(/must assert something: want_diagnostics is empty/);
  });

  it('fails a case file with an unknown key, at the top or in an expectation', async () => {
    const want = 'want_diagnostics:\n  - { code: invalid_type, line: 1, column: 1, path: "" }\n';
    await expect(checkCase('typo.yaml', `note: n\n${standard}want_diagnostic: []\n${want}`)).rejects.toThrow(/want_diagnostic/);
    await expect(
      checkCase('typo2.yaml', `note: n\n${standard}want_diagnostics:\n  - { code: missing_key, line: 1, column: 1, path: "", colum: 2 }\n`),
    ).rejects.toThrow(/colum/);
  });

  it('fails a case without a note, without a standard, with an unknown code, or with broken YAML', async () => {
    const want = 'want_diagnostics:\n  - { code: missing_key, line: 1, column: 1, path: "scoring" }\n';
    await expect(checkCase('a.yaml', `${standard}${want}`)).rejects.toThrow(/note/);
    await expect(checkCase('b.yaml', `note: n\n${want}`)).rejects.toThrow(/exactly one of `standard` or `file`/);
    await expect(checkCase('c.yaml', `note: n\n${standard}want_diagnostics:\n  - { code: no_such_code, line: 1, column: 1, path: "" }\n`)).rejects.toThrow(/code/);
    await expect(checkCase('d.yaml', `note: n\nnote: again\n${standard}${want}`)).rejects.toThrow(/not valid YAML/);
  });

  it('fails a case whose diagnostics differ (wrong position, missing one, extra one, wrong severity, wrong message)', async () => {
    const text = (wants: string) => `note: n\nstandard: |\n  id: demo\n  version: "1"\n  name: { en: Demo }\n  categories: []\nwant_diagnostics:\n${wants}`;
    const scoring = '  - { code: missing_key, line: 1, column: 1, path: "scoring" }\n';
    const range = '  - { code: out_of_range, line: 4, column: 13, path: "categories" }\n';
    await expect(checkCase('right.yaml', text(scoring + range))).resolves.toBeUndefined();
    await expect(checkCase('col.yaml', text(scoring + range.replace('column: 13', 'column: 12')))).rejects.toThrow();
    await expect(checkCase('fewer.yaml', text(scoring))).rejects.toThrow();
    await expect(checkCase('more.yaml', text(scoring + range + range))).rejects.toThrow();
    await expect(checkCase('sev.yaml', text(scoring + range.replace(' }', ', severity: warning }')))).rejects.toThrow();
    await expect(checkCase('msg.yaml', text(scoring + range.replace(' }', ', message_includes: "nope" }')))).rejects.toThrow(/includes/);
  });
});
