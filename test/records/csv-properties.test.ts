/**
 * Properties of CSV reading:
 * - 10 % bad rows: every bad row is reported with its row number, and the good inspections score
 *   exactly as they do in a sheet without the bad ones;
 * - a stream cut anywhere (inside a quoted field, between the bytes of a character) reads exactly as
 *   the whole text.
 *
 * At most one bad row per inspection, so that each bad row has exactly one expected report (a record
 * with two, a bad cell and an unknown item, is tested in test/cli/score.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileStandard, parseStandard, type Scorecard } from '../../src/index.js';
import { readCsvRecords, streamCsvRecords } from '../../src/records/csv.js';
import { parseMapping, type CsvMapping } from '../../src/records/mapping.js';
import type { Diagnostic as RecordDiagnostic } from '../../src/diagnostics.js';
import type { StreamItem } from '../../src/records/read.js';
import { scoreBatch } from '../../src/score/batch.js';
import { StandardSet } from '../../src/score/editions.js';

const parsed = parseStandard(`id: mini
version: "1"
name: { en: Mini }
scoring: { mode: deduct, base: 100 }
kinds: [ { id: random }, { id: scheduled } ]
categories:
  - id: room
    name: { zh-CN: 教室 }
    items:
      - { id: floor, name: { zh-CN: 地面 }, rules: [ { kind: per-occurrence, points: 1 } ] }
      - { id: corner, name: { zh-CN: 卫生角 }, rules: [ { kind: per-occurrence, points: { min: 1, max: 3 } } ] }
`);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
const set = new StandardSet([compileStandard(parsed.standard)]);

const mapped = parseMapping(`layout: long
columns: { 编号: id, 班级: unit.name, 班级编号: unit.id, 日期: date, 类型: kind, 检查项: finding.item, 次数: finding.count, 扣分: finding.points, 说明: finding.note }
values: { kind: { 随查: random, 周一检查: scheduled }, finding.item: { 地面: floor, 卫生角: corner } }
`);
if (!mapped.ok) throw new Error(mapped.diagnostics.map((d) => d.message).join('\n'));
const MAP: CsvMapping = mapped.mapping;
const HEADER = ['编号', '班级', '班级编号', '日期', '类型', '检查项', '次数', '扣分', '说明'];

type Finding = { item: '地面'; count: number } | { item: '卫生角'; points: number };
interface Inspection {
  readonly day: number;
  readonly kind: '随查' | '周一检查';
  readonly findings: readonly Finding[];
  readonly note: string;
}

const findingArb: fc.Arbitrary<Finding> = fc.oneof(
  fc.record({ item: fc.constant('地面' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ item: fc.constant('卫生角' as const), points: fc.constantFrom(1, 1.5, 2, 2.5, 3) }),
);
const inspectionArb: fc.Arbitrary<Inspection> = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  kind: fc.constantFrom('随查' as const, '周一检查' as const),
  findings: fc.array(findingArb, { maxLength: 3 }),
  // Notes with commas, quotes and line breaks: the CSV must quote them, and rows must still count right.
  note: fc.constantFrom('', '有纸屑', '桌面, 地面', '写着"脏"', '第一行\n第二行'),
});

/** Rows of one inspection: record columns on its first row only (as merged cells export). */
function inspectionRows(inspection: Inspection, n: number): string[][] {
  const record = [`r${n}`, `${n + 1}班`, `c${n}`, `2024-03-${String(inspection.day).padStart(2, '0')}`, inspection.kind];
  const blank = record.map(() => '');
  // A note belongs to a finding: an inspection with nothing found has a row with no item and no note.
  if (inspection.findings.length === 0) return [[...record, '', '', '', '']];
  return inspection.findings.map((f, i) => [...(i === 0 ? record : blank), f.item, 'count' in f ? String(f.count) : '', 'points' in f ? String(f.points) : '', i === 0 ? inspection.note : '']);
}

const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const csv = (rows: readonly (readonly string[])[]) => rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';

/** Rows as a spreadsheet numbers them: the header is 1, each CSV record one row (a quoted line break is not a row). */
function sheet(inspections: readonly Inspection[], ids: readonly number[]): { text: string; firstRow: number[] } {
  const rows: string[][] = [HEADER];
  const firstRow: number[] = [];
  inspections.forEach((inspection, i) => {
    firstRow.push(rows.length + 1);
    rows.push(...inspectionRows(inspection, ids[i]!));
  });
  return { text: csv(rows), firstRow };
}

type Corruption = 'abc-count' | 'fraction-count' | 'points-out-of-range' | 'unknown-item' | 'bad-date' | 'not-a-number';

