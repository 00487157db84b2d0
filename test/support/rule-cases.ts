/**
 * RuleTester-style tables, one per rule kind (ESLint's RuleTester): "adding a kind is one file, one
 * registry line, one test table". A table is
 *
 * ```ts
 * ruleCases('fixed', {
 *   valid: [{ kind: 'fixed', points: 0.5 }],                                  // must load
 *   invalid: [{ rule: { kind: 'fixed' }, code: 'missing_key', path: 'points' }], // must be rejected, exactly so
 *   scoring: [{ name, quote: { text: '未公示的扣0.5分', source: 'cn-standards.md §1 row 3' },
 *               rule: { kind: 'fixed', points: 0.5 }, item: { max: 0.5 }, record: { findings: [{}] },
 *               want: { lines: [{ type: 'deduction', points: -0.5 }], total: 0 } }],
 * });
 * ```
 *
 * Every rule goes through the whole loader path: it is written into a minimal standard as YAML text
 * (one category `cat`, one item `it`, deduct mode unless the case says otherwise), loaded with
 * `parseStandard`, compiled with `compileStandard`; a scoring case's record is validated with
 * `InspectionRecordSchema` and scored with `scoreRecord` — through the generated code, and again through
the interpreter (`codegen: false`), which must give the same result. Points are compared exactly (`toEqual` /
 * `toBe` on the decimals the engine returns), never with `toBeCloseTo`.
 *
 * The table is checked before any test is registered; `ruleCases` throws (and so the test file fails
 * to collect) on a duplicate case — same name, or same content — and on a case that asserts nothing.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { z } from 'zod';
import { compileStandard, parseStandard, scoreRecord, type Diagnostic, type DiagnosticCode, type InspectionRecordInput, type LineType, type Scorecard, type Verdict } from '../../src/index.js';
import { formatPath, makeDiagnostic } from '../../src/diagnostics.js';
import { InspectionRecordSchema } from '../../src/record-schema.js';
import { RULE_KIND_NAMES, type RuleKindName, type RuleSchema } from '../../src/rules/index.js';
import { toPoints } from '../../src/points.js';
import { problemsOf } from './problems.js';

/** A rule as written in a standard (defaults not yet applied). */
export type RuleInput = z.input<typeof RuleSchema>;

/** The real line a case models, and where it is written (e.g. `cn-standards.md §1 row 3`). */
export interface Quote {
  readonly text: string;
  readonly source: string;
}

/** A rule that must load: the rule itself (an object or YAML text), or the rule with a name and quote. */
export type ValidCase = RuleInput | string | { readonly name?: string; readonly quote?: Quote; readonly rule: RuleInput | string };

export interface InvalidCase {
  readonly name?: string;
  readonly quote?: Quote;
  /** Anything: an object (written out as YAML) or YAML text. */
  readonly rule: unknown;
  /** The one error diagnostic the loader must give. */
  readonly code: DiagnosticCode;
  /**
   * Its path inside the rule, as `formatPath` writes it: `points`, `points.min`, `when.all[0]`; '' (the
   * default) for the rule itself; `/` + the whole path for one outside the rule (`/` = the document).
   */
  readonly path?: string;
}

type FindingInput = NonNullable<InspectionRecordInput['findings']>[number];

/** A partial record: unit and date are filled in, and a finding's `item` defaults to the case's item. */
export type RecordPatch = Partial<Omit<InspectionRecordInput, 'findings'>> & {
  readonly findings?: readonly (Omit<FindingInput, 'item'> & { readonly item?: string })[];
};

export interface WantLine {
  readonly type: LineType;
  readonly points: number;
  /** The line's messageId (`line.cap_rule`), when the case cares. */
  readonly reason?: string;
}

export interface Want {
  /** Exactly the lines of the case's item, in order. */
  readonly lines?: readonly WantLine[];
  readonly total?: number;
  readonly verdict?: Verdict;
  readonly complete?: boolean;
  /** The record is rejected with problems on exactly these fields (`findings[0].points`). */
  readonly problems?: readonly string[];
  /** Exactly the verdict reasons' messageIds, in order. */
  readonly reasons?: readonly string[];
}

export interface ScoringCase {
  readonly name: string;
  readonly quote: Quote;
  /** The rule under test (the item's only rule), or… */
  readonly rule?: RuleInput | string;
  /** …the item's whole rule list, in the order written (at least one of them of the table's kind). */
  readonly rules?: readonly (RuleInput | string)[];
  /** The item's maxima (its floor and bonus cap); `evidence: required` for 无书面材料该项不得分. */
  readonly item?: { readonly max?: number; readonly bonusMax?: number; readonly evidence?: 'required' | 'optional' };
  readonly mode?: 'deduct' | 'accumulate' | 'award';
  readonly record?: RecordPatch;
  readonly want: Want;
}

