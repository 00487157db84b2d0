/**
 * `threshold`: 道路硬底化率达90%以上 — a bound on a quantity, inclusive unless stated (以上 = inclusive),
 * as pass/fail (`effect: fail`, the default) or as points. A bound written `null` is one the source
 * leaves unset: indeterminate. Comparisons are exact: 12433/12937 is compared as a fraction.
 */
import { ruleCases, type Quote } from '../support/rule-cases.js';

const ROAD: Quote = { text: '道路硬底化率达90%以上', source: 'digest-002-004.md §2.2 (004:157)' };
const TOILETS: Quote = {
  text: '农村卫生厕所普及率 96.10%',
  source: 'digest-002-004.md §2.2 (004:1061: 12433 of 12937 households); the ≥70% bound: cn-standards.md §2d 三、改水改厕 (household sanitary latrines ≥70%)',
};
const HARMLESS: Quote = { text: '无害化户厕普及率 87.12%', source: 'digest-002-004.md §2.2 (004:1061: 11271 of 12937 households)' };
const UNSET: Quote = { text: '无害化户厕普及率："达到标准要求"', source: 'digest-002-004.md §2.2 (004:1087): the source gives no number' };
const TAP_WATER: Quote = { text: '国家卫生乡镇（县城）标准：自来水 ≥90%（学校 ≥95%）', source: 'cn-standards.md §2e (the figures as the source condenses them)' };

const road = { kind: 'threshold', of: { indicator: 'roadHardeningRate' }, min: 90 } as const;
const roadExclusive = { kind: 'threshold', of: { indicator: 'roadHardeningRate' }, min: 90, inclusive: false } as const;
const toilets = { kind: 'threshold', of: { indicator: 'sanitaryToiletRate' }, min: 70 } as const;

