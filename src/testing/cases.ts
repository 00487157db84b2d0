/**
 * Test cases for a standard (as `opa test` for policies, ESLint's RuleTester for rules): a record
 * and what the standard must give for it. Pure: the CLI reads the files.
 */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { formatPath, makeDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { Locale } from '../messages/locales.js';
import type { Message } from '../messages/types.js';
import { schemaIssueMessage } from '../records/validate.js';
import { DocumentPositions } from '../positions.js';
import type { InspectionRecord } from '../record-schema.js';
import { checkRecordSchema, type RecordCheck } from '../records/validate.js';
import { renderMessage } from '../messages/render.js';
import type { Scorer } from '../compile/standard.js';
import { scoreRecord } from '../score/batch.js';
import { scoreHistory, usesHistory } from '../history/history.js';
import type { Scorecard } from '../score/scorecard.js';
import { roundPoints } from '../points.js';

const LineExpectation = z.strictObject({
  item: z.string().min(1).optional(),
  type: z.enum(['deduction', 'award', 'veto', 'prerequisite_unmet', 'not_applicable', 'capped', 'threshold_unmet']).optional(),
  points: z.number().optional(),
  rule: z.string().min(1).optional(),
});

export const ExpectationSchema = z.strictObject({
  total: z.number().optional(),
  band: z.string().nullable().optional(),
  verdict: z.enum(['pass', 'fail', 'indeterminate', 'not_eligible']).optional(),
  /** Lines that must appear (each matched on the fields given). */
  lines: z.array(LineExpectation).optional(),
  /** Lines that must not appear. */
  notLines: z.array(LineExpectation).optional(),
  /** Derived outcomes: id → tier id (or null). */
  outcomes: z.record(z.string(), z.string().nullable()).optional(),
  /** The record must be rejected, with problems on these fields. */
  rejected: z.array(z.string()).optional(),
  /** Charges that must appear (each matched on the fields given; amounts exact). */
  charges: z.array(z.strictObject({ party: z.string().min(1).optional(), who: z.string().min(1).optional(), amount: z.number().optional(), unit: z.enum(['points', 'yuan']).optional(), item: z.string().min(1).optional() })).optional(),
  /** Where the record stands in its unit's re-inspection cycle (band ids; null: none). */
  cycle: z
    .strictObject({ position: z.enum(['initial', 'reinspection']).optional(), pending: z.boolean().optional(), grade: z.string().nullable().optional(), carried: z.string().nullable().optional(), previous: z.string().nullable().optional() })
    .optional(),
});

export const TestCaseSchema = z.strictObject({
  name: z.string().min(1),
  /** Run this case under another standard (an overlay that fills numbers the shipped one leaves unset), relative to the test file. */
  standard: z.string().min(1).optional(),
  record: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
  /** The unit's earlier records (inline), scored first with their history: rectification, repeats (docs/rectification.md). */
  history: z.array(z.record(z.string(), z.unknown())).optional(),
  expect: ExpectationSchema,
});

export const TestFileSchema = z.strictObject({
  /** The standard under test (a path relative to this file); default: `../<id>.yaml` from the file name. */
  standard: z.string().min(1).optional(),
  cases: z.array(TestCaseSchema).min(1),
});

export type Expectation = z.output<typeof ExpectationSchema>;
export type TestCase = z.output<typeof TestCaseSchema>;

export interface LocatedCase extends TestCase {
  readonly line: number;
  readonly index: number;
  /** Where the case's `standard:` is written, when it names one. */
  readonly standardAt?: { readonly line: number; readonly column: number };
}

export interface Mismatch {
  /** What differs: `total`, `verdict`, `band`, `line`, `rejected`, `outcome <id>`; `notLines`: a line was there that `expected` says must not be. */
  readonly what: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

export interface CaseResult {
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly passed: boolean;
  readonly mismatches: readonly Mismatch[];
  /** Rule paths and outcome ids the case exercised (for --coverage). */
  readonly exercised: readonly string[];
  readonly error?: string;
}

export interface TestFileOptions {
  /** Shown in diagnostics; '<inline>' by default. */
  readonly file?: string;
  readonly locale?: Locale;
}

/**
 * Parses a standard's test file; on failure, every problem at once, each a `test_file` Diagnostic
 * with line:col and path.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { formatDiagnostic } from 'scoresheet';
 * import { parseTestFile } from 'scoresheet/testing';
 *
 * const file = 'standards/tests/school-hygiene.test.yaml';
 * const parsed = parseTestFile(readFileSync(file, 'utf8'), { file });
 * if (parsed.ok) console.log(parsed.cases.length);
 * else console.error(parsed.diagnostics.map(formatDiagnostic).join('\n'));
 * ```
 */
export function parseTestFile(
  text: string,
  options: TestFileOptions = {},
): { ok: true; standard?: string; standardAt?: { line: number; column: number }; cases: LocatedCase[] } | { ok: false; diagnostics: Diagnostic[] } {
  const file = options.file ?? '<inline>';
  const locale = options.locale ?? 'en';
  const problem = (at: { line: number; column: number }, path: (string | number)[], message: Message): Diagnostic =>
    makeDiagnostic({ code: 'test_file', file, ...at, path, message }, locale);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const positions = new DocumentPositions(doc, lineCounter, text);
  if (doc.errors.length > 0) {
    return { ok: false, diagnostics: doc.errors.map((e) => problem(positions.atOffset(e.pos[0]), [], { messageId: 'diagnostic.yaml_syntax', data: { detail: e.message.split('\n')[0]!, yamlCode: e.code } })) };
  }
  const parsed = TestFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const diagnostics = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      // An unknown key points at the key itself; anything else at its node (or nearest ancestor).
      const at = issue.code === 'unrecognized_keys' ? positions.atKey(path, issue.keys[0]!) : positions.atPath(path);
      const missing = issue.code !== 'unrecognized_keys' && path.length > 0 && !doc.hasIn(path);
      const message: Message =
        issue.code === 'unrecognized_keys'
          ? { messageId: 'test.unknown_keys', data: { keys: issue.keys.join(', ') } }
          : missing
            ? { messageId: 'test.missing_key', data: { key: String(path.at(-1)) } }
            : schemaIssueMessage(issue);
      return problem(at, path, message);
    });
    return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  }
  const casesNode = isMap(doc.contents) ? doc.contents.get('cases', true) : undefined;
  const cases = parsed.data.cases.map((c, i) => {
    const node = isSeq(casesNode) ? casesNode.items[i] : undefined;
    const range = node && typeof node === 'object' && 'range' in node ? (node.range as [number, number, number] | null | undefined) : undefined;
    const offset = range ? range[0] : 0;
    return { ...c, line: lineCounter.linePos(offset).line, index: i, ...(c.standard !== undefined ? { standardAt: positions.atPath(['cases', i, 'standard']) } : {}) };
  });
  return { ok: true, ...(parsed.data.standard ? { standard: parsed.data.standard, standardAt: positions.atPath(['standard']) } : {}), cases };
}