export interface RuleCaseTable {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
  readonly scoring: readonly ScoringCase[];
}

/** The case's standard: its ids, and what the fixture declares for rules to refer to. */
export const CATEGORY = 'cat';
export const ITEM = 'it';
export const RULE_PATH = 'categories[0].items[0].rules[0]';
/** Inspection kinds (digest-000-001.md §1.4): 不定时随查, 周一定期检查, 重大活动; event levels 县/市/省/国家. */
export const FIXTURE_KINDS = ['random', 'scheduled', 'event'] as const;
export const FIXTURE_LEVELS = ['county', 'city', 'province', 'national'] as const;
/** Indicators a rule may read (`of: { indicator: … }`): percents, a ratio (0–1) and a count. */
export const FIXTURE_INDICATORS = [
  { id: 'roadHardeningRate', name: { 'zh-CN': '道路硬底化率' }, unit: 'percent' },
  { id: 'sanitaryToiletRate', name: { 'zh-CN': '农村卫生厕所普及率' }, unit: 'percent' },
  { id: 'patrolCompletionRate', name: { 'zh-CN': '巡查（访）户次完成率' }, unit: 'percent' },
  { id: 'staffCertificateRate', name: { 'zh-CN': '从业人员持证率' }, unit: 'percent' },
  { id: 'tapWaterShare', name: { en: 'tap water share' }, unit: 'ratio' },
  { id: 'cluesReported', name: { 'zh-CN': '报告的协管信息线索' }, unit: 'count' },
] as const;
/** Named conditions (`{ condition: noEmergency }`). */
export const FIXTURE_CONDITIONS = {
  noEmergency: { fact: 'emergencyOccurred', operator: 'equal', value: false },
  noCreationTask: { fact: 'creationTask', operator: 'equal', value: false },
} as const;

export class RuleCaseError extends Error {
  override name = 'RuleCaseError';
}

// ---------------------------------------------------------------------------------------------
// Checking a table (before any test is registered)
// ---------------------------------------------------------------------------------------------

interface Checked {
  readonly valid: readonly { title: string; rule: unknown }[];
  readonly invalid: readonly (InvalidCase & { title: string })[];
  readonly scoring: readonly (ScoringCase & { rules: readonly (RuleInput | string)[] })[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const CJK = /[\u3400-\u9fff]/u;

/** JSON with sorted keys, so `{ a, b }` and `{ b, a }` are the same content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

function oneLine(value: unknown): string {
  const text = typeof value === 'string' ? value.replace(/\s*\n\s*/g, ' ').trim() : canonical(value);
  return text.length > 90 ? `${text.slice(0, 87)}…` : text;
}

