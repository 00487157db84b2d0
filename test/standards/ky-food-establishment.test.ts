/**
 * standards/ky-food-establishment.yaml — the Kentucky 44-item food establishment inspection form.
 *
 * The points of items 1–38 are checked against item_points.csv (the transcription kept with the
 * Lexington data, ../shared/data/lexington-ky); everything else is checked against the form's
 * published rule: 100 − Σ points of the items marked "standard not met", each item once; 85–100
 * satisfactory, 70–84 re-inspection, < 70 permit suspension. Also here: the engine addition this
 * standard needs, a `fixed` rule with `points: null` (unknown: indeterminate when it fires).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compileStandard, loadStandard, parseStandard, scoreRecord, type InspectionRecordInput, type Scorecard, type Scorer, type Standard } from '../../src/index.js';
import { InspectionRecordSchema } from '../../src/record-schema.js';
import { toPoints } from '../../src/points.js';
import { bandOfTotal } from '../../src/import/agreement.js';
import { UNCERTAIN_FINDINGS_ITEM } from '../../src/import/lives.js';
import { LEXINGTON_DIR, lexingtonAvailable, SKIP_REASON } from '../import/lexington-data.js';

const FILE = fileURLToPath(new URL('../../standards/ky-food-establishment.yaml', import.meta.url));
const TEXT = readFileSync(FILE, 'utf8');

function compile(text: string): { standard: Standard; scorer: Scorer } {
  const result = parseStandard(text, { file: 'standard.yaml' });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return { standard: result.standard, scorer: compileStandard(result.standard) };
}
const { standard, scorer } = compile(TEXT);
const items = standard.categories.flatMap((c) => c.items);
const formItems = items.filter((i) => !i.tags?.includes('not-on-form'));

function score(findings: InspectionRecordInput['findings'], using: Scorer = scorer): Scorecard {
  const record = InspectionRecordSchema.parse({ unit: { id: '67372', name: '#1 CHINA BUFFET' }, date: '2015-11-12', findings });
  const result = scoreRecord(using, record);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  const card = result.scorecard;
  // Lines always add up: Σ line points = total − base.
  expect(card.lines.reduce((s, l) => s + toPoints(l.points)!, 0)).toBe(toPoints(card.total)! - toPoints(card.base)!);
  return card;
}
const marked = (...ids: string[]) => ids.map((item) => ({ item }));

describe('ky-food-establishment: the standard file', () => {
  it('loads with no error and no warning; first line points editors at the schema', async () => {
    const result = await loadStandard(FILE);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings).toEqual([]);
    expect(TEXT.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/standard.schema.json');
    expect(standard.scoring).toMatchObject({ mode: 'deduct', base: 100 });
    expect(scorer.base).toBe(toPoints(100));
  });

  it('has the 44 items of the form, numbered 1–44, each with one `fixed` rule (counted once per inspection)', () => {
    expect(formItems.map((i) => i.id)).toEqual(Array.from({ length: 44 }, (_, i) => String(i + 1)));
    for (const item of formItems) {
      expect(item.rules).toHaveLength(1);
      expect(item.rules[0]!.kind).toBe('fixed');
    }
  });

  it('items 36–38 are marked inferred (tag and source); 39–44 have unknown points (null), never 0', () => {
    for (const id of ['36', '37', '38']) {
      const item = formItems.find((i) => i.id === id)!;
      expect(item.tags).toContain('inferred-points');
      expect(item.source).toMatch(/INFERRED/);
    }
    for (const item of formItems.filter((i) => Number(i.id) <= 35)) expect(item.tags ?? []).not.toContain('inferred-points');
    for (const item of formItems.filter((i) => Number(i.id) >= 39)) {
      expect(item.rules[0]).toMatchObject({ kind: 'fixed', points: null });
      expect(item.tags).toContain('points-unknown');
    }
  });

  it('bands: 85 ≤ satisfactory, 70 ≤ re-inspection < 85, permit suspension < 70 fails — no gap for decimal totals', () => {
    expect(standard.outcomes.bands.map((b) => [b.id, b.min, b.below, b.verdict])).toEqual([
      ['satisfactory', 85, undefined, 'pass'],
      ['reinspection', 70, 85, 'pass'],
      ['permit-suspension', undefined, 70, 'fail'],
    ]);
    const band = (t: number) => bandOfTotal(standard, t)?.id;
    expect([100, 85, 84.9999, 84, 70, 69.9999, 69, 0, -5].map(band)).toEqual([
      'satisfactory', 'satisfactory', 'reinspection', 'reinspection', 'reinspection', 'permit-suspension', 'permit-suspension', 'permit-suspension', 'permit-suspension',
    ]);
  });
});

describe('ky-food-establishment: points and critical marks against item_points.csv', () => {
  if (!lexingtonAvailable()) {
    it.skip(`items 1–38 match item_points.csv — SKIPPED: ${SKIP_REASON}`, () => {});
    return;
  }
  const rows = parse(readFileSync(join(LEXINGTON_DIR, 'item_points.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];

  it('every item in item_points.csv has exactly its points, and only items 39–44 are missing from it', () => {
    expect(rows.map((r) => r.item)).toEqual(Array.from({ length: 38 }, (_, i) => String(i + 1)));
    for (const row of rows) {
      const item = formItems.find((i) => i.id === row.item)!;
      expect(item.rules[0], `item ${row.item}`).toMatchObject({ kind: 'fixed', points: Number(row.points) });
    }
    // The published items (1–35) and the inferred ones (36–38) add up to 100.
    expect(rows.reduce((s, r) => s + Number(r.points), 0)).toBe(100);
  });

  it('critical: true exactly where the key has an asterisk; unknown asterisks are tagged, not guessed', () => {
    for (const row of rows) {
      const item = formItems.find((i) => i.id === row.item)!;
      expect(item.critical === true, `item ${row.item}`).toBe(row.critical_asterisk === 'Y');
      expect(item.tags?.includes('critical-unknown') === true, `item ${row.item}`).toBe(row.critical_asterisk === '?');
    }
  });

  it('item 36–38 sources say where their points came from (inferred), as item_points.csv does', () => {
    for (const row of rows.filter((r) => Number(r.item) >= 36)) expect(row.points_source).toMatch(/^INFERRED/);
  });

  it("each item's requirement is its wording in Lexington's violations.csv", () => {
    for (const row of rows) expect(formItems.find((i) => i.id === row.item)!.requirement).toBe(row.description_from_lexington_violations_csv);
  });
});

describe('ky-food-establishment: scoring', () => {
  it('a clean inspection scores 100, satisfactory', () => {
    const card = score([]);
    expect([card.total, card.band?.id, card.verdict, card.complete]).toEqual([100, 'satisfactory', 'pass', true]);
  });

  it('each item counts once per inspection, however many findings name it', () => {
    // 8 (2) three times, 19 (1) twice, 3* (5) once: 100 − 2 − 1 − 5 = 92.
    const card = score(marked('8', '8', '19', '3', '8', '19'));
    expect(card.total).toBe(92);
    expect(card.lines.map((l) => [l.item, l.points])).toEqual([['3', -5], ['8', -2], ['19', -1]]);
  });

  it('band edges on real totals: 85 satisfactory, 84 and 70 re-inspection, 69 permit suspension (fail)', () => {
    const fifteen = ['3', '10', '11']; // 5 + 5 + 5
    expect([score(marked(...fifteen)).total, score(marked(...fifteen)).band?.id]).toEqual([85, 'satisfactory']);
    const c84 = score(marked(...fifteen, '2'));
    expect([c84.total, c84.band?.id, c84.verdict]).toEqual([84, 'reinspection', 'pass']);
    const thirty = [...fifteen, '21', '1', '7', '4']; // 15 + 5 + 4 + 4 + 2
    const c70 = score(marked(...thirty));
    expect([c70.total, c70.band?.id, c70.verdict]).toEqual([70, 'reinspection', 'pass']);
    const c69 = score(marked(...thirty, '2'));
    expect([c69.total, c69.band?.id, c69.verdict]).toEqual([69, 'permit-suspension', 'fail']);
  });

  it('every item marked at once: 100 − (items 1–38 = 100) = 0, permit suspension', () => {
    const card = score(marked(...Array.from({ length: 38 }, (_, i) => String(i + 1))));
    expect([card.total, card.band?.id, card.verdict]).toEqual([0, 'permit-suspension', 'fail']);
  });

  it('an item of unknown points (39–44) makes the inspection indeterminate — never scored as 0', () => {
    for (const id of ['39', '40', '41', '42', '43', '44']) {
      const card = score(marked('8', id));
      expect(card.complete, id).toBe(false);
      expect(card.verdict, id).toBe('indeterminate');
      expect(card.band, id).toBeNull();
      expect(card.reasons, id).toEqual([expect.objectContaining({ messageId: 'line.fixed_unknown', item: id })]);
      // The known item still shows; no line pretends the unknown item cost 0.
      expect(card.lines.map((l) => l.item)).toEqual(['8']);
    }
  });

  it(`a finding on "${UNCERTAIN_FINDINGS_ITEM}" (findings that may be another inspection's) is indeterminate too`, () => {
    const card = score([...marked('8', '19'), { item: UNCERTAIN_FINDINGS_ITEM, note: 'two inspections on one key' }]);
    expect([card.total, card.complete, card.verdict, card.band]).toEqual([97, false, 'indeterminate', null]);
    // Unknown both ways (items may be missing, or another inspection's held): an undecided deduction
    // and an undecided award, so the total could be anything and no band is claimed.
    expect(card.reasons).toEqual([
      expect.objectContaining({ messageId: 'line.fixed_unknown', item: UNCERTAIN_FINDINGS_ITEM, data: { effect: 'deduct' } }),
      expect.objectContaining({ messageId: 'line.fixed_unknown', item: UNCERTAIN_FINDINGS_ITEM, data: { effect: 'award' } }),
    ]);
  });

  it('an unknown item number is rejected, not scored', () => {
    const record = InspectionRecordSchema.parse({ unit: { id: 'x' }, date: '2016-01-01', findings: [{ item: '45' }] });
    const result = scoreRecord(scorer, record);
    expect(result.ok).toBe(false);
  });
});

describe('engine: a `fixed` rule with `points: null` (unknown points)', () => {
  const DEMO = `
id: demo
version: "1"
name: { en: Demo }
scoring: { mode: deduct, base: 10 }
categories:
  - id: c
    name: { en: C }
    items:
      - id: known
        name: { en: Known }
        rules: [ { kind: fixed, points: 2 } ]
      - id: unknown
        name: { en: Unknown }
        rules: [ { kind: fixed, points: null } ]
      - id: unknown-bonus
        name: { en: Unknown bonus }
        rules: [ { kind: fixed, points: null, effect: award } ]
      - id: when-unknown
        name: { en: When }
        rules: [ { kind: fixed, points: null, when: { fact: late, operator: equal, value: true } } ]
`;
  const demo = compile(DEMO).scorer;
  const run = (input: Partial<InspectionRecordInput>) => {
    const result = scoreRecord(demo, InspectionRecordSchema.parse({ unit: { id: 'u' }, date: '2020-01-01', facts: { late: false }, ...input }));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    return result.scorecard;
  };

  it('not triggered: nothing happens (a numeric fixed rule still deducts its points)', () => {
    const card = run({ findings: [{ item: 'known' }] });
    expect([card.total, card.complete, card.verdict, card.reasons]).toEqual([8, true, 'pass', []]);
  });

  it('triggered by a finding: indeterminate, no line, the known deductions kept', () => {
    const card = run({ findings: [{ item: 'known' }, { item: 'unknown' }, { item: 'unknown' }] });
    expect([card.total, card.complete, card.verdict]).toEqual([8, false, 'indeterminate']);
    expect(card.lines.map((l) => l.item)).toEqual(['known']);
    expect(card.reasons).toEqual([{ messageId: 'line.fixed_unknown', data: { effect: 'deduct' }, item: 'unknown', rule: 'categories[0].items[1].rules[0]' }]);
  });

  it('award effect and `when` trigger alike; a `when` that does not hold does nothing; a missing fact stays indeterminate', () => {
    expect(run({ findings: [{ item: 'unknown-bonus' }] }).reasons[0]).toMatchObject({ messageId: 'line.fixed_unknown', data: { effect: 'award' } });
    expect(run({ facts: { late: true } }).verdict).toBe('indeterminate');
    expect(run({ facts: { late: false } }).verdict).toBe('pass');
    expect(run({ facts: {} }).reasons[0]).toMatchObject({ messageId: 'condition.missing_fact' });
  });

  it('points must still be a number or null', () => {
    expect(parseStandard(DEMO.replace('points: null }', 'points: "x" }'), { file: 'standard.yaml' }).ok).toBe(false);
  });
});
