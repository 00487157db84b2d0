/**
 * Compiles json-rules-engine 7.3 conditions to fast, synchronous, three-valued predicates.
 *
 * Semantics: wherever every fact a condition reads is present and of the type its operator needs,
 * the result is exactly json-rules-engine's (checked by a differential test). Where it is not,
 * json-rules-engine quietly answers `false` (an `undefined` fact is never equal, `"96.1%" < 0.9`
 * is NaN-false, a non-array fails `contains`); we answer `null` — indeterminate — and `explain`
 * says why. Boolean nodes combine with Kleene's strong three-valued logic.
 *
 * Everything is decided once, at compile time: paths are parsed, named references resolved,
 * decorator chains composed into closures. `evaluate` allocates nothing per call.
 */
import type { Message } from '../messages/types.js';
import {
  isFactRef,
  parseOperator,
  type CompiledCondition,
  type Condition,
  type DecoratorName,
  type FactCondition,
  type Facts,
  type OperatorName,
} from '../condition-schema.js';
import { compareInstants, dayOf, hoursToMs, parseInstant, type Instant } from '../dates.js';
import { FORBIDDEN_SEGMENTS, parsePath } from '../paths.js';
import { pushAll } from '../collections.js';
import { compareRatio, compareRatios, type Ratio } from '../points.js';

export type { CompiledCondition, Facts };

/** An operator's comparison, after its type checks have passed. */
export type OperatorFunction = (factValue: unknown, value: unknown) => boolean;

/**
 * How `evaluate` reads a top-level fact: called once per fact name at compile time, it returns a
 * reader of whatever `evaluate` is given. The default reads an own property of a facts object.
 */
export type FactReader<Input> = (fact: string) => (input: Input) => unknown;

export interface CompileOptions<Input = Facts> {
  /** Named conditions that `{ condition: name }` refers to (json-rules-engine's `engine.setCondition`). */
  readonly named?: Readonly<Record<string, Condition>>;
  /**
   * Read facts from something other than a facts object (the scorer reads them straight from the
   * record being scored, without building one). Must give what the facts object would hold: a fact it
   * does not have reads as `undefined`. `explain` always takes a facts object.
   */
  readonly factReader?: FactReader<Input>;
  /**
   * FOR TESTS ONLY (mutation testing of the differential test): replace an operator's comparison.
   * Type checks still apply; only the comparison made once they pass is swapped.
   * @internal
   */
  readonly operators?: Readonly<Partial<Record<OperatorName, OperatorFunction>>>;
}

type Ternary = boolean | null;

// ---------------------------------------------------------------------------------------------
// Operators
// ---------------------------------------------------------------------------------------------

/** A type problem found while applying an operator (collected only by `explain`). */
interface TypeProblem {
  /** Whether the offending value came from the condition's `fact` side or its `value` side. */
  readonly side: 'fact' | 'value';
  readonly expected: 'number' | 'array' | 'date' | 'datetime';
  readonly actual: string;
}

/** Collector for type problems; `null` on the fast path. */
type Sink = TypeProblem[] | null;

/**
 * A (possibly decorated) operator: `a` and `b` are the left and right operands at this level of the
 * decorator chain (after any `swap:`). Returns null when an operand has the wrong type.
 */
type BinOp = (a: unknown, b: unknown, sink: Sink) => Ternary;

/** `typeof`, but `null`, `array`, and `NaN` / `Infinity` / `-Infinity` for non-finite numbers. */
export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (v instanceof ExactRatio) return 'number';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return typeof v;
}

function problem(sink: Sink, side: 'fact' | 'value', expected: TypeProblem['expected'], v: unknown): null {
  if (sink !== null) sink.push({ side, expected, actual: describeType(v) });
  return null;
}

/**
 * Build a base operator. `aSide` says which side of the condition `a` came from (a `swap:` further
 * out flips it), used only to say where a type problem is.
 */
function baseOperator(name: OperatorName, aSide: 'fact' | 'value', override: OperatorFunction | undefined, span: number, exact: boolean): BinOp {
  const op = plainOperator(name, aSide, override, span);
  if (!exact) return op;
  // An overriding comparison (tests only) sees what json-rules-engine would: the float quotient.
  return override !== undefined && !isDateOperator(name) ? (a, b, s) => op(plain(a), plain(b), s) : exactOperator(name, op);
}

