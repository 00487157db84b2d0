/**
 * Reading a record's facts, as conditions and quantities see them: the facts object, one fact read
 * straight from the record without building it, an indicator as an exact ratio.
 */
import { copyOwn } from '../collections.js';
import { ExactRatio, exactRatioAt, withExactRatios, type Facts } from './conditions.js';
import { collectConditionRefs, collectFacts, type Condition } from '../condition-schema.js';
import type { Message } from '../messages/types.js';
import { parsePath, resolvePath } from '../paths.js';
import type { Ratio } from '../points.js';
import type { InspectionRecord } from '../record-schema.js';
import { SCORED_FACTS, type RuleScope, type ScoredFacts } from '../rules/kind.js';
import type { Indicator } from '../standard/schema.js';

export function quantityProblem(source: { readonly fact: string; readonly path?: string }, value: unknown): Message {
  return value === undefined
    ? { messageId: 'condition.missing_fact', data: { fact: source.fact, ...(source.path ? { path: source.path } : {}) } }
    : { messageId: 'condition.wrong_type', data: { fact: source.fact, operator: 'quantity', expected: 'number', actual: typeof value } };
}


/** An indicator of the record as an exact ratio (a percent indicator's fraction × 100); a reason when it is missing. */
export function indicatorRatio(indicators: ReadonlyMap<string, Indicator>, record: InspectionRecord, id: string): Ratio | Message {
  const given = record.indicators?.[id];
  if (given === undefined) return { messageId: 'quantity.missing_indicator', data: { indicator: id } };
  if (typeof given === 'number') return { numerator: given, denominator: 1 };
  if ('value' in given) return { numerator: given.value, denominator: 1 };
  const multiplier = indicators.get(id)?.unit === 'percent' ? 100 : 1;
  return { numerator: given.numerator * multiplier, denominator: given.denominator };
}

/**
 * The facts conditions see: the record's own `facts`, plus its kind, level, date, unit and indicators;
 * once the rules have run (`scored`), the categories' and items' parts, which no record fact replaces.
 */
export function buildFacts(declared: ReadonlyMap<string, Indicator>, record: InspectionRecord, scored?: ScoredFacts): Facts {
  const indicators: Record<string, number> = {};
  // A ratio given as numerator / denominator is its float quotient here, and exact where conditions compare it.
  let ratios: Map<string, ExactRatio> | undefined;
  for (const id of Object.keys(record.indicators ?? {})) {
    const r = indicatorRatio(declared, record, id);
    if (!('numerator' in r)) continue;
    const value = r.numerator / r.denominator;
    indicators[id] = value;
    if (r.denominator !== 1 && Number.isInteger(r.numerator) && Number.isInteger(r.denominator)) {
      (ratios ??= new Map()).set(id, new ExactRatio(r.numerator, r.denominator, value));
    }
  }
  if (ratios !== undefined) withExactRatios(indicators, ratios);
  const findings: Record<string, number> = {};
  for (const f of record.findings) findings[f.item] = (findings[f.item] ?? 0) + (f.count ?? 1);
  // The record's own facts first: the built-in ones (kind, level, date, unit, indicators, findings) win.
  // `{ ...record.facts, kind, …, findings }`, set on a copy: keys added to a spread's copy cost ~1 µs each (copyOwn).
  const facts: Record<string, unknown> = copyOwn(record.facts);
  if (record.kind !== undefined) facts['kind'] = record.kind;
  if (record.level !== undefined) facts['level'] = record.level;
  facts['date'] = record.date;
  facts['unit'] = record.unit.id;
  facts['indicators'] = indicators;
  facts['findings'] = findings;
  if (scored !== undefined) {
    facts['category'] = scored.category;
    facts['item'] = scored.item;
  }
  return facts;
}

// ─── Reading one fact without building the facts object ─────────────────────────────────────────

/** The facts buildFacts adds to a record's own; undefined means "not given" (no kind, no level). */
const BUILTIN_FACTS: Readonly<Record<string, (scope: RuleScope) => unknown>> = {
  kind: (scope) => scope.record.kind,
  level: (scope) => scope.record.level,
  date: (scope) => scope.record.date,
  unit: (scope) => scope.record.unit.id,
  indicators: (scope) => scope.facts()['indicators'],
  findings: (scope) => scope.facts()['findings'],
  category: (scope) => scope.scored?.category,
  item: (scope) => scope.scored?.item,
};

/**
 * For each built-in fact, whether a record's own fact of the same name wins over it — read off
 * buildFacts itself, once, so that the readers below always agree with the facts object.
 */
const OWN_FACT_WINS: Readonly<Record<string, boolean>> = (() => {
  const names = Object.keys(BUILTIN_FACTS);
  const probe = buildFacts(new Map(), {
    unit: { id: 'built-in' },
    date: 'built-in',
    kind: 'built-in',
    level: 'built-in',
    findings: [],
    facts: Object.fromEntries(names.map((n) => [n, 'own'])),
  } as InspectionRecord, { category: {}, item: {} });
  return Object.fromEntries(names.map((n) => [n, probe[n] === 'own']));
})();