/** The kind a rule says it is (from an object or from `kind:` in YAML text). */
function kindOf(rule: unknown): string | undefined {
  if (isObject(rule)) return typeof rule.kind === 'string' ? rule.kind : undefined;
  if (typeof rule === 'string') return /(?:^|[\s{,])kind:\s*["']?([\w-]+)/.exec(rule)?.[1];
  return undefined;
}

function assertsNothing(want: unknown): boolean {
  return !isObject(want) || Object.values(want).every((v) => v === undefined);
}

function checkQuote(quote: unknown, where: string, fail: (m: string) => never): void {
  if (!isObject(quote) || typeof quote.text !== 'string' || typeof quote.source !== 'string') {
    fail(`${where}: give \`quote: { text, source }\` — the real line the case models and where it is written`);
  }
  if (!CJK.test(quote.text as string)) fail(`${where}: the quote "${String(quote.text)}" is not a line of the Chinese source`);
  if ((quote.source as string).trim() === '') fail(`${where}: the quote needs its source`);
}

/** Validates a table and normalizes its cases; throws a RuleCaseError listing every problem. */
export function checkRuleCases(kind: string, table: RuleCaseTable): Checked {
  const problems: string[] = [];
  const fail = (message: string): never => {
    throw new RuleCaseError(message);
  };
  const collect = (f: () => void) => {
    try {
      f();
    } catch (error) {
      if (!(error instanceof RuleCaseError)) throw error;
      problems.push(error.message);
    }
  };

  if (!(RULE_KIND_NAMES as readonly string[]).includes(kind)) {
    throw new RuleCaseError(`ruleCases: "${kind}" is not a registered rule kind (${RULE_KIND_NAMES.join(', ')})`);
  }
  for (const section of ['valid', 'invalid', 'scoring'] as const) {
    if (!Array.isArray(table[section]) || table[section].length === 0) problems.push(`${kind}: the table has no ${section} cases`);
  }

  const names = new Map<string, string>();
  const contents = new Map<string, string>();
  const unique = (where: string, name: string, content: string) => {
    const byName = names.get(name);
    if (byName !== undefined) fail(`${where}: duplicate case name "${name}" (first: ${byName})`);
    names.set(name, where);
    const byContent = contents.get(content);
    if (byContent !== undefined) fail(`${where}: duplicate case — same content as ${byContent}`);
    contents.set(content, where);
  };
  const ruleOfKind = (where: string, rule: unknown) => {
    if (rule === undefined || rule === null || (typeof rule === 'string' && rule.trim() === '') || (isObject(rule) && Object.keys(rule).length === 0)) {
      fail(`${where}: the case has no rule, so it asserts nothing`);
    }
    const written = kindOf(rule);
    if (written !== kind) fail(`${where}: a ${written ?? 'kind-less'} rule in the ${kind} table`);
  };

  const valid: { title: string; rule: unknown }[] = [];
  (table.valid ?? []).forEach((c, i) =>
    collect(() => {
      const where = `${kind} valid[${i}]`;
      const wrapped = isObject(c) && 'rule' in c;
      const rule = wrapped ? (c as { rule: unknown }).rule : c;
      const name = wrapped ? (c as { name?: string }).name : undefined;
      if (wrapped && (c as { quote?: unknown }).quote !== undefined) checkQuote((c as { quote?: unknown }).quote, where, fail);
      ruleOfKind(where, rule);
      const title = name ?? oneLine(rule);
      // Same rule in valid and invalid is a contradiction: both sections share one content space.
      unique(where, `valid: ${title}`, `rule:${canonical(rule)}`);
      valid.push({ title, rule });
    }),
  );

  const invalid: (InvalidCase & { title: string })[] = [];
  (table.invalid ?? []).forEach((c, i) =>
    collect(() => {
      const where = `${kind} invalid[${i}]`;
      if (!isObject(c)) fail(`${where}: an invalid case is { rule, code, path? }`);
      if (c.quote !== undefined) checkQuote(c.quote, where, fail);
      if (c.rule === undefined || c.rule === null || (typeof c.rule === 'string' && c.rule.trim() === '')) fail(`${where}: the case has no rule`);
      if (typeof c.code !== 'string' || (c.code as string) === '') fail(`${where}: the case asserts nothing — give the expected diagnostic \`code\``);
      const title = c.name ?? `${oneLine(c.rule)} → ${c.code}${c.path ? ` at ${c.path}` : ''}`;
      unique(where, `invalid: ${title}`, `rule:${canonical(c.rule)}`);
      invalid.push({ ...c, title });
    }),
  );

  const scoring: (ScoringCase & { rules: readonly (RuleInput | string)[] })[] = [];
  (table.scoring ?? []).forEach((c, i) =>
    collect(() => {
      const where = `${kind} scoring[${i}]${isObject(c) && typeof c.name === 'string' ? ` "${c.name}"` : ''}`;
      if (!isObject(c)) fail(`${where}: a scoring case is { name, quote, rule, record, want }`);
      if (typeof c.name !== 'string' || c.name.trim() === '') fail(`${where}: a scoring case needs a name`);
      checkQuote(c.quote, where, fail);
      if ((c.rule === undefined) === (c.rules === undefined)) fail(`${where}: give exactly one of \`rule\` or \`rules\``);
      const rules = c.rule !== undefined ? [c.rule] : [...(c.rules ?? [])];
      if (rules.length === 0) fail(`${where}: the case has no rule, so it asserts nothing`);
      if (!rules.some((r) => kindOf(r) === kind)) fail(`${where}: none of the case's rules is a ${kind} rule`);
      for (const r of rules) {
        if (isObject(r) && Object.keys(r).length === 0) fail(`${where}: an empty rule`);
      }
      if (assertsNothing(c.want)) fail(`${where}: the case asserts nothing — \`want\` needs lines, total, verdict, complete, problems or reasons`);
      const want = c.want;
      if (want.problems !== undefined && want.problems.length > 0) {
        const scored = (['lines', 'total', 'verdict', 'complete', 'reasons'] as const).filter((k) => want[k] !== undefined);
        if (scored.length > 0) fail(`${where}: a rejected record has no scorecard, yet the case wants ${scored.join(', ')}`);
      }
      unique(where, `scoring: ${c.name}`, `scoring:${canonical({ rules, item: c.item ?? {}, mode: c.mode ?? 'deduct', record: c.record ?? {} })}`);
      scoring.push({ ...c, rules });
    }),
  );

  if (problems.length > 0) throw new RuleCaseError(`ruleCases(${kind}): ${problems.length} bad case(s):\n  ${problems.join('\n  ')}`);
  return { valid, invalid, scoring };
}

// ---------------------------------------------------------------------------------------------
// Building the minimal standard and running one case
// ---------------------------------------------------------------------------------------------

/** A rule as YAML text: objects are written with `yaml`; text is used as written. */
function ruleYaml(rule: unknown): string {
  return typeof rule === 'string' ? rule : stringify(rule, { lineWidth: 0 });
}

/** The minimal standard around `rules`, as YAML text. */
export function standardText(rules: readonly unknown[], item: ScoringCase['item'] = {}, mode: ScoringCase['mode'] = 'deduct'): string {
  const head = stringify(
    {
      id: 'rule-case',
      version: '1',
      name: { en: 'rule case' },
      scoring: { mode },
      kinds: FIXTURE_KINDS.map((id) => ({ id })),
      levels: FIXTURE_LEVELS.map((id) => ({ id })),
      indicators: FIXTURE_INDICATORS,
      conditions: FIXTURE_CONDITIONS,
    },
    { lineWidth: 0 },
  );
  const maxima = (n: number, own = false) =>
    [
      item.max !== undefined ? `max: ${item.max}` : '',
      item.bonusMax !== undefined ? `bonusMax: ${item.bonusMax}` : '',
      own && item.evidence !== undefined ? `evidence: ${item.evidence}` : '',
    ]
      .filter(Boolean)
      .map((l) => `${' '.repeat(n)}${l}\n`)
      .join('');
  const ruleList = rules
    .map((rule) => {
      const [first, ...rest] = ruleYaml(rule).replace(/\n$/, '').split('\n');
      return [`          - ${first}`, ...rest.map((l) => (l === '' ? l : `            ${l}`))].join('\n');
    })
    .join('\n');
  return (
    head +
    'categories:\n' +
    `  - id: ${CATEGORY}\n` +
    '    name: { en: category }\n' +
    maxima(4) +
    '    items:\n' +
    `      - id: ${ITEM}\n` +
    '        name: { en: item }\n' +
    maxima(8, true) +
    '        rules:\n' +
    ruleList +
    '\n'
  );
}

function load(text: string, file: string) {
  return parseStandard(text, { file });
}

const describeDiagnostics = (ds: readonly Diagnostic[]) => ds.map((d) => `  ${d.code} at ${formatPath(d.path)}: ${d.message}`).join('\n');

/** The diagnostic's path relative to the rule ('' = the rule itself); a path outside the rule is absolute: `/` + its whole path (`/` = the document). */
function relativePath(path: Diagnostic['path']): string {
  const full = formatPath(path);
  if (full === RULE_PATH) return '';
  if (full.startsWith(`${RULE_PATH}.`)) return full.slice(RULE_PATH.length + 1);
  if (full.startsWith(`${RULE_PATH}[`)) return full.slice(RULE_PATH.length);
  return `/${full}`;
}

export function runValidCase(rule: unknown): void {
  const text = standardText([rule]);
  const result = load(text, 'valid-case.yaml');
  if (!result.ok) throw new Error(`the rule was rejected:\n${describeDiagnostics(result.diagnostics)}\n--- standard ---\n${text}`);
  expect(result.standard.categories[0]!.items[0]!.rules).toHaveLength(1);
  expect(result.standard.categories[0]!.items[0]!.rules[0]!.kind).toBe(kindOf(rule));
  // It must compile too: a schema that admits what the kind cannot compile is a bug.
  expect(() => compileStandard(result.standard)).not.toThrow();
}

export function runInvalidCase(c: InvalidCase): void {
  const text = standardText([c.rule]);
  const result = load(text, 'invalid-case.yaml');
  if (result.ok) throw new Error(`the rule was accepted, want ${c.code}${c.path !== undefined ? ` at ${c.path}` : ''}\n--- standard ---\n${text}`);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => ({ code: d.code, path: relativePath(d.path) })), describeDiagnostics(result.diagnostics)).toEqual([
    { code: c.code, path: c.path ?? '' },
  ]);
}

