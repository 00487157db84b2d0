/**
 * End to end on real published data: every inspection of the Lexington-Fayette County (KY) LIVES feed
 * (2015-07-27 … 2016-07-15), imported with `scoresheet import lives`, scored with `scoresheet score`
 * against standards/ky-food-establishment.yaml, and compared with the official score the feed
 * publishes. No formula here: the totals come from the CLI and the YAML standard.
 *
 * The data is not ours to commit: it is read from ../shared/data/lexington-ky (beside the repo root)
 * or $SCORESHEET_LEXINGTON_DIR; absent, these tests are skipped loudly (and fail on CI).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectionRecord, Scorecard } from '../../src/index.js';
import { runCli } from '../support/cli.js';
import { LEXINGTON_DIR, lexingtonAvailable, SKIP_REASON } from './lexington-data.js';

const KY = 'standards/ky-food-establishment.yaml';
/** Items whose points are inferred from these very data (36–38): an exact match through them proves less. */
const INFERRED = new Set(['36', '37', '38']);
const UNKNOWN_POINTS = new Set(['39', '40', '41', '42', '43', '44']);

type Row = 'exact' | 'exact_inferred' | 'differs' | 'ambiguous_key' | 'unknown_item';

describe('Lexington-Fayette County, KY: official scores reproduced through `import lives` and the YAML standard', () => {
  if (!lexingtonAvailable()) {
    it.skip(`every inspection scored and compared with its official score — SKIPPED: ${SKIP_REASON}`, () => {});
    return;
  }

  let dir: string;
  let records: InspectionRecord[];
  let cards: Map<string, Scorecard>;
  const table: Record<Row, number> = { exact: 0, exact_inferred: 0, differs: 0, ambiguous_key: 0, unknown_item: 0 };
  const differences: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lexington-'));
    const file = join(dir, 'lexington.ndjson');
    const imported = await runCli(['import', 'lives', LEXINGTON_DIR, '-o', file]);
    expect(imported.code, imported.stderr).toBe(0);
    records = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as InspectionRecord);
    const scored = await runCli(['score', '--standard', KY, '--format', 'json', file]);
    expect(scored.code, scored.stderr).toBe(0);
    const out = JSON.parse(scored.stdout) as { scorecards: Scorecard[]; rejected: unknown[] };
    expect(out.rejected).toEqual([]);
    cards = new Map(out.scorecards.map((c) => [c.record!, c]));

    for (const record of records) {
      const card = cards.get(record.id!)!;
      const official = record.facts!.officialScore as number;
      let row: Row;
      if (record.facts!.livesAmbiguousKey === true) row = 'ambiguous_key';
      else if (!card.complete) row = 'unknown_item';
      else if (card.total !== official) row = 'differs';
      else row = record.findings.some((f) => INFERRED.has(f.item)) ? 'exact_inferred' : 'exact';
      table[row]++;
      if (row === 'differs') differences.push(`${record.id}: official ${official}, computed ${card.total}`);
    }
    console.log(
      [
        'Lexington-Fayette County, KY — agreement with the official score',
        ...Object.entries(table).map(([k, v]) => `  ${k.padEnd(16)} ${String(v).padStart(5)}`),
        `  ${'total'.padEnd(16)} ${String(records.length).padStart(5)}`,
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports all 3,300 inspections (1,446 businesses) as 3,300 records; 331 keys hold two inspections', () => {
    expect(records).toHaveLength(3300);
    expect(cards.size).toBe(3300);
    expect(new Set(records.map((r) => r.unit.id)).size).toBeLessThanOrEqual(1446);
    const ambiguous = records.filter((r) => r.facts!.livesAmbiguousKey === true);
    expect(ambiguous).toHaveLength(662);
    expect(new Set(ambiguous.map((r) => `${r.unit.id}|${r.date}`)).size).toBe(331);
    expect(ambiguous.every((r) => r.facts!.inspectionsOnKey === 2)).toBe(true);
  });

  it('EXACT on every inspection whose key is unique and whose items all have published points: 2,634', () => {
    expect(differences).toEqual([]);
    expect(table).toEqual({ exact: 2634, exact_inferred: 4, differs: 0, ambiguous_key: 662, unknown_item: 0 });
  });

  it('ambiguous keys claim no score (indeterminate, no band), and the union of their items is a true lower bound', () => {
    for (const record of records.filter((r) => r.facts!.livesAmbiguousKey === true)) {
      const card = cards.get(record.id!)!;
      expect([card.complete, card.verdict, card.band]).toEqual([false, 'indeterminate', null]);
      // Each inspection marked a subset of the key's items, so 100 − Σ(all of them) ≤ its official score.
      expect(card.total).toBeLessThanOrEqual(record.facts!.officialScore as number);
    }
  });

  it('the real data never marks an item of unknown points (39–44)', () => {
    expect(records.some((r) => r.findings.some((f) => UNKNOWN_POINTS.has(f.item)))).toBe(false);
  });

  it('a synthetic record marking item 39 (points unknown) is indeterminate, never scored as if it cost 0', async () => {
    const real = records.find((r) => r.facts!.livesAmbiguousKey === false && r.findings.length > 0)!;
    const synthetic = { ...real, id: `${real.id}:synthetic`, findings: [...real.findings, { item: '39', note: 'synthetic' }] };
    const file = join(dir, 'synthetic.ndjson');
    writeFileSync(file, JSON.stringify(real) + '\n' + JSON.stringify(synthetic) + '\n');
    const out = JSON.parse((await runCli(['score', '--standard', KY, '--format', 'json', file])).stdout) as { scorecards: Scorecard[] };
    const [before, after] = out.scorecards;
    expect(before!.total).toBe(real.facts!.officialScore);
    expect([after!.complete, after!.verdict, after!.band]).toEqual([false, 'indeterminate', null]);
    expect(after!.reasons).toEqual([expect.objectContaining({ messageId: 'line.fixed_unknown', item: '39' })]);
  });

  it('`import lives --compare` reports the same table, and these band counts', async () => {
    const r = await runCli(['import', 'lives', LEXINGTON_DIR, '--standard', KY, '--compare', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const { agreement } = JSON.parse(r.stdout);
    expect(agreement.counts).toEqual({ ...table, uncertain: 0, no_official_score: 0, rejected: 0 });
    expect(agreement.bands.map((b: { id: string; computed: number; official: number }) => [b.id, b.computed, b.official])).toEqual([
      ['satisfactory', 2600, 3230],
      ['reinspection', 36, 66],
      ['permit-suspension', 2, 4],
      ['', 662, 0],
    ]);
  });
});
