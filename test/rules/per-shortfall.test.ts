/**
 * `per-shortfall`: 一年不少于4次，每少一次扣1分 — points for each unit the achieved count falls short
 * of the required count. The count is read from a fact, an indicator or the finding's `value`; when it
 * cannot be had the scorecard is indeterminate (a shortfall cannot be assumed).
 */
import { ruleCases, type Quote } from '../support/rule-cases.js';

const ROW1: Quote = { text: '无领导小组、项目负责人、协管员和协管信息员的，每一项扣0.5分', source: 'cn-standards.md §1 row 1' };
const ROW6: Quote = { text: '组织对社区卫生服务站项目工作的定期督导和考核，一年不少于4次。（4分） 每少一次督导扣1分', source: 'cn-standards.md §1 row 6' };
const ROW12: Quote = { text: '一年不少于8次……宣传培训每少一次扣0.5分，扣完为止。', source: 'cn-standards.md §1 row 12' };
const ROW18: Quote = { text: '开展对传染病防控工作的日常巡查，全年不少于4次。（3分） 巡查未达到规定次数的，每缺1次扣1分，扣完为止。', source: 'cn-standards.md §1 row 18' };
const ROW20: Quote = { text: '每月对5户社区居民家庭龙头水水质进行感官性状（臭和味、肉眼可见物）检测。（3分） 每少1户次扣0.2分，扣完为止。', source: 'cn-standards.md §1 row 20' };
const ROW23: Quote = { text: '报告的协管信息线索一年不少于6条。报告的协管信息线索每少一条扣2分，最高扣12分', source: 'cn-standards.md §1 row 23' };

const supervisions = { kind: 'per-shortfall', required: 4, points: 1, of: { fact: 'supervisionsHeld' } } as const;
const tapWater = { kind: 'per-shortfall', required: 60, points: 0.2, of: { fact: 'tapWaterTests' } } as const;

