/**
 * Cross-checks zod cannot express: unique ids, references, inverted ranges, sums of maxima, band
 * coverage, condition cycles. They read the parsed YAML defensively (not the typed standard), so
 * they run even when the schema found problems, and every error is reported in one pass.
 */
import type { DiagnosticCode, DiagnosticPath, Severity } from '../diagnostics.js';
import { suggest } from '../suggest.js';
import { pointsToNumber, roundPoints } from '../points.js';
import { pushAll, pushTo } from '../collections.js';
import { isCalendarDate } from '../common-schema.js';
import { ruleKindOf } from '../rules/index.js';
import { checkPointsRange, PART_FIELDS, SCORED_FACTS, type RawRuleChecks } from '../rules/kind.js';

export interface Finding {
  readonly code: DiagnosticCode;
  readonly severity?: Severity;
  readonly path: DiagnosticPath;
  readonly data?: Readonly<Record<string, unknown>>;
  /** Also locate this second path (the first definition of a duplicate) and pass it as data.first. */
  readonly firstPath?: DiagnosticPath;
  /** Point at the key node rather than the value. */
  readonly atKey?: string;
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** Exact sum of decimals (maxima are validated to 4 decimals elsewhere). */
const exactSum = (values: number[]): number => pointsToNumber(values.reduce((s, v) => s + roundPoints(v), 0));

export function checkStandard(raw: unknown): Finding[] {
  const out: Finding[] = [];
  if (!isObject(raw)) return out;

  if (typeof raw.version === 'number') out.push({ code: 'numeric_version', path: ['version'], data: { value: raw.version } });

  const ids = (entries: unknown, base: DiagnosticPath, label: string, seen = new Map<string, DiagnosticPath>()) => {
    list(entries).forEach((entry, i) => {
      if (!isObject(entry) || typeof entry.id !== 'string') return;
      const path = [...base, i, 'id'];
      const first = seen.get(entry.id);
      if (first) out.push({ code: 'duplicate_id', path, firstPath: first, data: { id: entry.id, what: label } });
      else seen.set(entry.id, path);
    });
    return seen;
  };

  const kinds = ids(raw.kinds, ['kinds'], 'kind');
  const levels = ids(raw.levels, ['levels'], 'level');
  const indicators = ids(raw.indicators, ['indicators'], 'indicator');
  const categories = ids(raw.categories, ['categories'], 'category');
  const parties = ids(raw.parties, ['parties'], 'party');
  /** A `charges` list (item or rule) names declared parties. */
  const chargeRefs = (owner: Raw, path: DiagnosticPath) =>
    list(owner.charges).forEach((c, i) => isObject(c) && typeof c.party === 'string' && reference([...path, 'charges', i, 'party'], 'party', c.party, parties));
  const items = new Map<string, DiagnosticPath>();
  const named = isObject(raw.conditions) ? raw.conditions : {};
  const outcomes = isObject(raw.outcomes) ? raw.outcomes : {};

  const reference = (path: DiagnosticPath, what: string, id: string, known: Map<string, unknown> | Set<string>) => {
    if (!known.has(id)) out.push({ code: 'unknown_reference', path, data: { what, id, suggestion: closest(id, known.keys()) } });
  };
  // A group party's `joint` names a declared party.
  list(raw.parties).forEach((p, i) => isObject(p) && typeof p.joint === 'string' && reference(['parties', i, 'joint'], 'party', p.joint, parties));

  const conditionRefs = (condition: unknown, path: DiagnosticPath) => {
    for (const ref of safeRefs(condition)) {
      if (!Object.hasOwn(named, ref.name)) {
        out.push({ code: 'unknown_reference', path: [...path, ...ref.path], data: { what: 'condition', id: ref.name, suggestion: closest(ref.name, Object.keys(named)) } });
      }
    }
  };

  const rules = (entries: unknown, base: DiagnosticPath) => {
    list(entries).forEach((rule, r) => {
      if (!isObject(rule)) return;
      const path = [...base, r];
      const checks: RawRuleChecks = {
        range(at, low, high) {
          const min = num(low);
          const max = num(high);
          if (min !== undefined && max !== undefined && min > max) out.push({ code: 'range_inverted', path: [...path, ...at], data: { min, max } });
        },
        reference: (at, what, id) => reference([...path, ...at], what, id, what === 'kind' ? kinds : levels),
      };
      // A kind checks what only it knows (an unknown kind gets the common check; its name is reported elsewhere).
      (ruleKindOf(rule.kind)?.check ?? checkPointsRange)(rule, checks);
      if (isObject(rule.of) && typeof rule.of.indicator === 'string') reference([...path, 'of', 'indicator'], 'indicator', rule.of.indicator, indicators);
      if (rule.when !== undefined) conditionRefs(rule.when, [...path, 'when']);
      if (rule.when !== undefined) scoredInRule(rule.when, [...path, 'when']);
      if (isObject(rule.of) && typeof rule.of.fact === 'string' && SCORED_FACTS.includes(rule.of.fact)) {
        out.push({ code: 'scored_fact_in_rule', path: [...path, 'of', 'fact'], data: { fact: rule.of.fact } });
      }
      chargeRefs(rule, path);
    });
  };

  // The facts `category` and `item` are known once every rule has run: a rule (or a named condition it uses) may not read them.
  const scoredInRule = (condition: unknown, path: DiagnosticPath) => {
    for (const leaf of safeFactLeaves(condition, named)) {
      if (SCORED_FACTS.includes(leaf.fact)) out.push({ code: 'scored_fact_in_rule', path: leaf.named ? path : [...path, ...leaf.path], data: { fact: leaf.fact } });
    }
  };

  const maxMismatch = (container: Raw, children: unknown[], path: DiagnosticPath) => {
    for (const key of ['max', 'bonusMax'] as const) {
      const declared = num(container[key]);
      if (declared === undefined) continue;
      const parts = children.map((c) => (isObject(c) ? num(c[key]) : undefined));
      // Only when every child states its own maximum can the sum be compared.
      if (parts.some((p) => p === undefined) && key === 'max') continue;
      const sum = exactSum(parts.map((p) => p ?? 0));
      if (sum !== declared) out.push({ code: 'category_max_mismatch', severity: 'warning', path: [...path, key], data: { key, declared, sum } });
    }
  };

  list(raw.categories).forEach((category, c) => {
    if (!isObject(category)) return;
    ids(category.items, ['categories', c, 'items'], 'item', items);
    rules(category.rules, ['categories', c, 'rules']);
    list(category.items).forEach((item, i) => {
      if (isObject(item)) rules(item.rules, ['categories', c, 'items', i, 'rules']);
      if (isObject(item)) chargeRefs(item, ['categories', c, 'items', i]);
    });
    maxMismatch(category, list(category.items), ['categories', c]);
  });

  const base = num(isObject(raw.scoring) ? raw.scoring.base : undefined);
  const categoryMaxima = list(raw.categories).map((c) => (isObject(c) ? num(c.max) : undefined));
  if (base !== undefined && categoryMaxima.length > 0 && categoryMaxima.every((m) => m !== undefined)) {
    const sum = exactSum(categoryMaxima as number[]);
    if (sum !== base) out.push({ code: 'base_mismatch', severity: 'warning', path: ['scoring', 'base'], data: { base, sum } });
  }

  for (const [name, condition] of Object.entries(named)) conditionRefs(condition, ['conditions', name]);

  // `category.<id>.<field>` and `item.<id>.<field>` name a category or item and one of its facts.
  const scoredTargets: Record<string, Set<string>> = { category: new Set(categories.keys()), item: new Set(items.keys()) };
  const scoredPaths = (condition: unknown, path: DiagnosticPath) => {
    for (const leaf of safeFactLeaves(condition, {})) {
      const known = scoredTargets[leaf.fact];
      if (known === undefined || !Object.hasOwn(scoredTargets, leaf.fact)) continue;
      const at = [...path, ...leaf.path];
      const [id, field, ...rest] = typeof leaf.at === 'string' ? leaf.at.replace(/^\$\.?/, '').split('.') : [];
      if (id === undefined || id === '') out.push({ code: 'missing_key', path: at, data: { key: 'path' } });
      else if (!known.has(id)) reference([...at, 'path'], leaf.fact, id, known);
      else if (field !== undefined && (!PART_FIELDS.includes(field) || rest.length > 0)) reference([...at, 'path'], `${leaf.fact} fact`, [field, ...rest].join('.'), new Set(PART_FIELDS));
    }
  };
  for (const [name, condition] of Object.entries(named)) scoredPaths(condition, ['conditions', name]);
  for (const cycle of conditionCycles(named)) {
    out.push({ code: 'condition_cycle', path: ['conditions', cycle[0]!], data: { cycle: cycle.join(' → ') } });
  }

  ids(outcomes.vetoes, ['outcomes', 'vetoes'], 'veto');
  // What a veto's `item` may name, exactly as the scorer finds it: an item, `category.item`, a category.
  const vetoTargets = new Set<string>(items.keys());
  list(raw.categories).forEach((category) => {
    if (!isObject(category) || typeof category.id !== 'string') return;
    vetoTargets.add(category.id);
    for (const item of list(category.items)) if (isObject(item) && typeof item.id === 'string') vetoTargets.add(`${category.id}.${item.id}`);
  });
  list(outcomes.vetoes).forEach((veto, v) => {
    if (!isObject(veto)) return;
    if (typeof veto.item === 'string') reference(['outcomes', 'vetoes', v, 'item'], 'item', veto.item, vetoTargets);
    if (veto.when !== undefined) conditionRefs(veto.when, ['outcomes', 'vetoes', v, 'when']);
    if (veto.when !== undefined) scoredPaths(veto.when, ['outcomes', 'vetoes', v, 'when']);
  });
  ids(outcomes.prerequisites, ['outcomes', 'prerequisites'], 'prerequisite');
  list(outcomes.prerequisites).forEach((p, i) => {
    if (isObject(p) && p.require !== undefined) conditionRefs(p.require, ['outcomes', 'prerequisites', i, 'require']);
    if (isObject(p) && p.require !== undefined) scoredPaths(p.require, ['outcomes', 'prerequisites', i, 'require']);
  });
  const derived = ids(outcomes.derived, ['outcomes', 'derived'], 'derived outcome');
  // Band ids are unique within a dimension (the default `bands` is one), whatever their kinds.
  const bandList = (bands: unknown, base: DiagnosticPath) => {
    const found = ids(bands, base, 'band');
    list(bands).forEach((band, b) => {
      if (!isObject(band)) return;
      list(band.kinds).forEach((k, i) => typeof k === 'string' && reference([...base, b, 'kinds', i], 'kind', k, kinds));
      if (band.when !== undefined) conditionRefs(band.when, [...base, b, 'when']);
      if (band.when !== undefined) scoredPaths(band.when, [...base, b, 'when']);
    });
    pushAll(out, checkBands(list(bands), base));
    return found;
  };
  const bands = bandList(outcomes.bands, ['outcomes', 'bands']);
  ids(outcomes.dimensions, ['outcomes', 'dimensions'], 'dimension');
  list(outcomes.dimensions).forEach((d, i) => {
    if (isObject(d)) bandList(d.bands, ['outcomes', 'dimensions', i, 'bands']);
  });

  // Awards name this standard's kinds, and (without `standard`) its bands, derived outcomes and tiers.
  const ranking = isObject(raw.ranking) ? raw.ranking : {};
  const awardRefs = (awards: unknown, at: DiagnosticPath) =>
    list(awards).forEach((award, a) => {
      if (!isObject(award)) return;
      list(award.kinds).forEach((k, i) => typeof k === 'string' && reference([...at, a, 'kinds', i], 'kind', k, kinds));
      list(award.exclude).forEach((rule, e) => {
        if (!isObject(rule) || rule.standard !== undefined) return;
        list(rule.bands).forEach((id, i) => typeof id === 'string' && reference([...at, a, 'exclude', e, 'bands', i], 'band', id, bands));
        if (typeof rule.outcome !== 'string') return;
        reference([...at, a, 'exclude', e, 'outcome'], 'derived outcome', rule.outcome, derived);
        const outcome = list(outcomes.derived).find((d) => isObject(d) && d.id === rule.outcome);
        const tiers = new Set(isObject(outcome) ? list(outcome.tiers).flatMap((t) => (isObject(t) && typeof t.id === 'string' ? [t.id] : [])) : []);
        if (isObject(outcome)) list(rule.tiers).forEach((id, i) => typeof id === 'string' && reference([...at, a, 'exclude', e, 'tiers', i], 'tier', id, tiers));
      });
    });
  awardRefs(ranking.awards, ['ranking', 'awards']);
  ids(ranking.rollups, ['ranking', 'rollups'], 'roll-up');
  list(ranking.rollups).forEach((r, i) => isObject(r) && awardRefs(r.awards, ['ranking', 'rollups', i, 'awards']));

  if (isObject(outcomes.cycle)) {
    const bandIds = new Set(list(outcomes.bands).map((b) => (isObject(b) ? String(b.id) : '')));
    list(outcomes.cycle.reinspection).forEach((k, i) => typeof k === 'string' && reference(['outcomes', 'cycle', 'reinspection', i], 'kind', k, kinds));
    list(outcomes.cycle.grant).forEach((b, i) => typeof b === 'string' && reference(['outcomes', 'cycle', 'grant', i], 'band', b, bandIds));
  }

  // No total can stay within an inverted scoring range: the floor would raise it above the maximum.
  const scoringMin = num(isObject(raw.scoring) ? raw.scoring.min : undefined);
  const scoringMax = num(isObject(raw.scoring) ? raw.scoring.max : undefined);
  if (scoringMin !== undefined && scoringMax !== undefined && scoringMin > scoringMax) {
    out.push({ code: 'range_inverted', path: ['scoring'], data: { min: scoringMin, max: scoringMax } });
  }
  if (isObject(raw.effective) && typeof raw.effective.from === 'string' && typeof raw.effective.to === 'string' && raw.effective.from > raw.effective.to) {
    out.push({ code: 'range_inverted', path: ['effective'], data: { min: raw.effective.from, max: raw.effective.to } });
  }
  for (const finding of checkCalendar(raw.calendar, ['calendar'])) out.push(finding);
  // A repeat window of a school term needs the terms (issue 17).
  if (raw.calendar === undefined) {
    list(raw.categories).forEach((category, c) =>
      list(isObject(category) ? category.items : undefined).forEach((item, i) => {
        if (isObject(item) && isObject(item.repeat) && item.repeat.within === 'term') out.push({ code: 'missing_key', path: ['categories', c, 'items', i, 'repeat', 'within'], data: { key: 'calendar' } });
      }),
    );
  }
  return out;
}

const closest = (id: string, candidates: Iterable<string>): string | undefined => suggest(id, candidates);

function safeRefs(condition: unknown): { name: string; path: DiagnosticPath }[] {
  const refs: { name: string; path: DiagnosticPath }[] = [];
  const walk = (node: unknown, path: DiagnosticPath) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, [...path, i]));
    if (!isObject(node)) return;
    if (typeof node.condition === 'string') refs.push({ name: node.condition, path: [...path, 'condition'] });
    for (const key of ['all', 'any', 'not'] as const) if (key in node) walk(node[key], [...path, key]);
  };
  walk(condition, []);
  return refs;
}

