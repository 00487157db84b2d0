/**
 * A compiled standard as generated JavaScript (ajv's and zod v4's way): one pass over the findings,
 * straight-line code per item (a function per item, one local per fact it reads), each rule's code
 * from its kind's `generate`.
 *
 * Nothing from a standard or a record becomes code. Every string (ids, names, paths, messages, facts)
 * and every table is a constant passed in; every name in the code is made here (`k0`, `v1`, `s2`);
 * a number is written as a literal only when it is finite and prints as itself. The function drives
 * the same RecordRun the interpreter does (score/score.ts), in the same order, so the two give equal
 * scorecards (test/compile/generated.differential.test.ts).
 */
import type { QuantitySource } from '../common-schema.js';
import type { Condition } from '../condition-schema.js';
import { internalize } from '../collections.js';
import { compilePath } from '../paths.js';
import { compareRatio, pointsOf, pointsToNumber, stepsBelow, timesPoints } from '../points.js';
import type { InspectionRecord } from '../record-schema.js';
import { formatQuantity } from '../rules/format.js';
import { ruleKind } from '../rules/index.js';
import type { CompiledRule, GeneratedHelper, RuleGenerateContext, RuleScope, ScopeCondition } from '../rules/kind.js';
import type { Standard } from '../standard/schema.js';
import { quantityProblem, quantityRatio, readScopeFact } from './facts.js';
import { isQuiet, type CompiledCategory, type CompiledItem, type CompiledRuleEntry } from './compiled.js';

/**
 * The generated scoring of one record: the standard's checks (score.ts's checkRecord), then what
 * RecordRun.scoreAll's walk does, for one standard. False, with nothing scored, when a check fails:
 * checkRecord then says which.
 */
export type GeneratedScore = (run: RuleScope, record: InspectionRecord) => boolean;

const HELPERS: Readonly<Record<GeneratedHelper | 'isPlain' | 'hasOwn' | 'quantityProblem' | 'quantityRatio', unknown>> = {
  timesPoints,
  pointsOf,
  pointsToNumber,
  stepsBelow,
  compareRatio,
  formatQuantity,
  quantityProblem,
  quantityRatio,
  isPlain: (facts: object) => {
    const proto = Object.getPrototypeOf(facts);
    return proto === Object.prototype || proto === null;
  },
  hasOwn: (o: object, k: string) => Object.hasOwn(o, k),
};
const HELPER_NAMES = Object.keys(HELPERS);

const PLAIN_OBJECT: Readonly<Record<string, unknown>> = {};
const BUILTIN_FACTS = new Set(['kind', 'level', 'date', 'unit', 'indicators', 'findings', 'category', 'item']);

/** What the generator needs of the compiled standard (compileStandard's, before the scorer is made). */
export interface GenerateInput {
  readonly standard: Standard;
  readonly categories: readonly CompiledCategory[];
  readonly items: readonly CompiledItem[];
  readonly targets: ReadonlyMap<string, CompiledItem | CompiledCategory>;
  /** What checkRecord asks of a record: each target's finding checks, the kinds and levels the standard declares. */
  readonly findingChecks: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly kinds: ReadonlySet<string>;
  readonly levels: ReadonlySet<string>;
  readonly condition: (c: Condition) => ScopeCondition;
  readonly kindNames: RuleGenerateContext['kindNames'];
  readonly levelNames: RuleGenerateContext['levelNames'];
  readonly indicatorNames: RuleGenerateContext['indicatorNames'];
}

/** The generated source: the body of `new Function('K', 'H', source)`, and its constants `K`. */
export interface GeneratedSource {
  readonly source: string;
  readonly constants: readonly unknown[];
}

class Emitter {
  readonly constants: unknown[] = [];
  private readonly constantIndex = new Map<unknown, number>();
  private locals = 0;
  /** Facts read into a local once per call of the function being generated: fact name → local. */
  private facts = new Map<string, string>();
  private factReads: string[] = [];

  /** Starts a function of its own (a scope's): its facts are read into its own locals. */
  beginFunction(): void {
    this.facts = new Map();
    this.factReads = [];
  }

