/**
 * Generators for the fuzz harness: standards (the shipped ones, mutated; or built from the format's
 * schema) and the records scored against them (valid, near-valid, junk), in every record format.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { PeriodUnit } from '../../src/aggregate/periods.js';
import type { BaseResolver } from '../../src/standard/load.js';
import type { RecordFormat as AnyRecordFormat } from '../../src/records/read.js';

/** The text formats the fuzzer writes (a workbook is read apart, in test/records/xlsx.test.ts). */
type RecordFormat = Exclude<AnyRecordFormat, 'xlsx'>;
import type { FuzzCase } from './pipeline.js';

const STANDARDS_DIR = join(import.meta.dirname, '../../standards');

/** The shipped standards' text, by file name. */
export const SHIPPED: ReadonlyMap<string, string> = new Map(
  readdirSync(STANDARDS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => [f, readFileSync(join(STANDARDS_DIR, f), 'utf8')]),
);

/** `extends:` resolved among the shipped standards only: the fuzz run reads no file it was not given. */
export const resolveShipped: BaseResolver = (ref) => {
  const text = SHIPPED.get(basename(ref));
  return text === undefined ? { problem: { code: 'file_not_found', data: { detail: `no shipped standard ${ref}` } } } : { text, file: basename(ref) };
};

// — values that have broken or nearly broken parsers before: boundaries, precision, types, scripts.

const edgeNumber = fc.constantFrom(0, 1, -1, 0.5, 2.5, 3, 10, 100, 0.0001, -0.5, 99.9999, 1e6, 1e-11, 0.00001, 1e308, 1e18, -1e18, 4503599627370497);
const edgeString = fc.constantFrom('', ' ', 'x', '高一(3)班', '<script>alert(1)</script>', '=1+1', '| a | b |', '"quoted"', 'line\nbreak', '2024-02-30', '2024-03-04', 'scheduled', 'a'.repeat(300));
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }), edgeString);

/** Any YAML value, small. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    edgeNumber,
    fc.integer({ min: -1000, max: 1000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    text,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('id', 'name', 'max', 'points', 'kind', 'item', 'min', 'en', 'x'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

// — standards mutated from the shipped ones

type Tree = unknown;
type Path = (string | number)[];

function pathsOf(node: Tree, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(node)) node.forEach((child, i) => pathsOf(child, [...path, i], out));
  else if (node !== null && typeof node === 'object') for (const [key, child] of Object.entries(node)) pathsOf(child, [...path, key], out);
  return out;
}

function parentOf(root: Tree, path: Path): { parent: Record<string | number, unknown> | unknown[]; key: string | number } | undefined {
  if (path.length === 0) return undefined;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  return { parent: node, key: path[path.length - 1]! };
}

/** One change to a standard's tree: the node at the `at`-th path (mod count) is replaced, dropped, copied or nudged. */
type TreeMutation = { readonly at: number } & (
  | { readonly op: 'replace'; readonly value: unknown }
  | { readonly op: 'delete' }
  | { readonly op: 'duplicate' }
  | { readonly op: 'nudge'; readonly by: number }
  | { readonly op: 'rename'; readonly key: string }
);

const treeMutation: fc.Arbitrary<TreeMutation> = fc.oneof(
  fc.record({ at: fc.nat(), op: fc.constant('replace' as const), value: anyValue }),
  fc.record({ at: fc.nat(), op: fc.constant('delete' as const) }),
  fc.record({ at: fc.nat(), op: fc.constant('duplicate' as const) }),
  fc.record({ at: fc.nat(), op: fc.constant('nudge' as const), by: fc.constantFrom(-1, 1, 0.5, -0.5, 0.0001, 10, -100, 0.00001, 1e-11, 1e18) }),
  fc.record({ at: fc.nat(), op: fc.constant('rename' as const), key: fc.constantFrom('pointz', 'max', 'min', 'item', 'when', 'cap', 'kind', 'extends', 'id') }),
);