/**
 * The fact leaves of a condition (and of a `value: { fact }`), with where each is and its `path`;
 * following named conditions (once each), whose leaves are marked `named` (their place is elsewhere).
 */
function safeFactLeaves(condition: unknown, named: Raw): { fact: string; at: unknown; path: DiagnosticPath; named: boolean }[] {
  const leaves: { fact: string; at: unknown; path: DiagnosticPath; named: boolean }[] = [];
  const seen = new Set<string>();
  const walk = (node: unknown, path: DiagnosticPath, inNamed: boolean) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, [...path, i], inNamed));
    if (!isObject(node)) return;
    if (typeof node.fact === 'string') leaves.push({ fact: node.fact, at: node.path, path, named: inNamed });
    if (isObject(node.value) && typeof node.value.fact === 'string') leaves.push({ fact: node.value.fact, at: node.value.path, path: [...path, 'value'], named: inNamed });
    if (typeof node.condition === 'string' && Object.hasOwn(named, node.condition) && !seen.has(node.condition)) {
      seen.add(node.condition);
      walk(named[node.condition], [], true);
    }
    for (const key of ['all', 'any', 'not'] as const) if (key in node) walk(node[key], [...path, key], inNamed);
  };
  walk(condition, [], false);
  return leaves;
}

/** Cycles among named conditions (a → b → a), each listed once. */
function conditionCycles(named: Raw): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string) => {
    state.set(name, 'visiting');
    stack.push(name);
    for (const ref of new Set(safeRefs(named[name]).map((r) => r.name))) {
      if (!Object.hasOwn(named, ref)) continue;
      if (state.get(ref) === 'visiting') cycles.push([...stack.slice(stack.indexOf(ref)), ref]);
      else if (!state.has(ref)) visit(ref);
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of Object.keys(named)) if (!state.has(name)) visit(name);
  return cycles;
}

