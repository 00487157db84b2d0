/**
 * The benchmark's equality check (bench/check.mjs), at --quick sizes: scoresheet, the hand-written
 * scorers, json-rules-engine and json-logic-js agree on every generated record — and the check fails,
 * naming the record and the difference, when one implementation is wrong. No timing is asserted.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreHygiene2013, scoreSchoolHygiene } from '../bench/baseline.mjs';
import { checkImplementations, differences, formatMismatches, scoresheetImplementation, type Implementation } from '../bench/check.mjs';
import { DEFAULT_SEED, generate2013, generateSchool, ITEMS_2013, ITEMS_SCHOOL, QUICK_RECORDS } from '../bench/generate.mjs';
import { makeJre } from '../bench/peers/jre.mjs';
import { makeJsonLogic } from '../bench/peers/json-logic.mjs';
import type { BenchResult } from '../bench/types.js';
import { compileStandard, parseStandard, scoreRecord, type InspectionRecord, type Scorer, type Standard } from '../src/index.js';
import { InspectionRecordSchema } from '../src/record-schema.js';

function load(file: string): Standard {
  const path = fileURLToPath(new URL(`../${file}`, import.meta.url));
  const result = parseStandard(readFileSync(path, 'utf8'), { file });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.standard;
}

const WORKLOADS = [
  { name: 'hygiene-supervision-2013', file: 'standards/hygiene-supervision-2013.yaml', generate: generate2013, baseline: scoreHygiene2013 },
  { name: 'school-hygiene', file: 'standards/school-hygiene.yaml', generate: generateSchool, baseline: scoreSchoolHygiene },
] as const;

interface Loaded {
  standard: Standard;
  scorer: Scorer;
  records: InspectionRecord[];
  scoresheet: Implementation;
}
const loaded = new Map<string, Loaded>();

beforeAll(() => {
  for (const w of WORKLOADS) {
    const standard = load(w.file);
    const scorer = compileStandard(standard);
    const records = w.generate(QUICK_RECORDS, DEFAULT_SEED).map((r) => InspectionRecordSchema.parse(r));
    loaded.set(w.name, { standard, scorer, records, scoresheet: { name: 'scoresheet', score: scoresheetImplementation(scoreRecord, scorer) } });
  }
});

/** A copy of a standard changed by `edit` (a peer built from it implements the standard wrongly). */
function edited(standard: Standard, edit: (s: Standard) => void): Standard {
  const copy = structuredClone(standard);
  edit(copy);
  return copy;
}

describe('bench: every implementation scores every record the same', () => {
  for (const w of WORKLOADS) {
    it(`${w.name}: scoresheet, hand-written, json-rules-engine and json-logic-js agree on all ${QUICK_RECORDS} --quick records`, async () => {
      const { standard, records, scoresheet } = loaded.get(w.name)!;
      const result = await checkImplementations(records, [
        scoresheet,
        { name: 'hand-written', score: w.baseline },
        { name: 'json-rules-engine', score: makeJre(standard) },
        { name: 'json-logic-js', score: makeJsonLogic(standard) },
      ]);
      expect(result.ok, result.ok ? '' : formatMismatches(result, w.name)).toBe(true);
      expect(result.checked).toBe(QUICK_RECORDS);
    });
  }

  it('the 2013 records are realistic: mostly clean, some findings, every fact present and typed, some evidence missing, judgement notes', () => {
    const { records, scorer, scoresheet } = loaded.get('hygiene-supervision-2013')!;
    const factNames = Object.keys(records[0]!.facts!);
    expect(factNames).toHaveLength(27);
    const odd = records.filter(
      (r) =>
        Object.keys(r.facts!).join() !== factNames.join() ||
        Object.values(r.facts!).some((v) => typeof v !== 'number' && typeof v !== 'boolean') ||
        Object.keys(r.indicators!).join() !== 'staffCertificateRate,patrolCompletionRate,foodGradingRate' ||
        r.findings.some((f) => !ITEMS_2013.includes(f.item)),
    );
    expect(odd).toEqual([]);
    const share = (p: (r: InspectionRecord) => boolean) => records.filter(p).length / records.length;
    expect(share((r) => r.findings.length === 0)).toBeGreaterThan(0.2);
    expect(share((r) => r.findings.length > 0)).toBeGreaterThan(0.5);
    expect(records.reduce((n, r) => n + r.findings.length, 0) / records.length).toBeLessThan(3); // of 27 items
    expect(share((r) => r.findings.some((f) => f.evidence === false))).toBeGreaterThan(0.02);
    expect(share((r) => r.findings.some((f) => f.points !== undefined && (f.note ?? '') !== ''))).toBeGreaterThan(0.1);
    // Scored: most items clean (few lines carry points), every record complete.
    const cards = records.map((r) => scoreRecord(scorer, r));
    expect(cards.every((c) => c.ok && c.scorecard.complete && c.scorecard.verdict === 'pass')).toBe(true);
    const changed = records.map((r) => (scoresheet.score(r) as BenchResult).deductions.length);
    expect(changed.reduce((a, b) => a + b, 0) / records.length).toBeLessThan(27 / 3);
  });

  it('generates the same records from the same seed, and other records from another', () => {
    expect(JSON.stringify(generate2013(50, 7))).toBe(JSON.stringify(generate2013(50, 7)));
    expect(JSON.stringify(generate2013(50, 7))).not.toBe(JSON.stringify(generate2013(50, 8)));
    expect(generateSchool(20)).toEqual(generateSchool(40).slice(0, 20));
  });
});