ruleCases('threshold', {
  valid: [
    road,
    roadExclusive,
    toilets,
    { kind: 'threshold', of: { indicator: 'sanitaryToiletRate' }, min: null },
    { kind: 'threshold', of: { indicator: 'roadHardeningRate' }, min: 90, effect: 'points', points: 2 },
    { kind: 'threshold', of: { indicator: 'roadHardeningRate' }, min: 90, effect: 'points' },
    { kind: 'threshold', of: { fact: 'noisyDays' }, max: 3 },
    { kind: 'threshold', of: { indicator: 'tapWaterShare' }, min: 0.9, max: 1 },
    { name: 'a negative bound with 4 decimals', rule: { kind: 'threshold', of: { fact: 'balance' }, min: -0.0001 } },
    { name: 'an equal min and max', rule: { kind: 'threshold', of: { fact: 'clinics' }, min: 1, max: 1 } },
    'kind: threshold\nof: { indicator: roadHardeningRate }\nmin: 90  # 达90%以上\ninclusive: true\nsource: "004:157"',
  ],
  invalid: [
    { name: 'neither min nor max', rule: { kind: 'threshold', of: { indicator: 'roadHardeningRate' } }, code: 'missing_key', path: '' },
    { rule: { kind: 'threshold', min: 90 }, code: 'missing_key', path: 'of' },
    { rule: { kind: 'threshold', of: { indicator: 'roadRate' }, min: 90 }, code: 'unknown_reference', path: 'of.indicator' },
    { name: 'a percent written as text', rule: { kind: 'threshold', of: { indicator: 'roadHardeningRate' }, min: '90%' }, code: 'invalid_type', path: 'min' },
    { rule: { kind: 'threshold', of: { indicator: 'roadHardeningRate' }, min: 95, max: 90 }, code: 'range_inverted', path: '' },
    { rule: { kind: 'threshold', of: { indicator: 'roadHardeningRate' }, min: 90, effect: 'warn' }, code: 'invalid_value', path: 'effect' },
    { rule: { kind: 'threshold', of: { indicator: 'roadHardeningRate' }, min: 90, effect: 'points', points: -1 }, code: 'out_of_range', path: 'points' },
    { rule: { kind: 'threshold', of: { indicator: 'roadHardeningRate' }, min: 90, inclusive: 'yes' }, code: 'invalid_type', path: 'inclusive' },
    { rule: { kind: 'threshold', of: { indicator: 'roadHardeningRate' }, min: 90, op: '>=' }, code: 'unknown_key', path: 'op' },
    // A finer bound used to be rounded silently: `> 92.12345` rejected 92.12346.
    { name: 'a bound finer than 4 decimals', rule: { kind: 'threshold', of: { indicator: 'roadHardeningRate' }, min: 92.12345, inclusive: false }, code: 'too_precise', path: 'min' },
    { rule: { kind: 'threshold', of: { indicator: 'tapWaterShare' }, max: 0.999999 }, code: 'too_precise', path: 'max' },
    { name: 'the source is required: there is no finding value to fall back on', rule: { kind: 'threshold', of: {}, min: 90 }, code: 'invalid_value', path: 'of' },
  ],
  scoring: [
    {
      name: 'inclusive: exactly 90 is met',
      quote: ROAD,
      rule: road,
      record: { indicators: { roadHardeningRate: 90 } },
      want: { lines: [], verdict: 'pass', reasons: [] },
    },
    {
      name: 'inclusive: 89.99 is not met → fail',
      quote: ROAD,
      rule: road,
      record: { indicators: { roadHardeningRate: 89.99 } },
      want: { lines: [{ type: 'threshold_unmet', points: 0, reason: 'line.threshold' }], verdict: 'fail', reasons: ['line.threshold'] },
    },
    {
      name: 'exclusive: exactly 90 is not met',
      quote: ROAD,
      rule: roadExclusive,
      record: { indicators: { roadHardeningRate: 90 } },
      want: { lines: [{ type: 'threshold_unmet', points: 0 }], verdict: 'fail', reasons: ['line.threshold'] },
    },
    {
      name: 'exclusive: 90.01 is met',
      quote: ROAD,
      rule: roadExclusive,
      record: { indicators: { roadHardeningRate: 90.01 } },
      want: { lines: [], verdict: 'pass' },
    },
    {
      name: 'inclusive at exactly 90 from a fraction: 1800 of 2000 m²',
      quote: ROAD,
      rule: road,
      record: { indicators: { roadHardeningRate: { numerator: 1800, denominator: 2000 } } },
      want: { lines: [], verdict: 'pass' },
    },
    {
      name: 'a fraction just under 90: 8999 of 10000 fails',
      quote: ROAD,
      rule: road,
      record: { indicators: { roadHardeningRate: { numerator: 8999, denominator: 10000 } } },
      want: { lines: [{ type: 'threshold_unmet', points: 0 }], verdict: 'fail' },
    },
    {
      name: '12433 of 12937 households = 96.10% ≥ 70%: met',
      quote: TOILETS,
      rule: toilets,
      record: { indicators: { sanitaryToiletRate: { numerator: 12433, denominator: 12937 } } },
      want: { lines: [], verdict: 'pass', complete: true },
    },
    {
      name: '11271 of 12937 households = 87.12% against 90%: not met',
      quote: HARMLESS,
      rule: { kind: 'threshold', of: { indicator: 'sanitaryToiletRate' }, min: 90 },
      record: { indicators: { sanitaryToiletRate: { numerator: 11271, denominator: 12937 } } },
      want: { lines: [{ type: 'threshold_unmet', points: 0 }], verdict: 'fail', reasons: ['line.threshold'] },
    },
    {
      name: 'min: null — the source leaves the number unset → indeterminate, line.threshold_unset',
      quote: UNSET,
      rule: { kind: 'threshold', of: { indicator: 'sanitaryToiletRate' }, min: null },
      record: { indicators: { sanitaryToiletRate: { numerator: 11271, denominator: 12937 } } },
      want: { lines: [], verdict: 'indeterminate', complete: false, reasons: ['line.threshold_unset'] },
    },
    {
      name: 'min: null with the quantity missing too: still only the unset threshold',
      quote: UNSET,
      rule: { kind: 'threshold', of: { indicator: 'sanitaryToiletRate' }, min: null },
      record: {},
      want: { verdict: 'indeterminate', reasons: ['line.threshold_unset'] },
    },
    {
      name: 'the indicator missing: indeterminate',
      quote: ROAD,
      rule: road,
      record: {},
      want: { lines: [], verdict: 'indeterminate', complete: false, reasons: ['quantity.missing_indicator'] },
    },
    {
      name: 'effect fail: not met fails the verdict even with a full score',
      quote: ROAD,
      rule: road,
      item: { max: 10 },
      record: { indicators: { roadHardeningRate: 85 } },
      want: { lines: [{ type: 'threshold_unmet', points: 0 }], total: 10, verdict: 'fail', complete: true },
    },
    {
      name: 'effect points: not met costs its points',
      quote: ROAD,
      rule: { kind: 'threshold', of: { indicator: 'roadHardeningRate' }, min: 90, effect: 'points', points: 2 },
      item: { max: 10 },
      record: { indicators: { roadHardeningRate: 85 } },
      want: { lines: [{ type: 'deduction', points: -2, reason: 'line.threshold' }], total: 8, verdict: 'pass' },
    },
    {
      name: 'effect points: met costs nothing',
      quote: ROAD,
      rule: { kind: 'threshold', of: { indicator: 'roadHardeningRate' }, min: 90, effect: 'points', points: 2 },
      item: { max: 10 },
      record: { indicators: { roadHardeningRate: 90 } },
      want: { lines: [], total: 10, verdict: 'pass' },
    },
    {
      name: 'effect points without points: the item’s maximum',
      quote: ROAD,
      rule: { kind: 'threshold', of: { indicator: 'roadHardeningRate' }, min: 90, effect: 'points' },
      item: { max: 10 },
      record: { indicators: { roadHardeningRate: 85 } },
      want: { lines: [{ type: 'deduction', points: -10 }], total: 0, verdict: 'pass' },
    },
    {
      name: 'effect points without points or an item maximum: indeterminate',
      quote: ROAD,
      rule: { kind: 'threshold', of: { indicator: 'roadHardeningRate' }, min: 90, effect: 'points' },
      record: { indicators: { roadHardeningRate: 85 } },
      want: { lines: [], verdict: 'indeterminate', reasons: ['line.threshold_no_points'] },
    },
    {
      name: 'a ratio indicator (0–1): exactly 0.9 is met',
      quote: TAP_WATER,
      rule: { kind: 'threshold', of: { indicator: 'tapWaterShare' }, min: 0.9 },
      record: { indicators: { tapWaterShare: { numerator: 9, denominator: 10 } } },
      want: { lines: [], verdict: 'pass' },
    },
    {
      name: 'schools ≥95%: 0.94 fails',
      quote: TAP_WATER,
      rule: { kind: 'threshold', of: { indicator: 'tapWaterShare' }, min: 0.95 },
      record: { indicators: { tapWaterShare: 0.94 } },
      want: { lines: [{ type: 'threshold_unmet', points: 0 }], verdict: 'fail' },
    },
    {
      name: 'from a fact',
      quote: ROAD,
      rule: { kind: 'threshold', of: { fact: 'roadHardening' }, min: 90 },
      record: { facts: { roadHardening: 92.5 } },
      want: { lines: [], verdict: 'pass' },
    },
    {
      name: 'from a fact given as text: indeterminate, never compared',
      quote: ROAD,
      rule: { kind: 'threshold', of: { fact: 'roadHardening' }, min: 90 },
      record: { facts: { roadHardening: '92.5%' } },
      want: { lines: [], verdict: 'indeterminate', reasons: ['condition.wrong_type'] },
    },
    {
      name: 'a maximum: inclusive, the bound itself is met',
      quote: TAP_WATER,
      rule: { kind: 'threshold', of: { indicator: 'tapWaterShare' }, min: 0.9, max: 1 },
      record: { indicators: { tapWaterShare: 1 } },
      want: { lines: [], verdict: 'pass' },
    },
    {
      name: 'a maximum: above it is not met',
      quote: TAP_WATER,
      rule: { kind: 'threshold', of: { indicator: 'tapWaterShare' }, min: 0.9, max: 1 },
      record: { indicators: { tapWaterShare: { value: 1.2 } } },
      want: { lines: [{ type: 'threshold_unmet', points: 0 }], verdict: 'fail' },
    },
  ],
});