/** A base operator on plain values (json-rules-engine's, three-valued); see {@link baseOperator}. */
function plainOperator(name: OperatorName, aSide: 'fact' | 'value', override: OperatorFunction | undefined, span: number): BinOp {
  const bSide = aSide === 'fact' ? 'value' : 'fact';
  if (override !== undefined && !isDateOperator(name)) {
    const cmp = override;
    switch (name) {
      case 'equal':
      case 'notEqual':
        return (a, b) => cmp(a, b);
      case 'in':
      case 'notIn':
        return (a, b, s) => (Array.isArray(b) ? cmp(a, b) : problem(s, bSide, 'array', b));
      case 'contains':
      case 'doesNotContain':
        return (a, b, s) => (Array.isArray(a) ? cmp(a, b) : problem(s, aSide, 'array', a));
      default:
        return (a, b, s) => (Number.isFinite(a) && Number.isFinite(b) ? cmp(a, b) : numeric(a, b, s, aSide, bSide));
    }
  }
  switch (name) {
    // equal / notEqual: json-rules-engine's `===` / `!==`, any types
    case 'equal':
      return (a, b) => a === b;
    case 'notEqual':
      return (a, b) => a !== b;
    // in / notIn: json-rules-engine's b.indexOf(a); we need b to be an array (it would also search a string)
    case 'in':
      return (a, b, s) => (Array.isArray(b) ? b.indexOf(a) > -1 : problem(s, bSide, 'array', b));
    case 'notIn':
      return (a, b, s) => (Array.isArray(b) ? b.indexOf(a) === -1 : problem(s, bSide, 'array', b));
    // contains / doesNotContain: json-rules-engine's a.indexOf(b), guarded by Array.isArray(a)
    case 'contains':
      return (a, b, s) => (Array.isArray(a) ? a.indexOf(b) > -1 : problem(s, aSide, 'array', a));
    case 'doesNotContain':
      return (a, b, s) => (Array.isArray(a) ? a.indexOf(b) === -1 : problem(s, aSide, 'array', a));
    // numeric: json-rules-engine only checks parseFloat(a); we need finite numbers on both sides
    case 'lessThan':
      return (a, b, s) => (Number.isFinite(a) && Number.isFinite(b) ? (a as number) < (b as number) : numeric(a, b, s, aSide, bSide));
    case 'lessThanInclusive':
      return (a, b, s) => (Number.isFinite(a) && Number.isFinite(b) ? (a as number) <= (b as number) : numeric(a, b, s, aSide, bSide));
    case 'greaterThan':
      return (a, b, s) => (Number.isFinite(a) && Number.isFinite(b) ? (a as number) > (b as number) : numeric(a, b, s, aSide, bSide));
    case 'greaterThanInclusive':
      return (a, b, s) => (Number.isFinite(a) && Number.isFinite(b) ? (a as number) >= (b as number) : numeric(a, b, s, aSide, bSide));
    // scoresheet's date operators: a date is its whole day, so a date against a time compares days
    case 'dateBefore':
      return dates((x, y) => compareInstants(x, y) < 0, aSide, bSide);
    case 'dateAfter':
      return dates((x, y) => compareInstants(x, y) > 0, aSide, bSide);
    case 'dateOnOrBefore':
      return dates((x, y) => compareInstants(x, y) <= 0, aSide, bSide);
    case 'dateOnOrAfter':
      return dates((x, y) => compareInstants(x, y) >= 0, aSide, bSide);
    case 'withinDays':
      return dates((x, y) => dayOf(x) >= dayOf(y) && dayOf(x) - dayOf(y) <= span, aSide, bSide);
    // hours need times on both sides: "within 24 hours" of a bare date is not known
    case 'withinHours':
      return dates((x, y) => x.ms >= y.ms && x.ms - y.ms <= hoursToMs(span), aSide, bSide, true);
  }
}

const isDateOperator = (name: OperatorName): boolean => name.startsWith('date') || name.startsWith('within');

// ---------------------------------------------------------------------------------------------
// Exact ratios
// ---------------------------------------------------------------------------------------------