function applyMutation(root: Tree, m: TreeMutation): Tree {
  const paths = pathsOf(root);
  const path = paths[m.at % paths.length]!;
  const place = parentOf(root, path);
  if (place === undefined) return m.op === 'replace' ? m.value : root;
  const { parent, key } = place;
  const current = (parent as Record<string | number, unknown>)[key];
  switch (m.op) {
    case 'replace':
      (parent as Record<string | number, unknown>)[key] = m.value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(current));
      else (parent as Record<string, unknown>)[`${String(key)}2`] = structuredClone(current);
      break;
    case 'nudge':
      if (typeof current === 'number') (parent as Record<string | number, unknown>)[key] = current + m.by;
      break;
    case 'rename':
      if (!Array.isArray(parent)) {
        delete parent[key];
        (parent as Record<string, unknown>)[m.key] = current;
      }
      break;
  }
  return root;
}

/** A text edit: YAML syntax errors, truncation, stray bytes. */
const textMutation = fc.record({ at: fc.nat(), cut: fc.nat({ max: 40 }), insert: fc.oneof(fc.constantFrom('', ':', '- ', '\t', '{', '"', '&a ', '*a', '\n  x: 1\n', '\uFFFD', '!!binary '), fc.string({ maxLength: 6 })) });

function applyTextMutation(source: string, m: { at: number; cut: number; insert: string }): string {
  const at = m.at % (source.length + 1);
  return source.slice(0, at) + m.insert + source.slice(at + m.cut);
}

export const shippedStandard = fc.constantFrom(...SHIPPED.values());

export const mutatedStandard: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(shippedStandard, fc.array(treeMutation, { minLength: 1, maxLength: 4 })).map(([source, mutations]) => {
    let tree: Tree = parseYaml(source, { logLevel: 'silent' });
    for (const m of mutations) tree = applyMutation(tree, m);
    return stringifyYaml(tree);
  }),
  fc.tuple(shippedStandard, fc.array(textMutation, { minLength: 1, maxLength: 3 })).map(([source, mutations]) => mutations.reduce(applyTextMutation, source)),
);

// — standards built from the format's schema

const idOf = (prefix: string) => fc.integer({ min: 1, max: 9 }).map((n) => `${prefix}${n}`);
// Items 4–6: now and then a point value the exact arithmetic cannot hold (1e-11, 0.00001, 1e308) or a
// huge one, which load must reject with a code and a position (never a crash in compile or score).
const points = fc.oneof(
  { weight: 60, arbitrary: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 200 }).map((n) => n / 10), fc.constantFrom(0.25, 0.0001, 1.5)) },
  { weight: 1, arbitrary: fc.constantFrom(1e-11, 1e-20, 0.00001, 1.00001, 500000.00004, 1e308, 1e18, 1e11, 99999999999.9999, 4503599627370497) },
);
const name = fc.oneof(fc.record({ 'zh-CN': fc.constantFrom('地面', '门窗', '高一(3)班', '<b>粗</b>', '<script>alert(1)</script>') }), fc.record({ en: fc.constantFrom('Floor', 'Doors & windows', '=SUM(A1)', '| pipe |', "+cmd|' /C calc'!A0", '@SUM(A1)', '<img src=x onerror=alert(1)>', '-x') }));
const facts = ['area', 'staff', 'flags.ok'] as const;
const quantitySource = fc.oneof(fc.record({ fact: fc.constantFrom('area', 'staff') }), fc.record({ indicator: fc.constantFrom('rate', 'ratio') }));

const condition: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  cond: fc.oneof(
    { depthSize: 'small' },
    fc.record({ fact: fc.constantFrom(...facts), operator: fc.constantFrom('equal', 'greaterThan', 'lessThanInclusive', 'in', 'notEqual'), value: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.boolean(), fc.constant([1, 2])) }),
    fc.record({ all: fc.array(tie('cond'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ any: fc.array(tie('cond'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ not: tie('cond') }),
  ),
})).cond;