/** Builds the record of a case: unit and date filled in, findings against the case's item. */
export function caseRecord(patch: RecordPatch = {}): InspectionRecordInput {
  const { findings, ...rest } = patch;
  return {
    unit: { id: 'unit-1' },
    date: '2024-03-04',
    ...rest,
    findings: (findings ?? []).map((f) => ({ item: ITEM, ...f })),
  };
}

/** Scores a case's record; returns the scorecard, or the problems when the record is rejected. */
export function scoreCase(c: Pick<ScoringCase, 'rules' | 'rule' | 'item' | 'mode' | 'record'>) {
  const rules = c.rules ?? (c.rule !== undefined ? [c.rule] : []);
  const text = standardText(rules, c.item, c.mode);
  const loaded = load(text, 'scoring-case.yaml');
  if (!loaded.ok) throw new Error(`the case's standard does not load:\n${describeDiagnostics(loaded.diagnostics)}\n--- standard ---\n${text}`);
  const scorer = compileStandard(loaded.standard);
  // A record the record schema refuses (points finer than 0.0001) is rejected on its fields, as the CLI does.
  const parsed = InspectionRecordSchema.safeParse(caseRecord(c.record));
  if (!parsed.success) return { ok: false as const, diagnostics: parsed.error.issues.map((i) => makeDiagnostic({ code: 'record_invalid', file: '<inline>', line: 1, column: 1, path: i.path as (string | number)[] }, 'en')) };
  const result = scoreRecord(scorer, parsed.data);
  // Every case also through the interpreter (docs/compiled.md): the generated code must not differ from it.
  expect(scoreRecord(compileStandard(loaded.standard, { codegen: false }), parsed.data), 'the interpreter differs from the generated code').toStrictEqual(result);
  return result;
}

