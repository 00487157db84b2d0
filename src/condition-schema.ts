/**
 * Schemas for the condition language: json-rules-engine 7.3's conditions, checked at load time.
 *
 * A node has exactly one of `all` / `any` / `not` / `condition` / `fact`. Rather than a `z.union`
 * (whose failure is a wall of per-branch errors), {@link ConditionSchema} looks at which key is
 * present and validates the node with that kind's strict schema, so every issue points inside the
 * node (`['all', 2, 'operator']`). Unknown operators, unknown decorators and unsupported JSONPath forms
 * are custom issues whose `params.code` the standard loader maps to its diagnostic codes:
 *
 * - `unknown_operator` (`params.suggestion`: the closest valid operator string, or `undefined`)
 * - `bad_path` — a JSONPath feature other than plain `$.a.b[0]` steps
 * - `bad_condition` — a node that is not an object or does not have exactly one kind key
 */
import { z } from 'zod';
import { renderMessage } from './messages/render.js';
import type { Message } from './messages/types.js';
import { PathSchema } from './common-schema.js';
import { suggest } from './suggest.js';

/** The ten operators of json-rules-engine's default operator set. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;

/** json-rules-engine's default operator decorators, written `decorator:operator` and chainable. */
export const DECORATORS = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'] as const;

/**
 * scoresheet's extension of the operator set: dates (docs/standard-format.md, "Dates"). A fact and a
 * value that are not both dates (`2024-03-04`, `2024-03-04T17:00`) make the condition indeterminate.
 * `withinDays` / `withinHours` take `value: { fact, days }` / `{ fact, hours }`: the fact's date lies
 * from the other fact's date to that many days (hours) after it.
 */
export const DATE_OPERATORS = ['dateBefore', 'dateAfter', 'dateOnOrBefore', 'dateOnOrAfter', 'withinDays', 'withinHours'] as const;

/** The extension operators that take a span (`days` / `hours`) on their fact reference. */
export const SPAN_OPERATORS: Readonly<Record<string, 'days' | 'hours'>> = { withinDays: 'days', withinHours: 'hours' };

export type OperatorName = (typeof OPERATORS)[number] | (typeof DATE_OPERATORS)[number];
export type DecoratorName = (typeof DECORATORS)[number];

/** Fact name → value (what json-rules-engine's `engine.run(facts)` gets). */
export type Facts = Readonly<Record<string, unknown>>;

/** A condition compiled to a three-valued predicate (compile/conditions.ts makes them). */
export interface CompiledCondition<Input = Facts> {
  /** true / false, or null when indeterminate (a missing fact, or a value of the wrong type for the operator). Fast path: no allocation per call. */
  evaluate(facts: Input): boolean | null;
  /** Same value plus every reason it is indeterminate (and, for false, the leaves that failed), as Messages; slower, used only to explain. */
  explain(facts: Facts): { value: boolean | null; reasons: Message[] };
}

// ---------------------------------------------------------------------------------------------
// Types (hand-written: the schema is a dispatching refinement, so it cannot infer them)
// ---------------------------------------------------------------------------------------------

/** `value: { fact, path? }` — compare against another fact instead of a literal. */
export interface FactRef {
  readonly fact: string;
  readonly path?: string;
  /** Accepted for json-rules-engine compatibility; constant facts ignore it. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** For `withinDays`: how many days after the fact's date (scoresheet's extension). */
  readonly days?: number;
  /** For `withinHours`: how many hours after the fact's date and time (scoresheet's extension). */
  readonly hours?: number;
}

interface NodeExtras {
  /** json-rules-engine's optional label for a node. */
  readonly name?: string;
  /** Accepted and ignored: it only changes json-rules-engine's evaluation order, never the result. */
  readonly priority?: number;
}