const rule: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ kind: fc.constant('per-occurrence'), points: fc.oneof(points, fc.tuple(points, points).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }))), effect: fc.constantFrom('deduct', 'award'), cap: points }, { requiredKeys: ['kind', 'points'] }),
  fc.record({ kind: fc.constant('fixed'), points: fc.oneof(points, fc.constant(null)), effect: fc.constantFrom('deduct', 'award'), when: condition }, { requiredKeys: ['kind', 'points'] }),
  fc.record({ kind: fc.constant('judgement'), max: points, effect: fc.constantFrom('deduct', 'award') }, { requiredKeys: ['kind', 'max'] }),
  fc.record({ kind: fc.constant('bonus'), points, above: fc.integer({ min: 0, max: 3 }), cap: points }, { requiredKeys: ['kind', 'points'] }),
  fc.record({ kind: fc.constant('per-shortfall'), required: fc.integer({ min: 0, max: 5 }), points, of: quantitySource }, { requiredKeys: ['kind', 'required', 'points'] }),
  fc.record({ kind: fc.constant('per-step'), target: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(1e18, -1e18, 89.99999)), step: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(0.5, 1, 2, 5) }, { weight: 1, arbitrary: fc.constantFrom(1e-11, 0.00001, 1e308, 1e-20) }), points, partial: fc.constantFrom('floor', 'ceil'), of: quantitySource }, { requiredKeys: ['kind', 'target', 'step', 'points', 'partial'] }),
  fc.record({ kind: fc.constant('threshold'), of: quantitySource, min: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(null)), max: fc.integer({ min: 50, max: 100 }), inclusive: fc.boolean(), effect: fc.constantFrom('fail', 'points'), points }, { requiredKeys: ['kind', 'of', 'min'] }),
  fc.record({ kind: fc.constant('by-kind'), points: fc.dictionary(fc.constantFrom('scheduled', 'random', 'event'), fc.oneof(points, fc.dictionary(fc.constantFrom('county', 'city'), points, { minKeys: 1, maxKeys: 2 })), { minKeys: 1, maxKeys: 3 }) }),
  fc.record({ kind: fc.constant('not-applicable'), when: condition }),
);

const item = fc.record(
  { id: idOf('i'), name, max: points, bonusMax: points, evidence: fc.constantFrom('required', 'optional'), critical: fc.boolean(), rules: fc.array(rule, { maxLength: 3 }) },
  { requiredKeys: ['id', 'name', 'rules'] },
);
const category = fc.record({ id: idOf('c'), name, max: points, bonusMax: points, items: fc.array(item, { minLength: 1, maxLength: 4 }), rules: fc.array(rule, { maxLength: 1 }) }, { requiredKeys: ['id', 'name', 'items'] });

