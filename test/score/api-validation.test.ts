/**
 * The API checks a record exactly as the CLI does (issue 14, item 13): `scoreRecord` takes any value,
 * runs the one record check the readers run, and never throws. A table of bad records goes through
 * both; each is rejected with the same fields and codes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/diagnostics.js';
import { compileStandard, parseStandard, scoreRecord } from '../../src/index.js';
import { readRecords, renderDiagnostic } from '../../src/index.js';
import { runCli } from '../support/cli.js';

const STANDARD = `id: api
version: "1"
name: { en: API }
effective: { from: "2024-01-01", to: "2024-12-31" }
scoring: { mode: deduct }
categories:
  - { id: yard, name: { en: Yard }, max: 10, items: [ { id: litter, name: { en: Litter }, max: 10, rules: [ { kind: per-occurrence, points: 2 } ] } ] }
`;
const loaded = parseStandard(STANDARD);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
const scorer = compileStandard(loaded.standard);

const good = { unit: { id: 'u' }, date: '2024-04-30', findings: [{ item: 'litter', count: 1 }] };

/** Bad records a file can hold: each is rejected by the CLI and the API alike. */
const BAD: readonly { readonly name: string; readonly record: unknown; readonly want: readonly string[] }[] = [
  { name: 'a day that does not exist', record: { ...good, date: '2024-04-31' }, want: ['invalid_date date'] },
  { name: 'a date outside the effective range', record: { ...good, date: '2025-01-01' }, want: ['no_edition date'] },
  { name: 'count 0', record: { ...good, findings: [{ item: 'litter', count: 0 }] }, want: ['record_invalid findings[0].count'] },
  { name: 'a fractional count', record: { ...good, findings: [{ item: 'litter', count: 1.5 }] }, want: ['not_whole_number findings[0].count'] },
  { name: 'an unknown item beside a bad date', record: { ...good, date: '2024-02-30', findings: [{ item: 'litterr' }] }, want: ['invalid_date date', 'unknown_item findings[0].item'] },
  { name: 'another standard', record: { ...good, standard: 'other' }, want: ['unknown_standard standard'] },
  { name: 'null', record: null, want: ['record_invalid '] },
  { name: 'a list', record: [good], want: ['record_invalid '] },
  { name: 'a string', record: 'litter', want: ['record_invalid '] },
  { name: 'a number', record: 42, want: ['record_invalid '] },
];

const apiProblems = (record: unknown): string[] => {
  const result = scoreRecord(scorer, record);
  return result.ok ? [] : result.diagnostics.map((d) => `${d.code} ${formatPath(d.path)}`).sort();
};

describe('scoreRecord checks as the CLI does', () => {
  it('scores a good record', () => {
    const result = scoreRecord(scorer, good);
    expect(result.ok && result.scorecard.total).toBe(8);
  });

  for (const c of BAD) {
    it(`rejects ${c.name}`, () => {
      expect(apiProblems(c.record)).toEqual([...c.want].sort());
    });
  }

  it('agrees with `scoresheet score` on every bad record of the table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-validation-'));
    writeFileSync(join(dir, 'standard.yaml'), STANDARD);
    writeFileSync(join(dir, 'records.ndjson'), [good, ...BAD.map((c) => c.record)].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const r = await runCli(['score', '--standard', join(dir, 'standard.yaml'), '--format', 'json', join(dir, 'records.ndjson')]);
    const cli = new Map<number, string[]>();
    for (const d of (JSON.parse(r.stdout) as { rejected: { code: string; index: number; path: (string | number)[] }[] }).rejected) {
      const index = d.index - 1; // record 0 is the good one
      cli.set(index, [...(cli.get(index) ?? []), `${d.code} ${formatPath(d.path)}`]);
    }
    BAD.forEach((c, i) => expect((cli.get(i) ?? []).sort(), c.name).toEqual(apiProblems(c.record)));
  });

  it('never throws, whatever the value', () => {
    const hostile: unknown[] = [
      undefined,
      Symbol('x'),
      () => good,
      { ...good, get date(): string { throw new Error('getter'); } },
      new Proxy({}, { get: () => { throw new Error('proxy'); }, ownKeys: () => { throw new Error('proxy'); } }),
    ];
    for (const value of hostile) {
      const result = scoreRecord(scorer, value);
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.diagnostics.length).toBeGreaterThan(0);
    }
  });
});

describe("scoreRecord's refusal is the one Diagnostic", () => {
  it('a plain value: <inline>, the record\'s start (1:1), index 0, the field\'s path, words in the locale asked for', () => {
    const result = scoreRecord(scorer, { ...good, findings: [{ item: 'litterr' }] }, { locale: 'zh-CN' });
    if (result.ok) throw new Error('scored');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'unknown_item', severity: 'error', file: '<inline>', line: 1, column: 1, index: 0, path: ['findings', 0, 'item'], messageId: 'record.unknown_item' }),
    ]);
    expect(result.diagnostics[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(renderDiagnostic(result.diagnostics[0]!)).toMatch(/^<inline>:1:1 {2}error {2}unknown_item {2}\[#0\] findings\[0\]\.item: /);
    // English by default.
    const en = scoreRecord(scorer, { ...good, findings: [{ item: 'litterr' }] });
    expect(!en.ok && en.diagnostics[0]!.message).toMatch(/litterr/);
  });

  it('a value read from a file (its source given): placed at the line and column its field came from', () => {
    const text = ['[', '  { "unit": { "id": "u" }, "date": "2024-04-30",', '    "findings": [', '      { "item": "litterr" } ] }', ']'].join('\n');
    const { records } = readRecords(text, { format: 'json', file: 'week.json' });
    const located = records[0]!;
    const result = scoreRecord(scorer, located.record, { source: located.source });
    if (result.ok) throw new Error('scored');
    expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.index, formatPath(d.path)])).toEqual([['week.json', 4, 17, 0, 'findings[0].item']]);
  });
});
