/**
 * Standard → Scorer: every lookup, table, condition and bound resolved once, so scoring a record
 * is a walk over arrays of closures.
 */
import { createHash } from 'node:crypto';
import { compileCondition } from '../compile/conditions.js';
import { compilePath } from '../compile/paths.js';
import { formatPath } from '../diagnostics.js';
import type { Message } from '../messages/types.js';
import { RULE_KINDS } from '../rules/index.js';
import type { CompiledRule, RuleKind, RuleScope, ScopeCondition } from '../rules/kind.js';
import type { Condition } from '../standard/condition-schema.js';
import type { LocalizedText, QuantitySource } from '../standard/common.js';
import type { Band, Indicator, Standard } from '../standard/schema.js';
import { pointsOf, type Points, type Ratio } from './points.js';
import { quantityProblem, readScopeFact } from './score.js';

export interface CompiledRuleEntry {
  readonly compiled: CompiledRule;
  readonly path: string;
  readonly source?: string;
  readonly cap?: Points;
  readonly kind: string;
  /** Whether the rule may produce lines for an item with no finding (reads facts or indicators). */
  readonly needsNoFinding: boolean;
  readonly reason?: LocalizedText;
  /**
   * What the rule can do to the points when it cannot be decided (a missing fact): take some, give
   * some. With these a scorecard whose total is unknown still knows the total's range.
   */
  readonly mayDeduct: boolean;
  readonly mayAward: boolean;
  /** The record field the rule reads its quantity from (`indicators.rate`); undefined for findings' values or none. */
  readonly quantityField: string | undefined;
}

/** An item or a category: both carry rules, maxima and (for categories) children. */
export interface CompiledScope {
  readonly id: string;
  readonly name: LocalizedText;
  readonly path: string;
  readonly max?: Points;
  readonly bonusMax?: Points;
  readonly evidenceRequired: boolean;
  readonly rules: readonly CompiledRuleEntry[];
  /** How many of `rules`, from the first, are not-applicable rules (compile puts them first). */
  readonly notApplicableRules: number;
  /** Whether any of its rules (or a missing-evidence charge) can take points, or give points. */
  readonly mayDeduct: boolean;
  readonly mayAward: boolean;
  readonly alwaysRun: boolean;
  readonly source?: string;
  /** What the scope's own floor and caps (and a missing-evidence charge) are attributed to: its path. */
  readonly limitRule: CompiledRuleEntry;
  readonly evidenceRule: CompiledRuleEntry;
}

export interface CompiledCategory extends CompiledScope {
  readonly index: number;
  readonly items: readonly CompiledItem[];
}

export interface CompiledItem extends CompiledScope {
  readonly index: number;
  readonly category: CompiledCategory;
}

export interface CompiledBand {
  readonly id: string;
  readonly name: LocalizedText;
  readonly low?: Points;
  readonly lowInclusive: boolean;
  readonly high?: Points;
  readonly highInclusive: boolean;
  readonly kinds?: ReadonlySet<string>;
  readonly everyCategory?: { readonly min?: Points; readonly max?: Points };
  readonly fails: boolean;
  readonly path: string;
}

export interface Scorer {
  readonly standard: Standard;
  /** `id@version` */
  readonly ref: string;
  readonly hash: string;
  readonly mode: Standard['scoring']['mode'];
  readonly base: Points;
  readonly totalMax?: Points;
  readonly totalMin?: Points;
  readonly categories: readonly CompiledCategory[];
  readonly items: readonly CompiledItem[];
  /** Item or category lookup by id and by `category.item`. */
  readonly targets: ReadonlyMap<string, CompiledItem | CompiledCategory>;
  readonly kinds: ReadonlySet<string>;
  readonly levels: ReadonlySet<string>;
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly vetoes: readonly { id: string; name: LocalizedText; path: string; item?: CompiledItem | CompiledCategory; when?: ScopeCondition; source?: string }[];
  readonly prerequisites: readonly { id: string; name: LocalizedText; path: string; require: ScopeCondition; source?: string }[];
  readonly bands: readonly CompiledBand[];
  /** Derived outcomes, each one's tiers highest `min` first (the first a value reaches is its tier). */
  readonly derived: Standard['outcomes']['derived'];
}