interface Interval {
  index: number;
  low: number;
  lowInclusive: boolean;
  high: number;
  highInclusive: boolean;
}

/** Bands that apply to the same kinds must tile the score line: no gap, no overlap. */
function checkBands(bands: unknown[], base: DiagnosticPath): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, Interval[]>();
  bands.forEach((band, index) => {
    // Compound bands (everyCategory) and conditional ones (when) are tried first and may overlap the plain ones by design.
    if (!isObject(band) || band.everyCategory !== undefined || band.when !== undefined) return;
    const min = num(band.min);
    const above = num(band.above);
    const max = num(band.max);
    const below = num(band.below);
    const interval: Interval = {
      index,
      low: min ?? above ?? -Infinity,
      lowInclusive: min !== undefined,
      high: max ?? below ?? Infinity,
      highInclusive: max !== undefined,
    };
    if (interval.low > interval.high) {
      out.push({ code: 'range_inverted', path: [...base, index], data: { min: interval.low, max: interval.high } });
      return;
    }
    const key = Array.isArray(band.kinds) ? [...band.kinds].map(String).sort().join(',') : '';
    pushTo(groups, key, interval);
  });
  for (const intervals of groups.values()) {
    intervals.sort((a, b) => a.low - b.low || Number(b.lowInclusive) - Number(a.lowInclusive));
    for (let i = 1; i < intervals.length; i++) {
      const lower = intervals[i - 1]!;
      const upper = intervals[i]!;
      const path = [...base, upper.index];
      const data = { between: `${lower.high}`, other: lower.index };
      if (lower.high < upper.low || (lower.high === upper.low && !lower.highInclusive && !upper.lowInclusive)) {
        out.push({ code: 'band_gap', path, data: { from: lower.high, to: upper.low, other: lower.index } });
      } else if (lower.high > upper.low || (lower.highInclusive && upper.lowInclusive)) {
        out.push({ code: 'band_overlap', path, data: { ...data, at: upper.low } });
      }
    }
  }
  return out;
}

