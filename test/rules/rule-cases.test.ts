/**
 * The rule-case helper itself: a table with a duplicate case or a case that asserts nothing fails at
 * registration (before any test is registered), a wrong expectation fails its test, and every
 * registered rule kind has its table.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_KIND_NAMES } from '../../src/rules/index.js';
import {
  RuleCaseError,
  ruleCases,
  runInvalidCase,
  runScoringCase,
  runValidCase,
  type RuleCaseTable,
  type ScoringCase,
} from '../support/rule-cases.js';

const ROW3 = { text: '未公示的扣0.5分。', source: 'cn-standards.md §1 row 3' };
const notPosted = { kind: 'fixed', points: 0.5 } as const;
const scoring: ScoringCase = {
  name: 'a finding costs the fixed points',
  quote: ROW3,
  rule: notPosted,
  item: { max: 0.5 },
  record: { findings: [{}] },
  want: { lines: [{ type: 'deduction', points: -0.5 }], total: 0 },
};
/** A good table; each test below breaks one thing. */
const table: RuleCaseTable = {
  valid: [notPosted],
  invalid: [{ rule: { kind: 'fixed' }, code: 'missing_key', path: 'points' }],
  scoring: [scoring],
};

/** Calls ruleCases with a bad table: it must throw a RuleCaseError before registering any test. */
const register = (t: RuleCaseTable, kind: Parameters<typeof ruleCases>[0] = 'fixed') => () => ruleCases(kind, t);