const NO_FINDING_KINDS = new Set(['per-shortfall', 'per-step', 'threshold', 'not-applicable']);

/**
 * A fact quantity read straight from the record (see RecordRun.quantity), resolved once; undefined
 * for an indicator, findings' values, or a path that does not parse (left to fail as it always did).
 */
function factQuantity(source: QuantitySource | undefined): ((scope: RuleScope) => unknown) | undefined {
  if (source === undefined || 'indicator' in source) return undefined;
  const read = readScopeFact(source.fact, true);
  if (source.path === undefined) return read;
  let walk: (value: unknown) => unknown;
  try {
    walk = compilePath(source.path);
  } catch {
    return undefined;
  }
  return (scope) => walk(read(scope));
}

function quantityReader(source: QuantitySource | undefined): (scope: RuleScope) => number | Message {
  const read = factQuantity(source);
  if (read === undefined) return (scope) => scope.quantity(source);
  const fact = source as { readonly fact: string; readonly path?: string };
  return (scope) => {
    const value = read(scope);
    return typeof value === 'number' && Number.isFinite(value) ? value : quantityProblem(fact, value);
  };
}

function ratioReader(source: QuantitySource | undefined): (scope: RuleScope) => Ratio | Message {
  const read = factQuantity(source);
  if (read === undefined) return (scope) => scope.ratio(source);
  const fact = source as { readonly fact: string; readonly path?: string };
  return (scope) => {
    const value = read(scope);
    return typeof value === 'number' && Number.isFinite(value) ? { numerator: value, denominator: 1 } : quantityProblem(fact, value);
  };
}

/** The record field a quantity is read from, to name it in a problem; undefined for the findings' values (named per finding). */
function quantityField(source: QuantitySource | undefined): string | undefined {
  if (source === undefined) return undefined;
  return 'indicator' in source ? formatPath(['indicators', source.indicator]) : formatPath(['facts', source.fact]);
}

const noScore: CompiledRule = { score() {} };
const limitEntry = (path: string, kind: 'limit' | 'evidence'): CompiledRuleEntry => ({
  compiled: noScore,
  path,
  kind,
  needsNoFinding: false,
  source: undefined,
  cap: undefined,
  reason: undefined,
  mayDeduct: false,
  mayAward: false,
  quantityField: undefined,
});

/** What a rule can do to the points (see CompiledRuleEntry.mayDeduct); not-applicable rules: nothing themselves. */
function pointsEffect(rule: Standard['categories'][number]['rules'][number]): { mayDeduct: boolean; mayAward: boolean } {
  switch (rule.kind) {
    case 'fixed':
    case 'per-occurrence':
    case 'judgement':
      return { mayDeduct: rule.effect !== 'award', mayAward: rule.effect === 'award' };
    case 'threshold':
      return { mayDeduct: rule.effect === 'points', mayAward: false };
    case 'bonus':
      return { mayDeduct: false, mayAward: true };
    case 'not-applicable':
      return { mayDeduct: false, mayAward: false };
    case 'per-shortfall':
    case 'per-step':
    case 'by-kind':
      return { mayDeduct: true, mayAward: false };
    default: {
      // A new rule kind must say what it can do here, or a range would be claimed that it can leave.
      const unknownKind: never = rule;
      return unknownKind;
    }
  }
}

/**
 * Compiles a validated standard into a reusable, synchronous scorer.
 *
 * @example
 * ```ts
 * import { compileStandard, type Standard } from 'scoresheet';
 *
 * declare const standard: Standard; // from loadStandard or parseStandard
 * const scorer = compileStandard(standard);
 * console.log(scorer.standard.id);
 * ```
 */