/**
 * A number of the facts that is a ratio as given (an indicator's numerator / denominator, whole numbers):
 * the facts object holds its float quotient `value` (what json-rules-engine, explanations and paths
 * see), and the comparing operators read this instead, registered by {@link withExactRatios}. So a
 * ratio is compared with a number exactly, as threshold rules compare (points.ts compareRatio): the
 * number as the decimal it was written as, never its binary value — 9/10 equals 0.9, 1/3 is above
 * 0.3333333333333333 and 100/11 below 9.090909090909092, where their float quotients are equal.
 */
export class ExactRatio implements Ratio {
  constructor(
    readonly numerator: number,
    readonly denominator: number,
    readonly value: number,
  ) {}
}

/** The only fact whose values may be exact ratios (buildFacts registers them): a leaf reading `indicators.<id>`. */
const EXACT_RATIO_FACT = 'indicators';

const exactRatios = new WeakMap<object, ReadonlyMap<string, ExactRatio>>();

/** Registers the exact ratios behind some of the values of `numbers` (key → ratio); returns `numbers`. */
export function withExactRatios<T extends object>(numbers: T, ratios: ReadonlyMap<string, ExactRatio>): T {
  exactRatios.set(numbers, ratios);
  return numbers;
}

/** The exact ratio registered behind `numbers[key]` (see {@link withExactRatios}), if any. */
export function exactRatioAt(numbers: object, key: string): ExactRatio | undefined {
  return exactRatios.get(numbers)?.get(key);
}

/** The float quotient of an exact ratio; anything else as it is. */
const plain = (v: unknown): unknown => (v instanceof ExactRatio ? v.value : v);

const isNumeric = (v: unknown): v is number | ExactRatio => Number.isFinite(v) || v instanceof ExactRatio;

/**
 * Finite numbers or exact ratios, compared exactly: <0, 0 or >0. Rounding keeps order (x ≥ y ⇒ fl(x) ≥ fl(y)),
 * and a number is the double nearest the decimal it was written as: so where the float quotient and the
 * number (or the two quotients) differ, they are ordered as the exact values are; only a tie is worked out.
 */
function compareNumeric(a: number | ExactRatio, b: number | ExactRatio): number {
  const [x, y] = [plain(a) as number, plain(b) as number];
  if (x !== y) return x < y ? -1 : 1;
  if (a instanceof ExactRatio) return b instanceof ExactRatio ? compareRatios(a, b) : compareRatio(a, y);
  return b instanceof ExactRatio ? -compareRatio(b, x) : 0;
}

/** Whether two values are the same number, exactly (an exact ratio is never anything but a number). */
const sameNumber = (a: unknown, b: unknown): boolean => isNumeric(a) && isNumeric(b) && compareNumeric(a, b) === 0;

/**
 * The operator for a leaf that may read an exact ratio: where one comes, the operators that compare
 * numbers compare it exactly; everything else (types that do not fit, the date operators) goes to
 * the plain operator with the float quotient, as before.
 */
function exactOperator(name: OperatorName, op: BinOp): BinOp {
  const ordered = (holds: (c: number) => boolean): BinOp => (a, b, s) =>
    (a instanceof ExactRatio || b instanceof ExactRatio) && isNumeric(a) && isNumeric(b) ? holds(compareNumeric(a, b)) : op(plain(a), plain(b), s);
  switch (name) {
    case 'equal':
      return (a, b, s) => (a instanceof ExactRatio || b instanceof ExactRatio ? sameNumber(a, b) : op(a, b, s));
    case 'notEqual':
      return (a, b, s) => (a instanceof ExactRatio || b instanceof ExactRatio ? !sameNumber(a, b) : op(a, b, s));
    // like indexOf, holes are skipped
    case 'in':
      return (a, b, s) => (a instanceof ExactRatio && Array.isArray(b) ? b.some((x) => sameNumber(a, x)) : op(plain(a), b, s));
    case 'notIn':
      return (a, b, s) => (a instanceof ExactRatio && Array.isArray(b) ? !b.some((x) => sameNumber(a, x)) : op(plain(a), b, s));
    case 'contains':
      return (a, b, s) => (b instanceof ExactRatio && Array.isArray(a) ? a.some((x) => sameNumber(x, b)) : op(a, plain(b), s));
    case 'doesNotContain':
      return (a, b, s) => (b instanceof ExactRatio && Array.isArray(a) ? !a.some((x) => sameNumber(x, b)) : op(a, plain(b), s));
    case 'lessThan':
      return ordered((c) => c < 0);
    case 'lessThanInclusive':
      return ordered((c) => c <= 0);
    case 'greaterThan':
      return ordered((c) => c > 0);
    case 'greaterThanInclusive':
      return ordered((c) => c >= 0);
    default:
      return (a, b, s) => op(plain(a), plain(b), s);
  }
}

