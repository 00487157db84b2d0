/**
 * The plain record checks (src/records/fast-record.ts) against zod's record schema: whatever they
 * take, zod takes too and gives the very same record; whatever they leave, zod judges, so a bad
 * record's problems are zod's, word for word.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InspectionRecordSchema } from '../../src/record-schema.js';
import { fastRecord } from '../../src/records/fast-record.js';
import { checkRecordInput, checkRecordSchema } from '../../src/records/validate.js';
import { anyValue, nearValidRecord, validRecord, vocabularyOf } from '../fuzz/arbitraries.js';

const vocabulary = vocabularyOf(readFileSync('standards/hygiene-supervision-2013.yaml', 'utf8'));
const school = vocabularyOf(readFileSync('standards/school-hygiene.yaml', 'utf8'));
const records = fc.oneof(validRecord(vocabulary), validRecord(school), nearValidRecord(vocabulary), nearValidRecord(school), anyValue);
/** Through JSON, as an NDJSON line or an API caller's parsed body gives it. */
const viaJson = (value: unknown) => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown));

/** What the plain checks say of a value: zod's record, key for key and in zod's key order, or nothing. */
function agrees(raw: unknown): void {
  const fast = fastRecord(raw);
  if (fast === undefined) return;
  const zod = InspectionRecordSchema.safeParse(raw);
  expect(zod.success, `plain checks took what zod refuses: ${JSON.stringify(raw)}`).toBe(true);
  expect(fast).toStrictEqual(zod.data);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
}

describe('fastRecord', () => {
  it('takes only what zod takes, and gives the record zod gives (generated valid, near-valid and junk records)', () => {
    fc.assert(
      fc.property(records, (raw) => {
        agrees(raw);
        agrees(viaJson(raw));
        expect(checkRecordInput(raw)).toStrictEqual(checkRecordSchema(raw));
      }),
      { numRuns: 1500, seed: 16 },
    );
  });

  it('takes every valid record of the shipped fixtures, so scoring them never asks zod', () => {
    let taken = 0;
    for (const file of ['fixtures/school/records.yaml', 'fixtures/gd-hygiene-village/records.yaml', 'fixtures/js-hygiene-town/records.yaml', 'fixtures/harmonious-community-stars/records.yaml', 'fixtures/csv/hygiene-2013.yaml']) {
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8')) as { toJS(): unknown }[]) {
        const value = doc.toJS();
        for (const raw of Array.isArray(value) ? value : [value]) {
          if (!InspectionRecordSchema.safeParse(raw).success) continue;
          expect(fastRecord(raw), JSON.stringify(raw)).toBeDefined();
          agrees(raw);
          taken++;
        }
      }
    }
    expect(taken).toBeGreaterThan(20);
  });

  it('reads each property once, so a getter cannot pass a check with one value and hand over another', () => {
    const shifty = (first: unknown, then: unknown) => {
      let reads = 0;
      return { get: () => (reads++ < 2 ? first : then), enumerable: true };
    };
    const unit = Object.defineProperty({}, 'id', shifty('u', 7));
    const finding = Object.defineProperty({ item: 'a' }, 'points', shifty(1, -5));
    const raw = Object.defineProperty({ unit, findings: [finding] }, 'date', shifty('2024-03-04', 'not a date'));
    const checked = checkRecordInput(raw);
    if (!checked.ok) return;
    expect(typeof checked.record.unit.id).toBe('string');
    expect(checked.record.findings[0]!.points).toBeGreaterThanOrEqual(0);
    expect(checked.record.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('leaves to zod each value at the edge of a check', () => {
    const good = { id: 'r1', unit: { id: 'u', group: { grade: '高一' } }, date: '2024-03-04', kind: 'scheduled', findings: [{ item: 'a', count: 2, points: 1.5, evidence: ['p.jpg'] }], indicators: { r: { numerator: 1, denominator: 2 } }, facts: { x: null } };
    expect(fastRecord(good)).toBeDefined();
    const edges: unknown[] = [
      { ...good, date: '2024-02-30' },
      { ...good, kind: 'a b' },
      { ...good, id: '' },
      { ...good, extra: 1 },
      { ...good, kind: undefined },
      { ...good, unit: { id: 'u', group: { grade: Infinity } } },
      { ...good, findings: [{ item: 'a', count: 2 ** 53 }] },
      { ...good, findings: [{ item: 'a', count: 0 }] },
      { ...good, findings: [{ item: 'a', points: 0.00001 }] },
      { ...good, findings: [{ item: 'a', points: -1 }] },
      { ...good, findings: [{ item: 'a', evidence: [1] }] },
      { ...good, indicators: { r: { numerator: 1e14, denominator: 2 } } },
      { ...good, indicators: { r: { numerator: 1, denominator: 0 } } },
      { ...good, indicators: { r: { value: 1, extra: 2 } } },
      JSON.parse('{"unit":{"id":"u"},"date":"2024-03-04","facts":{"__proto__":1}}'),
      Object.assign(Object.create({ inherited: 1 }) as object, good),
      [good],
      null,
    ];
    for (const raw of edges) {
      expect(fastRecord(raw), JSON.stringify(raw)).toBeUndefined();
      expect(checkRecordInput(raw)).toStrictEqual(checkRecordSchema(raw));
    }
  });
});
