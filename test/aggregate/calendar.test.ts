/**
 * Term calendars (issue 14, item 11): overlapping terms and terms (or holidays) that end before they
 * start are diagnostics with their code and file:line:col, for a `--calendar` file as for a standard's
 * `calendar:`; a good calendar loads as before.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCalendar, parseCalendar } from '../../src/aggregate/calendar-file.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { MAX_STANDARD_BYTES } from '../../src/standard/load.js';

const problems = (text: string, locale: 'en' | 'zh-CN' = 'en') => {
  const r = parseCalendar(text, { file: 'calendar.yaml', locale });
  return r.ok ? [] : r.diagnostics.map(formatDiagnostic);
};

describe('parseCalendar', () => {
  it('loads the school fixture calendar', async () => {
    const r = await loadCalendar('fixtures/school/calendar.yaml');
    expect(r.ok && r.calendar.terms.map((t) => [t.id, t.from, t.to, t.holidays?.length])).toEqual([['2024-spring', '2024-02-26', '2024-07-05', 1]]);
  });

  it('accepts terms that follow each other day by day, in any order', () => {
    expect(problems('terms:\n  - { id: autumn, from: 2024-09-01, to: 2025-01-20 }\n  - { id: spring, from: 2024-02-26, to: 2024-08-31 }\n')).toEqual([]);
  });

  it('reports overlapping terms at the later one, naming the other and the shared days', () => {
    const text = ['terms:', '  - id: spring', '    from: 2024-02-26', '    to: 2024-07-05', '  - id: summer', '    from: 2024-07-05', '    to: 2024-08-31', ''].join('\n');
    expect(problems(text)).toEqual([
      'calendar.yaml:6:11  error  term_overlap  terms[1].from: term "summer" overlaps term "spring" (at 2:5) from 2024-07-05 to 2024-07-05: a day may be in one term only',
    ]);
    expect(problems(text, 'zh-CN')[0]).toContain('学期 "summer" 与学期 "spring"（位于 2:5）在 2024-07-05 至 2024-07-05 重叠');
  });

  it('reports a term and a holiday that end before they start, and a repeated term id', () => {
    const text = [
      'terms:',
      '  - id: autumn',
      '    from: 2024-09-01',
      '    to: 2024-01-20',
      '    holidays:',
      '      - { from: 2024-10-07, to: 2024-10-01 }',
      '  - { id: autumn, from: 2025-02-01, to: 2025-02-02 }',
      '',
    ].join('\n');
    expect(problems(text)).toEqual([
      'calendar.yaml:4:9  error  range_inverted  terms[0].to: the dates are inverted: it ends on 2024-01-20, before it starts on 2024-09-01',
      'calendar.yaml:6:33  error  range_inverted  terms[0].holidays[0].to: the dates are inverted: it ends on 2024-10-01, before it starts on 2024-10-07',
      'calendar.yaml:7:11  error  duplicate_id  terms[1].id: duplicate term id "autumn" (first defined at 2:9)',
    ]);
    expect(problems(text, 'zh-CN')[0]).toContain('日期颠倒：结束日期 2024-01-20 早于开始日期 2024-09-01');
  });

  it('places schema and YAML problems too (a misspelt key, a date that does not exist, broken YAML)', () => {
    expect(problems('terms:\n  - { id: a, fromm: 2024-02-26, to: 2024-02-30 }\n')).toEqual([
      'calendar.yaml:2:5  error  missing_key  terms[0].from: required key "from" is missing',
      'calendar.yaml:2:14  error  unknown_key  terms[0].fromm: unknown key "fromm" (did you mean "from"?)',
      'calendar.yaml:2:37  error  invalid_date  terms[0].to: not a calendar date (write YYYY-MM-DD, a day that exists)',
    ]);
    expect(problems('terms: [\n')[0]).toMatch(/^calendar\.yaml:\d+:\d+  error  yaml_syntax  /);
  });
});

describe('loadCalendar', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scoresheet-calendar-'));

  it('refuses a missing file, a directory and an oversized file with a code, reading no more than the limit', async () => {
    const codes = async (path: string) => {
      const r = await loadCalendar(path);
      return r.ok ? [] : r.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);
    };
    expect(await codes(join(dir, 'missing.yaml'))).toEqual(['file_not_found 1:1']);
    mkdirSync(join(dir, 'folder.yaml'));
    expect(await codes(join(dir, 'folder.yaml'))).toEqual(['file_not_found 1:1']);
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `terms: []\n${'#'.repeat(MAX_STANDARD_BYTES)}\n`);
    expect(await codes(big)).toEqual(['file_too_large 1:1']);
    const r = await loadCalendar(big);
    expect(!r.ok && r.diagnostics[0]!.message).toMatch(/a calendar may be at most 1048576 bytes/);
  });
});