/** Whether a fact at a path may read an exact ratio: `indicators` with a path of one name. */
function readsExactRatio(fact: string, path: string | undefined): boolean {
  if (fact !== EXACT_RATIO_FACT || !path) return false;
  try {
    const parsed = parsePath(path);
    return !parsed.blocked && parsed.segments.length === 1;
  } catch {
    return false; // reading the fact says what is wrong with the path
  }
}

/** A date operator: both operands read as dates (with times when `timed`), else indeterminate. */
function dates(cmp: (a: Instant, b: Instant) => boolean, aSide: 'fact' | 'value', bSide: 'fact' | 'value', timed = false): BinOp {
  const expected = timed ? 'datetime' : 'date';
  return (a, b, s) => {
    const x = parseInstant(a);
    const y = parseInstant(b);
    const xBad = x === undefined || (timed && x.dateOnly);
    const yBad = y === undefined || (timed && y.dateOnly);
    if (!xBad && !yBad) return cmp(x!, y!);
    if (xBad) problem(s, aSide, expected, a);
    if (yBad) problem(s, bSide, expected, b);
    return null;
  };
}

/** Records why `a` / `b` are not both finite numbers; always null (the operator's answer then). */
function numeric(a: unknown, b: unknown, sink: Sink, aSide: 'fact' | 'value', bSide: 'fact' | 'value'): null {
  if (!Number.isFinite(a)) problem(sink, aSide, 'number', a);
  if (!Number.isFinite(b)) problem(sink, bSide, 'number', b);
  return null;
}

/**
 * Wrap an operator in a decorator (json-rules-engine's engine-default-operator-decorators), in
 * three-valued form: someFact / someValue are a Kleene "or" over the elements, everyFact / everyValue
 * a Kleene "and", `not` flips (null stays null), `swap` exchanges the operands. Like Array#some and
 * Array#every, holes in sparse arrays are skipped.
 */
function decorate(name: DecoratorName, next: BinOp, aSide: 'fact' | 'value'): BinOp {
  const bSide = aSide === 'fact' ? 'value' : 'fact';
  switch (name) {
    case 'someFact':
      return (a, b, s) => {
        if (!Array.isArray(a)) return problem(s, aSide, 'array', a);
        let unknown = false;
        for (let i = 0; i < a.length; i++) {
          if (!(i in a)) continue;
          const r = next(a[i], b, s);
          if (r === true) return true;
          if (r === null) unknown = true;
        }
        return unknown ? null : false;
      };
    case 'everyFact':
      return (a, b, s) => {
        if (!Array.isArray(a)) return problem(s, aSide, 'array', a);
        let unknown = false;
        for (let i = 0; i < a.length; i++) {
          if (!(i in a)) continue;
          const r = next(a[i], b, s);
          if (r === false) return false;
          if (r === null) unknown = true;
        }
        return unknown ? null : true;
      };
    case 'someValue':
      return (a, b, s) => {
        if (!Array.isArray(b)) return problem(s, bSide, 'array', b);
        let unknown = false;
        for (let i = 0; i < b.length; i++) {
          if (!(i in b)) continue;
          const r = next(a, b[i], s);
          if (r === true) return true;
          if (r === null) unknown = true;
        }
        return unknown ? null : false;
      };
    case 'everyValue':
      return (a, b, s) => {
        if (!Array.isArray(b)) return problem(s, bSide, 'array', b);
        let unknown = false;
        for (let i = 0; i < b.length; i++) {
          if (!(i in b)) continue;
          const r = next(a, b[i], s);
          if (r === false) return false;
          if (r === null) unknown = true;
        }
        return unknown ? null : true;
      };
    case 'swap':
      return (a, b, s) => next(b, a, s);
    case 'not':
      return (a, b, s) => {
        const r = next(a, b, s);
        return r === null ? null : !r;
      };
  }
}

/**
 * Compose `d1:d2:…:op` like json-rules-engine's OperatorMap.get: the leftmost decorator is the
 * outermost. Throws for an unknown operator or decorator.
 */