describe('bench: the check fails when an implementation is wrong', () => {
  it('json-logic-js built without the 2013 form’s rule caps (row 16: 巡查指导记录…最高扣5分): fails, naming the record and the item', async () => {
    const { standard, records, scoresheet } = loaded.get('hygiene-supervision-2013')!;
    const uncapped = edited(standard, (s) => {
      for (const c of s.categories) for (const i of c.items) for (const r of i.rules) delete (r as { cap?: number }).cap;
    });
    const result = await checkImplementations(records, [scoresheet, { name: 'json-logic-js (no caps)', score: makeJsonLogic(uncapped) }]);
    expect(result.ok).toBe(false);
    expect(result.mismatchCount).toBeGreaterThan(0);
    const first = result.mismatches[0]!;
    expect(first.implementation).toBe('json-logic-js (no caps)');
    expect(first.record).toMatch(/^hs-\d+ \(#\d+\)$/);
    const report = formatMismatches(result, 'hygiene-supervision-2013');
    expect(report).toContain(`record ${first.record}: json-logic-js (no caps) differs from scoresheet`);
    expect(report).toMatch(/total: scoresheet [\d.]+, json-logic-js \(no caps\) [\d.]+/);
    expect(report).toMatch(/routine-patrols/);
  });

  it('json-rules-engine built without the items’ floors (扣完为止): fails on the records where a floor binds', async () => {
    const { standard, records, scoresheet } = loaded.get('hygiene-supervision-2013')!;
    const unfloored = edited(standard, (s) => {
      for (const c of s.categories) for (const i of c.items) if (i.max !== undefined) i.max = 1000; // no floor binds
    });
    const some = records.slice(0, 400);
    const result = await checkImplementations(some, [scoresheet, { name: 'json-rules-engine (no floors)', score: makeJre(unfloored) }]);
    expect(result.ok).toBe(false);
    expect(formatMismatches(result)).toMatch(/json-rules-engine \(no floors\) differs from scoresheet: total/);
  });

  it('a hand-written school scorer that charges an area for each failed item, not once per inspection: fails on (item, points)', async () => {
    const { records, scoresheet } = loaded.get('school-hygiene')!;
    const areaOf = (item: string) => {
      const plain = item.includes('.') ? item.slice(item.indexOf('.') + 1) : item;
      if (plain === 'classroom' || plain === 'environment') return plain;
      return ITEMS_SCHOOL.classroom.includes(plain) ? 'classroom' : 'environment';
    };
    // The bug: 不合格 costs the kind's points for every failed item, not once per area and inspection.
    const perFinding = (record: InspectionRecord): BenchResult => {
      const right = scoreSchoolHygiene(record);
      let total = right.total;
      const deductions = right.deductions.map(([item, points]): [string, number] => {
        if (item !== 'classroom' && item !== 'environment') return [item, points];
        const n = record.findings.filter((f) => areaOf(f.item) === item).length;
        total += points * (n - 1);
        return [item, points * n];
      });
      return { ...right, total, deductions };
    };
    const result = await checkImplementations(records, [scoresheet, { name: 'hand-written (per finding)', score: perFinding }], { limit: 3 });
    expect(result.ok).toBe(false);
    expect(result.mismatches).toHaveLength(3);
    expect(result.mismatches[0]!.differences.join(' ')).toMatch(/\(item, points\): scoresheet \[.*\], hand-written \(per finding\) \[.*\]/);
    expect(formatMismatches(result)).toMatch(/… and \d+ more/);
  });

  it('a scorer that throws is a mismatch, not a crash', async () => {
    const { records, scoresheet } = loaded.get('school-hygiene')!;
    const result = await checkImplementations(records.slice(0, 5), [scoresheet, { name: 'broken', score: () => { throw new Error('boom'); } }]);
    expect(result.mismatchCount).toBe(5);
    expect(result.mismatches[0]!.differences).toEqual(['threw: boom']);
  });

  it('compares total, verdict, band and the (item, points) list, in exact ten-thousandths, whatever the order', () => {
    const a: BenchResult = { total: 985000, verdict: 'pass', band: null, deductions: [['leadership', -5000], ['clue-reporting', 4000]] };
    expect(differences(a, { ...a, deductions: [...a.deductions].reverse() })).toEqual([]);
    expect(differences(a, { ...a, total: 985001 }, ['ours', 'theirs'])).toEqual(['total: ours 98.5, theirs 98.5001']);
    expect(differences(a, { ...a, verdict: 'indeterminate' }, ['ours', 'theirs'])).toEqual(['verdict: ours pass, theirs indeterminate']);
    expect(differences(a, { ...a, band: 'good' }, ['ours', 'theirs'])).toEqual(['band: ours null, theirs good']);
    expect(differences(a, { ...a, deductions: [['leadership', -5000]] }, ['ours', 'theirs'])).toEqual([
      '(item, points): ours [clue-reporting +0.4, leadership -0.5], theirs [leadership -0.5] — only ours: [clue-reporting +0.4], only theirs: []',
    ]);
  });
});