/*
 * Calendars. Cross-checks of a term calendar that its schema cannot express: a term (or holiday) that ends
 * before it starts, two terms with the same id, and terms that overlap (a date in two terms would be
 * counted in whichever comes first). Reads the parsed YAML defensively, like checkStandard, so it
 * runs on a standard's `calendar:` and on a `--calendar` file alike.
 */
interface Span {
  readonly index: number;
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

/** The span a `{ from, to }` entry covers, when both are real dates; a range_inverted finding when it ends before it starts. */
function spanOf(entry: unknown, path: DiagnosticPath, out: Finding[]): { from: string; to: string } | undefined {
  if (!isObject(entry) || typeof entry.from !== 'string' || typeof entry.to !== 'string') return undefined;
  if (!isCalendarDate(entry.from) || !isCalendarDate(entry.to)) return undefined; // the schema says so
  if (entry.from > entry.to) {
    out.push({ code: 'range_inverted', path: [...path, 'to'], data: { from: entry.from, to: entry.to } });
    return undefined;
  }
  return { from: entry.from, to: entry.to };
}

/** Findings for the calendar at `base` (`['calendar']` in a standard, `[]` for a calendar file). */
export function checkCalendar(raw: unknown, base: DiagnosticPath): Finding[] {
  const out: Finding[] = [];
  if (!isObject(raw)) return out;
  const spans: Span[] = [];
  const seen = new Map<string, DiagnosticPath>();
  list(raw.terms).forEach((term, index) => {
    const path = [...base, 'terms', index];
    if (!isObject(term)) return;
    if (typeof term.id === 'string') {
      const first = seen.get(term.id);
      if (first) out.push({ code: 'duplicate_id', path: [...path, 'id'], firstPath: first, data: { id: term.id, what: 'term' } });
      else seen.set(term.id, [...path, 'id']);
    }
    list(term.holidays).forEach((holiday, h) => spanOf(holiday, [...path, 'holidays', h], out));
    const span = spanOf(term, path, out);
    if (span) spans.push({ index, id: typeof term.id === 'string' ? term.id : String(index), ...span });
  });

  // Sorted by start, each term is compared with the one reaching furthest before it: one finding per
  // term that starts inside an earlier one.
  spans.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.index - b.index));
  let reach: Span | undefined;
  for (const span of spans) {
    if (reach && span.from <= reach.to) {
      out.push({
        code: 'term_overlap',
        path: [...base, 'terms', span.index, 'from'],
        firstPath: [...base, 'terms', reach.index],
        data: { id: span.id, other: reach.id, from: span.from, to: span.to < reach.to ? span.to : reach.to },
      });
    }
    if (!reach || span.to > reach.to) reach = span;
  }
  return out;
}
