/**
 * `per-step`: 每下降2%扣0.5分，最高扣10分 — points for each step a rate falls below its target. The
 * standard says how a partial step counts (`floor`: only complete steps; `ceil`: a started step
 * counts). Steps are counted exactly: 96% against 100% in 2% steps is exactly 2 steps, and a rate
 * given as numerator/denominator is never rounded before it is compared.
 */
import { ruleCases, type Quote } from '../support/rule-cases.js';

const ROW15: Quote = { text: '人员持证率(按培训证统计)每下降5%扣0.5分，扣完为止。', source: 'cn-standards.md §1 row 15' };
const ROW16: Quote = { text: '巡查（访）未达到规定户次数，每下降2%扣0.5分，最高扣10分。', source: 'cn-standards.md §1 row 16' };
const ROW17: Quote = { text: '量化分级率每下降10%扣0.5分，扣完为止。', source: 'cn-standards.md §1 row 17' };

/** Row 16: the patrol completion rate against 100%, 2% steps, 0.5 each, at most 10; the item is worth 15. */
const patrol = (partial: 'floor' | 'ceil') =>
  ({ kind: 'per-step', target: 100, step: 2, points: 0.5, partial, cap: 10, of: { indicator: 'patrolCompletionRate' } }) as const;
const staff = { kind: 'per-step', target: 98, step: 5, points: 0.5, partial: 'floor', of: { indicator: 'staffCertificateRate' } } as const;
const grading = { kind: 'per-step', target: 100, step: 10, points: 0.5, partial: 'floor', of: { fact: 'foodGradingRate' } } as const;