const band = fc.record({ id: idOf('b'), name, min: fc.integer({ min: 0, max: 100 }), below: fc.integer({ min: 0, max: 120 }), verdict: fc.constantFrom('pass', 'fail') }, { requiredKeys: ['id', 'name'] });
const outcomes = fc.record(
  {
    vetoes: fc.array(fc.oneof(fc.record({ id: idOf('v'), name, item: fc.oneof(idOf('i'), idOf('c')) }), fc.record({ id: idOf('v'), name, when: condition })), { maxLength: 2 }),
    prerequisites: fc.array(fc.record({ id: idOf('p'), name, require: condition }), { maxLength: 1 }),
    bands: fc.array(band, { maxLength: 3 }),
    derived: fc.array(fc.record({ id: idOf('d'), name, count: fc.record({ categories: fc.record({ min: fc.integer({ min: 0, max: 10 }) }) }), tiers: fc.array(fc.record({ id: idOf('t'), name, min: fc.integer({ min: 0, max: 3 }), verdict: fc.constantFrom('pass', 'fail') }), { maxLength: 2 }) }), { maxLength: 1 }),
  },
  { requiredKeys: [] },
);
const ranking = fc.record(
  {
    aggregate: fc.constantFrom('sum', 'mean', 'min', 'latest'),
    ties: fc.constantFrom('competition', 'dense', 'ordinal', 'fractional'),
    tieBreakers: fc.subarray(['fewer-vetoes', 'fewer-deductions', 'better-latest', 'more-inspections']),
    minInspections: fc.integer({ min: 0, max: 2 }),
    frequency: fc.array(fc.record({ id: idOf('f'), kind: fc.constantFrom('scheduled', 'random'), min: fc.integer({ min: 1, max: 3 }), per: fc.constantFrom('week', 'month'), points }, { requiredKeys: ['id', 'min', 'per'] }), { maxLength: 1 }),
    awards: fc.array(fc.record({ id: idOf('a'), name, period: fc.constantFrom('week', 'month', 'term'), winners: fc.constantFrom('best', 'bar'), min: fc.integer({ min: 0, max: 100 }), ties: fc.constantFrom('share', 'none') }, { requiredKeys: ['id', 'name', 'period'] }), { maxLength: 2 }),
    boards: fc.record({ top: fc.integer({ min: 0, max: 3 }), bottom: fc.integer({ min: 0, max: 3 }) }),
    lastWarning: fc.integer({ min: 1, max: 3 }),
    streak: fc.integer({ min: 1, max: 3 }),
  },
  { requiredKeys: [] },
);

export const schemaStandard: fc.Arbitrary<string> = fc
  .record(
    {
      id: fc.constantFrom('fuzz', 'fuzz-2'),
      version: fc.constantFrom('1', '2024.10'),
      name,
      scoring: fc.record({ mode: fc.constantFrom('deduct', 'accumulate', 'award'), base: points, max: fc.integer({ min: 0, max: 150 }), min: fc.integer({ min: -10, max: 10 }), evidence: fc.constantFrom('required', 'optional') }, { requiredKeys: ['mode'] }),
      kinds: fc.constant([{ id: 'scheduled' }, { id: 'random' }, { id: 'event' }]),
      levels: fc.constant([{ id: 'county' }, { id: 'city' }]),
      indicators: fc.constant([
        { id: 'rate', name: { en: 'Rate' }, unit: 'percent' },
        { id: 'ratio', name: { en: 'Ratio' }, unit: 'ratio' },
      ]),
      effective: fc.record({ from: fc.constantFrom('2023-09-01', '2024-06-01'), to: fc.constant('2025-08-31') }, { requiredKeys: ['from'] }),
      calendar: fc.constant({
        terms: [
          { id: '2023-autumn', from: '2023-09-01', to: '2024-01-20', holidays: [{ from: '2023-10-01', to: '2023-10-07' }] },
          { id: '2024-spring', from: '2024-02-26', to: '2024-07-05' },
        ],
      }),
      categories: fc.array(category, { minLength: 1, maxLength: 3 }),
      outcomes,
      ranking,
    },
    { requiredKeys: ['id', 'version', 'name', 'scoring', 'categories', 'kinds', 'levels', 'indicators'] },
  )
  .chain((standard) => fc.tuple(fc.constant(standard), fc.integer({ min: 0, max: 5 })))
  // Mostly repaired into a standard that loads, so that records get scored; left raw one time in six.
  .map(([standard, raw]) => stringifyYaml(raw === 0 ? standard : repaired(standard as unknown as Generated)));

type Generated = Record<string, unknown> & { categories: (Record<string, unknown> & { items: Record<string, unknown>[] })[]; outcomes?: Record<string, Record<string, unknown>[]> };

