/**
 * `fixed`: 未公示的扣0.5分 — a fixed number of points once, when the item has a finding (or `when` holds).
 * Sources: cn-standards.md §1 (the 2013 form), rows numbered 1–27 from the top.
 */
import { ruleCases, type Quote } from '../support/rule-cases.js';

const ROW3: Quote = { text: '未公示的扣0.5分。', source: 'cn-standards.md §1 row 3' };
const ROW4: Quote = { text: '协管办（室）无明显标识，或未公示开展的卫生监督服务项目的，扣0.5分，未公示制度的，每一项扣0.1分。', source: 'cn-standards.md §1 row 4' };
const ROW5: Quote = { text: '未开展卫生监督协管服务项目培训的，扣2分', source: 'cn-standards.md §1 row 5' };
const ROW26_DEDUCT: Quote = { text: '应当参与创建而未参与的，扣2分；辖区未创建的不扣分。', source: 'cn-standards.md §1 row 26' };
const ROW14: Quote = {
  text: '未协助管理相对人办理许可证的，未组织从业人员健康体检及培训的，相关台帐资料未登记的，各扣1分，登记不全的，酌情扣分。',
  source: 'cn-standards.md §1 row 14',
};
const ROW26_AWARD: Quote = { text: '参与创建卫生镇的奖励1分、卫生村奖励0.5分', source: 'cn-standards.md §1 row 26' };

const notPosted = { kind: 'fixed', points: 0.5 } as const;
/** Row 5 read from a fact: the training was not held. */
const noTraining = { kind: 'fixed', points: 2, when: { fact: 'staffTrainingHeld', operator: 'equal', value: false } } as const;
/** Row 26: joined the creation of a 卫生镇 (hygienic town) → +1. */
const joinedTown = { kind: 'fixed', points: 1, effect: 'award', when: { fact: 'joinedTownCreation', operator: 'equal', value: true } } as const;

