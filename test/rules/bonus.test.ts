/**
 * `bonus`: 在完成6条的报告任务后，每多报告一条线索奖励0.2分，最高奖励2分 — points awarded for each
 * unit of a quantity above `above` (default 0), usually with a cap. A bonus must be claimed: with no
 * quantity recorded there is nothing to award (not an unknown).
 */
import { ruleCases, type Quote } from '../support/rule-cases.js';

const ROW23: Quote = {
  text: '在完成6条的报告任务后，每多报告一条线索奖励0.2分，最高奖励2分。',
  source: 'cn-standards.md §1 row 23',
};
const ROW23_VALUABLE: Quote = { text: '认定为价值较高的线索，每一条奖励0.5分，最高奖励5分。', source: 'cn-standards.md §1 row 23' };

/** Row 23 is worth 12 points and 7 bonus points (12分，7分奖分). */
const ROW23_ITEM = { max: 12, bonusMax: 7 } as const;
const extraClues = { kind: 'bonus', points: 0.2, above: 6, cap: 2, of: { fact: 'cluesReported' } } as const;

ruleCases('bonus', {
  valid: [
    extraClues,
    { kind: 'bonus', points: 0.5, cap: 5, of: { fact: 'valuableClues' } },
    { kind: 'bonus', points: 0.2, above: 6, cap: 2, of: { indicator: 'cluesReported' } },
    { kind: 'bonus', points: 0.2, above: 6 },
    { name: 'above defaults to 0, no cap', rule: { kind: 'bonus', points: 1 } },
    'kind: bonus\npoints: 0.2\nabove: 6\ncap: 2\nof: { fact: cluesReported }\nreason: { zh-CN: 每多报告一条线索奖励0.2分，最高奖励2分 }',
  ],
  invalid: [
    { rule: { kind: 'bonus', above: 6 }, code: 'missing_key', path: 'points' },
    { rule: { kind: 'bonus', points: 0.2, above: -1 }, code: 'out_of_range', path: 'above' },
    { name: 'above is a whole count', rule: { kind: 'bonus', points: 0.2, above: 5.5 }, code: 'invalid_type', path: 'above' },
    { rule: { kind: 'bonus', points: 0.2, above: '6条' }, code: 'invalid_type', path: 'above' },
    { rule: { kind: 'bonus', points: 0.123456, above: 6 }, code: 'too_precise', path: 'points' },
    { rule: { kind: 'bonus', points: 0.2, above: 6, cap: 2, of: { indicator: 'clues' } }, code: 'unknown_reference', path: 'of.indicator' },
    { rule: { kind: 'bonus', points: 0.2, above: 6, max: 2 }, code: 'unknown_key', path: 'max' },
    { name: 'a bonus is never a deduction', rule: { kind: 'bonus', points: 0.2, effect: 'deduct' }, code: 'unknown_key', path: 'effect' },
  ],
  scoring: [
    {
      name: '9 reported, 3 above 6: +0.6 exactly',
      quote: ROW23,
      rule: extraClues,
      item: ROW23_ITEM,
      record: { facts: { cluesReported: 9 } },
      want: { lines: [{ type: 'award', points: 0.6, reason: 'line.bonus' }], total: 12.6, verdict: 'pass' },
    },
    {
      name: '20 reported, 14 above 6: +2.8, then capped to 2',
      quote: ROW23,
      rule: extraClues,
      item: ROW23_ITEM,
      record: { facts: { cluesReported: 20 } },
      want: { lines: [{ type: 'award', points: 2.8 }, { type: 'capped', points: -0.8, reason: 'line.cap_rule_award' }], total: 14 },
    },
    {
      name: '16 reported, 10 above: exactly the cap, no capped line',
      quote: ROW23,
      rule: extraClues,
      item: ROW23_ITEM,
      record: { facts: { cluesReported: 16 } },
      want: { lines: [{ type: 'award', points: 2 }], total: 14 },
    },
    {
      name: 'exactly 6 reported: the task is done, no bonus',
      quote: ROW23,
      rule: extraClues,
      item: ROW23_ITEM,
      record: { facts: { cluesReported: 6 } },
      want: { lines: [], total: 12 },
    },
    {
      name: 'fewer than 6 reported: nothing (the shortfall is another rule’s)',
      quote: ROW23,
      rule: extraClues,
      item: ROW23_ITEM,
      record: { facts: { cluesReported: 4 } },
      want: { lines: [], total: 12, verdict: 'pass' },
    },
    {
      name: 'nothing recorded: an unclaimed bonus awards nothing, and the scorecard stays complete',
      quote: ROW23,
      rule: extraClues,
      item: ROW23_ITEM,
      record: {},
      want: { lines: [], total: 12, verdict: 'pass', complete: true },
    },
    {
      name: 'the bonus and the shortfall of the same row on one item',
      quote: { text: '报告的协管信息线索每少一条扣2分，最高扣12分；在完成6条的报告任务后，每多报告一条线索奖励0.2分，最高奖励2分。', source: 'cn-standards.md §1 row 23' },
      rules: [{ kind: 'per-shortfall', required: 6, points: 2, cap: 12, of: { fact: 'cluesReported' } }, extraClues],
      item: ROW23_ITEM,
      record: { facts: { cluesReported: 8 } },
      want: { lines: [{ type: 'award', points: 0.4 }], total: 12.4 },
    },
    {
      name: 'the item’s bonus cap binds after the rule’s cap',
      quote: ROW23,
      rule: extraClues,
      item: { max: 12, bonusMax: 1 },
      record: { facts: { cluesReported: 20 } },
      want: {
        lines: [
          { type: 'award', points: 2.8 },
          { type: 'capped', points: -0.8, reason: 'line.cap_rule_award' },
          { type: 'capped', points: -1, reason: 'line.cap_item_bonus' },
        ],
        total: 13,
      },
    },
    {
      name: 'from an indicator',
      quote: ROW23,
      rule: { kind: 'bonus', points: 0.2, above: 6, cap: 2, of: { indicator: 'cluesReported' } },
      item: ROW23_ITEM,
      record: { indicators: { cluesReported: 10 } },
      want: { lines: [{ type: 'award', points: 0.8 }], total: 12.8 },
    },
    {
      name: 'from the finding’s value when there is no `of`',
      quote: ROW23,
      rule: { kind: 'bonus', points: 0.2, above: 6, cap: 2 },
      item: ROW23_ITEM,
      record: { findings: [{ value: 9 }] },
      want: { lines: [{ type: 'award', points: 0.6 }], total: 12.6 },
    },
    {
      name: 'no `of` and no finding: nothing claimed',
      quote: ROW23,
      rule: { kind: 'bonus', points: 0.2, above: 6, cap: 2 },
      item: ROW23_ITEM,
      record: {},
      want: { lines: [], total: 12, complete: true },
    },
    {
      name: 'only whole units count: 8.9 is 2 above 6',
      quote: ROW23,
      rule: extraClues,
      item: ROW23_ITEM,
      record: { facts: { cluesReported: 8.9 } },
      want: { lines: [{ type: 'award', points: 0.4 }] },
    },
    {
      name: 'above 0 (default): 12 valuable clues × 0.5 = +6, capped to 5',
      quote: ROW23_VALUABLE,
      rule: { kind: 'bonus', points: 0.5, cap: 5, of: { fact: 'valuableClues' } },
      item: ROW23_ITEM,
      record: { facts: { valuableClues: 12 } },
      want: { lines: [{ type: 'award', points: 6 }, { type: 'capped', points: -1 }], total: 17 },
    },
    {
      name: 'exactness: 7 units × 0.1 is exactly 0.7',
      quote: ROW23,
      rule: { kind: 'bonus', points: 0.1, of: { fact: 'cluesReported' } },
      item: ROW23_ITEM,
      record: { facts: { cluesReported: 7 } },
      want: { lines: [{ type: 'award', points: 0.7 }], total: 12.7 },
    },
    {
      name: 'award mode: the bonus is added to a total that starts at 0',
      quote: ROW23,
      rule: extraClues,
      mode: 'award',
      record: { facts: { cluesReported: 9 } },
      want: { lines: [{ type: 'award', points: 0.6 }], total: 0.6 },
    },
    {
      name: 'accumulate mode: the bonus lowers the penalty total',
      quote: ROW23,
      rule: extraClues,
      mode: 'accumulate',
      record: { facts: { cluesReported: 9 } },
      want: { lines: [{ type: 'award', points: -0.6 }], total: -0.6 },
    },
  ],
});