/** Ids made unique, vetoes aimed at ids that exist, bands cut into one ordered partition. */
function repaired(generated: Generated): Generated {
  const standard = structuredClone(generated);
  const ids: string[] = [];
  standard.categories.forEach((category, c) => {
    const id = `c${c + 1}`;
    category.id = id;
    ids.push(id);
    category.items.forEach((item, i) => {
      const itemId = `${id}-i${i + 1}`;
      item.id = itemId;
      ids.push(itemId);
    });
  });
  const outcomes = standard.outcomes ?? {};
  for (const list of Object.values(outcomes)) list.forEach((entry, i) => (entry.id = `${String(entry.id).replace(/\d+$/, '')}${i + 1}`));
  (outcomes.vetoes ?? []).forEach((veto, i) => {
    if ('item' in veto) veto.item = ids[i % ids.length];
  });
  const bands = outcomes.bands ?? [];
  const cuts = bands.map((band) => Number(band.min ?? 0)).sort((a, b) => a - b);
  bands.forEach((band, i) => {
    delete band.min;
    delete band.below;
    if (i > 0) band.min = cuts[i];
    if (i < bands.length - 1) band.below = cuts[i + 1];
  });
  for (const d of outcomes.derived ?? []) ((d.tiers as Record<string, unknown>[] | undefined) ?? []).forEach((tier, i) => (tier.id = `t${i + 1}`));
  return standard;
}

export const anyStandard: fc.Arbitrary<string> = fc.oneof({ arbitrary: shippedStandard, weight: 1 }, { arbitrary: mutatedStandard, weight: 3 }, { arbitrary: schemaStandard, weight: 3 });

// — records

/** What records can name, read from a standard's text (its ids, kinds, levels, indicators, facts). */
export interface Vocabulary {
  readonly items: readonly string[];
  readonly kinds: readonly string[];
  readonly levels: readonly string[];
  readonly indicators: readonly string[];
  readonly facts: readonly string[];
}

export function vocabularyOf(standardText: string): Vocabulary {
  let tree: unknown;
  try {
    tree = parseYaml(standardText, { maxAliasCount: 100, logLevel: 'silent' });
  } catch {
    tree = undefined;
  }
  const items = new Set<string>();
  const kinds = new Set<string>();
  const levels = new Set<string>();
  const indicators = new Set<string>();
  const facts = new Set<string>(['area', 'staff']);
  const visit = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) node.forEach((child) => visit(child, key));
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const id = typeof record.id === 'string' ? record.id : undefined;
      if (id && (key === 'categories' || key === 'items')) items.add(id);
      if (id && key === 'kinds') kinds.add(id);
      if (id && key === 'levels') levels.add(id);
      if (id && key === 'indicators') indicators.add(id);
      if (typeof record.fact === 'string') facts.add(record.fact.split('.')[0]!);
      for (const [k, child] of Object.entries(record)) visit(child, k);
    }
  };
  visit(tree);
  return { items: [...items], kinds: [...kinds], levels: [...levels], indicators: [...indicators], facts: [...facts] };
}

// Item 7: any year 0000–9999 one time in four (ISO weeks of years 0–99, dates outside the supported
// range rejected with a code), and dates that look valid but are not (2024-02-30, 2023-02-29).
const isoDate = (min: string, max: string) => fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const date = fc.oneof(
  { weight: 8, arbitrary: isoDate('2023-09-01', '2025-08-31') },
  { weight: 3, arbitrary: isoDate('0000-01-01', '9999-12-31') },
  { weight: 1, arbitrary: fc.constantFrom('0000-01-01', '0099-06-15', '0001-01-01', '9999-12-31', '1999-06-16', '2024-02-30', '2024-04-31', '2023-02-29') },
  { weight: 1, arbitrary: fc.constantFrom('2024-02-29', '2023-02-29', '2024-13-01', '2024-3-4', '20240304', '', '2024-12-30', '2021-01-03', '+002024-03-04', '2024-03-04T10:00') },
);

