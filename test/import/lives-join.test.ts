/**
 * The join of violations to inspections (src/import/lives.ts): the import finds a violation row's key once
 * per run of rows on the same business and date spelling, and a key of one inspection has no object of its
 * own. Both must give what the plain join gives: every violation row with a readable date and an item code
 * becomes a finding of each inspection on its (business_id, date) key, in row order; a row on no key is an
 * orphan; a row without a code makes every inspection on its key uncertain. Checked here against that plain
 * join, written out, on generated feeds whose violations come in runs (as feeds list them), with the same
 * date spelled two ways, keys of several inspections, orphans and rows without a code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { livesDate, livesToRecords, UNCERTAIN_FINDINGS_ITEM } from '../../src/import/lives.js';

type Violation = readonly [business: string, date: string, code: string, description: string];

const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const csv = (header: string, rows: readonly (readonly string[])[]) => [header, ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';

const businessArb = fc.constantFrom('67372', '61072', ' 67372', '98932');
// 1/5/16 and 01/05/2016 are one date; 2/30/16 is none.
const dateArb = fc.constantFrom('1/5/16', '01/05/2016', '11/12/15', '2/30/16');
const codeArb = fc.constantFrom('8', '19', ' 3 ', '');
const violationArb = fc.tuple(businessArb, dateArb, codeArb, fc.constantFrom('', 'x', 'a, "b"'));
/** A run: one row repeated with other codes, as a feed lists one inspection's violations. */
const runArb = fc.tuple(violationArb, fc.array(fc.tuple(codeArb, fc.constantFrom('', 'y')), { maxLength: 4 })).map(([first, more]) => [first, ...more.map(([code, d]): Violation => [first[0], first[1], code, d])]);
const feedArb = fc.record({
  inspections: fc.array(fc.tuple(businessArb, fc.constantFrom('94', ''), dateArb), { maxLength: 8 }),
  runs: fc.array(runArb, { maxLength: 8 }),
});

const keyOf = (business: string, date: string) => `${business.trim()} ${livesDate(date)}`;

describe('livesToRecords: the join of violations to inspections', () => {
  it('gives each record the findings of every coded violation row on its key, in row order; orphans and rows without a code are warned about', () => {
    let joined = 0;
    let shared = 0;
    fc.assert(
      fc.property(feedArb, ({ inspections, runs }) => {
        const violations = runs.flat();
        const out = livesToRecords({ inspections: csv('business_id,score,date', inspections), violations: csv('business_id,date,code,description', violations) });
        const keys = new Map<string, number>();
        for (const [business, , date] of inspections) {
          if (business.trim() !== '' && livesDate(date) !== undefined) keys.set(keyOf(business, date), (keys.get(keyOf(business, date)) ?? 0) + 1);
        }
        // The plain join: each row looked up on its own.
        const expected = new Map<string, { item: string; note?: string }[]>();
        const uncoded = new Set<string>();
        let orphans = 0;
        for (const [business, date, code, description] of violations) {
          if (livesDate(date) === undefined) continue;
          const key = keyOf(business, date);
          if (!keys.has(key)) orphans++;
          else if (code.trim() === '') uncoded.add(key);
          else {
            const list = expected.get(key) ?? [];
            list.push(description.trim() !== '' ? { item: code.trim(), note: description.trim() } : { item: code.trim() });
            expected.set(key, list);
          }
        }
        for (const { record } of out.records) {
          const key = keyOf(record.unit.id, record.date);
          const findings = record.findings.filter((f) => f.item !== UNCERTAIN_FINDINGS_ITEM);
          expect(findings).toEqual(expected.get(key) ?? []);
          const many = keys.get(key)! > 1;
          expect(record.facts).toMatchObject({ livesAmbiguousKey: many, inspectionsOnKey: keys.get(key) });
          const uncertain = uncoded.has(key) || livesBadDateOf(violations, record.unit.id) || (many && findings.length > 0);
          expect(record.findings.some((f) => f.item === UNCERTAIN_FINDINGS_ITEM)).toBe(uncertain);
          joined += findings.length;
          if (many) shared++;
        }
        expect(out.problems.filter((p) => p.messageId === 'import.lives_orphan_violation')).toHaveLength(orphans);
        expect(out.stats.ambiguousKeys).toBe([...keys.values()].filter((n) => n > 1).length);
      }),
      { numRuns: 400, seed: 16 },
    );
    // The generated feeds do join rows, and do put several inspections on one key.
    expect(joined).toBeGreaterThan(300);
    expect(shared).toBeGreaterThan(50);
  });
});

/** A violation row of the business without a readable date makes each of its records uncertain. */
function livesBadDateOf(violations: readonly Violation[], business: string): boolean {
  return violations.some(([b, date]) => b.trim() === business && livesDate(date) === undefined);
}