describe('ruleCases rejects a bad table at registration', () => {
  it('a duplicate scoring case name', () => {
    const t = { ...table, scoring: [scoring, { ...scoring, record: { findings: [{ count: 2 }] } }] };
    expect(register(t)).toThrow(RuleCaseError);
    expect(register(t)).toThrow(/duplicate case name "scoring: a finding costs the fixed points"/);
  });

  it('a duplicate scoring case by content (another name, the same rule, item and record)', () => {
    const t = { ...table, scoring: [scoring, { ...scoring, name: 'the same again', want: { total: 0 } }] };
    expect(register(t)).toThrow(/scoring\[1\] "the same again": duplicate case — same content as fixed scoring\[0\]/);
  });

  it('a duplicate by content even with its keys in another order', () => {
    const reordered: ScoringCase = { ...scoring, name: 'reordered', rule: { points: 0.5, kind: 'fixed' }, item: { max: 0.5 } };
    expect(register({ ...table, scoring: [scoring, reordered] })).toThrow(/duplicate case — same content/);
  });

  it('a duplicate valid rule, and a rule both valid and invalid', () => {
    expect(register({ ...table, valid: [notPosted, { points: 0.5, kind: 'fixed' }] })).toThrow(/valid\[1\]: duplicate case/);
    expect(register({ ...table, invalid: [...table.invalid, { rule: notPosted, code: 'invalid_value' }] })).toThrow(/invalid\[1\]: duplicate case/);
  });

  it('a duplicate invalid case name', () => {
    const t: RuleCaseTable = {
      ...table,
      invalid: [
        { name: 'no points', rule: { kind: 'fixed' }, code: 'missing_key', path: 'points' },
        { name: 'no points', rule: { kind: 'fixed', points: 'x' }, code: 'invalid_type', path: 'points' },
      ],
    };
    expect(register(t)).toThrow(/duplicate case name "invalid: no points"/);
  });

  it('a scoring case that asserts nothing: no want, an empty want, a want of undefineds', () => {
    const { want: _omitted, ...noWant } = scoring;
    expect(register({ ...table, scoring: [noWant as ScoringCase] })).toThrow(/asserts nothing/);
    expect(register({ ...table, scoring: [{ ...scoring, want: {} }] })).toThrow(/asserts nothing/);
    expect(register({ ...table, scoring: [{ ...scoring, want: { lines: undefined, total: undefined } }] })).toThrow(/asserts nothing/);
  });

  it('an invalid case without its expected code, and a valid case without a rule', () => {
    const noCode = { rule: { kind: 'fixed' }, path: 'points' } as unknown as RuleCaseTable['invalid'][number];
    expect(register({ ...table, invalid: [noCode] })).toThrow(/asserts nothing — give the expected diagnostic `code`/);
    expect(register({ ...table, valid: [{ rule: '' }] })).toThrow(/has no rule/);
    expect(register({ ...table, valid: [{} as never] })).toThrow(/has no rule|kind-less/);
  });

  it('a rejected record that also wants a scorecard', () => {
    const t = { ...table, scoring: [{ ...scoring, want: { problems: ['findings[0].points'], total: 0 } }] };
    expect(register(t)).toThrow(/a rejected record has no scorecard, yet the case wants total/);
  });

  it('a scoring case without a quote of the real line, or with one that is not the Chinese text', () => {
    const { quote: _q, ...noQuote } = scoring;
    expect(register({ ...table, scoring: [noQuote as ScoringCase] })).toThrow(/quote: \{ text, source \}/);
    expect(register({ ...table, scoring: [{ ...scoring, quote: { text: 'not posted: 0.5', source: '§1 row 3' } }] })).toThrow(/not a line of the Chinese source/);
    expect(register({ ...table, scoring: [{ ...scoring, quote: { text: ROW3.text, source: ' ' } }] })).toThrow(/needs its source/);
  });

  it('a rule of another kind in the table, an empty section, an unknown kind', () => {
    expect(register({ ...table, valid: [{ kind: 'bonus', points: 0.2 }] })).toThrow(/a bonus rule in the fixed table/);
    expect(register({ ...table, scoring: [{ ...scoring, rule: { kind: 'bonus', points: 0.2 } }] })).toThrow(/none of the case's rules is a fixed rule/);
    expect(register({ ...table, scoring: [] })).toThrow(/the table has no scoring cases/);
    expect(register(table, 'fixd' as never)).toThrow(/"fixd" is not a registered rule kind/);
  });

  it('lists every bad case at once', () => {
    const t = { ...table, scoring: [scoring, scoring, { ...scoring, name: 'empty', want: {} }] };
    expect(register(t)).toThrow(/2 bad case\(s\)/);
  });
});

describe('a wrong expectation fails its test', () => {
  it('scoring: a wrong total, a wrong line, a missing line, an unexpected rejection', () => {
    expect(() => runScoringCase({ ...scoring, want: { total: 0.5 } })).toThrow();
    expect(() => runScoringCase({ ...scoring, want: { lines: [{ type: 'deduction', points: -0.4 }] } })).toThrow();
    expect(() => runScoringCase({ ...scoring, want: { lines: [] } })).toThrow();
    expect(() => runScoringCase({ ...scoring, want: { lines: [{ type: 'deduction', points: -0.5, reason: 'line.fixed_award' }] } })).toThrow();
    expect(() => runScoringCase({ ...scoring, want: { problems: ['findings[0].points'] } })).toThrow(/was scored, want it rejected/);
    expect(() => runScoringCase({ ...scoring, want: { verdict: 'fail' } })).toThrow();
    expect(() => runScoringCase({ ...scoring, want: { reasons: ['line.fixed'] } })).toThrow();
  });

  it('scoring: points are compared exactly, not closely', () => {
    expect(() => runScoringCase({ ...scoring, want: { total: 0.0000001 } })).toThrow();
    expect(() => runScoringCase(scoring)).not.toThrow();
  });

  it('valid: a rule the loader rejects', () => {
    expect(() => runValidCase({ kind: 'fixed', points: -1 })).toThrow(/the rule was rejected/);
    expect(() => runValidCase(notPosted)).not.toThrow();
  });

  it('invalid: a rule the loader accepts, another code, another path', () => {
    expect(() => runInvalidCase({ rule: notPosted, code: 'missing_key' })).toThrow(/the rule was accepted/);
    expect(() => runInvalidCase({ rule: { kind: 'fixed' }, code: 'invalid_type', path: 'points' })).toThrow();
    expect(() => runInvalidCase({ rule: { kind: 'fixed' }, code: 'missing_key', path: 'effect' })).toThrow();
    expect(() => runInvalidCase({ rule: { kind: 'fixed' }, code: 'missing_key', path: 'points' })).not.toThrow();
  });
});

describe('one test table per rule kind', () => {
  it.each(RULE_KIND_NAMES)('test/rules/%s.test.ts registers ruleCases for its kind', (kind) => {
    const file = fileURLToPath(new URL(`./${kind}.test.ts`, import.meta.url));
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`ruleCases('${kind}', {`);
  });
});
