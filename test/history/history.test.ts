import { describe, expect, it } from 'vitest';
import { compileStandard, parseStandard, type Scorecard } from '../../src/index.js';
import { dueDate, findingId, scoreHistory } from '../../src/history/history.js';
import { rec, scorer } from './campaign.js';

const card = (r: ReturnType<typeof scoreHistory>['results'][number]): Scorecard => {
  if (r === undefined || !r.ok) throw new Error(JSON.stringify(r));
  return r.scorecard;
};
const historyLines = (c: Scorecard) => c.lines.filter((l) => /rectify|repeat|foundLate/.test(l.rule)).map((l) => [l.reason.messageId, l.points]);

describe('finding ids and due dates', () => {
  it('derives ids from the record id, else unit/date/kind, counting findings from 1', () => {
    expect(findingId(rec({ id: 'r7', date: '2024-03-04', findings: [{ item: 'a' }, { item: 'b' }] }), 1)).toBe('r7#2');
    expect(findingId(rec({ date: '2024-03-04', kind: 'weekly', findings: [{ item: 'a' }] }), 0)).toBe('u1/2024-03-04/weekly#1');
    expect(findingId(rec({ id: 'r7', date: '2024-03-04', findings: [{ item: 'a', id: 'H-1' }] }), 0)).toBe('H-1');
  });

  it('gives a deadline in days, weeks, by the next weekday, or a date', () => {
    expect(dueDate('2024-03-04', '3d')).toBe('2024-03-07');
    expect(dueDate('2024-03-04', '1w')).toBe('2024-03-11');
    expect(dueDate('2024-03-04', 'friday')).toBe('2024-03-08'); // a Monday
    expect(dueDate('2024-03-08', 'friday')).toBe('2024-03-15'); // found on a Friday: the next one
    expect(dueDate('2024-03-04', '2024-03-31')).toBe('2024-03-31');
  });
});

describe('rectification', () => {
  it('a finding fixed by its deadline costs nothing more, and closes', () => {
    const { results, ledger } = scoreHistory(scorer, [
      rec({ id: 'a', date: '2024-03-04', findings: [{ item: 'litter' }] }),
      rec({ id: 'b', date: '2024-03-07', follows: [{ finding: 'a#1', fixed: true }] }),
      rec({ id: 'c', date: '2024-03-20' }),
    ]);
    expect(card(results[1]).total).toBe(100);
    expect(card(results[2]).total).toBe(100);
    expect(ledger).toMatchObject([{ id: 'a#1', item: 'litter', found: '2024-03-04', due: '2024-03-07', status: 'closed', closed: '2024-03-07', daysOverdue: 0 }]);
  });

  it('charges a late finding once, on the first inspection after the deadline, and keeps it open', () => {
    const { results, ledger } = scoreHistory(scorer, [
      rec({ id: 'a', date: '2024-03-04', findings: [{ item: 'litter' }] }),
      rec({ id: 'b', date: '2024-03-08', follows: [{ finding: 'a#1', fixed: false }] }),
      rec({ id: 'c', date: '2024-03-11' }),
    ], { asOf: '2024-03-12' });
    expect(historyLines(card(results[1]))).toEqual([['line.rectify_overdue', -5]]);
    expect(card(results[1]).total).toBe(95);
    expect(card(results[2]).total).toBe(100);
    expect(ledger).toMatchObject([{ id: 'a#1', status: 'overdue', daysOverdue: 5 }]);
  });

  it('a late fix is charged, then closed', () => {
    const { results, ledger } = scoreHistory(scorer, [
      rec({ id: 'a', date: '2024-03-04', findings: [{ item: 'litter' }] }),
      rec({ id: 'b', date: '2024-03-09', follows: [{ finding: 'a#1', fixed: true }] }),
    ]);
    expect(card(results[1]).total).toBe(95);
    expect(ledger).toMatchObject([{ status: 'closed', closed: '2024-03-09', daysOverdue: 2 }]);
  });

  it('charges nothing on an inspection the item does not apply to, and charges the next', () => {
    const { results } = scoreHistory(scorer, [
      rec({ id: 'a', date: '2024-03-04', findings: [{ item: 'kiosk' }] }),
      rec({ id: 'b', date: '2024-03-08', facts: { kiosk_closed: true } }),
      rec({ id: 'c', date: '2024-03-09', facts: { kiosk_closed: false } }),
    ]);
    expect(historyLines(card(results[1]))).toEqual([]);
    expect(historyLines(card(results[2]))).toEqual([['line.rectify_overdue', -5]]);
  });

  it('late: fail fails the inspection; escalate counts as an offence', () => {
    const { results } = scoreHistory(scorer, [
      rec({ id: 'a', date: '2024-03-04', findings: [{ item: 'hazard' }] }),
      rec({ id: 'b', date: '2024-03-09' }),
      rec({ id: 'c', date: '2024-03-20', findings: [{ item: 'hazard' }] }),
    ]);
    expect(card(results[1]).verdict).toBe('fail');
    expect(historyLines(card(results[1]))).toEqual([['line.rectify_overdue_fail', 0]]);
    // two earlier offences within 30 days (the finding and its escalation): × 2 on the 4 points
    expect(historyLines(card(results[2]))).toEqual([['line.repeat', -4]]);
  });

  it('rejects a follow-up naming an unknown finding, and a finding id used twice', () => {
    const { results } = scoreHistory(scorer, [
      rec({ id: 'a', date: '2024-03-04', findings: [{ item: 'litter', id: 'X' }] }),
      rec({ id: 'b', date: '2024-03-05', follows: [{ finding: 'nope', fixed: true }] }),
      rec({ id: 'c', date: '2024-03-06', findings: [{ item: 'litter', id: 'X' }] }),
    ]);
    // Each refusal is the one Diagnostic: its code, the record's index among those given, the field's path.
    expect(results[1]).toMatchObject({ ok: false, diagnostics: [{ code: 'unknown_finding', file: '<inline>', index: 1, path: ['follows', 0, 'finding'], messageId: 'record.unknown_finding' }] });
    expect(results[2]).toMatchObject({ ok: false, diagnostics: [{ code: 'duplicate_finding', index: 2, path: ['findings', 0, 'id'], messageId: 'record.duplicate_finding' }] });
  });
});

