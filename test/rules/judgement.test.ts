/**
 * `judgement`: 酌情扣分 / 酌情奖分 — the inspector decides the points within [min, max] and must say
 * why in a note. Points outside the bounds, or a missing note, reject the record: never clamped.
 */
import { ruleCases, type Quote } from '../support/rule-cases.js';

const ROW1: Quote = { text: '缺协管人员和协管信息员的酌情扣分。', source: 'cn-standards.md §1 row 1' };
const ROW11: Quote = { text: '未开展的扣2分，培训不全的，酌情扣分。', source: 'cn-standards.md §1 row 11' };
const ROW27: Quote = { text: '完成市卫生局、卫生监督所交付的其他卫生监督协管任务。（2分，为奖励分） 根据考核情况，酌情奖分。', source: 'cn-standards.md §1 row 27' };

const staffing = { kind: 'judgement', max: 2 } as const;
const otherTasks = { kind: 'judgement', max: 2, effect: 'award' } as const;

ruleCases('judgement', {
  valid: [
    staffing,
    otherTasks,
    { kind: 'judgement', min: 0.5, max: 2 },
    { kind: 'judgement', min: 1, max: 1 },
    { name: 'with its clause and wording', rule: { kind: 'judgement', max: 2, source: '§1 row 11', reason: { 'zh-CN': '培训不全的，酌情扣分' } } },
    'kind: judgement\nmax: 2\neffect: award\nreason: { zh-CN: 根据考核情况，酌情奖分 }',
  ],
  invalid: [
    { name: 'the bound must be written', rule: { kind: 'judgement' }, code: 'missing_key', path: 'max' },
    { rule: { kind: 'judgement', min: 2, max: 1 }, code: 'range_inverted', path: '' },
    { rule: { kind: 'judgement', max: -2 }, code: 'out_of_range', path: 'max' },
    { rule: { kind: 'judgement', max: 2.00001 }, code: 'too_precise', path: 'max' },
    { rule: { kind: 'judgement', max: '酌情' }, code: 'invalid_type', path: 'max' },
    { rule: { kind: 'judgement', max: 2, effect: 'fine' }, code: 'invalid_value', path: 'effect' },
    { name: 'a judgement has bounds, not points', rule: { kind: 'judgement', max: 2, points: 1 }, code: 'unknown_key', path: 'points' },
  ],
  scoring: [
    {
      name: 'points and a note: deducted',
      quote: ROW1,
      rule: staffing,
      item: { max: 2 },
      record: { findings: [{ points: 1.5, note: '缺协管信息员2名' }] },
      want: { lines: [{ type: 'deduction', points: -1.5, reason: 'line.judgement' }], total: 0.5, verdict: 'pass' },
    },
    {
      name: 'the bound itself is allowed',
      quote: ROW1,
      rule: staffing,
      item: { max: 2 },
      record: { findings: [{ points: 2, note: '无协管员' }] },
      want: { lines: [{ type: 'deduction', points: -2 }], total: 0 },
    },
    {
      name: 'no note: a record problem',
      quote: ROW1,
      rule: staffing,
      item: { max: 2 },
      record: { findings: [{ points: 1 }] },
      want: { problems: ['findings[0].note'] },
    },
    {
      name: 'a blank note: a record problem',
      quote: ROW1,
      rule: staffing,
      item: { max: 2 },
      record: { findings: [{ points: 1, note: '  ' }] },
      want: { problems: ['findings[0].note'] },
    },
    {
      name: 'above the bound: a record problem, never clamped to 2',
      quote: ROW1,
      rule: staffing,
      item: { max: 2 },
      record: { findings: [{ points: 2.5, note: '严重缺员' }] },
      want: { problems: ['findings[0].points'] },
    },
    {
      name: 'below the minimum: a record problem',
      quote: ROW11,
      rule: { kind: 'judgement', min: 0.5, max: 2 },
      item: { max: 2 },
      record: { findings: [{ points: 0.2, note: '培训记录缺一页' }] },
      want: { problems: ['findings[0].points'] },
    },
    {
      name: 'no points: a record problem',
      quote: ROW11,
      rule: staffing,
      item: { max: 2 },
      record: { findings: [{ note: '培训不全' }] },
      want: { problems: ['findings[0].points'] },
    },
    {
      name: 'points with a fifth decimal: a record problem, never rounded',
      quote: ROW11,
      rule: staffing,
      item: { max: 2 },
      record: { findings: [{ points: 0.12345, note: '培训不全' }] },
      want: { problems: ['findings[0].points'] },
    },
    {
      name: 'every bad finding is reported',
      quote: ROW11,
      rule: staffing,
      item: { max: 2 },
      record: { findings: [{ points: 1, note: '培训不全' }, { points: 1 }, { points: 3, note: '未培训' }] },
      want: { problems: ['findings[1].note', 'findings[2].points'] },
    },
    {
      name: 'two judgements on one item: both lines, then the item floor',
      quote: ROW11,
      rule: staffing,
      item: { max: 2 },
      record: { findings: [{ points: 1, note: '培训记录不全' }, { points: 1.5, note: '未覆盖全部厨师' }] },
      want: {
        lines: [{ type: 'deduction', points: -1 }, { type: 'deduction', points: -1.5 }, { type: 'capped', points: 0.5, reason: 'line.floor_item' }],
        total: 0,
      },
    },
    {
      name: 'judged 0 points: no line',
      quote: ROW11,
      rule: staffing,
      item: { max: 2 },
      record: { findings: [{ points: 0, note: '基本齐全' }] },
      want: { lines: [], total: 2 },
    },
    {
      name: 'exactness: ten judgements of 0.1 are exactly −1',
      quote: ROW11,
      rule: staffing,
      item: { max: 2 },
      record: { findings: Array.from({ length: 10 }, (_, i) => ({ points: 0.1, note: `第${i + 1}项不全` })) },
      want: { lines: Array.from({ length: 10 }, () => ({ type: 'deduction' as const, points: -0.1 })), total: 1 },
    },
    {
      name: '酌情奖分: points and a note are awarded',
      quote: ROW27,
      rule: otherTasks,
      item: { bonusMax: 2 },
      record: { findings: [{ points: 1, note: '协助完成专项整治' }] },
      want: { lines: [{ type: 'award', points: 1, reason: 'line.judgement_award' }], total: 1, verdict: 'pass' },
    },
    {
      name: '酌情奖分: two awards, the item’s bonus cap binds',
      quote: ROW27,
      rule: otherTasks,
      item: { bonusMax: 2 },
      record: { findings: [{ points: 1.5, note: '专项整治' }, { points: 1, note: '应急保障' }] },
      want: { lines: [{ type: 'award', points: 1.5 }, { type: 'award', points: 1 }, { type: 'capped', points: -0.5, reason: 'line.cap_item_bonus' }], total: 2 },
    },
    {
      name: '酌情奖分: an award without a note is a record problem too',
      quote: ROW27,
      rule: otherTasks,
      item: { bonusMax: 2 },
      record: { findings: [{ points: 1 }] },
      want: { problems: ['findings[0].note'] },
    },
    {
      name: 'evidence required and none shown: no points needed, the item scores nothing',
      quote: { text: '均必须提供书面文字材料，否则该项不得分', source: 'cn-standards.md §1 表尾注2' },
      rule: staffing,
      item: { max: 2, evidence: 'required' },
      record: { findings: [{ evidence: false }] },
      want: { lines: [{ type: 'deduction', points: -2, reason: 'line.evidence_missing' }], total: 0 },
    },
  ],
});
