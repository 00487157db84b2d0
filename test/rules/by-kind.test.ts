/**
 * `by-kind`: 随查1分, 周一定期2分, 重大活动 县3/市4/省5/国家6 — points looked up by the inspection's
 * kind (and, for event checks, its level), once per inspection when the item or area has any finding.
 * Sources: digest-000-001.md §1.4 (000:469–477) and §2.1 P2–P4.
 */
import { ruleCases, type Quote } from '../support/rule-cases.js';

const RANDOM: Quote = { text: '1.不定时随查各区卫生,检查不合格扣1分。', source: 'digest-000-001.md §1.4 (000:471)' };
const SCHEDULED: Quote = { text: '2.周一定期检查各区卫生,检查不合格扣2分。', source: 'digest-000-001.md §1.4 (000:473)' };
const EVENT: Quote = {
  text: '3.遇重大活动,各区卫生检查不合格,按活动级别递增扣分。(县3分、市4分、省5分、国家6分)',
  source: 'digest-000-001.md §1.4 (000:475)',
};

const areaFailed = { kind: 'by-kind', points: { random: 1, scheduled: 2, event: { county: 3, city: 4, province: 5, national: 6 } } } as const;

ruleCases('by-kind', {
  valid: [
    areaFailed,
    { kind: 'by-kind', points: { random: 1, scheduled: 2 } },
    { kind: 'by-kind', points: { event: { county: 3, national: 6 } } },
    { name: 'with its clause and wording', rule: { ...areaFailed, id: 'classroom-area-failed', source: '000:471–475', reason: { 'zh-CN': '检查不合格，按检查类型扣分' } } },
    'kind: by-kind\npoints:\n  random: 1\n  scheduled: 2\n  event: { county: 3, city: 4, province: 5, national: 6 }',
  ],
  invalid: [
    { rule: { kind: 'by-kind' }, code: 'missing_key', path: 'points' },
    { name: 'a kind the standard does not declare', rule: { kind: 'by-kind', points: { weekly: 2 } }, code: 'unknown_reference', path: 'points.weekly' },
    { name: 'a level the standard does not declare', rule: { kind: 'by-kind', points: { event: { township: 3 } } }, code: 'unknown_reference', path: 'points.event.township' },
    { name: 'one number for every kind', rule: { kind: 'by-kind', points: 2 }, code: 'invalid_type', path: 'points' },
    { rule: { kind: 'by-kind', points: { random: -1 } }, code: 'out_of_range', path: 'points.random' },
    { rule: { kind: 'by-kind', points: { random: '1分' } }, code: 'invalid_type', path: 'points.random' },
    { rule: { kind: 'by-kind', points: { event: { county: 3.00001 } } }, code: 'too_precise', path: 'points.event.county' },
    { rule: { kind: 'by-kind', points: { random: 1 }, effect: 'award' }, code: 'unknown_key', path: 'effect' },
  ],
  scoring: [
    {
      name: 'random check, area not acceptable: −1',
      quote: RANDOM,
      rule: areaFailed,
      record: { kind: 'random', findings: [{}] },
      want: { lines: [{ type: 'deduction', points: -1, reason: 'line.by_kind' }], total: -1, verdict: 'pass' },
    },
    {
      name: 'Monday scheduled check: −2',
      quote: SCHEDULED,
      rule: areaFailed,
      record: { kind: 'scheduled', findings: [{}] },
      want: { lines: [{ type: 'deduction', points: -2 }], total: -2 },
    },
    {
      name: 'event check, county level: −3',
      quote: EVENT,
      rule: areaFailed,
      record: { kind: 'event', level: 'county', findings: [{}] },
      want: { lines: [{ type: 'deduction', points: -3 }], total: -3 },
    },
    {
      name: 'event check, city level: −4',
      quote: EVENT,
      rule: areaFailed,
      record: { kind: 'event', level: 'city', findings: [{}] },
      want: { lines: [{ type: 'deduction', points: -4 }] },
    },
    {
      name: 'event check, province level: −5',
      quote: EVENT,
      rule: areaFailed,
      record: { kind: 'event', level: 'province', findings: [{}] },
      want: { lines: [{ type: 'deduction', points: -5 }] },
    },
    {
      name: 'event check, national level: −6',
      quote: EVENT,
      rule: areaFailed,
      record: { kind: 'event', level: 'national', findings: [{}] },
      want: { lines: [{ type: 'deduction', points: -6 }], total: -6 },
    },
    {
      name: 'event check without a level: indeterminate, no line',
      quote: EVENT,
      rule: areaFailed,
      record: { kind: 'event', findings: [{}] },
      want: { lines: [], complete: false, verdict: 'indeterminate', reasons: ['line.by_kind_unknown_level'] },
    },
    {
      name: 'a record without a kind: indeterminate',
      quote: RANDOM,
      rule: areaFailed,
      record: { findings: [{}] },
      want: { lines: [], verdict: 'indeterminate', reasons: ['line.by_kind_unknown'] },
    },
    {
      name: 'a kind the rule gives no points for: indeterminate, never 0',
      quote: EVENT,
      rule: { kind: 'by-kind', points: { event: { county: 3, city: 4, province: 5, national: 6 } } },
      record: { kind: 'random', findings: [{}] },
      want: { lines: [], verdict: 'indeterminate', reasons: ['line.by_kind_unknown'] },
    },
    {
      name: 'a level the rule gives no points for: indeterminate',
      quote: EVENT,
      rule: { kind: 'by-kind', points: { event: { county: 3, city: 4 } } },
      record: { kind: 'event', level: 'national', findings: [{}] },
      want: { lines: [], verdict: 'indeterminate', reasons: ['line.by_kind_unknown_level'] },
    },
    {
      name: 'a level on a kind without levels is ignored: random at county level is still −1',
      quote: RANDOM,
      rule: areaFailed,
      record: { kind: 'random', level: 'county', findings: [{}] },
      want: { lines: [{ type: 'deduction', points: -1 }] },
    },
    {
      name: 'two findings in one item: once per inspection',
      quote: SCHEDULED,
      rule: areaFailed,
      record: { kind: 'scheduled', findings: [{ note: '地面有纸屑' }, { note: '墙面有鞋印' }] },
      want: { lines: [{ type: 'deduction', points: -2 }], total: -2 },
    },
    {
      name: 'a finding with a count: still once',
      quote: SCHEDULED,
      rule: areaFailed,
      record: { kind: 'scheduled', findings: [{ count: 3 }] },
      want: { lines: [{ type: 'deduction', points: -2 }] },
    },
    {
      name: 'no finding: nothing, whatever the kind',
      quote: EVENT,
      rule: areaFailed,
      record: { kind: 'event', level: 'national' },
      want: { lines: [], total: 0, verdict: 'pass' },
    },
    {
      name: 'no finding and no level: nothing to look up, so not indeterminate',
      quote: EVENT,
      rule: areaFailed,
      record: { kind: 'event' },
      want: { lines: [], verdict: 'pass', complete: true },
    },
    {
      name: 'an item floor: a national event against a 5-point item gives 1 back',
      quote: EVENT,
      rule: areaFailed,
      item: { max: 5 },
      record: { kind: 'event', level: 'national', findings: [{}] },
      want: { lines: [{ type: 'deduction', points: -6 }, { type: 'capped', points: 1, reason: 'line.floor_item' }], total: 0 },
    },
    {
      name: 'with the tool corner’s 1–3 on the same item: both apply',
      quote: { text: '卫生工具角…(否则每次扣1-3分)；不定时随查各区卫生,检查不合格扣1分。', source: 'digest-000-001.md §2.1 P1 + P2 (000:429, 000:471)' },
      rules: [areaFailed, { kind: 'per-occurrence', points: { min: 1, max: 3 } }],
      record: { kind: 'random', findings: [{ points: 2, note: '扫帚缺失' }] },
      want: { lines: [{ type: 'deduction', points: -1 }, { type: 'deduction', points: -2 }], total: -3 },
    },
    {
      name: 'accumulate mode: +3 penalty points for a county event',
      quote: EVENT,
      rule: areaFailed,
      mode: 'accumulate',
      record: { kind: 'event', level: 'county', findings: [{}] },
      want: { lines: [{ type: 'deduction', points: 3 }], total: 3 },
    },
  ],
});