/** Names and notes that attack the outputs: formulas in a CSV (item 15), raw HTML in Markdown (item 16). */
const hostileText = fc.constantFrom('=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)', '\t=1', '\r=1', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<b>bold</b>', '-1', '- list');

const units = fc.constantFrom(
  { id: 'g1-01', name: '高一(1)班', group: { grade: '高一' } },
  { id: 'g1-02', name: '高一(2)班', group: { grade: '高一' } },
  { id: 'g2-01', name: '<img src=x onerror=alert(1)>', group: { grade: '高二' } },
  { id: 'v-07', name: '=HYPERLINK("x")' },
  { id: 'u|pipe', name: 'a | b' },
  { id: 'h-01', name: "+cmd|' /C calc'!A0", group: { grade: '<script>x</script>' } },
  { id: '=h2', name: '@SUM(1)', group: { grade: '-grade' } },
  { id: 'h-03', name: '\t<img onerror=alert(1) src=x>' },
);

/** One time in five: record features that take a record out of the plain flow (rounds, supersedes). */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

// Items 3–6 (rounding, precision and overflow): counts, points, values and indicators mostly small, and
// sometimes up to 1e18 or to 5+ decimals; the scorer must score them exactly or refuse them with a code.
// Items 17–19 (large inputs) are covered by test/hostile and `npm run check:hostile`: a case holds
// ≤ 12 records, so that a bounded run stays quick.
const hugeNumber = fc.oneof(
  fc.constantFrom(1e18, -1e18, 4503599627370497, 2 ** 53, 1e11, 1e11 + 1, 99999999999.9999, 1e15, 1e308, -1e308, 5e-324, 1e-11, 0.00001, 1.00001, 500000.00004, 89.99999, 89.999951, 90.00001),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e18, max: 1e18 }),
  fc.bigInt({ min: 0n, max: 10n ** 18n }).map(Number),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100_000),
);
const sometimesHuge = <T>(small: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: small }, { weight: 1, arbitrary: hugeNumber });

export function validRecord(v: Vocabulary): fc.Arbitrary<Record<string, unknown>> {
  const finding = fc.record(
    {
      item: v.items.length > 0 ? fc.constantFrom(...v.items) : fc.constant('no-items'),
      count: sometimesHuge(fc.integer({ min: 1, max: 6 })),
      points: sometimesHuge(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 100 }).map((n) => n / 10))),
      value: sometimesHuge(fc.oneof(fc.integer({ min: -5, max: 120 }), fc.integer({ min: 0, max: 1000 }).map((n) => n / 10))),
      note: fc.oneof(text, hostileText),
      evidence: fc.oneof(fc.boolean(), fc.array(fc.constantFrom('photo.jpg', '记录本'), { maxLength: 2 })),
      unit: rarely(fc.constantFrom('g1-01', 'g1-02', 'g2-01')),
    },
    { requiredKeys: ['item', 'unit'] },
  );
  const indicator = fc.oneof(
    sometimesHuge(fc.integer({ min: 0, max: 100 })),
    fc.record({ value: sometimesHuge(fc.integer({ min: 0, max: 1000 }).map((n) => n / 10)) }),
    fc.tuple(sometimesHuge(fc.nat({ max: 50 })), sometimesHuge(fc.integer({ min: 1, max: 50 }))).map(([numerator, denominator]) => ({ numerator, denominator })),
  );
  return fc.record(
    {
      id: fc.integer({ min: 1, max: 40 }).map((n) => `r${n}`),
      unit: units,
      date,
      kind: v.kinds.length > 0 ? fc.constantFrom(...v.kinds) : fc.constant(undefined),
      level: v.levels.length > 0 ? fc.constantFrom(...v.levels) : fc.constant(undefined),
      inspector: fc.oneof(fc.constantFrom('德育处', 'Ms <b>', '@admin'), hostileText),
      findings: fc.array(finding, { maxLength: 5 }),
      indicators: fc.dictionary(fc.constantFrom(...(v.indicators.length > 0 ? v.indicators : ['rate'])), indicator, { maxKeys: 3 }),
      facts: fc.dictionary(fc.constantFrom(...v.facts), fc.oneof(sometimesHuge(fc.integer({ min: 0, max: 10 })), fc.boolean(), fc.constant({ ok: true }), fc.constant(null), text), { maxKeys: 3 }),
      supersedes: rarely(fc.integer({ min: 1, max: 40 }).map((n) => `r${n}`)),
      round: rarely(fc.boolean()),
    },
    { requiredKeys: ['unit', 'date', 'supersedes', 'round'] },
  );
}