function compileOperator(text: string, overrides: CompileOptions['operators'], span = 0, exact = false): BinOp {
  const parsed = parseOperator(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const { decorators, operator } = parsed;
  // which side each level's left operand comes from, outermost first
  const sides: ('fact' | 'value')[] = [];
  let side: 'fact' | 'value' = 'fact';
  for (const d of decorators) {
    sides.push(side);
    if (d === 'swap') side = side === 'fact' ? 'value' : 'fact';
  }
  let op = baseOperator(operator, side, overrides?.[operator], span, exact);
  for (let i = decorators.length - 1; i >= 0; i--) op = decorate(decorators[i]!, op, sides[i]!);
  return op;
}

// ---------------------------------------------------------------------------------------------
// Fact access
// ---------------------------------------------------------------------------------------------

type Getter = (input: any) => unknown;

/** The default FactReader: an own property of the facts object. */
const ownFact: FactReader<Facts> = (fact) => (facts) => (Object.hasOwn(facts, fact) ? facts[fact] : undefined);

/** Read `fact` (an own property of facts, or what `read` gives) then walk `path`; `undefined` when anything is missing. */
function compileGetter(fact: string, path: string | undefined, read: FactReader<never>): Getter {
  if (FORBIDDEN_SEGMENTS.has(fact)) return () => undefined;
  const top = read(fact) as Getter;
  const parsed = path ? parsePath(path) : undefined; // '' means no path, as in json-rules-engine
  if (parsed === undefined || parsed.segments.length === 0) return top;
  if (parsed.blocked) return () => undefined;
  const segs = parsed.segments;
  const n = segs.length;
  if (n === 1) {
    const k0 = segs[0]!;
    if (fact === EXACT_RATIO_FACT) {
      const key = String(k0);
      return (input) => {
        const v = top(input);
        if (typeof v !== 'object' || v === null || !Object.hasOwn(v, k0)) return undefined;
        return exactRatios.get(v)?.get(key) ?? (v as Record<string | number, unknown>)[k0];
      };
    }
    return (input) => {
      const v = top(input);
      return typeof v === 'object' && v !== null && Object.hasOwn(v, k0) ? (v as Record<string | number, unknown>)[k0] : undefined;
    };
  }
  return (input) => {
    let cur = top(input);
    for (let i = 0; i < n; i++) {
      if (typeof cur !== 'object' || cur === null) return undefined;
      const k = segs[i]!;
      if (!Object.hasOwn(cur, k)) return undefined;
      cur = (cur as Record<string | number, unknown>)[k];
    }
    return cur;
  };
}

// ---------------------------------------------------------------------------------------------
// Nodes
// ---------------------------------------------------------------------------------------------

interface Node {
  /** Fast path (its input is what the FactReader reads: by default a facts object). */
  readonly ev: (input: any) => Ternary;
  /**
   * Slow path: the value, pushing onto `out` the reasons that decide it. `negated` is true under an
   * odd number of `not`s (a leaf that is true there is what makes the whole false).
   */
  readonly ex: (facts: Facts, negated: boolean, out: Message[]) => Ternary;
}

function withPath(data: Record<string, unknown>, path: string | undefined): Record<string, unknown> {
  if (path) data.path = path;
  return data;
}

function compileLeaf(leaf: FactCondition, overrides: CompileOptions['operators'], read: FactReader<never>): Node {
  if (typeof leaf.fact !== 'string') throw new Error('a fact condition needs a "fact" name');
  if (typeof leaf.operator !== 'string') throw new Error(`condition on fact "${leaf.fact}" needs an "operator"`);
  if (!Object.hasOwn(leaf, 'value')) throw new Error(`condition on fact "${leaf.fact}" needs a "value"`);
  const ref = isFactRef(leaf.value) ? leaf.value : undefined;
  const readsRatio = readsExactRatio(leaf.fact, leaf.path) || (ref !== undefined && readsExactRatio(ref.fact, ref.path));
  const op = compileOperator(leaf.operator, overrides, ref?.days ?? ref?.hours ?? 0, readsRatio);
  const getA = compileGetter(leaf.fact, leaf.path, ownFact);
  const getB = ref !== undefined ? compileGetter(ref.fact, ref.path, ownFact) : undefined;
  const literal = leaf.value;
  // evaluate's getters read through the FactReader; explain's always read a facts object
  const readA = read === ownFact ? getA : compileGetter(leaf.fact, leaf.path, read);
  const readB = ref === undefined ? undefined : read === ownFact ? getB : compileGetter(ref.fact, ref.path, read);

  const ev: Node['ev'] =
    readB === undefined
      ? (input) => {
          const a = readA(input);
          return a === undefined ? null : op(a, literal, null);
        }
      : (input) => {
          const a = readA(input);
          if (a === undefined) return null;
          const b = readB(input);
          return b === undefined ? null : op(a, b, null);
        };

  const ex: Node['ex'] = (facts, negated, out) => {
    const a = getA(facts);
    const b = getB === undefined ? literal : getB(facts);
    let missing = false;
    if (a === undefined) {
      out.push({ messageId: 'condition.missing_fact', data: withPath({ fact: leaf.fact }, leaf.path) });
      missing = true;
    }
    if (b === undefined && ref !== undefined) {
      out.push({ messageId: 'condition.missing_fact', data: withPath({ fact: ref.fact }, ref.path) });
      missing = true;
    }
    if (missing) return null;
    const sink: TypeProblem[] = [];
    const r = op(a, b, sink);
    if (r === null) {
      const seen = new Set<string>();
      for (const p of sink) {
        const key = `${p.side}|${p.expected}|${p.actual}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // name the fact the bad value came from: the leaf's, or the value's when it is a fact reference
        const from = p.side === 'value' && ref !== undefined ? ref : leaf;
        out.push({
          messageId: 'condition.wrong_type',
          data: withPath(
            { fact: from.fact, operator: leaf.operator, expected: p.expected, actual: p.actual, side: p.side },
            from.path,
          ),
        });
      }
    } else if (r === negated) {
      const data = withPath({ fact: leaf.fact, operator: leaf.operator, value: plain(b), actual: plain(a) }, leaf.path);
      if (negated) data.negated = true;
      out.push({ messageId: 'condition.failed', data });
    }
    return r;
  };
  return { ev, ex };
}

/**
 * `all` and `any`, each the other's dual: a child whose value is `decides` (false for all, true for
 * any) settles the node; else any unknown child makes it unknown. One and two children get their own
 * closures (a hot path: most conditions are small).
 */
function compileJunction(children: readonly Node[], junction: 'all' | 'any'): Node {
  const decides = junction === 'any';
  const evs = children.map((c) => c.ev);
  const n = evs.length;
  let ev: Node['ev'];
  if (n === 0) {
    // json-rules-engine: an empty "all" or "any" is true (the schema rejects an empty "any" at load time)
    ev = () => true;
  } else if (n === 1) ev = evs[0]!;
  else if (n === 2) {
    const [e0, e1] = evs as [Node['ev'], Node['ev']];
    ev = (facts) => {
      const r0 = e0(facts);
      if (r0 === decides) return decides;
      const r1 = e1(facts);
      if (r1 === decides) return decides;
      return r0 === null || r1 === null ? null : !decides;
    };
  } else {
    ev = (facts) => {
      let unknown = false;
      for (let i = 0; i < n; i++) {
        const r = evs[i]!(facts);
        if (r === decides) return decides;
        if (r === null) unknown = true;
      }
      return unknown ? null : !decides;
    };
  }
  return { ev, ex: combineExplain(children, junction) };
}

/**
 * Explain an all/any node: evaluate every child (no short-circuit), then keep the reasons of the
 * children whose value equals the node's (those are what decide it: the false ones of a false `all`,
 * the null ones of a null node, every child of a false `any`).
 */
function combineExplain(children: readonly Node[], kind: 'all' | 'any'): Node['ex'] {
  return (facts, negated, out) => {
    if (children.length === 0) return true; // both json-rules-engine's and Kleene's empty all; json-rules-engine's empty any
    const values: Ternary[] = [];
    const reasons: Message[][] = [];
    let sawTrue = false;
    let sawFalse = false;
    let sawNull = false;
    for (const c of children) {
      const own: Message[] = [];
      const r = c.ex(facts, negated, own);
      values.push(r);
      reasons.push(own);
      if (r === true) sawTrue = true;
      else if (r === false) sawFalse = true;
      else sawNull = true;
    }
    const v: Ternary = kind === 'all' ? (sawFalse ? false : sawNull ? null : true) : sawTrue ? true : sawNull ? null : false;
    for (let i = 0; i < values.length; i++) if (values[i] === v) pushAll(out, reasons[i]!);
    return v;
  };
}

function compileNot(child: Node): Node {
  const e = child.ev;
  return {
    ev: (facts) => {
      const r = e(facts);
      return r === null ? null : !r;
    },
    ex: (facts, negated, out) => {
      const r = child.ex(facts, !negated, out);
      return r === null ? null : !r;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Named conditions
// ---------------------------------------------------------------------------------------------

function refsOf(condition: Condition, out: string[]): string[] {
  if ('all' in condition) for (const c of condition.all) refsOf(c, out);
  else if ('any' in condition) for (const c of condition.any) refsOf(c, out);
  else if ('not' in condition) refsOf(condition.not, out);
  else if ('condition' in condition) out.push(condition.condition);
  return out;
}

/**
 * Cycles among named conditions (`a` refers to `b` which refers back to `a`). Each cycle is listed
 * once, as the names along it starting from its alphabetically first name: `['a', 'b']` means
 * a → b → a; a condition that refers to itself is `['a']`. References to unknown names are ignored.
 */
export function findConditionCycles(named: Readonly<Record<string, Condition>>): string[][] {
  const names = Object.keys(named).sort();
  const edges = new Map<string, string[]>();
  for (const name of names) {
    edges.set(
      name,
      [...new Set(refsOf(named[name]!, []))].filter((r) => Object.hasOwn(named, r)),
    );
  }
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    state.set(name, 'active');
    stack.push(name);
    for (const next of edges.get(name) ?? []) {
      const st = state.get(next);
      if (st === 'active') {
        const cycle = stack.slice(stack.indexOf(next));
        // rotate to start at the smallest name, so each cycle is reported once
        let min = 0;
        for (let i = 1; i < cycle.length; i++) if (cycle[i]! < cycle[min]!) min = i;
        const rotated = [...cycle.slice(min), ...cycle.slice(0, min)];
        const key = rotated.join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(rotated);
        }
      } else if (st === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of names) if (!state.has(name)) visit(name);
  return cycles;
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/**
 * Compile a condition once into a three-valued predicate. Throws an Error for an unknown operator,
 * an unsupported path, a reference to an unknown named condition, or a cycle among named conditions.
 */
export function compileCondition<Input = Facts>(condition: Condition, options: CompileOptions<Input> = {}): CompiledCondition<Input> {
  const named = options.named ?? {};
  const overrides = options.operators;
  const read = (options.factReader ?? ownFact) as FactReader<never>;
  const compiledNamed = new Map<string, Node>();
  const inProgress: string[] = [];

  const compileRef = (name: string): Node => {
    const done = compiledNamed.get(name);
    if (done !== undefined) return done;
    if (inProgress.includes(name)) {
      throw new Error(`named conditions refer to each other in a cycle: ${[...inProgress.slice(inProgress.indexOf(name)), name].join(' → ')}`);
    }
    if (!Object.hasOwn(named, name)) throw new Error(`unknown named condition "${name}"`);
    inProgress.push(name);
    const node = compileNode(named[name]!);
    inProgress.pop();
    compiledNamed.set(name, node);
    return node;
  };

  const compileNode = (c: Condition): Node => {
    if (typeof c !== 'object' || c === null) throw new Error('a condition must be an object');
    // same precedence as json-rules-engine's Condition: any, all, not, then a reference, then a leaf
    if ('any' in c) return compileJunction(c.any.map(compileNode), 'any');
    if ('all' in c) return compileJunction(c.all.map(compileNode), 'all');
    if ('not' in c) return compileNot(compileNode(c.not));
    if ('condition' in c) return compileRef(c.condition);
    if ('fact' in c) return compileLeaf(c, overrides, read);
    throw new Error('a condition needs one of "all", "any", "not", "condition" or "fact"');
  };

  const root = compileNode(condition);
  const evaluate = root.ev;
  return {
    evaluate,
    explain(facts) {
      const reasons: Message[] = [];
      const value = root.ex(facts, false, reasons);
      return { value, reasons: value === true ? [] : reasons };
    },
  };
}