describe('repeats and late discovery', () => {
  it('escalates by steps within the calendar month', () => {
    const { results } = scoreHistory(scorer, [
      rec({ date: '2024-03-04', findings: [{ item: 'litter', id: 'l1' }] }),
      rec({ date: '2024-03-11', findings: [{ item: 'litter', id: 'l2' }] }),
      rec({ date: '2024-03-18', findings: [{ item: 'litter', id: 'l3' }] }),
      rec({ date: '2024-03-25', findings: [{ item: 'litter', id: 'l4' }] }),
      rec({ date: '2024-04-01', findings: [{ item: 'litter', id: 'l5' }] }),
    ]);
    expect(results.map((r) => historyLines(card(r)).filter(([m]) => m === 'line.repeat'))).toEqual([[], [['line.repeat', -1]], [['line.repeat', -3]], [['line.repeat', -3]], []]);
  });

  it('doubles a finding found only the next month (000:135)', () => {
    const { results } = scoreHistory(scorer, [rec({ date: '2024-04-02', findings: [{ item: 'hazard', occurred: '2024-03-30', id: 'h' }] }), rec({ date: '2024-04-02', unit: 'u2', findings: [{ item: 'hazard', occurred: '2024-04-01', id: 'h2' }] })]);
    expect(historyLines(card(results[0]))).toEqual([['line.found_late', -4]]);
    expect(card(results[0]).total).toBe(92);
    expect(historyLines(card(results[1]))).toEqual([]);
  });

  it('leaves a standard without history exactly as scoreRecord scores it', () => {
    const records = [rec({ date: '2024-03-04', findings: [{ item: 'plain', count: 2 }] }), rec({ date: '2024-03-05', findings: [{ item: 'plain' }] })];
    const { results, ledger } = scoreHistory(scorer, records);
    expect(results.map((r) => card(r).total)).toEqual([98, 99]);
    expect(ledger).toEqual([]);
  });
});

describe('a term window', () => {
  const standard = (calendar: string) => `
id: term-repeat
version: "1"
name: { en: Term }
scoring: { mode: deduct, base: 10 }
${calendar}
categories:
  - id: c
    name: { en: C }
    max: 10
    items:
      - id: litter
        name: { en: Litter }
        max: 10
        rules: [ { kind: per-occurrence, points: 1 } ]
        repeat: { within: term, extra: [2] }
`;

  it('counts repeats within the same school term only', () => {
    const loaded = parseStandard(standard('calendar: { terms: [ { id: t1, from: "2024-02-26", to: "2024-07-05" }, { id: t2, from: "2024-09-01", to: "2025-01-17" } ] }'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const { results } = scoreHistory(compileStandard(loaded.standard), [
      rec({ date: '2024-03-04', findings: [{ item: 'litter', id: 'a' }] }),
      rec({ date: '2024-06-30', findings: [{ item: 'litter', id: 'b' }] }),
      rec({ date: '2024-09-02', findings: [{ item: 'litter', id: 'c' }] }),
    ]);
    expect(results.map((r) => card(r).total)).toEqual([9, 7, 9]);
  });

  it('needs the standard\'s calendar', () => {
    const loaded = parseStandard(standard(''));
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.diagnostics.map((d) => [d.code, d.line])).toEqual([['missing_key', 16]]);
  });
});

describe('on a rule', () => {
  const loaded = parseStandard(`
id: rule-history
version: "1"
name: { en: Rule history }
scoring: { mode: deduct, base: 20 }
categories:
  - id: c
    name: { en: C }
    max: 20
    items:
      - id: drain
        name: { en: Drain }
        max: 20
        rules:
          - { kind: fixed, points: 1 }
          - kind: per-occurrence
            points: 1
            rectify: { within: 2d, late: { points: 3 } }
            repeat: { within: 30d, multiply: 3 }
`);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const ruled = compileStandard(loaded.standard);

  it('gives a deadline to what the rule scored, and repeats by the rule, attributed to it', () => {
    const { results, ledger } = scoreHistory(ruled, [
      rec({ id: 'a', date: '2024-03-04', findings: [{ item: 'drain', count: 2 }] }),
      rec({ id: 'b', date: '2024-03-07', findings: [{ item: 'drain' }] }),
    ]);
    // b: the fixed 1 (no history), its own 1 of the rule, three times (2 more), and a's finding late (3)
    expect(card(results[1]).lines.map((l) => [l.rule, l.points])).toEqual([
      ['categories[0].items[0].rules[0]', -1],
      ['categories[0].items[0].rules[1]', -1],
      ['categories[0].items[0].rules[1].repeat', -2],
      ['categories[0].items[0].rules[1].rectify', -3],
    ]);
    expect(ledger.map((e) => [e.id, e.due])).toEqual([['a#1', '2024-03-06'], ['b#1', '2024-03-09']]);
  });
});
