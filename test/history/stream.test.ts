import { describe, expect, it } from 'vitest';
import { scoreHistoryStream } from '../../src/history/stream.js';
import { StandardSet } from '../../src/score/editions.js';
import { scoreStream, type ScoreItem } from '../../src/score/batch.js';
import type { StreamItem } from '../../src/records/read.js';
import type { InspectionRecord } from '../../src/record-schema.js';
import { compileStandard, parseStandard } from '../../src/index.js';
import { rec, scorer } from './campaign.js';

async function* stream(records: readonly InspectionRecord[]): AsyncGenerator<StreamItem> {
  for (let i = 0; i < records.length; i++) yield { record: records[i]!, source: { file: 'r.ndjson', line: i + 1, index: i } };
}
async function all(items: AsyncIterable<ScoreItem>): Promise<ScoreItem[]> {
  const out: ScoreItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('scoreHistoryStream (score, rank and report)', () => {
  it('charges late findings as the records stream in', async () => {
    const items = await all(scoreHistoryStream(new StandardSet([scorer]), stream([
      rec({ id: 'a', date: '2024-03-04', findings: [{ item: 'litter' }] }),
      rec({ id: 'b', date: '2024-03-08' }),
    ]), 'en'));
    expect(items.map((i) => ('scorecard' in i ? i.scorecard.total : i.diagnostics))).toEqual([98, 95]);
  });

  it('refuses a record dated before its unit\'s last one, with its line', async () => {
    const items = await all(scoreHistoryStream(new StandardSet([scorer]), stream([
      rec({ id: 'a', date: '2024-03-08' }),
      rec({ id: 'b', date: '2024-03-04' }),
      rec({ id: 'c', date: '2024-03-04', unit: 'u2' }),
    ]), 'en'));
    expect(items[1]).toMatchObject({ diagnostics: [{ code: 'history_order', line: 2, path: ['date'], message: expect.stringContaining('date order') }] });
    expect('scorecard' in items[2]!).toBe(true);
  });

  it('is scoreStream itself for a standard without history', async () => {
    const loaded = parseStandard('id: s\nversion: "1"\nname: { en: S }\nscoring: { mode: deduct }\ncategories: [ { id: c, name: { en: C }, max: 10, items: [ { id: i, name: { en: I }, max: 10, rules: [ { kind: per-occurrence, points: 1 } ] } ] } ]\n');
    if (!loaded.ok) throw new Error('standard');
    const set = new StandardSet([compileStandard(loaded.standard)]);
    const records = [rec({ date: '2024-03-08', findings: [{ item: 'i' }] }), rec({ date: '2024-03-04' })];
    expect(await all(scoreHistoryStream(set, stream(records), 'en'))).toEqual(await all(scoreStream(set, stream(records), 'en')));
  });
});