ruleCases('per-step', {
  valid: [
    patrol('floor'),
    patrol('ceil'),
    staff,
    grading,
    { kind: 'per-step', target: 100, step: 2, points: 0.5, partial: 'floor' },
    { name: 'a step finer than a percent', rule: { kind: 'per-step', target: 0.9, step: 0.05, points: 1, partial: 'ceil', of: { indicator: 'tapWaterShare' } } },
    'kind: per-step\ntarget: 100\nstep: 2\npoints: 0.5\npartial: floor\ncap: 10\nof: { indicator: patrolCompletionRate }\nsource: "§1 row 16"',
  ],
  invalid: [
    { name: 'how a partial step counts must be said', rule: { kind: 'per-step', target: 100, step: 2, points: 0.5 }, code: 'missing_key', path: 'partial' },
    { rule: { kind: 'per-step', target: 100, step: 2, points: 0.5, partial: 'round' }, code: 'invalid_value', path: 'partial' },
    { rule: { kind: 'per-step', target: 100, step: 0, points: 0.5, partial: 'floor' }, code: 'out_of_range', path: 'step' },
    { rule: { kind: 'per-step', target: 100, step: -2, points: 0.5, partial: 'floor' }, code: 'out_of_range', path: 'step' },
    { rule: { kind: 'per-step', target: '100%', step: 2, points: 0.5, partial: 'floor' }, code: 'invalid_type', path: 'target' },
    { rule: { kind: 'per-step', step: 2, points: 0.5, partial: 'floor' }, code: 'missing_key', path: 'target' },
    { rule: { kind: 'per-step', target: 100, points: 0.5, partial: 'floor' }, code: 'missing_key', path: 'step' },
    { rule: { kind: 'per-step', target: 100, step: 2, points: 0.55555, partial: 'floor' }, code: 'too_precise', path: 'points' },
    // A step finer than 4 decimals used to load and then throw "Division by zero" while scoring.
    { name: 'a step finer than 4 decimals (it would round to 0)', rule: { kind: 'per-step', target: 100, step: 0.00001, points: 0.5, partial: 'floor' }, code: 'too_precise', path: 'step' },
    { rule: { kind: 'per-step', target: 99.99999, step: 2, points: 0.5, partial: 'floor' }, code: 'too_precise', path: 'target' },
    { rule: { kind: 'per-step', target: 100, step: 2, points: 0.5, partial: 'floor', of: { indicator: 'patrolRate' } }, code: 'unknown_reference', path: 'of.indicator' },
    { rule: { kind: 'per-step', target: 100, step: 2, points: 0.5, partial: 'floor', below: 100 }, code: 'unknown_key', path: 'below' },
  ],
  scoring: [
    {
      name: '95.1% with floor: 4.9% below is 2 complete steps → −1',
      quote: ROW16,
      rule: patrol('floor'),
      item: { max: 15 },
      record: { indicators: { patrolCompletionRate: 95.1 } },
      want: { lines: [{ type: 'deduction', points: -1, reason: 'line.per_step' }], total: 14 },
    },
    {
      name: '95.1% with ceil: the started third step counts → −1.5',
      quote: ROW16,
      rule: patrol('ceil'),
      item: { max: 15 },
      record: { indicators: { patrolCompletionRate: 95.1 } },
      want: { lines: [{ type: 'deduction', points: -1.5 }], total: 13.5 },
    },
    {
      name: 'at the boundary, 96% with floor: exactly 2 steps → −1',
      quote: ROW16,
      rule: patrol('floor'),
      item: { max: 15 },
      record: { indicators: { patrolCompletionRate: 96 } },
      want: { lines: [{ type: 'deduction', points: -1 }], total: 14 },
    },
    {
      name: 'at the boundary, 96% with ceil: exactly 2 steps, no started third → −1',
      quote: ROW16,
      rule: patrol('ceil'),
      item: { max: 15 },
      record: { indicators: { patrolCompletionRate: 96 } },
      want: { lines: [{ type: 'deduction', points: -1 }], total: 14 },
    },
    {
      name: '95.9% with floor: 4.1% below is 2 steps (float says 4.099999…)',
      quote: ROW16,
      rule: patrol('floor'),
      item: { max: 15 },
      record: { indicators: { patrolCompletionRate: 95.9 } },
      want: { lines: [{ type: 'deduction', points: -1 }] },
    },
    {
      name: 'from numerator/denominator: 3804 of 4000 household-visits = 95.1% → 2 steps with floor',
      quote: ROW16,
      rule: patrol('floor'),
      item: { max: 15 },
      record: { indicators: { patrolCompletionRate: { numerator: 3804, denominator: 4000 } } },
      want: { lines: [{ type: 'deduction', points: -1 }], total: 14 },
    },
    {
      name: 'from numerator/denominator at the boundary: 3840 of 4000 = 96% exactly → 2 steps with ceil',
      quote: ROW16,
      rule: patrol('ceil'),
      item: { max: 15 },
      record: { indicators: { patrolCompletionRate: { numerator: 3840, denominator: 4000 } } },
      want: { lines: [{ type: 'deduction', points: -1 }], total: 14 },
    },
    {
      name: 'from numerator/denominator, a repeating decimal: 29 of 30 = 96.67% → 1 step with floor',
      quote: ROW16,
      rule: patrol('floor'),
      item: { max: 15 },
      record: { indicators: { patrolCompletionRate: { numerator: 29, denominator: 30 } } },
      want: { lines: [{ type: 'deduction', points: -0.5 }] },
    },
    {
      name: 'from numerator/denominator, a repeating decimal: 29 of 30 = 96.67% → 2 steps with ceil',
      quote: ROW16,
      rule: patrol('ceil'),
      item: { max: 15 },
      record: { indicators: { patrolCompletionRate: { numerator: 29, denominator: 30 } } },
      want: { lines: [{ type: 'deduction', points: -1 }] },
    },
    {
      name: 'at the target: nothing',
      quote: ROW16,
      rule: patrol('ceil'),
      item: { max: 15 },
      record: { indicators: { patrolCompletionRate: 100 } },
      want: { lines: [], total: 15, verdict: 'pass' },
    },
    {
      name: 'above the target: nothing',
      quote: ROW16,
      rule: patrol('floor'),
      item: { max: 15 },
      record: { indicators: { patrolCompletionRate: { numerator: 4100, denominator: 4000 } } },
      want: { lines: [], total: 15 },
    },
    {
      name: 'less than one step below, floor: nothing',
      quote: ROW16,
      rule: patrol('floor'),
      item: { max: 15 },
      record: { indicators: { patrolCompletionRate: 99.9 } },
      want: { lines: [], total: 15 },
    },
    {
      name: 'less than one step below, ceil: one step',
      quote: ROW16,
      rule: patrol('ceil'),
      item: { max: 15 },
      record: { indicators: { patrolCompletionRate: 99.9 } },
      want: { lines: [{ type: 'deduction', points: -0.5 }], total: 14.5 },
    },
    {
      name: '最高扣10分: 0% is 50 steps → −25, capped +15',
      quote: ROW16,
      rule: patrol('floor'),
      item: { max: 15 },
      record: { indicators: { patrolCompletionRate: 0 } },
      want: { lines: [{ type: 'deduction', points: -25 }, { type: 'capped', points: 15, reason: 'line.cap_rule' }], total: 5 },
    },
    {
      name: '最高扣10分: 60% is exactly 20 steps → −10, no capped line',
      quote: ROW16,
      rule: patrol('floor'),
      item: { max: 15 },
      record: { indicators: { patrolCompletionRate: 60 } },
      want: { lines: [{ type: 'deduction', points: -10 }], total: 5 },
    },
    {
      name: 'the indicator missing: indeterminate',
      quote: ROW16,
      rule: patrol('floor'),
      item: { max: 15 },
      record: {},
      want: { lines: [], complete: false, verdict: 'indeterminate', reasons: ['quantity.missing_indicator'] },
    },
    {
      name: '98% target in 5% steps: 43 of 50 staff = 86% → 12% below → 2 steps',
      quote: ROW15,
      rule: staff,
      item: { max: 4 },
      record: { indicators: { staffCertificateRate: { numerator: 43, denominator: 50 } } },
      want: { lines: [{ type: 'deduction', points: -1 }], total: 3 },
    },
    {
      name: '98% target in 5% steps: 47 of 50 = 94% is 4% below, not a whole step → nothing',
      quote: ROW15,
      rule: staff,
      item: { max: 4 },
      record: { indicators: { staffCertificateRate: { numerator: 47, denominator: 50 } } },
      want: { lines: [], total: 4 },
    },
    {
      name: '扣完为止: 35% graded is 6 steps of 10% → −3 against 2 points, floor +1',
      quote: ROW17,
      rule: grading,
      item: { max: 2 },
      record: { facts: { foodGradingRate: 35 } },
      want: { lines: [{ type: 'deduction', points: -3 }, { type: 'capped', points: 1, reason: 'line.floor_item' }], total: 0 },
    },
    {
      name: 'from a fact: 55% graded → 4 steps → −2',
      quote: ROW17,
      rule: grading,
      item: { max: 2 },
      record: { facts: { foodGradingRate: 55 } },
      want: { lines: [{ type: 'deduction', points: -2 }], total: 0 },
    },
    {
      name: 'from the finding’s value when there is no `of`',
      quote: ROW17,
      rule: { kind: 'per-step', target: 100, step: 10, points: 0.5, partial: 'floor' },
      item: { max: 2 },
      record: { findings: [{ value: 80 }] },
      want: { lines: [{ type: 'deduction', points: -1 }], total: 1 },
    },
    {
      name: 'no `of` and no finding: the rate is unknown, indeterminate (the rule runs on every record)',
      quote: ROW17,
      rule: { kind: 'per-step', target: 100, step: 10, points: 0.5, partial: 'floor' },
      item: { max: 2 },
      record: {},
      want: { lines: [], total: 2, verdict: 'indeterminate', reasons: ['quantity.missing_value'] },
    },
  ],
});