const PLAIN_OBJECT: Readonly<Record<string, unknown>> = {};

/**
 * Reads fact `name` straight from the record being scored, without building the facts object: what
 * `scope.facts()` holds as its own property `name` (conditions), or with `orInherited`, whatever
 * `scope.facts()[name]` reads (quantities: for a name like `toString`, what a plain object inherits).
 */
export function readScopeFact(name: string, orInherited = false): (scope: RuleScope) => unknown {
  const own = readOwnFact(name, orInherited);
  const builtin = Object.hasOwn(BUILTIN_FACTS, name) ? BUILTIN_FACTS[name]! : undefined;
  if (builtin === undefined) return own;
  if (OWN_FACT_WINS[name]) {
    return (scope) => {
      const facts = scope.record.facts;
      return facts !== undefined && Object.hasOwn(facts, name) ? facts[name] : builtin(scope);
    };
  }
  return (scope) => {
    const value = builtin(scope);
    return value !== undefined ? value : own(scope);
  };
}

/**
 * The internalized copy of a string. A name read from a standard file is a fresh string: every
 * `object[name]` would first look it up in V8's string table; the internalized copy skips that.
 */
function internalize(name: string): string {
  return Object.keys({ [name]: true })[0]!;
}

/** The record's own fact `name`; when it has none, undefined (or, with `orInherited`, what a plain object inherits). */
function readOwnFact(fact: string, orInherited: boolean): (scope: RuleScope) => unknown {
  const name = internalize(fact);
  if (name in PLAIN_OBJECT) {
    const absent = orInherited ? PLAIN_OBJECT[name] : undefined;
    return (scope) => {
      const facts = scope.record.facts;
      return facts !== undefined && Object.hasOwn(facts, name) ? facts[name] : absent;
    };
  }
  return (scope) => {
    const facts = scope.record.facts;
    if (facts === undefined) return undefined;
    // Plain data, and no plain object has `name`: one lookup gives the own value or undefined
    // (decoded records' facts are dictionaries, where every lookup costs).
    if (isPlainData(facts)) return facts[name];
    return Object.hasOwn(facts, name) ? facts[name] : undefined;
  };
}

/** The facts object last asked about, and whether its prototype is Object.prototype or null (asked once per record). */
let lastFacts: object | undefined;
let lastPlain = false;

function isPlainData(facts: object): boolean {
  if (facts !== lastFacts) {
    const proto = Object.getPrototypeOf(facts);
    lastPlain = proto === Object.prototype || proto === null;
    lastFacts = facts;
  }
  return lastPlain;
}

const parsedPaths = new Map<string, ReturnType<typeof parsePath>>();

function parsedPath(path: string): ReturnType<typeof parsePath> {
  let parsed = parsedPaths.get(path);
  if (parsed === undefined) {
    parsed = parsePath(path);
    if (parsedPaths.size < 1024) parsedPaths.set(path, parsed);
  }
  return parsed;
}

/** `value` at `path` (a fact's `path:`), each path parsed once. */
export function readPath(value: unknown, path: string | undefined): unknown {
  return path === undefined ? value : resolvePath(value, parsedPath(path));
}

/**
 * A quantity's number as a ratio: `value` / 1 — but read from the built-in fact `indicators` at one
 * name (`of: { fact: indicators, path: x }`), the value is an indicator's float quotient (buildFacts),
 * and its exact ratio is what a rule compares, as with `of: { indicator: x }` and conditions: 1/11 as
 * a percent is below 9.090909090909092. `top` is the fact as read (a record's own fact, where it wins,
 * has no exact ratios); `value` is what the path gave, read once.
 */
export function quantityRatio(source: { readonly fact: string; readonly path?: string }, top: unknown, value: number): Ratio {
  if (source.fact === 'indicators' && source.path && typeof top === 'object' && top !== null) {
    const parsed = parsedPath(source.path);
    const ratio = parsed.segments.length === 1 && !parsed.blocked ? exactRatioAt(top, String(parsed.segments[0])) : undefined;
    if (ratio !== undefined && ratio.value === value) return { numerator: ratio.numerator, denominator: ratio.denominator };
  }
  return { numerator: value, denominator: 1 };
}

/** The facts read by conditions, following named conditions (each once, whatever the cycles). */
export function factsRead(conditions: Iterable<Condition>, named: Readonly<Record<string, Condition>>): Set<string> {
  const facts = new Set<string>();
  const seen = new Set<string>();
  const visit = (c: Condition) => {
    for (const f of collectFacts(c)) facts.add(f);
    for (const ref of collectConditionRefs(c)) {
      if (seen.has(ref) || !Object.hasOwn(named, ref)) continue;
      seen.add(ref);
      visit(named[ref]!);
    }
  };
  for (const c of conditions) visit(c);
  return facts;
}

/** Whether any of the conditions reads the facts `category` or `item` (the scorer then keeps each part's points). */
export function readsScoredFacts(conditions: Iterable<Condition>, named: Readonly<Record<string, Condition>>): boolean {
  const read = factsRead(conditions, named);
  return SCORED_FACTS.some((f) => read.has(f));
}