/** A case that expects nothing is an error, not a pass. */
export function expectsSomething(e: Expectation): boolean {
  return Object.values(e).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0));
}


function lineMatches(line: Scorecard['lines'][number], want: z.output<typeof LineExpectation>): boolean {
  return (
    (want.item === undefined || line.item === want.item) &&
    (want.type === undefined || line.type === want.type) &&
    (want.rule === undefined || line.rule === want.rule) &&
    (want.points === undefined || roundPoints(line.points) === roundPoints(want.points))
  );
}

/**
 * Runs one case against a compiled standard.
 *
 * @example
 * ```ts
 * import { compileStandard, type Standard } from 'scoresheet';
 * import { parseTestFile, runCase } from 'scoresheet/testing';
 *
 * declare const standard: Standard;
 * declare const text: string; // a *.test.yaml
 * const parsed = parseTestFile(text);
 * if (parsed.ok) for (const c of parsed.cases) console.log(runCase(compileStandard(standard), c, c.record, 'my.test.yaml', 'zh-CN').passed);
 * ```
 */
export function runCase(scorer: Scorer, testCase: LocatedCase, record: unknown, file: string, locale: Locale = 'en'): CaseResult {
  const base = { name: testCase.name, file, line: testCase.line };
  const failed = (error: Message): CaseResult => ({ ...base, passed: false, mismatches: [], exercised: [], error: renderMessage(error, locale) });
  if (!expectsSomething(testCase.expect)) return failed({ messageId: 'test.expects_nothing' });
  // The record schema's problems in the catalogue's words (zod's own are English), each after its field.
  const problemsOf = (check: RecordCheck & { ok: false }) => check.problems.map((p) => `${p.field}: ${renderMessage(p.message, locale)}`).join('; ');
  const parsed = checkRecordSchema(record);
  if (!parsed.ok) return failed({ messageId: 'test.record_invalid', data: { problems: problemsOf(parsed) } });
  const history: InspectionRecord[] = [];
  for (const [index, earlier] of (testCase.history ?? []).entries()) {
    const checked = checkRecordSchema(earlier);
    if (!checked.ok) return failed({ messageId: 'test.history_invalid', data: { index, problems: problemsOf(checked) } });
    history.push(checked.record);
  }
  const want = testCase.expect;
  // A standard with history scores the record after the unit's earlier ones; one without, alone, as always.
  const records = [...history, parsed.record];
  const result = testCase.history !== undefined || usesHistory(scorer) ? scoreHistory(scorer, records, { asOf: '9999-12-31' }).results.at(-1)! : scoreRecord(scorer, parsed.record);
  const mismatches: Mismatch[] = [];
  if (!result.ok) {
    const fields = result.diagnostics.map((d) => formatPath(d.path));
    if (want.rejected === undefined) mismatches.push({ what: 'rejected', expected: 'scored', actual: fields });
    else if (JSON.stringify([...fields].sort()) !== JSON.stringify([...want.rejected].sort())) mismatches.push({ what: 'rejected', expected: want.rejected, actual: fields });
    return { ...base, passed: mismatches.length === 0, mismatches, exercised: [] };
  }
  const card = result.scorecard;
  if (want.rejected !== undefined) mismatches.push({ what: 'rejected', expected: want.rejected, actual: 'scored' });
  if (want.total !== undefined && roundPoints(card.total) !== roundPoints(want.total)) mismatches.push({ what: 'total', expected: want.total, actual: card.total });
  if (want.verdict !== undefined && card.verdict !== want.verdict) mismatches.push({ what: 'verdict', expected: want.verdict, actual: card.verdict });
  if (want.band !== undefined && (card.band?.id ?? null) !== want.band) mismatches.push({ what: 'band', expected: want.band, actual: card.band?.id ?? null });
  for (const line of want.lines ?? []) {
    if (!card.lines.some((l) => lineMatches(l, line))) mismatches.push({ what: 'line', expected: line, actual: card.lines.filter((l) => line.item === undefined || l.item === line.item).map((l) => ({ item: l.item, type: l.type, points: l.points })) });
  }
  for (const line of want.notLines ?? []) {
    const found = card.lines.find((l) => lineMatches(l, line));
    if (found) mismatches.push({ what: 'notLines', expected: line, actual: { item: found.item, type: found.type, points: found.points } });
  }
  for (const [id, tier] of Object.entries(want.outcomes ?? {})) {
    const actual = card.outcomes.find((o) => o.id === id)?.tier?.id ?? null;
    if (actual !== tier) mismatches.push({ what: `outcome ${id}`, expected: tier, actual });
  }
  for (const charge of want.charges ?? []) {
    const matches = (c: NonNullable<Scorecard['charges']>[number]) =>
      (charge.party === undefined || c.party === charge.party) && (charge.who === undefined || c.who === charge.who) && (charge.amount === undefined || roundPoints(c.amount) === roundPoints(charge.amount)) && (charge.unit === undefined || c.unit === charge.unit) && (charge.item === undefined || c.item === charge.item);
    if (!(card.charges ?? []).some(matches)) mismatches.push({ what: 'charge', expected: charge, actual: (card.charges ?? []).map((c) => ({ party: c.party, who: c.who, amount: c.amount, unit: c.unit })) });
  }
  if (want.cycle !== undefined) {
    const c = card.cycle;
    const actual = c === undefined ? null : { position: c.position, pending: c.pending, grade: c.grade?.id ?? null, carried: c.carried === undefined ? undefined : (c.carried?.id ?? null), previous: c.previous === undefined ? undefined : (c.previous?.id ?? null) };
    const differs = actual === null || (Object.keys(want.cycle) as (keyof typeof want.cycle)[]).some((k) => want.cycle![k] !== actual[k]);
    if (differs) mismatches.push({ what: 'cycle', expected: want.cycle, actual });
  }
  return { ...base, passed: mismatches.length === 0, mismatches, exercised: exercisedBy(card) };
}