export interface AllCondition extends NodeExtras {
  readonly all: readonly Condition[];
}
export interface AnyCondition extends NodeExtras {
  readonly any: readonly Condition[];
}
export interface NotCondition extends NodeExtras {
  readonly not: Condition;
}
/** A reference to a named condition (json-rules-engine's `engine.setCondition`). */
export interface ConditionReference extends NodeExtras {
  readonly condition: string;
}
/** A leaf: `<fact at path> <operator> <value>`. */
export interface FactCondition extends NodeExtras {
  readonly fact: string;
  readonly path?: string;
  /** An operator, optionally prefixed by decorators: `equal`, `not:equal`, `everyFact:not:in`, … */
  readonly operator: string;
  /** A literal, or `{ fact, path? }` to compare against another fact. */
  readonly value: unknown;
  /** Accepted for json-rules-engine compatibility; constant facts ignore it. */
  readonly params?: Readonly<Record<string, unknown>>;
}

export type Condition = AllCondition | AnyCondition | NotCondition | ConditionReference | FactCondition;

// ---------------------------------------------------------------------------------------------
// Operators: parsing and did-you-mean
// ---------------------------------------------------------------------------------------------

const ALL_OPERATORS: readonly OperatorName[] = [...OPERATORS, ...DATE_OPERATORS];
const OPERATOR_SET: ReadonlySet<string> = new Set(ALL_OPERATORS);
const DECORATOR_SET: ReadonlySet<string> = new Set(DECORATORS);

/** Common spellings from other rule languages, mapped to the operator meant. */
const OPERATOR_ALIASES: Readonly<Record<string, OperatorName>> = {
  '=': 'equal',
  '==': 'equal',
  '===': 'equal',
  eq: 'equal',
  equals: 'equal',
  is: 'equal',
  '!=': 'notEqual',
  '!==': 'notEqual',
  '<>': 'notEqual',
  ne: 'notEqual',
  neq: 'notEqual',
  notequals: 'notEqual',
  '<': 'lessThan',
  lt: 'lessThan',
  '<=': 'lessThanInclusive',
  lte: 'lessThanInclusive',
  le: 'lessThanInclusive',
  lessthanorequal: 'lessThanInclusive',
  lessthanorequalto: 'lessThanInclusive',
  lessthanequal: 'lessThanInclusive',
  '>': 'greaterThan',
  gt: 'greaterThan',
  '>=': 'greaterThanInclusive',
  gte: 'greaterThanInclusive',
  ge: 'greaterThanInclusive',
  greaterthanorequal: 'greaterThanInclusive',
  greaterthanorequalto: 'greaterThanInclusive',
  greaterthanequal: 'greaterThanInclusive',
  includes: 'contains',
  has: 'contains',
  notcontains: 'doesNotContain',
  doesnotinclude: 'doesNotContain',
  notincludes: 'doesNotContain',
  oneof: 'in',
  isin: 'in',
  nin: 'notIn',
  notoneof: 'notIn',
};

/** The condition language's looser typo budget for its short keywords: 40% of the word, at least 2 edits. */
const keywordLimit = (word: string): number => Math.max(2, Math.ceil(word.length * 0.4));

/** The closest keyword (case-insensitively), if it is close enough to be a plausible typo. */
const closest = (word: string, candidates: readonly string[]): string | undefined =>
  suggest(word, candidates, keywordLimit);

function suggestOperator(word: string): string | undefined {
  const alias = OPERATOR_ALIASES[word.toLowerCase()];
  return alias ?? closest(word, ALL_OPERATORS);
}

export type ParsedOperator =
  | { readonly ok: true; readonly decorators: readonly DecoratorName[]; readonly operator: OperatorName }
  | {
      readonly ok: false;
      /** What is wrong, as a message id (operator.unknown) and its data: the catalogues give the words. */
      readonly issue: Message;
      /** The same in English (for an error thrown at compile time). */
      readonly message: string;
      readonly suggestion: string | undefined;
    };

/** One part of an operator that is not what its place needs. */
type OperatorPartProblem = { readonly kind: 'operator_before_colon' | 'unknown_decorator' | 'decorator_last' | 'unknown_operator'; readonly part: string; readonly suggestion?: string };

/**
 * Split `d1:d2:op` the way json-rules-engine's OperatorMap does: every part before the last must be a
 * decorator (outermost first), the last an operator.
 */
