/**
 * `per-occurrence`: 迟报一次扣2分 / 每次扣1-3分 — points for each occurrence (a finding's count), fixed
 * or chosen by the inspector within a range. A chosen value outside the range is an error in the
 * record, never clamped.
 */
import { ruleCases, type Quote } from '../support/rule-cases.js';

const ROW2: Quote = { text: '无卫生监督协管年度工作计划、半年度总结和年度总结的，每一项扣1分。', source: 'cn-standards.md §1 row 2' };
const ROW4: Quote = { text: '未公示制度的，每一项扣0.1分。', source: 'cn-standards.md §1 row 4' };
const ROW9: Quote = { text: '每发现1次经费违规使用扣0.5分，扣完为止。', source: 'cn-standards.md §1 row 9' };
const ROW16: Quote = { text: '巡查指导记录每缺1份扣0.1分，最高扣5分。', source: 'cn-standards.md §1 row 16' };
const ROW23: Quote = { text: '报告的线索中，认定为价值较高的线索，每一条奖励0.5分，最高奖励5分。', source: 'cn-standards.md §1 row 23' };
const ROW24: Quote = { text: '迟报一次扣2分，瞒报一次扣5分；扣完为止。', source: 'cn-standards.md §1 row 24' };
const TOOL_CORNER: Quote = {
  text: '卫生工具角：该部位打扫彻底,杂物筐清理及时,卫生工具齐全干净摆放整齐(否则每次扣1-3分)。',
  source: 'digest-000-001.md §2.1 P1 (000:429)',
};

const lateReport = { kind: 'per-occurrence', points: 2 } as const;
const toolCorner = { kind: 'per-occurrence', points: { min: 1, max: 3 } } as const;
const guidanceRecords = { kind: 'per-occurrence', points: 0.1, cap: 5 } as const;

