/**
 * Standard → Scorer: every lookup, table, condition and bound resolved once; then one JavaScript
 * function generated for the standard (generate.ts), or, without code generation, a walk over
 * arrays of closures (score/score.ts).
 */
import { compileCondition } from './conditions.js';
import { internalize } from '../collections.js';
import { compilePath } from '../paths.js';
import { sha256Hex } from '../sha256.js';
import { formatPath } from '../diagnostics.js';
import type { Message } from '../messages/types.js';
import { ruleKind } from '../rules/index.js';
import { evaluateSource, generateSource, type GeneratedScore } from './generate.js';
import { isQuiet, type CompiledBand, type CompiledCategory, type CompiledDimension, type CompiledItem, type CompiledRuleEntry } from './compiled.js';
import type { CompiledRule, RuleScope, ScopeCondition } from '../rules/kind.js';
import type { Condition } from '../condition-schema.js';
import type { LocalizedText, QuantitySource } from '../common-schema.js';
import type { Band, Indicator, Standard } from '../standard/schema.js';
import { pointsOf, roundPoints, type Points, type Ratio } from '../points.js';
import { quantityProblem, readScopeFact, readsScoredFacts } from './facts.js';
import { SCORESHEET_VERSION } from '../version.js';

export type { CompiledBand, CompiledCategory, CompiledDimension, CompiledItem, CompiledRuleEntry, CompiledScope } from './compiled.js';

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
  /**
   * Each target's rules that check a finding (most check none), by the same ids as `targets`: its own
   * rules, then, for an item, its category's, whose rules score its findings too, so their ranges apply as well.
   */
  readonly findingChecks: ReadonlyMap<string, readonly CompiledRuleEntry['compiled'][]>;
  readonly kinds: ReadonlySet<string>;
  readonly levels: ReadonlySet<string>;
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly vetoes: readonly { id: string; name: LocalizedText; path: string; item?: CompiledItem | CompiledCategory; when?: ScopeCondition; source?: string }[];
  readonly prerequisites: readonly { id: string; name: LocalizedText; path: string; require: ScopeCondition; source?: string }[];
  readonly bands: readonly CompiledBand[];
  /** Named outcome dimensions beside `bands` (the default one). */
  readonly dimensions: readonly CompiledDimension[];
  /** Every scorecard's `provenance`: one frozen object per scorer (the same for every record it scores). */
  readonly provenance: { readonly scoresheet: string; readonly standardHash: string; readonly chain?: readonly string[] };
  /** Whether the outcomes read the facts `category` or `item`: the run then keeps each part's points. */
  readonly readsScored: boolean;
  /** Derived outcomes, each one's tiers highest `min` first (the first a value reaches is its tier). */
  readonly derived: Standard['outcomes']['derived'];
  /**
   * Whether a record without findings scores the base and passes, whatever else it says: no rule runs
   * without a finding (every category is quiet, see {@link isQuiet}), the base is within the total's cap and
   * floor, and the outcome has nothing to decide (no prerequisite, veto, band, dimension or derived outcome).
   * Such a record's card is built straight from the standard (score.ts, outcome.ts's blankCard).
   */
  readonly blank: boolean;
  /**
   * The JavaScript generated for this standard (docs/compiled.md; `scoresheet compile --emit js`);
   * undefined when compiled with `codegen: false`.
   */
  readonly source: string | undefined;
  /**
   * The generated function that scores a record, made from `source`; undefined where the runtime
   * forbids code generation (a CSP without `unsafe-eval`, `node --disallow-code-generation-from-strings`)
   * or with `codegen: false`: the interpreter, which walks the compiled rules, scores instead.
   */
  readonly generated: GeneratedScore | undefined;
}

export interface CompileOptions {
  /**
   * `false`: never generate code, always interpret the compiled rules (the same scorecards, slower).
   * Default: generate one function per standard, and use it where the runtime allows code generation
   * (checked once); where it does not, the interpreter scores.
   */
  readonly codegen?: boolean;
}

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
  // The fact `indicators` may hold an exact ratio behind the number: the scope's method knows.
  const read = source !== undefined && 'fact' in source && source.fact === 'indicators' ? undefined : factQuantity(source);
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
  rule: undefined,
  path,
  kind,
  needsNoFinding: false,
  decidesApplicability: false,
  source: undefined,
  cap: undefined,
  reason: undefined,
  mayDeduct: false,
  mayAward: false,
  quantityField: undefined,
});

