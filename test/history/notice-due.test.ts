/**
 * A rectification notice's own deadline (整改通知书, 000:1509): a finding's `due` replaces its item's
 * `rectify.within`; it needs an item with a deadline, and a day not before the finding's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileStandard } from '../../src/compile/standard.js';
import { scoreHistory } from '../../src/history/history.js';
import { InspectionRecordSchema, type InspectionRecordInput } from '../../src/record-schema.js';
import { parseStandard } from '../../src/standard/load.js';

const loaded = parseStandard(readFileSync('test/history/fixtures/campaign.yaml', 'utf8'));
if (!loaded.ok) throw new Error('campaign.yaml');
const scorer = compileStandard(loaded.standard);
const run = (records: InspectionRecordInput[], asOf: string) => scoreHistory(scorer, records.map((r) => InspectionRecordSchema.parse(r)), { asOf });

describe("a finding's own deadline (due)", () => {
  it('replaces the item\'s: litter is due in 3 days, the notice gave 10; fixed on the 12th it costs nothing more', () => {
    const records: InspectionRecordInput[] = [
      { id: 'a', unit: { id: 'c1' }, date: '2024-03-04', findings: [{ item: 'litter', due: '2024-03-14' }, { item: 'litter' }] },
      { id: 'b', unit: { id: 'c1' }, date: '2024-03-12', follows: [{ finding: 'a#1', fixed: true }, { finding: 'a#2', fixed: true }] },
    ];
    const { results, ledger } = run(records, '2024-03-20');
    expect(ledger.map((e) => [e.id, e.due, e.status, e.daysOverdue])).toEqual([
      ['a#2', '2024-03-07', 'closed', 5],
      ['a#1', '2024-03-14', 'closed', 0],
    ]);
    // only a#2 was late: 5 points, once
    expect(results[1]?.ok && results[1].scorecard.lines.filter((l) => l.rule.endsWith('.rectify')).map((l) => l.points)).toEqual([-5]);
  });

  it('is refused before the finding (a notice cannot set a deadline already past)', () => {
    const before = run([{ id: 'a', unit: { id: 'c1' }, date: '2024-03-04', findings: [{ item: 'litter', due: '2024-03-01' }] }], '2024-03-20');
    expect(before.results[0]).toMatchObject({ ok: false, diagnostics: [{ code: 'record_invalid', path: ['findings', 0, 'due'], messageId: 'record.due_before_found' }] });
    expect(before.ledger).toEqual([]);
  });
});