  /** The statements reading the facts the function uses, for its start. */
  factStatements(): string {
    return this.factReads.join('\n');
  }

  constant(value: unknown): string {
    let index = this.constantIndex.get(value);
    if (index === undefined) {
      index = this.constants.length;
      // A string read from a standard file is a fresh string: used as a key (a fact's name) it would be
      // looked up in V8's string table at every read; its internalized copy is not.
      this.constants.push(typeof value === 'string' ? internalize(value) : value);
      this.constantIndex.set(value, index);
    }
    return `k${index}`;
  }

  number(value: number): string {
    // Only what prints as itself and reads back as the same number (not -0, NaN, Infinity) is a literal.
    if (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0) && Number(String(value)) === value) {
      return value < 0 ? `(${String(value)})` : String(value);
    }
    return this.constant(value);
  }

  local(prefix = 'v'): string {
    return `${prefix}${this.locals++}`;
  }

  /** The local holding the record's indicator `id` as indicatorRatio reads it (`record.indicators?.[id]`). */
  indicator(id: string): string {
    const key = `indicator ${id}`;
    let local = this.facts.get(key);
    if (local !== undefined) return local;
    local = this.local('i');
    this.facts.set(key, local);
    this.factReads.push(`const ${local} = run.record.indicators?.[${this.constant(id)}];`);
    return local;
  }

  /** The local holding a record's fact `name` as a quantity reads it (see readScopeFact with orInherited). */
  fact(name: string): string {
    let local = this.facts.get(name);
    if (local !== undefined) return local;
    local = this.local('f');
    this.facts.set(name, local);
    if (BUILTIN_FACTS.has(name) || name in PLAIN_OBJECT) {
      // Built-in facts and names every object has: the interpreter's own reader, which knows their rules.
      this.factReads.push(`const ${local} = ${this.constant(readScopeFact(name, true))}(run);`);
    } else {
      const k = this.constant(name);
      this.factReads.push(`const ${local} = F === undefined ? undefined : P ? F[${k}] : hasOwn(F, ${k}) ? F[${k}] : undefined;`);
    }
    return local;
  }
}

/** An expression for a fact quantity's value (at its path), or undefined where the scope's own method must read it. */
function factValue(e: Emitter, source: QuantitySource | undefined): { value: string; source: string } | undefined {
  if (source === undefined || 'indicator' in source) return undefined;
  const fact = e.fact(source.fact);
  if (source.path === undefined) return { value: fact, source: e.constant(source) };
  try {
    return { value: `${e.constant(compilePath(source.path))}(${fact})`, source: e.constant(source) };
  } catch {
    return undefined; // a path that does not parse: left to the scope's method, as the interpreter does
  }
}

/**
 * What indicatorRatio gives for an indicator (compile/facts.ts), as an expression — or, with `asNumber`,
 * what RecordRun.quantity makes of it (the ratio's value; n / 1 is n). The indicator is read once per scope
 * into a local, and the percent multiplier of its declared unit resolved here, not looked up per record.
 */
function indicatorCode(e: Emitter, input: GenerateInput, id: string, asNumber: boolean): string {
  const v = e.indicator(id);
  // As the scorer's map of indicators has it (the last of a duplicated id, were there one).
  const multiplier = new Map(input.standard.indicators.map((i) => [i.id, i] as const)).get(id)?.unit === 'percent' ? 100 : 1;
  const missing = `{ messageId: ${e.constant('quantity.missing_indicator')}, data: { indicator: ${e.constant(id)} } }`;
  if (asNumber) return `(${v} === undefined ? ${missing} : typeof ${v} === 'number' ? ${v} : 'value' in ${v} ? ${v}.value : ${v}.numerator * ${multiplier} / ${v}.denominator)`;
  return `(${v} === undefined ? ${missing} : typeof ${v} === 'number' ? { numerator: ${v}, denominator: 1 } : 'value' in ${v} ? { numerator: ${v}.value, denominator: 1 } : { numerator: ${v}.numerator * ${multiplier}, denominator: ${v}.denominator })`;
}