/**
 * Compiles a validated standard into a reusable, synchronous scorer: one JavaScript function
 * generated for the standard where the runtime allows code generation, else (or with
 * `{ codegen: false }`) the interpreter; both give the same scorecards (docs/compiled.md).
 *
 * @example
 * ```ts
 * import { compileStandard, type Standard } from 'scoresheet';
 *
 * declare const standard: Standard; // from loadStandard or parseStandard
 * const scorer = compileStandard(standard);
 * console.log(scorer.standard.id, scorer.generated !== undefined ? 'generated code' : 'interpreter');
 * console.log(scorer.source); // the generated JavaScript, as `scoresheet compile --emit js` prints it
 * const interpreted = compileStandard(standard, { codegen: false }); // never generates code
 * ```
 */
export function compileStandard(standard: Standard, options: CompileOptions = {}): Scorer {
  const named: Record<string, Condition> = standard.conditions;
  const condition = (c: Condition): ScopeCondition => {
    const plain = compileCondition(c, { named });
    const scoped = compileCondition<RuleScope>(c, { named, factReader: (fact) => readScopeFact(fact) });
    return { evaluate: plain.evaluate, explain: plain.explain, test: scoped.evaluate };
  };
  // Ids a record's strings are looked up by (kinds, levels, items) are keyed by their internalized copies: a
  // record's string read by JSON.parse or written as a literal is internalized too, and then the key's
  // comparison is by reference, not character by character (a string from the standard's YAML is not).
  const kinds = standard.kinds.map((k) => internalize(k.id));
  const levels = standard.levels.map((l) => internalize(l.id));
  const namesOf = (entries: Standard['kinds']) => new Map(entries.flatMap((e) => (e.name !== undefined ? [[internalize(e.id), e.name] as const] : [])));
  const kindNames = namesOf(standard.kinds);
  const levelNames = namesOf(standard.levels);
  const indicatorNames = new Map(standard.indicators.map((i) => [i.id, i.name] as const));
  const evidenceDefault = standard.scoring.evidence === 'required';

  const compileRules = (rules: Standard['categories'][number]['rules'], base: string, max: Points | undefined): CompiledRuleEntry[] => {
    const entries = rules.map((rule, r) => {
      const kind = ruleKind(rule);
      const compiled = kind.compile(rule, { condition, quantity: quantityReader, ratio: ratioReader, kinds, levels, kindNames, levelNames, indicatorNames, ...(max !== undefined ? { max } : {}) });
      const effect = kind.effect(rule);
      // Every entry (and every scope below) has all its fields, undefined when absent: one shape,
      // so the scoring loop's property reads stay monomorphic.
      return {
        compiled,
        rule,
        path: `${base}.rules[${r}]`,
        kind: rule.kind,
        needsNoFinding: kind.runsWithoutFinding(rule),
        decidesApplicability: kind.decidesApplicability === true,
        source: rule.source,
        cap: rule.cap !== undefined ? pointsOf(rule.cap) : undefined,
        reason: rule.reason,
        mayDeduct: effect.deducts,
        mayAward: effect.awards,
        quantityField: 'of' in rule ? quantityField(rule.of) : undefined,
      };
    });
    // Rules that decide whether the scope applies run first: they decide whether the others run at all.
    return [...entries.filter((e) => e.decidesApplicability), ...entries.filter((e) => !e.decidesApplicability)];
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
      applicabilityRules: rules.filter((r) => r.decidesApplicability).length,
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
        applicabilityRules: itemRules.filter((r) => r.decidesApplicability).length,
        // 注2: an item that requires written material may lose its maximum for the lack of it.
        mayDeduct: itemRules.some((r) => r.mayDeduct) || (itemMax !== undefined && (item.evidence !== undefined ? item.evidence === 'required' : evidenceDefault)),
        mayAward: itemRules.some((r) => r.mayAward),
        alwaysRun: itemRules.some((r) => r.needsNoFinding),
        limitRule: limitEntry(itemPath, 'limit'),
        evidenceRule: limitEntry(itemPath, 'evidence'),
      };
      items.push(compiled);
      targets.set(internalize(item.id), compiled);
      targets.set(internalize(`${category.id}.${item.id}`), compiled);
      return compiled;
    });
    (compiledCategory as unknown as { items: CompiledItem[] }).items = categoryItems;
    if (!targets.has(category.id)) targets.set(internalize(category.id), compiledCategory);
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

  const findingChecks = new Map(
    [...targets].map(([id, target]) => [id, ('category' in target ? [...target.rules, ...target.category.rules] : target.rules).map((r) => r.compiled).filter((c) => c.checkFinding !== undefined)]),
  );
  const kindSet = new Set(kinds);
  const levelSet = new Set(levels);
  const generatedSource =
    options.codegen === false
      ? undefined
      : generateSource({ standard, categories, items, targets, findingChecks, kinds: kindSet, levels: levelSet, condition, kindNames, levelNames, indicatorNames });

  const hash = sha256Hex(JSON.stringify(standard));
  const outcomes = standard.outcomes;
  const blank =
    categories.every(isQuiet) &&
    (standard.scoring.max === undefined || base <= pointsOf(standard.scoring.max)) &&
    (standard.scoring.min === undefined || base >= roundPoints(standard.scoring.min)) &&
    outcomes.prerequisites.length + outcomes.vetoes.length + outcomes.bands.length + (outcomes.dimensions?.length ?? 0) + outcomes.derived.length === 0;
  return {
    standard,
    ref: `${standard.id}@${standard.version}`,
    hash,
    provenance: Object.freeze(standard.lineage ? { scoresheet: SCORESHEET_VERSION, standardHash: hash, chain: standard.lineage } : { scoresheet: SCORESHEET_VERSION, standardHash: hash }),
    mode,
    base,
    ...(standard.scoring.max !== undefined ? { totalMax: pointsOf(standard.scoring.max) } : {}),
    ...(standard.scoring.min !== undefined ? { totalMin: roundPoints(standard.scoring.min) } : {}),
    categories,
    items,
    targets,
    findingChecks,
    kinds: kindSet,
    levels: levelSet,
    indicators: new Map(standard.indicators.map((i) => [i.id, i])),
    vetoes,
    prerequisites,
    bands: standard.outcomes.bands.map((b, i) => compileBand(b, `outcomes.bands[${i}]`, condition)),
    dimensions: (standard.outcomes.dimensions ?? []).map((d, di) => ({
      id: d.id,
      name: d.name,
      bands: d.bands.map((b, i) => compileBand(b, `outcomes.dimensions[${di}].bands[${i}]`, condition)),
    })),
    readsScored: readsScoredFacts(
      [
        ...standard.outcomes.vetoes.flatMap((v) => (v.when !== undefined ? [v.when] : [])),
        ...standard.outcomes.prerequisites.map((p) => p.require),
        ...[...standard.outcomes.bands, ...(standard.outcomes.dimensions ?? []).flatMap((d) => d.bands)].flatMap((b) => (b.when !== undefined ? [b.when] : [])),
      ],
      named,
    ),
    derived: standard.outcomes.derived.map((d) => ({ ...d, tiers: [...d.tiers].sort((a, b) => b.min - a.min) })),
    blank,
    source: generatedSource?.source,
    generated: generatedSource === undefined ? undefined : evaluateSource(generatedSource),
  };
}

function compileBand(band: Band, path: string, condition: (c: Condition) => ScopeCondition): CompiledBand {
  const low = band.min ?? band.above;
  const high = band.max ?? band.below;
  return {
    id: band.id,
    name: band.name,
    ...(low !== undefined ? { low: roundPoints(low) } : {}),
    lowInclusive: band.min !== undefined,
    ...(high !== undefined ? { high: roundPoints(high) } : {}),
    highInclusive: band.max !== undefined,
    ...(band.kinds ? { kinds: new Set(band.kinds) } : {}),
    ...(band.everyCategory
      ? {
          everyCategory: {
            ...(band.everyCategory.min !== undefined ? { min: roundPoints(band.everyCategory.min) } : {}),
            ...(band.everyCategory.max !== undefined ? { max: roundPoints(band.everyCategory.max) } : {}),
          },
        }
      : {}),
    fails: band.verdict === 'fail',
    ...(band.when !== undefined ? { when: condition(band.when) } : {}),
    path,
  };
}
