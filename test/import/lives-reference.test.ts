/**
 * livesToRecords against the LIVES import written out plainly: one map from a (business_id, date) key
 * string to its inspections, one from business_id to name, each violation row looked up on its own and
 * pushed onto its key's findings. The import instead joins through an entry per business (looked up once
 * per run of rows, its dates a chain), gathers a key's findings run by run into one array, and starts
 * every id of a business with one string; the output must not tell: the same records (JSON, so key order
 * too), problems, in order, and stats, on generated feeds with few businesses and dates (keys shared by
 * several inspections), violations in runs and interleaved, one date spelled two ways, names missing or
 * given twice, rows that cannot be placed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { livesDate, livesToRecords, UNCERTAIN_FINDINGS_ITEM } from '../../src/import/lives.js';

type Row = readonly string[];
interface Feed {
  readonly businesses: readonly Row[] | undefined;
  readonly inspections: readonly Row[];
  readonly violations: readonly Row[];
}

const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const csv = (header: string, rows: readonly Row[]) => [header, ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';

const businessArb = fc.constantFrom('67372', '61072', ' 67372', '98932', '');
// 1/5/16 and 01/05/2016 are one date; 2/30/16 is none.
const dateArb = fc.constantFrom('1/5/16', '01/05/2016', '11/12/15', '6/20/16', '2/30/16');
const inspectionArb = fc.tuple(businessArb, fc.constantFrom('94', '', '82', 'x'), dateArb, fc.constantFrom('', '', 'routine'), fc.constantFrom('', '', 'follow-up'));
const violationArb = fc.tuple(businessArb, dateArb, fc.constantFrom('8', '19', ' 3 ', ''), fc.constantFrom('', 'a note', 'a, "b"'));
/** Violations as feeds list them (a run per key) or shuffled. */
const violationsArb = fc.oneof(
  fc.array(fc.tuple(violationArb, fc.integer({ min: 0, max: 3 })), { maxLength: 8 }).map((runs) => runs.flatMap(([row, more]) => [row, ...Array.from({ length: more }, (_, k) => [row[0], row[1], String(k + 1), k % 2 === 0 ? '' : 'y'])])),
  fc.array(violationArb, { maxLength: 16 }),
);
const feedArb: fc.Arbitrary<Feed> = fc.record({
  businesses: fc.option(fc.array(fc.tuple(businessArb, fc.constantFrom('CAFE', ' DINER ', '')), { maxLength: 5 }), { nil: undefined }),
  inspections: fc.array(inspectionArb, { maxLength: 10 }),
  violations: violationsArb,
});

type Finding = { item: string; note?: string };
interface Plain {
  readonly records: unknown[];
  readonly problems: [string, number, string, unknown][];
  readonly stats: Record<string, number>;
}

