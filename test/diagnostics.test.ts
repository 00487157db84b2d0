/**
 * One problem type: every source scoresheet reads — a standard, records as JSON, YAML, NDJSON and CSV,
 * a CSV map and its fit to a sheet, a test file, a calendar, a units file and a roster — reports the
 * same Diagnostic (a code of the one registry, file, line:col, path, message id and data), rendered by
 * renderDiagnostic in every locale.
 */
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, formatDiagnostic, formatPath, INPUT_DIAGNOSTIC_CODES, messageIdOf, RECORD_DIAGNOSTIC_CODES, renderDiagnostic, STANDARD_DIAGNOSTIC_CODES, makeDiagnostic, type Diagnostic } from '../src/diagnostics.js';
import { LOCALE_IDS, LOCALES } from '../src/messages/locales.js';
import { parseStandard } from '../src/standard/load.js';
import { readRecords } from '../src/records/records.js';
import { parseMapping } from '../src/records/mapping.js';
import { parseTestFile } from '../src/testing/cases.js';
import { parseCalendar } from '../src/aggregate/calendar-file.js';
import { parseRosterText } from '../src/aggregate/roster-file.js';
import type { CsvMapping } from '../src/records/mapping.js';

/** code, line, column and the rendered path of each diagnostic. */
const where = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => [d.code, d.line, d.column, [d.index === undefined ? '' : `[#${d.index}]`, formatPath(d.path)].filter(Boolean).join(' ')]);

describe('the registry', () => {
  it('holds every code once: a standard\'s, a record\'s and an input\'s', () => {
    expect(new Set(DIAGNOSTIC_CODES).size).toBe(DIAGNOSTIC_CODES.length);
    for (const code of [...STANDARD_DIAGNOSTIC_CODES, ...RECORD_DIAGNOSTIC_CODES, ...INPUT_DIAGNOSTIC_CODES]) expect(DIAGNOSTIC_CODES).toContain(code);
    expect(DIAGNOSTIC_CODES.every((code) => /^[a-z0-9]+(_[a-z0-9]+)*$/.test(code))).toBe(true);
  });

  it('gives every code catalogue words in every locale, and renderDiagnostic renders them', () => {
    for (const code of DIAGNOSTIC_CODES) {
      const id = messageIdOf(code);
      for (const locale of LOCALE_IDS) {
        expect(LOCALES[locale].messages[id], `${locale} has ${id} (for ${code})`).toBeTypeOf('function');
        const d = makeDiagnostic({ code, file: 'f.yaml', line: 3, column: 7, path: ['a', 0, 'b'], data: { key: 'k', detail: 'd' } }, 'en');
        const line = renderDiagnostic(d, locale);
        expect(line.startsWith(`f.yaml:3:7  error  ${code}  a[0].b: `), line).toBe(true);
        expect(line.slice(line.indexOf('a[0].b: ') + 8).trim(), `${code} in ${locale}`).not.toBe('');
        expect(line).not.toContain(id);
      }
    }
  });

  it('renders one diagnostic again in another locale, a record\'s with its index', () => {
    const d = makeDiagnostic({ code: 'unknown_item', file: 'r.csv', line: 5, column: 8, path: ['findings', 0, 'item'], index: 2, data: { item: 'tool-coner', suggestion: 'tool-corner' } }, 'en');
    expect(formatDiagnostic(d)).toBe('r.csv:5:8  error  unknown_item  [#2] findings[0].item: unknown item "tool-coner" (did you mean "tool-corner"?)');
    expect(renderDiagnostic(d, 'zh-CN')).toBe('r.csv:5:8  error  unknown_item  [#2] findings[0].item: 未知的检查项 "tool-coner"（是否想写 "tool-corner"？）');
  });
});

const RECORD = { unit: { id: 'g1-3' }, date: '2024-03-04', findings: [] as unknown[] };