/** A valid record with one field replaced by something plausible but wrong. */
export function nearValidRecord(v: Vocabulary): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(validRecord(v), fc.array(treeMutation, { minLength: 1, maxLength: 2 })).map(([record, mutations]) => {
    // fast-check shrinks from the values it generated: mutate a copy.
    let tree: Tree = structuredClone(record);
    for (const m of mutations) tree = applyMutation(tree, m);
    return (tree !== null && typeof tree === 'object' ? tree : { junk: tree }) as Record<string, unknown>;
  });
}

const CSV_COLUMNS = ['id', 'unit.id', 'unit.name', 'date', 'kind', 'level', 'inspector', 'finding.item', 'finding.count', 'finding.points', 'finding.note'] as const;

function csvCell(value: unknown): string {
  const s = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The long CSV layout: one row per finding, the inspection's columns repeated. */
function toCsv(records: readonly unknown[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const value of records) {
    const r = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    const unit = (r.unit !== null && typeof r.unit === 'object' ? r.unit : {}) as Record<string, unknown>;
    const head = [r.id, unit.id, unit.name, r.date, r.kind, r.level, r.inspector];
    const findings = Array.isArray(r.findings) && r.findings.length > 0 ? (r.findings as Record<string, unknown>[]) : [{}];
    for (const f of findings) rows.push([...head, f?.item, f?.count, f?.points, f?.note].map(csvCell).join(','));
  }
  return rows.join('\n') + '\n';
}

function serialize(records: readonly unknown[], format: RecordFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(records, null, 1);
    case 'yaml':
      return stringifyYaml(records);
    case 'ndjson':
      return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
    case 'csv':
      return toCsv(records);
  }
}

const junkText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', '\uFEFF', '[', '{"unit":', 'null', '[null, 1, "x"]', '- - -', '"unclosed,quote\n', 'a,b\n1', '---\n---\n', '\u0000\u0001'),
);

/** Records in one format: valid, near-valid and junk ones mixed, or a junk text, or a valid file with one text edit. */
function recordsText(v: Vocabulary, format: RecordFormat): fc.Arbitrary<string> {
  const one = fc.oneof({ weight: 6, arbitrary: validRecord(v) }, { weight: 3, arbitrary: nearValidRecord(v) }, { weight: 1, arbitrary: anyValue });
  const file = fc.array(one, { maxLength: 12 }).map((records) => serialize(records, format));
  return fc.oneof(
    { weight: 8, arbitrary: file },
    { weight: 1, arbitrary: junkText },
    { weight: 1, arbitrary: fc.tuple(file, textMutation).map(([t, m]) => applyTextMutation(t, m)) },
  );
}

const period = fc.constantFrom<PeriodUnit>('week', 'month', 'quarter', 'year', 'term');

export function caseFor(standard: string): fc.Arbitrary<FuzzCase> {
  const v = vocabularyOf(standard);
  return fc.constantFrom<RecordFormat>('json', 'yaml', 'ndjson', 'csv').chain((format) =>
    fc.record(
      {
        standard: fc.constant(standard),
        records: recordsText(v, format),
        format: fc.constant(format),
        period,
        locale: fc.constantFrom('en' as const, 'zh-CN' as const),
        groupBy: fc.constantFrom('grade', 'class'),
      },
      { requiredKeys: ['standard', 'records', 'format', 'period', 'locale'] },
    ),
  );
}

/** A whole case: a standard (shipped, mutated or generated) and records to score against it. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = anyStandard.chain(caseFor);