function ruleContext(e: Emitter, input: GenerateInput, exit: string, max: number | undefined, entry: CompiledRuleEntry): RuleGenerateContext {
  return {
    text: entry.reason !== undefined ? `, text: ${e.constant(entry.reason)}` : '',
    scope: 'run',
    exit,
    constant: (v) => e.constant(v),
    number: (v) => e.number(v),
    local: () => e.local(),
    helper: (name) => name,
    condition: (c) => e.constant(input.condition(c)),
    quantity(source) {
      if (source !== undefined && 'indicator' in source) return indicatorCode(e, input, source.indicator, true);
      const read = factValue(e, source);
      if (read === undefined) return `run.quantity(${e.constant(source)})`;
      return `(typeof ${read.value} === 'number' && Number.isFinite(${read.value}) ? ${read.value} : quantityProblem(${read.source}, ${read.value}))`;
    },
    ratio(source) {
      if (source !== undefined && 'indicator' in source) return indicatorCode(e, input, source.indicator, false);
      const read = factValue(e, source);
      if (read === undefined) return `run.ratio(${e.constant(source)})`;
      // The fact `indicators` may hold an exact ratio behind the number (quantityRatio finds it).
      const ratio = source!.fact === 'indicators' ? `quantityRatio(${read.source}, ${e.fact(source!.fact)}, ${read.value})` : `{ numerator: ${read.value}, denominator: 1 }`;
      return `(typeof ${read.value} === 'number' && Number.isFinite(${read.value}) ? ${ratio} : quantityProblem(${read.source}, ${read.value}))`;
    },
    kindNames: input.kindNames,
    levelNames: input.levelNames,
    indicatorNames: input.indicatorNames,
    ...(max !== undefined ? { max } : {}),
  };
}

/** One rule's statements, in a block its `exit` leaves. */
function ruleCode(e: Emitter, input: GenerateInput, entry: CompiledRuleEntry, max: number | undefined): string {
  const label = e.local('r');
  const rule = entry.rule!;
  const code = ruleKind(rule).generate(rule, ruleContext(e, input, `break ${label};`, max, entry));
  return `${label}: {\n${code}}\n`;
}

/** One item's (or a category's own) rules, its evidence charge, rule caps and floor: RecordRun.runScope, unrolled. */
function scopeCode(e: Emitter, input: GenerateInput, scope: CompiledItem | CompiledCategory, indices: string): string {
  const k = e.constant(scope);
  const label = e.local('s');
  let body = '';
  const max = scope.max;
  scope.rules.forEach((entry, r) => {
    if (r < scope.applicabilityRules) {
      const before = e.local();
      body += `run.rule = ${e.constant(entry)};\nconst ${before} = run.reasons.length;\n${ruleCode(e, input, entry, max)}if (run.skipped || run.reasons.length > ${before}) break ${label};\n`;
      return;
    }
    if (r === scope.applicabilityRules) body += evidenceCode(e, scope, label);
    const capped = entry.cap !== undefined;
    const [before, beforeAward] = [e.local(), e.local()];
    body += `run.rule = ${e.constant(entry)};\n`;
    if (capped) body += `const ${before} = run.deducted, ${beforeAward} = run.awarded;\n`;
    body += ruleCode(e, input, entry, max);
    body += `if (run.skipped) break ${label};\n`;
    if (capped) body += `run.capRule(${e.number(entry.cap!)}, ${before}, ${beforeAward});\n`;
  });
  if (scope.rules.length === scope.applicabilityRules) body += evidenceCode(e, scope, label);
  if ('category' in scope) body += `run.limitItem(${k});\n`;
  return `run.enterScope(${k}, ${indices});\n${label}: {\n${body}}\nrun.leaveScope(${k});\n`;
}

/**
 * An item with no rules and no missing-evidence charge: scoring it takes and gives nothing, adds no line
 * and no reason (its floor and caps hold at 0, maxima are never negative), so no code is generated for it;
 * its findings still count for its category's own rules.
 */