export function runScoringCase(c: ScoringCase): void {
  const result = scoreCase(c);
  const want = c.want;
  const context = `${c.name} — ${c.quote.text} (${c.quote.source})`;
  if (want.problems !== undefined && want.problems.length > 0) {
    if (result.ok) throw new Error(`${context}: the record was scored, want it rejected on ${want.problems.join(', ')}`);
    expect(problemsOf(result).map((p) => p.field), context).toEqual(want.problems);
    return;
  }
  if (!result.ok) throw new Error(`${context}: the record was rejected:\n${problemsOf(result).map((p) => `  ${p.field}: ${p.message.messageId}`).join('\n')}`);
  const card = result.scorecard;
  checkLinesAddUp(card);
  if (want.lines !== undefined) {
    const lines = card.lines
      .filter((l) => l.item === ITEM)
      .map((l, i) => {
        const wanted = want.lines![i];
        return { type: l.type, points: l.points, ...(wanted?.reason !== undefined ? { reason: l.reason.messageId } : {}) };
      });
    expect(lines, context).toEqual(want.lines.map((l) => ({ ...l })));
  }
  if (want.total !== undefined) expect(card.total, context).toBe(want.total);
  if (want.verdict !== undefined) expect(card.verdict, context).toBe(want.verdict);
  if (want.complete !== undefined) expect(card.complete, context).toBe(want.complete);
  if (want.reasons !== undefined) expect(card.reasons.map((r) => r.messageId), context).toEqual(want.reasons);
}

/** Σ line points = total − base, exactly (the scorecard's own invariant), for every case. */
function checkLinesAddUp(card: Scorecard): void {
  const sum = card.lines.reduce((s, l) => s + toPoints(l.points)!, 0);
  expect(sum, 'Σ line points = total − base').toBe(toPoints(card.total)! - toPoints(card.base)!);
}

// ---------------------------------------------------------------------------------------------
// Registering
// ---------------------------------------------------------------------------------------------

/** Checks the table (throwing on a bad one), then registers its tests under `rule kind <name>`. */
export function ruleCases(kind: RuleKindName, table: RuleCaseTable): void {
  const checked = checkRuleCases(kind, table);
  describe(`rule kind ${kind}`, () => {
    describe('valid', () => {
      for (const c of checked.valid) it(c.title, () => runValidCase(c.rule));
    });
    describe('invalid', () => {
      for (const c of checked.invalid) it(c.title, () => runInvalidCase(c));
    });
    describe('scoring', () => {
      for (const c of checked.scoring) it(c.name, () => runScoringCase(c));
    });
  });
}