/** What an item or a rule may say about time: each one said is a coverage target. */
const HISTORY_KEYS = ['rectify', 'repeat', 'foundLate'] as const;

/** What a scorecard exercised: the rules that produced lines, the band, vetoes, prerequisites, tiers. */
export function exercisedBy(card: Scorecard): string[] {
  const out = new Set<string>();
  for (const line of card.lines) if (line.type !== 'capped' || line.rule.includes('rules[')) out.add(line.rule);
  for (const reason of card.reasons) if (reason.rule) out.add(reason.rule);
  if (card.band) out.add(`band:${card.band.id}`);
  for (const c of card.charges ?? []) out.add(c.rule);
  if (card.cycle !== undefined) out.add(`cycle:${card.cycle.position === 'reinspection' ? 'reinspection' : card.cycle.pending ? 'pending' : 'granted'}`);
  for (const o of card.outcomes) if (o.tier) out.add(`tier:${o.id}:${o.tier.id}`);
  return [...out];
}

/**
 * Everything a standard's cases should exercise: each rule, band, veto, prerequisite and tier.
 *
 * @example
 * ```ts
 * import { compileStandard, type Standard } from 'scoresheet';
 * import { coverageTargets } from 'scoresheet/testing';
 *
 * declare const standard: Standard;
 * for (const target of coverageTargets(compileStandard(standard))) console.log(target.id, target.label);
 * ```
 */
