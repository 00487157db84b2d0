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
import { fastRecord, ownRecord } from '../../src/records/fast-record.js';
import { checkRecordInput, checkRecordSchema } from '../../src/records/validate.js';
import { anyValue, nearValidRecord, validRecord, vocabularyOf } from '../fuzz/arbitraries.js';

const vocabulary = vocabularyOf(readFileSync('standards/hygiene-supervision-2013.yaml', 'utf8'));
const school = vocabularyOf(readFileSync('standards/school-hygiene.yaml', 'utf8'));
const records = fc.oneof(validRecord(vocabulary), validRecord(school), nearValidRecord(vocabulary), nearValidRecord(school), anyValue);
/** Through JSON, as an NDJSON line or an API caller's parsed body gives it. */
const viaJson = (value: unknown) => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown));

/** What the plain checks say of a value: zod's record, key for key and in zod's key order, or nothing. */
function agrees(raw: unknown, made = false): void {
  const fast = fastRecord(raw, made);
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
        // As a reader made it (JSON.parse): maps copied by spread.
        agrees(viaJson(raw), true);
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

  it('takes the fields of rectification records (finding ids, dates found and due, follow-ups, parties) as zod does', () => {
    const later = (v: typeof vocabulary) =>
      fc.tuple(
        validRecord(v),
        fc.array(fc.record({ id: fc.constantFrom('f1', '整改-2'), occurred: fc.constantFrom('2024-03-01', '2023-12-31'), due: fc.constantFrom('2024-03-08', '2024-02-29') }, { requiredKeys: [] }), { maxLength: 5 }),
        fc.option(fc.array(fc.record({ finding: fc.constantFrom('f1', 'r3#1'), fixed: fc.boolean(), note: fc.constantFrom('已整改', '') }, { requiredKeys: ['finding', 'fixed'] }), { maxLength: 3 }), { nil: undefined }),
        fc.option(fc.dictionary(fc.constantFrom('officer', '网格员', 'team-2'), fc.constantFrom('王五', 'Li')), { nil: undefined }),
      ).map(([record, extras, follows, parties]) => {
        const findings = ((record.findings ?? []) as Record<string, unknown>[]).map((f, i) => ({ ...f, ...extras[i] }));
        return { ...record, findings, ...(follows !== undefined ? { follows } : {}), ...(parties !== undefined ? { parties } : {}) };
      });
    fc.assert(
      fc.property(fc.oneof(later(vocabulary), later(school)), (raw) => {
        agrees(raw);
        // Through JSON, as a file gives it (the generator leaves some keys with undefined values, zod's to judge).
        const read = viaJson(raw);
        agrees(read, true);
        if (InspectionRecordSchema.safeParse(read).success) expect(fastRecord(read), JSON.stringify(read)).toBeDefined();
        const broken = { ...raw, follows: [{ finding: '', fixed: 1 }], parties: { 'a b': '' } };
        agrees(broken);
        expect(checkRecordInput(broken)).toStrictEqual(checkRecordSchema(broken));
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it('agrees with zod on objects of any make: no prototype, keys in any order, getters, hidden and symbol keys', () => {
    const hidden = Symbol('hidden');
    /** The same value, each object rebuilt as `choices` say (a stream of small numbers). */
    const remake = (value: unknown, choices: number[], depth = 0): unknown => {
      if (Array.isArray(value)) return value.map((v) => remake(v, choices, depth + 1));
      if (value === null || typeof value !== 'object') return value;
      const pick = () => choices.push(choices.shift()!) && choices[choices.length - 1]!;
      const entries = Object.entries(value).map(([k, v]) => [k, remake(v, choices, depth + 1)] as const);
      if (pick() % 3 === 0) entries.reverse();
      const out: Record<string | symbol, unknown> = pick() % 4 === 0 ? Object.create(null) : {};
      for (const [k, v] of entries) {
        const how = pick() % 12;
        if (how === 0) Object.defineProperty(out, k, { get: () => v, enumerable: true, configurable: true });
        else if (how === 1 && depth > 0) Object.defineProperty(out, k, { value: v, enumerable: false });
        else out[k] = v;
      }
      const extra = pick() % 10;
      if (extra === 0) out[hidden] = 'x';
      else if (extra === 1) Object.defineProperty(out, hidden, { value: 'x', enumerable: false });
      return out;
    };
    fc.assert(
      fc.property(fc.oneof(validRecord(vocabulary), validRecord(school)), fc.array(fc.nat(99), { minLength: 7, maxLength: 7 }), (record, choices) => {
        const raw = remake(viaJson(record), choices);
        agrees(raw);
        expect(checkRecordInput(raw)).toStrictEqual(checkRecordSchema(raw));
      }),
      { numRuns: 800, seed: 16 },
    );
  });

  it('copies many facts (more than a dozen, where a key-by-key copy leaves V8\'s fast mode) as zod does, record after record, each value read once', () => {
    const names = fc.constantFrom(...Array.from({ length: 36 }, (_, i) => `f${i}`), '0', '7', 'toString', 'constructor', '__proto__');
    const keyList = fc.uniqueArray(names, { minLength: 8, maxLength: 30 });
    const value = fc.oneof(fc.integer(), fc.boolean(), fc.constant(undefined), fc.constant(null), fc.string({ maxLength: 3 }), fc.constant({ x: 1 }));
    const made = fc.record({ list: fc.nat(), values: fc.array(value, { minLength: 30, maxLength: 30 }), how: fc.nat(11), getter: fc.nat(29), mutate: fc.nat(3) });
    const hidden = Symbol('hidden');
    fc.assert(
      fc.property(fc.array(keyList, { minLength: 1, maxLength: 3 }), fc.array(made, { minLength: 1, maxLength: 40 }), (lists, records) => {
        for (const r of records) {
          const keys = lists[r.list % lists.length]!;
          let reads = 0;
          // Key by key, as zod builds its output (past ~18 keys an object in dictionary mode); `__proto__` as an own key.
          const facts: Record<string | symbol, unknown> = {};
          keys.forEach((k, i) => {
            const v = r.values[i];
            if (r.how === 0 && i === r.getter % keys.length) Object.defineProperty(facts, k, { get: () => (reads++, v), enumerable: true, configurable: true });
            else Object.defineProperty(facts, k, { value: v, enumerable: true, writable: true, configurable: true });
          });
          if (r.how === 1) facts[hidden] = 1;
          if (r.how === 2) Object.defineProperty(facts, 'hiddenFact', { value: 1, enumerable: false });
          if (r.how === 3) Object.defineProperty(facts, hidden, { value: 1, enumerable: false });
          const raw = { unit: { id: 'u' }, date: '2024-03-04', facts: r.how === 4 ? viaJson(facts) : facts };
          const fast = fastRecord(raw);
          if (r.how === 0 && fast !== undefined) expect(reads).toBe(1);
          const zod = InspectionRecordSchema.safeParse(raw);
          // Taken unless a key is zod's to judge (`__proto__`, a symbol: even a hidden one is left to zod).
          if (!keys.includes('__proto__') && r.how !== 1 && r.how !== 3) expect(fast, JSON.stringify(raw)).toBeDefined();
          if (fast === undefined) continue;
          expect(zod.success).toBe(true);
          expect(fast).toStrictEqual(zod.data);
          expect(Object.keys(fast.facts!)).toStrictEqual(Object.keys(zod.data!.facts!));
          // A caller's change to one record's facts is not in the next record's.
          const own = fast.facts!;
          if (r.mutate === 0) own['added'] = 1;
          else if (r.mutate === 1) delete own[keys[0]!];
          else if (r.mutate === 2) own[keys[keys.length - 1]!] = 'changed';
        }
      }),
      { numRuns: 400, seed: 16 },
    );
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
      // zod refuses a symbol key in a map (its keys are strings), and reads no key a map does not own.
      { ...good, facts: { x: 1, [Symbol('s')]: 2 } },
      { ...good, unit: { id: 'u', group: { [Symbol('s')]: 'g' } } },
      { ...good, indicators: { [Symbol('s')]: 1 } },
      { ...good, parties: { [Symbol('s')]: 'x' } },
      { ...good, parties: { 'not an id': 'x' } },
      { ...good, follows: [{ finding: 'f1' }] },
      { ...good, findings: [{ item: 'a', due: '2024-02-30' }] },
      // A key of the schema that is not enumerable: zod reads it, and finds the unknown key beside it.
      Object.defineProperty({ ...good, extra: 1, kind: undefined }, 'level', { value: 'x', enumerable: false }),
      Object.assign(Object.create({ inherited: 1 }) as object, good),
      [good],
      null,
    ];
    for (const raw of edges) {
      expect(fastRecord(raw), JSON.stringify(raw)).toBeUndefined();
      expect(checkRecordInput(raw)).toStrictEqual(checkRecordSchema(raw));
    }
  });

  describe('ownRecord (an NDJSON line\'s value, checked in place)', () => {
    /** The same JSON with each object's keys in an order `choices` pick (the schema's, reversed or rotated). */
    const reorder = (value: unknown, choices: number[]): unknown => {
      if (Array.isArray(value)) return value.map((v) => reorder(v, choices));
      if (value === null || typeof value !== 'object') return value;
      const entries = Object.entries(value).map(([k, v]) => [k, reorder(v, choices)] as const);
      const pick = choices.push(choices.shift()!) && choices[choices.length - 1]!;
      if (pick % 5 === 0) entries.reverse();
      else if (pick % 5 === 1 && entries.length > 1) entries.push(entries.shift()!);
      return Object.fromEntries(entries);
    };
    /** ownRecord of a value JSON.parse makes from `text` is zod's record of it, or undefined; taken whenever zod's record is that value in its own order. */
    function ownAgrees(text: string): void {
      const own = ownRecord(JSON.parse(text));
      const parsed = JSON.parse(text) as unknown;
      const zod = InspectionRecordSchema.safeParse(parsed);
      if (own !== undefined) {
        expect(zod.success, `ownRecord took what zod refuses: ${text}`).toBe(true);
        expect(own).toStrictEqual(zod.data);
        expect(JSON.stringify(own)).toBe(JSON.stringify(zod.data));
        return;
      }
      const fast = fastRecord(JSON.parse(text), true);
      if (fast === undefined || typeof parsed !== 'object' || parsed === null) return;
      // zod's record, when it is the value as JSON gave it (its `findings` added at the end): ownRecord takes it.
      const asGiven = 'findings' in parsed ? parsed : { ...parsed, findings: [] };
      expect(JSON.stringify(fast) === JSON.stringify(asGiven), `ownRecord left a record in zod's order: ${text}`).toBe(false);
    }

    it('takes only what zod takes, giving zod\'s record, and takes each record whose keys are in the schema\'s order', () => {
      fc.assert(
        fc.property(records, fc.array(fc.nat(99), { minLength: 5, maxLength: 5 }), (raw, choices) => {
          if (raw === undefined) return;
          ownAgrees(JSON.stringify(raw));
          // zod's own output in its order: always taken.
          const zod = InspectionRecordSchema.safeParse(viaJson(raw));
          if (zod.success) expect(ownRecord(viaJson(zod.data)), JSON.stringify(zod.data)).toBeDefined();
          ownAgrees(JSON.stringify(reorder(viaJson(raw), choices)));
        }),
        { numRuns: 1500, seed: 16 },
      );
    });

    it('leaves what zod would copy otherwise: `__proto__` keys, keys out of order, `findings` missing before a later key', () => {
      const good = '{"id":"r1","unit":{"id":"u","group":{"grade":"高一"}},"date":"2024-03-04","kind":"scheduled","findings":[{"item":"a","count":2,"points":1.5,"evidence":["p.jpg"]}],"indicators":{"r":{"numerator":1,"denominator":2},"s":{"value":3}},"facts":{"x":null},"follows":[{"finding":"f","fixed":true}],"parties":{"officer":"王五"}}';
      expect(ownRecord(JSON.parse(good))).toBeDefined();
      ownAgrees(good);
      const noFindings = '{"unit":{"id":"u"},"date":"2024-03-04","inspector":"x"}';
      expect(ownRecord(JSON.parse(noFindings))).toStrictEqual(InspectionRecordSchema.parse(JSON.parse(noFindings)));
      const edges = [
        '{"unit":{"id":"u"},"date":"2024-03-04","facts":{"__proto__":1}}',
        '{"unit":{"id":"u","group":{"__proto__":"g"}},"date":"2024-03-04"}',
        '{"unit":{"id":"u"},"date":"2024-03-04","indicators":{"__proto__":1}}',
        '{"unit":{"id":"u"},"date":"2024-03-04","parties":{"__proto__":"x"}}',
        '{"unit":{"id":"u"},"date":"2024-03-04","__proto__":{"id":"x"}}',
        '{"date":"2024-03-04","unit":{"id":"u"}}',
        '{"unit":{"group":{"g":1},"id":"u"},"date":"2024-03-04"}',
        '{"unit":{"id":"u"},"date":"2024-03-04","findings":[{"count":1,"item":"a"}]}',
        '{"unit":{"id":"u"},"date":"2024-03-04","indicators":{"r":{"denominator":2,"numerator":1}}}',
        '{"unit":{"id":"u"},"date":"2024-03-04","follows":[{"fixed":true,"finding":"f"}]}',
        '{"unit":{"id":"u"},"date":"2024-03-04","facts":{"x":1}}',
        '{"unit":{"id":"u"},"date":"2024-03-04","findings":[],"extra":1}',
        '{"unit":{"id":"u"},"date":"2024-03-04","findings":[{"item":"a","evidence":[1]}]}',
        '[{"unit":{"id":"u"},"date":"2024-03-04"}]',
        'null',
      ];
      for (const text of edges) {
        expect(ownRecord(JSON.parse(text)), text).toBeUndefined();
        ownAgrees(text);
      }
    });
  });
});