export function compileStandard(standard: Standard): Scorer {
  const named: Record<string, Condition> = standard.conditions;
  const condition = (c: Condition): ScopeCondition => {
    const plain = compileCondition(c, { named });
    const scoped = compileCondition<RuleScope>(c, { named, factReader: (fact) => readScopeFact(fact) });
    return { evaluate: plain.evaluate, explain: plain.explain, test: scoped.evaluate };
  };
  const kinds = standard.kinds.map((k) => k.id);
  const levels = standard.levels.map((l) => l.id);
  const namesOf = (entries: Standard['kinds']) => new Map(entries.flatMap((e) => (e.name !== undefined ? [[e.id, e.name] as const] : [])));
  const kindNames = namesOf(standard.kinds);
  const levelNames = namesOf(standard.levels);
  const indicatorNames = new Map(standard.indicators.map((i) => [i.id, i.name] as const));
  const evidenceDefault = standard.scoring.evidence === 'required';

  const compileRules = (rules: Standard['categories'][number]['rules'], base: string, max: Points | undefined): CompiledRuleEntry[] => {
    const entries = rules.map((rule, r) => {
      const kind = RULE_KINDS[rule.kind] as RuleKind;
      const compiled = kind.compile(rule, { condition, quantity: quantityReader, ratio: ratioReader, kinds, levels, kindNames, levelNames, indicatorNames, ...(max !== undefined ? { max } : {}) });
      const needsNoFinding =
        NO_FINDING_KINDS.has(rule.kind) || ((rule.kind === 'fixed' && rule.when !== undefined) || (rule.kind === 'bonus' && rule.of !== undefined));
      // Every entry (and every scope below) has all its fields, undefined when absent: one shape,
      // so the scoring loop's property reads stay monomorphic.
      return {
        compiled,
        path: `${base}.rules[${r}]`,
        kind: rule.kind,
        needsNoFinding,
        source: rule.source,
        cap: rule.cap !== undefined ? pointsOf(rule.cap) : undefined,
        reason: rule.reason,
        ...pointsEffect(rule),
        quantityField: 'of' in rule ? quantityField(rule.of) : undefined,
      };
    });
    // Not-applicable rules decide first whether the others run at all.
    return [...entries.filter((e) => e.kind === 'not-applicable'), ...entries.filter((e) => e.kind !== 'not-applicable')];
  };

  const items: CompiledItem[] = [];
  const targets = new Map<string, CompiledItem | CompiledCategory>();
  const categories = standard.categories.map((category, c) => {
    const path = `categories[${c}]`;
    const max = category.max !== undefined ? pointsOf(category.max) : undefined;
    const rules = compileRules(category.rules, path, max);
    const compiledCategory: CompiledCategory = {
      id: category.id,
      name: category.name,
      path,
      index: c,
      max,
      bonusMax: category.bonusMax !== undefined ? pointsOf(category.bonusMax) : undefined,
      source: category.source,
      evidenceRequired: false,
      rules,
      notApplicableRules: rules.filter((r) => r.kind === 'not-applicable').length,
      mayDeduct: rules.some((r) => r.mayDeduct),
      mayAward: rules.some((r) => r.mayAward),
      alwaysRun: rules.some((r) => r.needsNoFinding),
      limitRule: limitEntry(path, 'limit'),
      evidenceRule: limitEntry(path, 'evidence'),
      items: [],
    };
    const categoryItems = category.items.map((item, i) => {
      const itemPath = `${path}.items[${i}]`;
      const itemMax = item.max !== undefined ? pointsOf(item.max) : undefined;
      const itemRules = compileRules(item.rules, itemPath, itemMax);
      const compiled: CompiledItem = {
        id: item.id,
        name: item.name,
        path: itemPath,
        index: items.length,
        category: compiledCategory,
        max: itemMax,
        bonusMax: item.bonusMax !== undefined ? pointsOf(item.bonusMax) : undefined,
        source: item.source,
        evidenceRequired: item.evidence !== undefined ? item.evidence === 'required' : evidenceDefault,
        rules: itemRules,
        notApplicableRules: itemRules.filter((r) => r.kind === 'not-applicable').length,
        // 注2: an item that requires written material may lose its maximum for the lack of it.
        mayDeduct: itemRules.some((r) => r.mayDeduct) || (itemMax !== undefined && (item.evidence !== undefined ? item.evidence === 'required' : evidenceDefault)),
        mayAward: itemRules.some((r) => r.mayAward),
        alwaysRun: itemRules.some((r) => r.needsNoFinding),
        limitRule: limitEntry(itemPath, 'limit'),
        evidenceRule: limitEntry(itemPath, 'evidence'),
      };
      items.push(compiled);
      targets.set(item.id, compiled);
      targets.set(`${category.id}.${item.id}`, compiled);
      return compiled;
    });
    (compiledCategory as unknown as { items: CompiledItem[] }).items = categoryItems;
    if (!targets.has(category.id)) targets.set(category.id, compiledCategory);
    return compiledCategory;
  });

  const categoryMaxSum = categories.every((c) => c.max !== undefined) ? categories.reduce((s, c) => s + c.max!, 0) : 0;
  const mode = standard.scoring.mode;
  const base = mode === 'deduct' ? (standard.scoring.base !== undefined ? pointsOf(standard.scoring.base) : categoryMaxSum) : 0;

  const vetoes = standard.outcomes.vetoes.map((veto, v) => ({
    id: veto.id,
    name: veto.name,
    path: `outcomes.vetoes[${v}]`,
    ...(veto.item !== undefined ? { item: targets.get(veto.item)! } : {}),
    ...(veto.when !== undefined ? { when: condition(veto.when) } : {}),
    ...(veto.source !== undefined ? { source: veto.source } : {}),
  }));
  const prerequisites = standard.outcomes.prerequisites.map((p, i) => ({
    id: p.id,
    name: p.name,
    path: `outcomes.prerequisites[${i}]`,
    require: condition(p.require),
    ...(p.source !== undefined ? { source: p.source } : {}),
  }));

  return {
    standard,
    ref: `${standard.id}@${standard.version}`,
    hash: createHash('sha256').update(JSON.stringify(standard)).digest('hex'),
    mode,
    base,
    ...(standard.scoring.max !== undefined ? { totalMax: pointsOf(standard.scoring.max) } : {}),
    ...(standard.scoring.min !== undefined ? { totalMin: Math.round(standard.scoring.min * 10_000) } : {}),
    categories,
    items,
    targets,
    kinds: new Set(kinds),
    levels: new Set(levels),
    indicators: new Map(standard.indicators.map((i) => [i.id, i])),
    vetoes,
    prerequisites,
    bands: standard.outcomes.bands.map(compileBand),
    derived: standard.outcomes.derived.map((d) => ({ ...d, tiers: [...d.tiers].sort((a, b) => b.min - a.min) })),
  };
}

const scaled = (v: number) => Math.round(v * 10_000);

function compileBand(band: Band, index: number): CompiledBand {
  const low = band.min ?? band.above;
  const high = band.max ?? band.below;
  return {
    id: band.id,
    name: band.name,
    ...(low !== undefined ? { low: scaled(low) } : {}),
    lowInclusive: band.min !== undefined,
    ...(high !== undefined ? { high: scaled(high) } : {}),
    highInclusive: band.max !== undefined,
    ...(band.kinds ? { kinds: new Set(band.kinds) } : {}),
    ...(band.everyCategory
      ? {
          everyCategory: {
            ...(band.everyCategory.min !== undefined ? { min: scaled(band.everyCategory.min) } : {}),
            ...(band.everyCategory.max !== undefined ? { max: scaled(band.everyCategory.max) } : {}),
          },
        }
      : {}),
    fails: band.verdict === 'fail',
    path: `outcomes.bands[${index}]`,
  };
}