function corrupt(row: string[], how: Corruption, first: boolean): void {
  switch (how) {
    case 'abc-count':
      row[5] ||= '地面';
      row[6] = 'abc';
      row[7] = '';
      return;
    case 'fraction-count':
      row[5] = '地面';
      row[6] = '1.5';
      row[7] = '';
      return;
    case 'points-out-of-range':
      row[5] = '卫生角';
      row[6] = '';
      row[7] = '3.5';
      return;
    case 'unknown-item':
      row[5] = 'flor';
      return;
    case 'not-a-number':
      row[5] = '卫生角';
      row[6] = '';
      row[7] = '二';
      return;
    case 'bad-date':
      // A record column: only on the inspection's first row (the others are blank continuation rows).
      if (first) row[3] = '2010-09-31';
      else corrupt(row, 'abc-count', first);
  }
}

function scoreText(text: string): { cards: Scorecard[]; diagnostics: RecordDiagnostic[] } {
  const read = readCsvRecords(text, MAP, { file: 'p.csv' });
  const batch = scoreBatch(set, read.records, 'en');
  return { cards: batch.scored.map((s) => s.scorecard), diagnostics: [...read.diagnostics, ...batch.diagnostics] };
}

describe('10 % bad rows', () => {
  it('reports every bad row by its row number and scores the good inspections as a clean sheet does', () => {
    const scenario = fc
      .array(inspectionArb, { minLength: 10, maxLength: 40 })
      .chain((inspections) => {
        const rowCount = inspections.reduce((n, i) => n + Math.max(1, i.findings.length), 0);
        const bad = Math.max(1, Math.round(rowCount / 10));
        return fc.record({
          inspections: fc.constant(inspections),
          // Distinct inspections, one bad row in each.
          bad: fc.shuffledSubarray([...inspections.keys()], { minLength: Math.min(bad, inspections.length), maxLength: Math.min(bad, inspections.length) }),
          rowPick: fc.array(fc.nat(), { minLength: inspections.length, maxLength: inspections.length }),
          how: fc.array(fc.constantFrom<Corruption>('abc-count', 'fraction-count', 'points-out-of-range', 'unknown-item', 'bad-date', 'not-a-number'), { minLength: inspections.length, maxLength: inspections.length }),
        });
      });
    fc.assert(
      fc.property(scenario, ({ inspections, bad, rowPick, how }) => {
        const ids = inspections.map((_, i) => i);
        const rows: string[][] = [HEADER];
        const badLines = new Set<number>();
        inspections.forEach((inspection, i) => {
          const own = inspectionRows(inspection, i);
          if (bad.includes(i)) {
            const r = rowPick[i]! % own.length;
            corrupt(own[r]!, how[i]!, r === 0);
            badLines.add(rows.length + 1 + r);
          }
          rows.push(...own);
        });
        const dirty = scoreText(csv(rows));
        // Every bad row is reported, on its own row, and nothing else is.
        expect(new Set(dirty.diagnostics.map((d) => d.line))).toEqual(badLines);
        expect(new Set(dirty.diagnostics.map((d) => d.index))).toEqual(new Set(bad));
        // The good inspections score exactly as in a sheet that never had the bad ones.
        const goodIds = ids.filter((i) => !bad.includes(i));
        const clean = scoreText(sheet(goodIds.map((i) => inspections[i]!), goodIds).text);
        expect(clean.diagnostics).toEqual([]);
        expect(dirty.cards).toEqual(clean.cards);
      }),
      { numRuns: 150 },
    );
  });
});

describe('streaming', () => {
  async function collect(items: AsyncIterable<StreamItem>): Promise<unknown[]> {
    const out: unknown[] = [];
    for await (const item of items) out.push('record' in item ? { record: item.record, line: item.source.line, index: item.source.index } : item);
    return out;
  }

  it('reads a byte stream cut anywhere exactly as the whole text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(inspectionArb, { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.boolean(),
        async (inspections, cuts, crlf) => {
          let { text } = sheet(inspections, inspections.map((_, i) => i));
          if (crlf) text = text.replace(/\n/g, '\r\n');
          const bytes = Buffer.from('\uFEFF' + text, 'utf8');
          const points = [...new Set(cuts.map((c) => c % bytes.length))].sort((a, b) => a - b);
          const chunks: Buffer[] = [];
          let at = 0;
          for (const p of [...points, bytes.length]) {
            chunks.push(bytes.subarray(at, p));
            at = p;
          }
          const whole = readCsvRecords(text, MAP, { file: 's.csv' });
          const expected = [...whole.records.map((r) => ({ record: r.record, line: r.source.line, index: r.source.index }))];
          const streamed = await collect(streamCsvRecords(chunks, MAP, { file: 's.csv' }));
          const streamedRecords = streamed.filter((s) => typeof s === 'object' && s !== null && 'record' in s);
          expect(streamedRecords).toEqual(expected);
          expect(streamed.length - streamedRecords.length).toBe(whole.diagnostics.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});