describe('every source reports a Diagnostic with line:col', () => {
  it('a standard', () => {
    const result = parseStandard('id: 1\n', { file: 'my.yaml' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(where(result.diagnostics).filter((d) => d[3] === 'id')).toEqual([['invalid_type', 1, 5, 'id']]);
  });

  it('records as JSON and YAML: the field\'s node', () => {
    const json = readRecords(`[\n  {"unit": {"id": "g1-3"}, "date": "2024-02-30", "findings": []}\n]`, { file: 'r.json' });
    expect(where(json.diagnostics)).toEqual([['invalid_date', 2, 36, '[#0] date']]);
    const yaml = readRecords('unit: { id: g1-3 }\ndate: 2024-03-04\nfindings:\n  - { item: x, count: 1.5 }\n', { file: 'r.yaml' });
    expect(where(yaml.diagnostics)).toEqual([['not_whole_number', 4, 23, '[#0] findings[0].count']]);
  });

  it('records as NDJSON: the line, and the column in it', () => {
    const ndjson = readRecords(`${JSON.stringify(RECORD)}\n{"unit": {"id": "g1-3"}, "date": "2024-03-04", "findings": [{"item": "x", "count": 0}]}\n{"unit": \n`, { file: 'r.ndjson' });
    expect(where(ndjson.diagnostics)).toEqual([
      ['record_invalid', 2, 84, '[#1] findings[0].count'],
      ['record_syntax', 3, 10, '[#2]'],
    ]);
  });

  it('records as CSV: the row and the column', () => {
    const mapping = { layout: 'long', columns: { 班级: 'unit.id', 日期: 'date', 检查项: 'finding.item', 次数: 'finding.count' } } as unknown as CsvMapping;
    const csv = readRecords('班级,日期,检查项,次数\ng1-3,2024-03-04,floor,abc\ng1-4,2024-02-30,floor,1\n', { format: 'csv', file: 's.csv', mapping });
    expect(where(csv.diagnostics)).toEqual([
      ['not_whole_number', 2, 4, '[#0] findings[0].count'],
      ['invalid_date', 3, 2, '[#1] date'],
    ]);
  });

  it('a CSV map, and a map that does not fit the sheet (returned, not thrown)', () => {
    const map = parseMapping('layout: long\ncolumns:\n  日期: datum\n  检查项: finding.item\n', 'm.yaml');
    expect(map.ok ? [] : where(map.diagnostics)).toEqual([['invalid_map', 3, 7, 'columns.日期']]);
    const mapping = { layout: 'long', columns: { 班级: 'unit.id', 检查项: 'finding.item' } } as unknown as CsvMapping;
    const misfit = readRecords('班级,项目\ng1-3,floor\n', { format: 'csv', file: 's.csv', mapping });
    expect([misfit.records, where(misfit.diagnostics)]).toEqual([[], [['map_mismatch', 1, 1, '']]]);
  });

  it('bytes not in their encoding (returned, not thrown)', () => {
    const bad = readRecords(Buffer.from('date: 2024-03-04\nunit: { id: "\xff" }\n', 'latin1'), { format: 'yaml', file: 'r.yaml', encoding: 'utf-8' });
    expect(where(bad.diagnostics)).toEqual([['unreadable_input', 2, 1, '']]);
  });

  it('a test file', () => {
    const parsed = parseTestFile('cases:\n  - name: a\n    recrd: {}\n    expect: { total: 1 }\n', { file: 't.test.yaml' });
    expect(parsed.ok ? [] : where(parsed.diagnostics)).toEqual([
      ['test_file', 2, 5, 'cases[0].record'],
      ['test_file', 3, 5, 'cases[0]'],
    ]);
  });

  it('a calendar', () => {
    const result = parseCalendar('terms:\n  - { id: t1, from: 2024-02-30, to: 2024-07-05 }\n', { file: 'c.yaml' });
    expect(result.ok ? [] : where(result.diagnostics)).toEqual([['invalid_date', 2, 21, 'terms[0].from']]);
  });

  it('a units file and a roster, YAML and CSV', () => {
    const units = parseRosterText('- { id: g1-01 }\n- { id: g1-02, nam: x }\n', 'yaml', { file: 'units.yaml' });
    expect(units.ok ? [] : where(units.diagnostics)).toEqual([['invalid_roster', 2, 16, '[1]']]);
    const roster = parseRosterText('areas:\n  - { area: A1, unit: g1-01, from: 2024-02-30, to: 2024-03-01 }\n', 'yaml', { file: 'roster.yaml' });
    expect(roster.ok ? [] : where(roster.diagnostics)).toEqual([['invalid_roster', 2, 36, 'areas[0].from']]);
    const missing = parseRosterText('areas:\n  - { area: A1, unit: g1-01, from: 2024-02-26 }\n', 'yaml', { file: 'roster.yaml', locale: 'zh-CN' });
    expect(missing.ok ? [] : missing.diagnostics.map(formatDiagnostic)).toEqual(['roster.yaml:2:5  error  invalid_roster  areas[0].to: 缺少必需的键 "to"']);
    const csv = parseRosterText('area,unit,from,to\nA1,g1-01,2024-02-26,2024-03-01\nA2,g1-02,2024-13-01,2024-03-01\n', 'csv', { file: 'roster.csv' });
    expect(csv.ok ? [] : where(csv.diagnostics)).toEqual([['invalid_roster', 3, 3, '[1].from']]);
  });
});

describe('a schema issue is said by the catalogues: no English built in code', () => {
  const standard = (rule: string) =>
    `id: demo\nversion: "1"\nname: { en: Demo }\nscoring: { mode: deduct }\ncategories:\n  - id: c\n    name: { en: C }\n    items:\n      - id: i\n        name: { en: I }\n        max: 2\n        rules:\n          - ${rule}\n`;
  const messages = (rule: string, locale: 'en' | 'zh-CN') => {
    const result = parseStandard(standard(rule), { file: 's.yaml', locale });
    return result.ok ? [] : result.diagnostics.map((d) => [d.code, d.messageId, d.message]);
  };

  it('a condition, an operator, a path and a number too small, in English and in Chinese', () => {
    const cases = [
      ['{ kind: not-applicable, when: { not: [{ fact: open, operator: equal, value: false }] } }', 'invalid_condition', 'condition.not_list', /takes a single condition/, /只接受一个条件/],
      ['{ kind: not-applicable, when: { fact: open, operator: greaterThen, value: 1 } }', 'unknown_operator', 'operator.unknown', /did you mean "greaterThan"/, /是否想写 "greaterThan"/],
      ['{ kind: not-applicable, when: { fact: open, path: "$..x", operator: equal, value: 1 } }', 'bad_path', 'path.recursive_descent', /recursive descent/, /递归下降/],
      ['{ kind: fixed, points: -1 }', 'out_of_range', 'schema.too_small', /Too small: expected number to be >=0/, /超出范围：数值须不小于 0/],
    ] as const;
    for (const [rule, code, messageId, en, zh] of cases) {
      const [english] = messages(rule, 'en').filter((m) => m[0] === code);
      const [chinese] = messages(rule, 'zh-CN').filter((m) => m[0] === code);
      expect(english?.slice(0, 2), rule).toEqual([code, messageId]);
      expect(english?.[2], rule).toMatch(en);
      expect(chinese?.[2], rule).toMatch(zh);
      expect(chinese?.[2], `${rule} has no English sentence under zh-CN`).not.toMatch(/\b(the|is|must|needs|uses|expected|takes)\b/);
    }
  });
});