function scoresNothing(item: CompiledItem): boolean {
  return item.rules.length === 0 && !(item.evidenceRequired && item.max !== undefined);
}

/** 无书面材料该项不得分, where the item can be charged for it (the interpreter asks every scope; only these answer yes). */
function evidenceCode(e: Emitter, scope: CompiledItem | CompiledCategory, label: string): string {
  if (!scope.evidenceRequired || scope.max === undefined) return '';
  return `if (run.findings.length > 0 && run.chargeMissingEvidence(${e.constant(scope)})) break ${label};\n`;
}

/** The source of a standard's scoring function (see the module's comment). */
export function generateSource(input: GenerateInput): GeneratedSource {
  const e = new Emitter();
  const slots = new Map<string, number>();
  for (const [id, target] of input.targets) slots.set(id, 'category' in target ? target.index : input.items.length + target.index);
  const slotCount = input.items.length + input.categories.length;
  const group = (slot: number) => `g${slot}`;

  // Each scope is a function of its own: the main function stays small, and every function short enough
  // for V8 to optimize (a function of more than ~60 KB of bytecode never is, see MAX_EVALUATED_SOURCE).
  const functions: string[] = [];
  const scopeCall = (scope: CompiledItem | CompiledCategory, indices: string): string => {
    e.beginFunction();
    const body = scopeCode(e, input, scope, 'g');
    const name = e.local('scope');
    const reads = e.factStatements();
    functions.push(`function ${name}(run, g, F, P) {\n${indent(reads === '' ? body : `${reads}\n${body}`)}}\n`);
    return `${name}(run, ${indices}, F, P);\n`;
  };

  // Findings are grouped as they are read, in record order: per item that has something to score (`g<slot>`),
  // and per category whose own rules see all of its findings (`c<n>`, the interpreter's list of its items'
  // and its own findings, sorted: read in order, it needs no sort).
  const grouped = new Set<string>();
  const lists = new Map<number, string>();
  let walk = '';
  for (const category of input.categories) {
    const [deducted, awarded] = [e.local('d'), e.local('a')];
    const collect = category.rules.length > 0;
    const categoryFindings = e.local('c');
    if (collect) lists.set(category.index, categoryFindings);
    const named: string[] = collect ? [categoryFindings] : [];
    let code = `// category ${category.index}\nrun.enterCategory(${e.constant(category)});\nlet ${deducted} = 0, ${awarded} = 0;\n`;
    for (const item of category.items) {
      if (scoresNothing(item)) continue;
      const g = group(item.index);
      grouped.add(g);
      if (!collect) named.push(g);
      const scored = `${scopeCall(item, g)}${deducted} += run.deducted;\n${awarded} += run.awarded;\n`;
      code += item.alwaysRun ? scored : `if (${g} !== undefined) {\n${scored}}\n`;
    }
    if (collect) {
      const scored = `${scopeCall(category, categoryFindings)}${deducted} += run.deducted;\n${awarded} += run.awarded;\n`;
      code += category.alwaysRun ? scored : `if (${categoryFindings} !== undefined) {\n${scored}}\n`;
    }
    code += `run.limitCategory(${e.constant(category)}, ${deducted}, ${awarded});\n`;
    // A category no finding names and with nothing that runs without one scores nothing: its limit takes and
    // gives nothing, adds no line and no undecided points (and a part's tally is already 0), so it is skipped —
    // and so is a finding against an item that scores nothing, where no category rule sees it.
    if (!isQuiet(category)) walk += code;
    else if (named.length > 0) walk += `if (${named.map((g) => `${g} !== undefined`).join(' || ')}) {\n${code}}\n`;
  }

  // checkRecord's questions, asked here as the findings are grouped (one lookup of each finding's item):
  // any answer but "fine" ends the function before anything is scored.
  const checksOf = new Map<number, readonly CompiledRule[]>();
  for (const [id, slot] of slots) if (!checksOf.has(slot)) checksOf.set(slot, input.findingChecks.get(id) ?? []);
  const categoryOf = (s: number) => (s < input.items.length ? input.items[s]!.category.index : s - input.items.length);
  // A literal first: an array grown by push from empty gets room for 17.
  const add = (list: string) => ` if (${list} === undefined) ${list} = [i]; else ${list}.push(i);`;
  const cases = Array.from({ length: slotCount }, (_, s) => {
    const checks = (checksOf.get(s) ?? []).map((c) => `${e.constant(c)}.checkFinding(finding) !== undefined`);
    const list = lists.get(categoryOf(s));
    const g = group(s);
    return `case ${s}:${grouped.has(g) ? add(g) : ''}${list !== undefined ? add(list) : ''}${checks.length > 0 ? ` if (${checks.join(' || ')}) return false;` : ''} break;`;
  });
  const locals = [...grouped, ...lists.values()];
  const declared = (set: ReadonlySet<string>, field: 'kind' | 'level') =>
    set.size > 0 ? `if (record.${field} !== undefined && !${e.constant(set)}.has(record.${field})) return false;\n` : '';
  const slotTable = e.constant(slots);
  const body = `${declared(input.kinds, 'kind')}${declared(input.levels, 'level')}const findings = record.findings;
const F = record.facts;
const P = F !== undefined && isPlain(F);
${locals.length > 0 ? `let ${locals.join(', ')};` : ''}
for (let i = 0; i < findings.length; i++) {
  const finding = findings[i];
  switch (${slotTable}.get(finding.item)) {
    ${cases.join('\n    ')}
    default: return false;
  }
}
${walk}return true;`;
  const ref = `${input.standard.id}@${input.standard.version}`;
  const constants = e.constants.map((_, i) => `k${i} = K[${i}]`);
  const source = `'use strict';
const { ${HELPER_NAMES.join(', ')} } = H;
${constants.length > 0 ? `const ${constants.join(', ')};` : ''}
${functions.join('')}return function score(run, record) {
${indent(body)}
};
//# sourceURL=scoresheet/${encodeURIComponent(ref)}.js
`;
  return { source, constants: e.constants };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? l : `  ${l}`))
    .join('\n');
}