export function parseOperator(text: string): ParsedOperator {
  const parts = text.split(':');
  const known = { operators: ALL_OPERATORS.join(', '), decorators: DECORATORS.join(', ') };
  const fail = (data: Record<string, unknown>, suggestion: string | undefined): ParsedOperator => {
    const issue: Message = { messageId: 'operator.unknown', data: { operator: JSON.stringify(text), ...known, ...data, ...(suggestion ? { suggestion } : {}) } };
    return { ok: false, issue, message: renderMessage(issue, 'en'), suggestion };
  };
  if (parts.some((p) => p === '')) return fail({ empty: true }, undefined);
  const fixed: string[] = [];
  const problems: OperatorPartProblem[] = [];
  let fixable = true;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i]!;
    if (DECORATOR_SET.has(p)) {
      fixed.push(p);
      continue;
    }
    const s = closest(p, DECORATORS);
    if (OPERATOR_SET.has(p)) problems.push({ kind: 'operator_before_colon', part: p });
    else problems.push({ kind: 'unknown_decorator', part: p, ...(s ? { suggestion: s } : {}) });
    if (s) fixed.push(s);
    else fixable = false;
  }
  const last = parts[parts.length - 1]!;
  if (OPERATOR_SET.has(last)) {
    fixed.push(last);
  } else if (DECORATOR_SET.has(last) && !OPERATOR_SET.has(last)) {
    problems.push({ kind: 'decorator_last', part: last });
    fixable = false;
  } else {
    const s = suggestOperator(last);
    problems.push({ kind: 'unknown_operator', part: last, ...(s ? { suggestion: s } : {}) });
    if (s) fixed.push(s);
    else fixable = false;
  }
  if (problems.length === 0) {
    return {
      ok: true,
      decorators: parts.slice(0, -1) as DecoratorName[],
      operator: last as OperatorName,
    };
  }
  return fail({ single: parts.length === 1, problems }, fixable ? fixed.join(':') : undefined);
}

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

const KINDS = ['all', 'any', 'not', 'condition', 'fact'] as const;
type Kind = (typeof KINDS)[number];

/** A message id for a required key, otherwise zod's default (issues name message ids; the catalogues give the words). */
const requiredMessage =
  (what: string) =>
  (iss: { input?: unknown }): string | undefined =>
    iss.input === undefined ? what : undefined;

/** What a value is, as data for the catalogues' words: its type (null, list, object, string…) and, for a scalar, its JSON. */
function describeValue(v: unknown): { readonly type: string; readonly value?: string } {
  if (v === null) return { type: 'null' };
  if (Array.isArray(v)) return { type: 'list' };
  return typeof v === 'object' ? { type: 'object' } : { type: typeof v, value: JSON.stringify(v) };
}

/** A bad condition: its message id (condition.*) and data; the catalogues give the words. */
function badCondition(ctx: RefineCtx, input: unknown, messageId: string, data: Record<string, unknown>, path?: (string | number)[]): void {
  ctx.addIssue({ code: 'custom', input, ...(path ? { path } : {}), message: messageId, params: { code: 'bad_condition', messageId, ...data } });
}

type RefineCtx = Parameters<Parameters<z.ZodUnknown['superRefine']>[0]>[1];

/** Re-emit the issues of a nested parse; their paths are relative to the current location. */
function forward(ctx: RefineCtx, issues: readonly z.core.$ZodIssue[]): void {
  for (const issue of issues) ctx.addIssue({ ...issue } as Parameters<RefineCtx['addIssue']>[0]);
}


const OperatorSchema = z
  .string({ error: requiredMessage('schema.operator_required') })
  .superRefine((op, ctx) => {
    const parsed = parseOperator(op);
    if (!parsed.ok) {
      ctx.addIssue({
        code: 'custom',
        message: parsed.issue.messageId,
        input: op,
        params: { ...parsed.issue.data, code: 'unknown_operator', messageId: parsed.issue.messageId, suggestion: parsed.suggestion },
      });
    }
  });

const FactNameSchema = z.string({ error: requiredMessage('schema.fact_required') }).min(1, 'schema.fact_name_empty');
const NodeNameSchema = z.string().min(1).optional();
const PrioritySchema = z.number().int().positive('schema.priority_positive').optional();
const ParamsSchema = z.record(z.string(), z.unknown()).optional();