/** The import, plainly: no cell spans lines, so data row i is on line i + 2. */
function plainImport({ businesses, inspections, violations }: Feed): Plain {
  const problems: Plain['problems'] = [];
  const names = new Map<string, string>();
  for (const [id, name] of businesses ?? []) if (id!.trim() !== '' && !names.has(id!.trim())) names.set(id!.trim(), name!.trim());
  type Inspection = { line: number; index: number; business: string; date: string; score: number | undefined; description: string; type: string; doubts: string[] };
  const all: Inspection[] = [];
  const onKey = new Map<string, Inspection[]>();
  const found = new Map<string, Finding[]>();
  const key = (business: string, date: string) => `${business}\u0000${date}`;
  inspections.forEach(([business, rawScore, rawDate, description, type], index) => {
    const line = index + 2;
    const date = livesDate(rawDate!);
    if (date === undefined) return void problems.push(['inspections.csv', line, 'import.lives_bad_date', { value: rawDate }]);
    let score = rawScore!.trim() === '' ? undefined : Number(rawScore!.trim());
    if (score !== undefined && !Number.isFinite(score)) {
      problems.push(['inspections.csv', line, 'import.lives_bad_score', { value: rawScore!.trim() }]);
      score = undefined;
    }
    const inspection = { line, index, business: business!.trim(), date, score, description: description!.trim(), type: type!.trim(), doubts: [] };
    all.push(inspection);
    onKey.set(key(inspection.business, date), [...(onKey.get(key(inspection.business, date)) ?? []), inspection]);
  });
  violations.forEach(([rawBusiness, rawDate, rawCode, description], i) => {
    const line = i + 2;
    const [business, code, date] = [rawBusiness!.trim(), rawCode!.trim(), livesDate(rawDate!)];
    if (date === undefined) {
      problems.push(['violations.csv', line, 'import.lives_bad_date', { value: rawDate }]);
      for (const inspection of all) if (inspection.business === business) inspection.doubts.push(`violations.csv:${line}: a violation of this business has no readable date ("${rawDate}")`);
      return;
    }
    const list = onKey.get(key(business, date));
    if (list === undefined) return void problems.push(['violations.csv', line, 'import.lives_orphan_violation', { business, date, code }]);
    if (code === '') {
      problems.push(['violations.csv', line, 'import.lives_no_code', { business, date }]);
      for (const inspection of list) inspection.doubts.push(`violations.csv:${line}: a violation on this business and date has no item code`);
      return;
    }
    const note = description!.trim();
    found.set(key(business, date), [...(found.get(key(business, date)) ?? []), note !== '' ? { item: code, note } : { item: code }]);
  });
  const records: unknown[] = [];
  const warned = new Set<string>();
  let [ambiguousRecords, uncertainRecords] = [0, 0];
  for (const inspection of all) {
    const { business, date, score, description, type } = inspection;
    const list = onKey.get(key(business, date))!;
    const ambiguous = list.length > 1;
    const name = names.get(business);
    if (name === undefined && businesses !== undefined && !warned.has(business)) {
      warned.add(business);
      problems.push(['inspections.csv', inspection.line, 'import.lives_unknown_business', { business }]);
    }
    const onIt = found.get(key(business, date)) ?? [];
    const findings = onIt.map((f) => ({ ...f }));
    const doubts = [...inspection.doubts];
    if (ambiguous && onIt.length > 0) {
      const scores = list.map((s) => s.score ?? '?').join(', ');
      doubts.unshift(`${list.length} inspections of business ${business} on ${date} share one LIVES key; the ${onIt.length} violation row(s) on it cannot be split between them (official scores ${scores})`);
    }
    if (doubts.length > 0) {
      findings.push({ item: UNCERTAIN_FINDINGS_ITEM, note: doubts.join('; ') });
      uncertainRecords++;
    }
    if (ambiguous) ambiguousRecords++;
    const facts: Record<string, unknown> = {};
    if (score !== undefined) facts.officialScore = score;
    facts.livesAmbiguousKey = ambiguous;
    facts.inspectionsOnKey = list.length;
    if (ambiguous) facts.officialScoresOnKey = list.map((s) => s.score ?? null);
    if (type !== '') facts.livesType = type;
    if (description !== '') facts.livesDescription = description;
    const id = `lives:${business}:${date}` + (ambiguous ? `:${list.indexOf(inspection) + 1}` : '');
    if (business === '') {
      problems.push(['inspections.csv', inspection.line, 'record.invalid', { detail: 'unit.id: must not be empty' }]);
      continue;
    }
    const record = { id, unit: name ? { id: business, name } : { id: business }, date, findings, facts };
    records.push({ record, source: { file: 'inspections.csv', line: inspection.line, index: inspection.index } });
  }
  const stats = {
    businesses: businesses?.length ?? 0,
    inspections: inspections.length,
    violations: violations.length,
    records: records.length,
    keys: onKey.size,
    ambiguousKeys: [...onKey.values()].filter((l) => l.length > 1).length,
    ambiguousRecords,
    uncertainRecords,
  };
  return { records, problems, stats };
}

describe('livesToRecords against the plain import', () => {
  it('gives the same records (JSON), problems in the same order and the same stats', () => {
    let [joined, shared, named] = [0, 0, 0];
    fc.assert(
      fc.property(feedArb, (feed) => {
        const out = livesToRecords({
          ...(feed.businesses ? { businesses: csv('business_id,name', feed.businesses) } : {}),
          inspections: csv('business_id,score,date,description,type', feed.inspections),
          violations: csv('business_id,date,code,description', feed.violations),
        });
        const plain = plainImport(feed);
        expect(JSON.stringify(out.records)).toBe(JSON.stringify(plain.records));
        expect(out.problems.map((p) => [p.file, p.line, p.messageId, p.data])).toEqual(plain.problems);
        expect(out.stats).toEqual(plain.stats);
        for (const { record } of out.records) {
          joined += record.findings.length;
          if (record.facts?.livesAmbiguousKey === true) shared++;
          if (record.unit.name !== undefined) named++;
        }
      }),
      { numRuns: 300, seed: 16 },
    );
    // The feeds do join violations, share keys and name businesses.
    expect(joined).toBeGreaterThan(500);
    expect(shared).toBeGreaterThan(100);
    expect(named).toBeGreaterThan(100);
  });

  it('a record’s findings are its own array: changing one record’s changes no other’s', () => {
    const out = livesToRecords({
      inspections: csv('business_id,score,date', [['1', '90', '1/5/16'], ['1', '80', '1/5/16'], ['2', '70', '1/5/16']]),
      violations: csv('business_id,date,code,description', [['1', '1/5/16', '8', 'a'], ['2', '1/5/16', '9', ''], ['1', '01/05/2016', '3', '']]),
    });
    const [a, b, c] = out.records.map((r) => r.record);
    expect(a!.findings.map((f) => f.item)).toEqual(['8', '3', UNCERTAIN_FINDINGS_ITEM]);
    expect(c!.findings).toEqual([{ item: '9' }]);
    a!.findings.push({ item: 'x' });
    a!.findings[0]!.note = 'changed';
    expect(b!.findings.map((f) => f.item)).toEqual(['8', '3', UNCERTAIN_FINDINGS_ITEM]);
    expect(b!.findings[0]!.note).toBe('a');
  });
});