let allowed: boolean | undefined;
/**
 * Whether this runtime compiles strings to code (not under a CSP without `unsafe-eval`, nor `node --disallow-code-generation-from-strings`).
 * Tried once: under a CSP the browser reports one violation, not one per standard.
 *
 * @example
 * ```ts
 * import { codeGenerationAllowed } from 'scoresheet/browser';
 *
 * console.log(codeGenerationAllowed() ? 'generated code scores' : 'the interpreter scores');
 * ```
 */
export function codeGenerationAllowed(): boolean {
  if (allowed === undefined) {
    try {
      allowed = new Function('return 1')() === 1;
    } catch {
      allowed = false;
    }
  }
  return allowed;
}

/**
 * The longest generated source made into a function. Each scope is its own function, so each stays short
 * enough for V8 to optimize (a function of more than ~60 KB of bytecode never is: generated as one
 * function, 60 items ran at 0.44× the interpreter's speed). Split, on generated standards after 20,000
 * records of warm-up: 1.16× the interpreter at 100 items (147 KiB), 1.01× at 200 (298 KiB), 0.94× at
 * 400 (602 KiB) — and a longer source costs more to compile and to warm up. The 2013 form's is 40 KB.
 */
export const MAX_EVALUATED_SOURCE = 300_000;

/**
 * The generated source made into the scoring function; undefined where the runtime forbids code
 * generation, or where the source is too long to pay (see {@link MAX_EVALUATED_SOURCE}).
 */
export function evaluateSource(generated: GeneratedSource): GeneratedScore | undefined {
  if (generated.source.length > MAX_EVALUATED_SOURCE || !codeGenerationAllowed()) return undefined;
  try {
    return new Function('K', 'H', generated.source)(generated.constants, HELPERS) as GeneratedScore;
  } catch (error) {
    // Code generation forbidden after all (a policy that changed); anything else is a bug in the generator.
    if (error instanceof EvalError) return undefined;
    throw error;
  }
}