const SpanSchema = z.number().nonnegative('schema.span_negative').optional();

const FactRefSchema = z.strictObject({
  fact: FactNameSchema,
  path: PathSchema.optional(),
  params: ParamsSchema,
  days: SpanSchema,
  hours: SpanSchema,
});

/** `withinDays` needs `value: { fact, days }`, `withinHours` `{ fact, hours }`; no other operator takes a span. */
function checkSpan(node: Record<string, unknown>, ctx: RefineCtx): void {
  if (typeof node.operator !== 'string') return;
  const parsed = parseOperator(node.operator);
  if (!parsed.ok) return;
  const span = SPAN_OPERATORS[parsed.operator];
  const value = node.value;
  const ref = isFactRef(value) ? (value as unknown as Record<string, unknown>) : undefined;
  if (span !== undefined) {
    if (ref === undefined || ref[span] === undefined) {
      ctx.addIssue({ code: 'custom', input: value, path: ['value'], message: `${parsed.operator} needs value: { fact: <another date fact>, ${span}: <how many> }`, params: { code: 'bad_condition' } });
    }
    const other = span === 'days' ? 'hours' : 'days';
    if (ref !== undefined && ref[other] !== undefined) {
      ctx.addIssue({ code: 'custom', input: ref[other], path: ['value', other], message: `${parsed.operator} counts ${span}, not ${other}`, params: { code: 'bad_condition' } });
    }
    return;
  }
  for (const key of ['days', 'hours'] as const) {
    if (ref !== undefined && ref[key] !== undefined) {
      ctx.addIssue({ code: 'custom', input: ref[key], path: ['value', key], message: `"${key}" on a fact reference is only for withinDays / withinHours`, params: { code: 'bad_condition' } });
    }
  }
}

/** `value` is a literal, or (an object with a `fact` key) a reference to another fact. */
const ValueSchema = z.unknown().superRefine((v, ctx) => {
  if (isFactRef(v)) {
    const r = FactRefSchema.safeParse(v);
    if (!r.success) forward(ctx, r.error.issues);
  }
});

/** Whether a leaf's `value` is `{ fact, … }` (json-rules-engine's test: a non-null object with own `fact`). */
export function isFactRef(value: unknown): value is FactRef {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'fact');
}

const dispatchCondition = (val: unknown, ctx: RefineCtx): void => {
  if (typeof val !== 'object' || val === null || Array.isArray(val)) {
    badCondition(ctx, val, 'condition.not_object', describeValue(val));
    return;
  }
  const present = KINDS.filter((k) => Object.hasOwn(val, k));
  if (present.length === 0) {
    const keys = Object.keys(val);
    const hints: { key: string; suggestion: string }[] = [];
    for (const k of keys) {
      const s = closest(k, KINDS);
      if (s !== undefined) hints.push({ key: k, suggestion: s });
    }
    badCondition(ctx, val, 'condition.no_kind', { keys, hints });
    return;
  }
  if (present.length > 1) {
    badCondition(ctx, val, 'condition.many_kinds', { present });
    return;
  }
  const kind = present[0] as Kind;
  const node = val as Record<string, unknown>;
  if (kind === 'not' && Array.isArray(node.not)) {
    badCondition(ctx, node.not, 'condition.not_list', {}, ['not']);
    return;
  }
  if (kind === 'fact' && !Object.hasOwn(node, 'value')) {
    badCondition(ctx, undefined, 'condition.no_value', {}, ['value']);
  }
  const r = NODE_SCHEMAS[kind].safeParse(val);
  if (!r.success) forward(ctx, r.error.issues);
  else if (kind === 'fact') checkSpan(node, ctx);
};

/**
 * A condition: `{ all: [...] }`, `{ any: [...] }`, `{ not: … }`, `{ condition: "name" }` or a leaf
 * `{ fact, path?, operator, value, params? }`; every node may carry `name` and `priority`.
 * Unknown keys are `unrecognized_keys` issues. The parsed value is the input, unchanged.
 */
export const ConditionSchema: z.ZodType<Condition> = z
  .any()
  .superRefine(dispatchCondition)
  .meta({
    description:
      'A json-rules-engine condition: { all: [...] }, { any: [...] }, { not: ... }, { condition: "name" }, or { fact, path?, operator, value }.',
  });