export function coverageTargets(scorer: Scorer): { id: string; label: string }[] {
  const s = scorer.standard;
  const targets: { id: string; label: string }[] = [];
  s.categories.forEach((category, c) => {
    category.rules.forEach((rule, r) => targets.push({ id: `categories[${c}].rules[${r}]`, label: `${category.id}: ${rule.kind}` }));
    category.items.forEach((item, i) => {
      item.rules.forEach((rule, r) => {
        targets.push({ id: `categories[${c}].items[${i}].rules[${r}]`, label: `${item.id}: ${rule.kind}` });
        for (const key of HISTORY_KEYS) if (rule[key] !== undefined) targets.push({ id: `categories[${c}].items[${i}].rules[${r}].${key}`, label: `${item.id}: ${rule.kind} ${key}` });
        (rule.charges ?? []).forEach((charge, k) => targets.push({ id: `categories[${c}].items[${i}].rules[${r}].charges[${k}]`, label: `${item.id}: ${rule.kind} charge ${charge.party}` }));
      });
      for (const key of HISTORY_KEYS) if (item[key] !== undefined) targets.push({ id: `categories[${c}].items[${i}].${key}`, label: `${item.id}: ${key}` });
      (item.charges ?? []).forEach((charge, k) => targets.push({ id: `categories[${c}].items[${i}].charges[${k}]`, label: `${item.id}: charge ${charge.party}` }));
    });
  });
  s.outcomes.vetoes.forEach((v, i) => targets.push({ id: `outcomes.vetoes[${i}]`, label: `veto ${v.id}` }));
  s.outcomes.prerequisites.forEach((p, i) => targets.push({ id: `outcomes.prerequisites[${i}]`, label: `prerequisite ${p.id}` }));
  for (const band of s.outcomes.bands) targets.push({ id: `band:${band.id}`, label: `band ${band.id}` });
  if (s.outcomes.cycle !== undefined) for (const step of ['granted', 'pending', 'reinspection']) targets.push({ id: `cycle:${step}`, label: `cycle ${step}` });
  for (const d of s.outcomes.derived) for (const t of d.tiers) targets.push({ id: `tier:${d.id}:${t.id}`, label: `${d.id} tier ${t.id}` });
  return targets;
}
