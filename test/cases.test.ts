/**
 * The bad-standard cases: one runner for every test/cases/<area>/<name>.yaml (see test/cases/harness.ts
 * for the format). Each case must give exactly the diagnostics it lists, at exactly those positions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANDARD_DIAGNOSTIC_CODES as DIAGNOSTIC_CODES } from '../src/diagnostics.js';
import { catalogueIds } from '../src/messages/render.js';
import { parseStandard } from '../src/standard/load.js';
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
    await expect(checkCase('e.yaml', `note: n\n${standard}want_diagnostics:\n  - { code: missing_key, line: 1, column: 1, path: "scoring", file: x.yaml }\n`)).rejects.toThrow(/only in a case with `files`/);
  });

  it('runs a multi-file case (an overlay and its base) and checks which file each diagnostic points into', async () => {
    const text = (file: string) =>
      'note: n\nstandard: |\n  id: county\n  version: "1"\n  name: { en: County }\n  extends: base.yaml\n' +
      'files:\n  base.yaml: |\n    id: base\n    version: "1"\n    extends: standard.yaml\n' +
      `want_diagnostics:\n  - { code: extends_cycle, line: 3, column: 10, path: "extends"${file} }\n`;
    await expect(checkCase('right.yaml', text(', file: base.yaml'))).resolves.toBeUndefined();
    await expect(checkCase('wrong-file.yaml', text(''))).rejects.toThrow();
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

describe('zh-CN rendering', () => {
  it('renders a diagnostic in Chinese with locale zh-CN, at the same place as in English', () => {
    const text = 'id: demo\nversion: "1"\nname: { zh-CN: 演示 }\nscoring: { mode: deduct }\ncategories:\n  - id: c\n    name: { zh-CN: 大项 }\n    items:\n      - id: i\n        name: { zh-CN: 小项 }\n        rules:\n          - kind: fixed\n            points: 1\n            pointz: 1\n';
    const zh = parseStandard(text, { locale: 'zh-CN' });
    const en = parseStandard(text, { locale: 'en' });
    expect(zh.ok || en.ok).toBe(false);
    const [d] = zh.ok ? [] : zh.diagnostics;
    const [e] = en.ok ? [] : en.diagnostics;
    expect(d).toMatchObject({ code: 'unknown_key', line: 14, column: 13, messageId: 'diagnostic.unknown_key' });
    expect(d!.message).toBe('未知的键 "pointz"（是否想写 "points"？）');
    expect(d!.message).toMatch(/\p{Script=Han}/u);
    expect(e!.message).toBe('unknown key "pointz" (did you mean "points"?)');
    expect({ ...d, message: '' }).toEqual({ ...e, message: '' });
  });

  it('has every diagnostic.* message id in both catalogues', () => {
    const ids = (locale: 'en' | 'zh-CN') => catalogueIds(locale).filter((id) => id.startsWith('diagnostic.')).sort();
    const wanted = DIAGNOSTIC_CODES.map((code) => `diagnostic.${code}`).sort();
    expect(ids('en')).toEqual(wanted);
    expect(ids('zh-CN')).toEqual(wanted);
  });
});