const NODE_SCHEMAS = {
  all: z.strictObject({
    all: z.array(ConditionSchema, { error: 'schema.all_list' }),
    name: NodeNameSchema,
    priority: PrioritySchema,
  }),
  any: z.strictObject({
    any: z
      .array(ConditionSchema, { error: 'schema.any_list' })
      .min(1, 'schema.any_empty'),
    name: NodeNameSchema,
    priority: PrioritySchema,
  }),
  not: z.strictObject({
    not: ConditionSchema,
    name: NodeNameSchema,
    priority: PrioritySchema,
  }),
  condition: z.strictObject({
    condition: z.string({ error: 'schema.condition_name' }).min(1, 'schema.condition_name_empty'),
    name: NodeNameSchema,
    priority: PrioritySchema,
  }),
  fact: z.strictObject({
    fact: FactNameSchema,
    path: PathSchema.optional(),
    operator: OperatorSchema,
    value: ValueSchema.optional(), // presence is checked in dispatchCondition, with a clearer message
    params: ParamsSchema,
    name: NodeNameSchema,
    priority: PrioritySchema,
  }),
} as const satisfies Record<Kind, z.ZodType>;

/**
 * JSON Schema (draft 2020-12) definitions for the condition language, for editors. `ConditionSchema`
 * itself exports to JSON Schema as an unconstrained `{}` (it validates by dispatch); a JSON Schema
 * writer can put these under `$defs` and point conditions at `#/$defs/Condition`.
 */
export const CONDITION_JSON_SCHEMA_DEFS = {
  Condition: {
    description: 'A json-rules-engine condition: exactly one of all / any / not / condition / fact.',
    oneOf: [
      {
        type: 'object',
        properties: {
          all: { type: 'array', items: { $ref: '#/$defs/Condition' } },
          name: { type: 'string' },
          priority: { type: 'integer', minimum: 1 },
        },
        required: ['all'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          any: { type: 'array', items: { $ref: '#/$defs/Condition' }, minItems: 1 },
          name: { type: 'string' },
          priority: { type: 'integer', minimum: 1 },
        },
        required: ['any'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          not: { $ref: '#/$defs/Condition' },
          name: { type: 'string' },
          priority: { type: 'integer', minimum: 1 },
        },
        required: ['not'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          condition: { type: 'string', minLength: 1 },
          name: { type: 'string' },
          priority: { type: 'integer', minimum: 1 },
        },
        required: ['condition'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          fact: { type: 'string', minLength: 1 },
          path: { type: 'string' },
          operator: {
            type: 'string',
            pattern: `^((${DECORATORS.join('|')}):)*(${ALL_OPERATORS.join('|')})$`,
          },
          value: {},
          params: { type: 'object' },
          name: { type: 'string' },
          priority: { type: 'integer', minimum: 1 },
        },
        required: ['fact', 'operator', 'value'],
        additionalProperties: false,
      },
    ],
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Walkers
// ---------------------------------------------------------------------------------------------

function walk(condition: Condition, visit: (leafOrRef: FactCondition | ConditionReference) => void): void {
  if ('all' in condition) for (const c of condition.all) walk(c, visit);
  else if ('any' in condition) for (const c of condition.any) walk(c, visit);
  else if ('not' in condition) walk(condition.not, visit);
  else visit(condition);
}

/** Names of the named conditions referenced (`{ condition: name }`), each once, in order of first use. Does not follow them. */
export function collectConditionRefs(condition: Condition): string[] {
  const out = new Set<string>();
  walk(condition, (n) => {
    if ('condition' in n) out.add(n.condition);
  });
  return [...out];
}

/** Facts read (leaf `fact`s and `value: { fact }` references), each once, in order of first use. Does not follow named references. */
export function collectFacts(condition: Condition): string[] {
  const out = new Set<string>();
  walk(condition, (n) => {
    if ('fact' in n) {
      out.add(n.fact);
      if (isFactRef(n.value)) out.add(n.value.fact);
    }
  });
  return [...out];
}