ruleCases('per-occurrence', {
  valid: [
    lateReport,
    toolCorner,
    guidanceRecords,
    { kind: 'per-occurrence', points: 0.5, effect: 'award', cap: 5 },
    { kind: 'per-occurrence', points: { min: 0, max: 0.5 } },
    { name: 'a range of one value', rule: { kind: 'per-occurrence', points: { min: 2, max: 2 } } },
    'kind: per-occurrence\npoints: { min: 1, max: 3 }\nsource: "000:429"\nreason: { zh-CN: 否则每次扣1-3分 }',
  ],
  invalid: [
    { rule: { kind: 'per-occurrence' }, code: 'missing_key', path: 'points' },
    { rule: { kind: 'per-occurrence', points: -2 }, code: 'out_of_range', path: 'points' },
    { rule: { kind: 'per-occurrence', points: 0.00001 }, code: 'too_precise', path: 'points' },
    { name: 'a range written upside down', rule: { kind: 'per-occurrence', points: { min: 3, max: 1 } }, code: 'range_inverted', path: 'points' },
    { rule: { kind: 'per-occurrence', points: { min: 1 } }, code: 'missing_key', path: 'points.max' },
    { rule: { kind: 'per-occurrence', points: { min: 1, max: 3, step: 1 } }, code: 'unknown_key', path: 'points.step' },
    { rule: { kind: 'per-occurrence', points: { min: -1, max: 3 } }, code: 'out_of_range', path: 'points.min' },
    { name: 'a range written as text', rule: { kind: 'per-occurrence', points: '1-3' }, code: 'invalid_type', path: 'points' },
    { rule: { kind: 'per-occurrence', points: 2, effect: 'fine' }, code: 'invalid_value', path: 'effect' },
    { rule: { kind: 'per-occurrence', points: 0.1, cap: -5 }, code: 'out_of_range', path: 'cap' },
    { rule: { kind: 'per-occurrence', points: 2, each: true }, code: 'unknown_key', path: 'each' },
  ],
  scoring: [
    // Fixed points × count.
    {
      name: 'one late report: −2',
      quote: ROW24,
      rule: lateReport,
      item: { max: 5 },
      record: { findings: [{}] },
      want: { lines: [{ type: 'deduction', points: -2, reason: 'line.per_occurrence' }], total: 3 },
    },
    {
      name: 'count 2: −4 on one line',
      quote: ROW24,
      rule: lateReport,
      item: { max: 5 },
      record: { findings: [{ count: 2 }] },
      want: { lines: [{ type: 'deduction', points: -4 }], total: 1 },
    },
    {
      name: 'one line per finding, in record order',
      quote: ROW2,
      rule: { kind: 'per-occurrence', points: 1 },
      item: { max: 3 },
      record: { findings: [{ note: '无年度工作计划' }, { note: '无半年度总结' }] },
      want: { lines: [{ type: 'deduction', points: -1 }, { type: 'deduction', points: -1 }], total: 1 },
    },
    {
      name: '扣完为止: 3 violations × 0.5 against 1 point → the item floor gives 0.5 back',
      quote: ROW9,
      rule: { kind: 'per-occurrence', points: 0.5 },
      item: { max: 1 },
      record: { findings: [{ count: 3 }] },
      want: { lines: [{ type: 'deduction', points: -1.5 }, { type: 'capped', points: 0.5, reason: 'line.floor_item' }], total: 0 },
    },
    {
      name: 'no finding, no line',
      quote: ROW24,
      rule: lateReport,
      item: { max: 5 },
      record: {},
      want: { lines: [], total: 5, verdict: 'pass' },
    },
    // Exactness.
    {
      name: 'ten findings of 0.1 are exactly −1',
      quote: ROW4,
      rule: { kind: 'per-occurrence', points: 0.1 },
      item: { max: 1.5 },
      record: { findings: Array.from({ length: 10 }, (_, i) => ({ note: `制度${i + 1}` })) },
      want: { lines: Array.from({ length: 10 }, () => ({ type: 'deduction' as const, points: -0.1 })), total: 0.5 },
    },
    {
      name: 'three findings of 0.1 leave exactly 1.2 (not 1.2000000000000002)',
      quote: ROW4,
      rule: { kind: 'per-occurrence', points: 0.1 },
      item: { max: 1.5 },
      record: { findings: [{}, {}, {}] },
      want: { total: 1.2 },
    },
    {
      name: 'count 10 × 0.1 is exactly −1 on one line',
      quote: ROW4,
      rule: { kind: 'per-occurrence', points: 0.1 },
      item: { max: 1.5 },
      record: { findings: [{ count: 10 }] },
      want: { lines: [{ type: 'deduction', points: -1 }], total: 0.5 },
    },
    // 最高扣5分: the rule's cap is a `capped` line that adds back.
    {
      name: '最高扣5分: 60 missing records → −6, capped +1',
      quote: ROW16,
      rule: guidanceRecords,
      item: { max: 15 },
      record: { findings: [{ count: 60 }] },
      want: { lines: [{ type: 'deduction', points: -6 }, { type: 'capped', points: 1, reason: 'line.cap_rule' }], total: 10 },
    },
    {
      name: '最高扣5分: exactly 50 missing records reach the cap without a capped line',
      quote: ROW16,
      rule: guidanceRecords,
      item: { max: 15 },
      record: { findings: [{ count: 50 }] },
      want: { lines: [{ type: 'deduction', points: -5 }], total: 10 },
    },
    {
      name: '最高扣5分 across findings: 30 + 30 → −3, −3, capped +1',
      quote: ROW16,
      rule: guidanceRecords,
      item: { max: 15 },
      record: { findings: [{ count: 30 }, { count: 30 }] },
      want: { lines: [{ type: 'deduction', points: -3 }, { type: 'deduction', points: -3 }, { type: 'capped', points: 1 }], total: 10 },
    },
    // 每次扣1-3分: the inspector chooses within the range.
    {
      name: 'range: the inspector gives 2',
      quote: TOOL_CORNER,
      rule: toolCorner,
      record: { findings: [{ points: 2, note: '扫帚缺失' }] },
      want: { lines: [{ type: 'deduction', points: -2 }], total: -2, verdict: 'pass' },
    },
    {
      name: 'range: the bounds themselves are inside (1 and 3)',
      quote: TOOL_CORNER,
      rule: toolCorner,
      record: { findings: [{ points: 1 }, { points: 3 }] },
      want: { lines: [{ type: 'deduction', points: -1 }, { type: 'deduction', points: -3 }], total: -4 },
    },
    {
      name: 'range: a decimal inside the range, 2.5',
      quote: TOOL_CORNER,
      rule: toolCorner,
      record: { findings: [{ points: 2.5 }] },
      want: { lines: [{ type: 'deduction', points: -2.5 }] },
    },
    {
      name: 'range: the chosen points × count',
      quote: TOOL_CORNER,
      rule: toolCorner,
      record: { findings: [{ points: 1.5, count: 2 }] },
      want: { lines: [{ type: 'deduction', points: -3 }] },
    },
    {
      name: 'range: 4 is above 1–3 — a record problem, never clamped to 3',
      quote: TOOL_CORNER,
      rule: toolCorner,
      record: { findings: [{ points: 4 }] },
      want: { problems: ['findings[0].points'] },
    },
    {
      name: 'range: 0.5 is below 1–3 — a record problem, never clamped to 1',
      quote: TOOL_CORNER,
      rule: toolCorner,
      record: { findings: [{ points: 0.5 }] },
      want: { problems: ['findings[0].points'] },
    },
    {
      name: 'range: points with a fifth decimal — a record problem, never rounded',
      quote: TOOL_CORNER,
      rule: toolCorner,
      record: { findings: [{ points: 1.00001 }] },
      want: { problems: ['findings[0].points'] },
    },
    {
      name: 'range: no points given — a record problem',
      quote: TOOL_CORNER,
      rule: toolCorner,
      record: { findings: [{ note: '工具不齐' }] },
      want: { problems: ['findings[0].points'] },
    },
    {
      name: 'range: every bad finding is reported, the good one is not',
      quote: TOOL_CORNER,
      rule: toolCorner,
      record: { findings: [{ points: 2 }, {}, { points: 9 }] },
      want: { problems: ['findings[1].points', 'findings[2].points'] },
    },
    {
      name: 'fixed points: points written on the finding are not checked and not used',
      quote: ROW24,
      rule: lateReport,
      item: { max: 5 },
      record: { findings: [{ points: 9 }] },
      want: { lines: [{ type: 'deduction', points: -2 }], total: 3 },
    },
    {
      name: 'range with evidence required: a finding without written material needs no points and zeroes the item',
      quote: { text: '均必须提供书面文字材料，否则该项不得分', source: 'cn-standards.md §1 表尾注2' },
      rule: toolCorner,
      item: { max: 3, evidence: 'required' },
      record: { findings: [{ evidence: false }] },
      want: { lines: [{ type: 'deduction', points: -3, reason: 'line.evidence_missing' }], total: 0 },
    },
    // Awards.
    {
      name: 'award: 12 valuable clues → +6, capped to 5',
      quote: ROW23,
      rule: { kind: 'per-occurrence', points: 0.5, effect: 'award', cap: 5 },
      item: { max: 12, bonusMax: 7 },
      record: { findings: [{ count: 12 }] },
      want: {
        lines: [{ type: 'award', points: 6, reason: 'line.per_occurrence_award' }, { type: 'capped', points: -1, reason: 'line.cap_rule_award' }],
        total: 17,
      },
    },
    {
      name: 'award: 3 valuable clues → +1.5',
      quote: ROW23,
      rule: { kind: 'per-occurrence', points: 0.5, effect: 'award', cap: 5 },
      item: { max: 12, bonusMax: 7 },
      record: { findings: [{ count: 3 }] },
      want: { lines: [{ type: 'award', points: 1.5 }], total: 13.5 },
    },
    {
      name: 'accumulate mode: 2 late reports are +4 penalty points',
      quote: ROW24,
      rule: lateReport,
      mode: 'accumulate',
      record: { findings: [{ count: 2 }] },
      want: { lines: [{ type: 'deduction', points: 4 }], total: 4 },
    },
  ],
});