ruleCases('per-shortfall', {
  valid: [
    supervisions,
    { kind: 'per-shortfall', required: 4, points: 1 },
    { kind: 'per-shortfall', required: 6, points: 2, cap: 12, of: { fact: 'cluesReported' } },
    { kind: 'per-shortfall', required: 6, points: 2, of: { indicator: 'cluesReported' } },
    { kind: 'per-shortfall', required: 24, points: 0.5, of: { fact: 'patrols', path: '$.visits' } },
    { name: 'nothing required', rule: { kind: 'per-shortfall', required: 0, points: 1 } },
    'kind: per-shortfall\nrequired: 60\npoints: 0.2\nof: { fact: tapWaterTests }\nsource: "§1 row 20"',
  ],
  invalid: [
    { rule: { kind: 'per-shortfall', points: 1 }, code: 'missing_key', path: 'required' },
    { rule: { kind: 'per-shortfall', required: 4 }, code: 'missing_key', path: 'points' },
    { rule: { kind: 'per-shortfall', required: -1, points: 1 }, code: 'out_of_range', path: 'required' },
    { name: 'a required count is whole', rule: { kind: 'per-shortfall', required: 4.5, points: 1 }, code: 'invalid_type', path: 'required' },
    { rule: { kind: 'per-shortfall', required: '4次', points: 1 }, code: 'invalid_type', path: 'required' },
    { rule: { kind: 'per-shortfall', required: 4, points: 1, of: { indicator: 'supervisionRate' } }, code: 'unknown_reference', path: 'of.indicator' },
    { rule: { kind: 'per-shortfall', required: 4, points: 1, of: { fact: '' } }, code: 'out_of_range', path: 'of.fact' },
    { rule: { kind: 'per-shortfall', required: 4, points: 1, of: { column: 'held' } }, code: 'invalid_value', path: 'of' },
    { rule: { kind: 'per-shortfall', required: 4, points: 1, target: 4 }, code: 'unknown_key', path: 'target' },
  ],
  scoring: [
    {
      name: '2 of 4 held: −2',
      quote: ROW6,
      rule: supervisions,
      item: { max: 4 },
      record: { facts: { supervisionsHeld: 2 } },
      want: { lines: [{ type: 'deduction', points: -2, reason: 'line.per_shortfall' }], total: 2, verdict: 'pass' },
    },
    {
      name: '4 of 4 held: nothing',
      quote: ROW6,
      rule: supervisions,
      item: { max: 4 },
      record: { facts: { supervisionsHeld: 4 } },
      want: { lines: [], total: 4, verdict: 'pass' },
    },
    {
      name: '6 held, more than required: nothing (no bonus)',
      quote: ROW6,
      rule: supervisions,
      item: { max: 4 },
      record: { facts: { supervisionsHeld: 6 } },
      want: { lines: [], total: 4 },
    },
    {
      name: 'the count missing: indeterminate, never a shortfall of 4',
      quote: ROW6,
      rule: supervisions,
      item: { max: 4 },
      record: {},
      want: { lines: [], complete: false, verdict: 'indeterminate', reasons: ['condition.missing_fact'] },
    },
    {
      name: 'the count given as text: indeterminate',
      quote: ROW6,
      rule: supervisions,
      item: { max: 4 },
      record: { facts: { supervisionsHeld: '2次' } },
      want: { lines: [], verdict: 'indeterminate', reasons: ['condition.wrong_type'] },
    },
    {
      name: 'none held: −4, the whole item',
      quote: ROW6,
      rule: supervisions,
      item: { max: 4 },
      record: { facts: { supervisionsHeld: 0 } },
      want: { lines: [{ type: 'deduction', points: -4 }], total: 0 },
    },
    {
      name: '扣完为止: none of 4 patrols against 3 points → −4, floor +1',
      quote: ROW18,
      rule: { kind: 'per-shortfall', required: 4, points: 1, of: { fact: 'diseasePatrols' } },
      item: { max: 3 },
      record: { facts: { diseasePatrols: 0 } },
      want: { lines: [{ type: 'deduction', points: -4 }, { type: 'capped', points: 1, reason: 'line.floor_item' }], total: 0 },
    },
    {
      name: 'the count from the finding’s value',
      quote: ROW6,
      rule: { kind: 'per-shortfall', required: 4, points: 1 },
      item: { max: 4 },
      record: { findings: [{ value: 1 }] },
      want: { lines: [{ type: 'deduction', points: -3 }], total: 1 },
    },
    {
      name: 'the count from a finding that gives no value: indeterminate',
      quote: ROW6,
      rule: { kind: 'per-shortfall', required: 4, points: 1 },
      item: { max: 4 },
      record: { findings: [{ note: '督导记录不全' }] },
      want: { lines: [], verdict: 'indeterminate', reasons: ['quantity.missing_value'] },
    },
    {
      name: 'no `of` and no finding: the count is unknown, indeterminate',
      quote: ROW6,
      rule: { kind: 'per-shortfall', required: 4, points: 1 },
      item: { max: 4 },
      record: {},
      want: { lines: [], verdict: 'indeterminate', reasons: ['quantity.missing_value'] },
    },
    {
      name: 'the count from an indicator',
      quote: ROW23,
      rule: { kind: 'per-shortfall', required: 6, points: 2, cap: 12, of: { indicator: 'cluesReported' } },
      item: { max: 12, bonusMax: 7 },
      record: { indicators: { cluesReported: 4 } },
      want: { lines: [{ type: 'deduction', points: -4 }], total: 8 },
    },
    {
      name: 'the count from a path inside a fact',
      quote: ROW1,
      rule: { kind: 'per-shortfall', required: 4, points: 0.5, of: { fact: 'org', path: '$.rolesInPlace' } },
      item: { max: 2 },
      record: { facts: { org: { rolesInPlace: 1 } } },
      want: { lines: [{ type: 'deduction', points: -1.5 }], total: 0.5 },
    },
    {
      name: '最高扣12分: none of 6 → exactly −12, no capped line',
      quote: ROW23,
      rule: { kind: 'per-shortfall', required: 6, points: 2, cap: 12, of: { fact: 'cluesReported' } },
      item: { max: 12, bonusMax: 7 },
      record: { facts: { cluesReported: 0 } },
      want: { lines: [{ type: 'deduction', points: -12 }], total: 0 },
    },
    {
      name: 'a cap below the shortfall: capped line adds back',
      quote: ROW23,
      rule: { kind: 'per-shortfall', required: 6, points: 2, cap: 5, of: { fact: 'cluesReported' } },
      item: { max: 12 },
      record: { facts: { cluesReported: 2 } },
      want: { lines: [{ type: 'deduction', points: -8 }, { type: 'capped', points: 3, reason: 'line.cap_rule' }], total: 7 },
    },
    {
      name: '0.5 per session: 5 of 8 → exactly −1.5',
      quote: ROW12,
      rule: { kind: 'per-shortfall', required: 8, points: 0.5, of: { fact: 'outreachSessions' } },
      item: { max: 4 },
      record: { facts: { outreachSessions: 5 } },
      want: { lines: [{ type: 'deduction', points: -1.5 }], total: 2.5 },
    },
    {
      name: 'exactness: 47 of 60 tests × 0.2 is exactly −2.6',
      quote: ROW20,
      rule: tapWater,
      item: { max: 3 },
      record: { facts: { tapWaterTests: 47 } },
      want: { lines: [{ type: 'deduction', points: -2.6 }], total: 0.4 },
    },
    {
      name: 'exactness: 57 of 60 tests → 3 × 0.2 is exactly −0.6 (not 0.6000000000000001)',
      quote: ROW20,
      rule: tapWater,
      item: { max: 3 },
      record: { facts: { tapWaterTests: 57 } },
      want: { lines: [{ type: 'deduction', points: -0.6 }], total: 2.4 },
    },
    {
      name: 'a negative count is not a count: indeterminate, never "5 short of 4"',
      quote: ROW6,
      rule: supervisions,
      item: { max: 4 },
      record: { facts: { supervisionsHeld: -1 } },
      want: { lines: [], complete: false, verdict: 'indeterminate', reasons: ['condition.wrong_type'] },
    },
    {
      name: 'a negative finding value: indeterminate',
      quote: ROW6,
      rule: { kind: 'per-shortfall', required: 4, points: 1 },
      item: { max: 4 },
      record: { findings: [{ value: -2 }] },
      want: { lines: [], verdict: 'indeterminate', reasons: ['condition.wrong_type'] },
    },
    {
      name: 'a partial count does not count: 3.5 held is 3',
      quote: ROW6,
      rule: supervisions,
      item: { max: 4 },
      record: { facts: { supervisionsHeld: 3.5 } },
      want: { lines: [{ type: 'deduction', points: -1 }], total: 3 },
    },
  ],
});