ruleCases('fixed', {
  valid: [
    notPosted,
    { kind: 'fixed', points: 2, effect: 'deduct', id: 'no-training', source: '§1 row 5', reason: { 'zh-CN': '未开展培训的，扣2分' } },
    noTraining,
    joinedTown,
    { name: 'when: a named condition, negated', quote: ROW26_DEDUCT, rule: { kind: 'fixed', points: 2, when: { not: { condition: 'noCreationTask' } } } },
    'kind: fixed\npoints: 0.5\nreason: { zh-CN: 未公示的扣0.5分, en: "Not posted — 0.5" }',
    '{ kind: fixed, points: 0 }',
    { kind: 'fixed', points: 0.0001 },
    { name: 'points the source does not give: null', rule: { kind: 'fixed', points: null } },
  ],
  invalid: [
    { rule: { kind: 'fixed' }, code: 'missing_key', path: 'points' },
    { rule: { kind: 'fixed', points: -0.5 }, code: 'out_of_range', path: 'points' },
    { rule: { kind: 'fixed', points: 0.12345 }, code: 'too_precise', path: 'points' },
    { rule: { kind: 'fixed', points: '0.5' }, code: 'invalid_type', path: 'points' },
    { rule: { kind: 'fixed', points: 0.5, effect: 'penalty' }, code: 'invalid_value', path: 'effect' },
    { rule: { kind: 'fixed', points: 0.5, amount: 1 }, code: 'unknown_key', path: 'amount' },
    { rule: { kind: 'fixed', points: 0.5, when: { condition: 'noEmergancy' } }, code: 'unknown_reference', path: 'when.condition' },
    { rule: { kind: 'fixed', points: 0.5, when: { fact: 'posted', operator: 'equalz', value: false } }, code: 'unknown_operator', path: 'when.operator' },
    { name: 'a `fixed` rule takes no range', rule: { kind: 'fixed', points: { min: 1, max: 3 } }, code: 'invalid_type', path: 'points' },
    { rule: 'kind: fixed\npoints: 0.5\npoints: 1', code: 'yaml_duplicate_key', path: '/' },
  ],
  scoring: [
    {
      name: 'a finding costs the fixed points',
      quote: ROW3,
      rule: notPosted,
      item: { max: 0.5 },
      record: { findings: [{}] },
      want: { lines: [{ type: 'deduction', points: -0.5, reason: 'line.fixed' }], total: 0, verdict: 'pass' },
    },
    {
      name: 'no finding, no line',
      quote: ROW3,
      rule: notPosted,
      item: { max: 0.5 },
      record: {},
      want: { lines: [], total: 0.5, verdict: 'pass' },
    },
    {
      name: 'once, however many findings',
      quote: ROW3,
      rule: notPosted,
      item: { max: 0.5 },
      record: { findings: [{ note: '门诊大厅' }, { note: '二楼' }] },
      want: { lines: [{ type: 'deduction', points: -0.5 }], total: 0 },
    },
    {
      name: 'once, whatever the count',
      quote: ROW3,
      rule: notPosted,
      item: { max: 0.5 },
      record: { findings: [{ count: 3 }] },
      want: { lines: [{ type: 'deduction', points: -0.5 }], total: 0 },
    },
    {
      name: 'two fixed clauses of one row: 0.5 + 0.1 leaves exactly 0.9',
      quote: ROW4,
      rules: [
        { kind: 'fixed', points: 0.5, when: { fact: 'signPosted', operator: 'equal', value: false } },
        { kind: 'fixed', points: 0.1 },
      ],
      item: { max: 1.5 },
      record: { facts: { signPosted: false }, findings: [{}] },
      want: { lines: [{ type: 'deduction', points: -0.5 }, { type: 'deduction', points: -0.1 }], total: 0.9 },
    },
    {
      name: 'when true: deducted without any finding',
      quote: ROW5,
      rule: noTraining,
      item: { max: 2 },
      record: { facts: { staffTrainingHeld: false } },
      want: { lines: [{ type: 'deduction', points: -2 }], total: 0, verdict: 'pass', complete: true },
    },
    {
      name: 'when false: nothing, even with a finding',
      quote: ROW5,
      rule: noTraining,
      item: { max: 2 },
      record: { facts: { staffTrainingHeld: true }, findings: [{}] },
      want: { lines: [], total: 2, verdict: 'pass' },
    },
    {
      name: 'when the fact is missing: indeterminate, no line',
      quote: ROW5,
      rule: noTraining,
      item: { max: 2 },
      record: {},
      want: { lines: [], complete: false, verdict: 'indeterminate', reasons: ['condition.missing_fact'] },
    },
    {
      name: 'a named condition in `when`',
      quote: ROW26_DEDUCT,
      rule: {
        kind: 'fixed',
        points: 2,
        when: { all: [{ not: { condition: 'noCreationTask' } }, { fact: 'joinedCreation', operator: 'equal', value: false }] },
      },
      item: { max: 2, bonusMax: 3 },
      record: { facts: { creationTask: true, joinedCreation: false } },
      want: { lines: [{ type: 'deduction', points: -2 }], total: 0 },
    },
    {
      name: 'a named condition in `when`: no creation task, no deduction',
      quote: ROW26_DEDUCT,
      rule: {
        kind: 'fixed',
        points: 2,
        when: { all: [{ not: { condition: 'noCreationTask' } }, { fact: 'joinedCreation', operator: 'equal', value: false }] },
      },
      item: { max: 2, bonusMax: 3 },
      record: { facts: { creationTask: false, joinedCreation: false } },
      want: { lines: [], total: 2, verdict: 'pass' },
    },
    {
      name: '`when` reads a built-in fact: the record’s indicators (1700 of 2000 m² = 85% < 90%)',
      quote: { text: '道路硬底化率达90%以上', source: 'digest-002-004.md §2.2 (004:157)' },
      rule: { kind: 'fixed', points: 2, when: { fact: 'indicators', path: '$.roadHardeningRate', operator: 'lessThan', value: 90 } },
      item: { max: 2 },
      record: { indicators: { roadHardeningRate: { numerator: 1700, denominator: 2000 } } },
      want: { lines: [{ type: 'deduction', points: -2 }], total: 0 },
    },
    {
      name: '`when` reads a built-in fact: the indicator not given → indeterminate',
      quote: { text: '道路硬底化率达90%以上', source: 'digest-002-004.md §2.2 (004:157)' },
      rule: { kind: 'fixed', points: 2, when: { fact: 'indicators', path: '$.roadHardeningRate', operator: 'lessThan', value: 90 } },
      item: { max: 2 },
      record: {},
      want: { lines: [], verdict: 'indeterminate', reasons: ['condition.missing_fact'] },
    },
    {
      name: '`when` on the inspection kind: the built-in fact wins over a record’s own fact of the same name',
      quote: { text: '遇重大活动,各区卫生检查不合格,按活动级别递增扣分。', source: 'digest-000-001.md §1.4 (000:475)' },
      rule: { kind: 'fixed', points: 3, when: { fact: 'kind', operator: 'equal', value: 'event' } },
      record: { kind: 'random', facts: { kind: 'event' } },
      want: { lines: [], verdict: 'pass' },
    },
    {
      name: 'award: 参与创建卫生镇 +1',
      quote: ROW26_AWARD,
      rule: joinedTown,
      item: { max: 2, bonusMax: 3 },
      record: { facts: { joinedTownCreation: true } },
      want: { lines: [{ type: 'award', points: 1, reason: 'line.fixed_award' }], total: 3, verdict: 'pass' },
    },
    {
      name: 'award: not joined, nothing',
      quote: ROW26_AWARD,
      rule: joinedTown,
      item: { max: 2, bonusMax: 3 },
      record: { facts: { joinedTownCreation: false } },
      want: { lines: [], total: 2 },
    },
    {
      name: 'award and deduction on one item: 卫生镇 +1, 卫生村 +0.5',
      quote: ROW26_AWARD,
      rules: [joinedTown, { kind: 'fixed', points: 0.5, effect: 'award', when: { fact: 'joinedVillageCreation', operator: 'equal', value: true } }],
      item: { max: 2, bonusMax: 3 },
      record: { facts: { joinedTownCreation: true, joinedVillageCreation: true } },
      want: { lines: [{ type: 'award', points: 1 }, { type: 'award', points: 0.5 }], total: 3.5 },
    },
    {
      name: 'award triggered by a finding',
      quote: ROW26_AWARD,
      rule: { kind: 'fixed', points: 1, effect: 'award' },
      item: { max: 2, bonusMax: 3 },
      record: { findings: [{ note: '参与创建卫生镇' }] },
      want: { lines: [{ type: 'award', points: 1 }], total: 3 },
    },
    {
      name: 'accumulate mode: the deduction is a penalty point added',
      quote: ROW3,
      rule: notPosted,
      mode: 'accumulate',
      record: { findings: [{}] },
      want: { lines: [{ type: 'deduction', points: 0.5 }], total: 0.5 },
    },
    {
      name: 'points: null with a finding — the points are unknown: indeterminate, never 0',
      quote: ROW14,
      rule: { kind: 'fixed', points: null },
      item: { max: 8 },
      record: { findings: [{ note: '登记不全' }] },
      want: { lines: [], complete: false, verdict: 'indeterminate', reasons: ['line.fixed_unknown'] },
    },
    {
      name: 'points: null without a finding — nothing to price: complete',
      quote: ROW14,
      rule: { kind: 'fixed', points: null },
      item: { max: 8 },
      record: {},
      want: { lines: [], total: 8, complete: true, verdict: 'pass' },
    },
    {
      name: 'points: null with `when` false — nothing to price',
      quote: ROW14,
      rule: { kind: 'fixed', points: null, when: { fact: 'ledgersComplete', operator: 'equal', value: false } },
      item: { max: 8 },
      record: { facts: { ledgersComplete: true } },
      want: { lines: [], total: 8, verdict: 'pass' },
    },
    {
      name: 'evidence required and none shown: the item scores nothing',
      quote: { text: '均必须提供书面文字材料，否则该项不得分', source: 'cn-standards.md §1 表尾注2' },
      rule: { kind: 'fixed', points: 2 },
      item: { max: 2, evidence: 'required' },
      record: { findings: [{ evidence: false }] },
      want: { lines: [{ type: 'deduction', points: -2, reason: 'line.evidence_missing' }], total: 0 },
    },
  ],
});
