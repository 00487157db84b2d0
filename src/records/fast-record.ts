/**
 * The record schema (record-schema.ts) written out as plain checks, for the common case: a record
 * that passes them comes out exactly as `InspectionRecordSchema.parse` gives it (new objects, keys
 * in the schema's order, `findings` defaulting to []), at a fraction of zod's cost. Anything it does
 * not take — a failing value, but also anything unusual it leaves to zod (an `undefined` value where
 * the schema checks one, a `__proto__` key, a symbol key, an object that is not plain) — returns
 * undefined, and the caller asks zod, so every problem is zod's and worded in one place (validate.ts).
 *
 * It runs once per record before scoring, so it is written for speed: direct property reads, the
 * output built by named stores in the schema's order, a key check by `switch` into a bit mask (no Set,
 * no keyed reads), maps (`facts`, `indicators`, `group`, `parties`) copied by mapCopy (by object
 * spread when a reader of this package made the value, else key by key; many facts into a clone of
 * a fast-mode object of their keys, MapShape).
 * What it shares with the input is what zod shares: the values of `facts` (`unknown`, passed by
 * reference); every object and array the schema describes is new, as zod's are, so a caller who
 * changes its input afterwards does not change the record.
 */
import { ID_PATTERN, isCalendarDate } from '../common-schema.js';
import { pointsProblem } from '../points.js';
import { MAX_RATIO_TERM, type Finding, type Follow, type IndicatorValue, type InspectionRecord, type UnitRef } from '../record-schema.js';

type Plain = Record<string, unknown>;

/** A plain object (what JSON.parse, YAML and the CSV reader make); a class instance, an array or a Proxy's prototype goes to zod. */
function plain(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
/** `Id`: the ids of kinds and levels are few, so each is tested against the pattern once. */
const ids = new Map<string, boolean>();
function isId(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  let ok = ids.get(value);
  if (ok === undefined) {
    ok = ID_PATTERN.test(value);
    if (ids.size < 1024) ids.set(value, ok);
  }
  return ok;
}

/** Calendar dates, each checked once: a season's records share a few hundred. */
const dates = new Map<string, boolean>();
function isDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  let ok = dates.get(value);
  if (ok === undefined) {
    ok = isCalendarDate(value);
    if (dates.size < 4096) dates.set(value, ok);
  }
  return ok;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const isPoints = (v: unknown): v is number => finite(v) && v >= 0 && pointsProblem(v) === undefined;

/*
 * A strict object's keys: each key `for…in` gives (own and inherited enumerable keys, as zod's check
 * of unknown keys reads them) sets its bit, an unknown key gives 0. The object is taken only when the
 * keys given are exactly the keys whose values read as defined: no unknown key, no key with an
 * `undefined` value (zod keeps such a key), no value read from where `for…in` does not look.
 */
const R_ID = 1, R_STANDARD = 2, R_UNIT = 4, R_ROUND = 8, R_DATE = 16, R_KIND = 32, R_LEVEL = 64, R_INSPECTOR = 128;
const R_FINDINGS = 256, R_INDICATORS = 512, R_FACTS = 1024, R_SUPERSEDES = 2048, R_FOLLOWS = 4096, R_PARTIES = 8192;

function recordKey(key: string): number {
  switch (key) {
    case 'id': return R_ID;
    case 'standard': return R_STANDARD;
    case 'unit': return R_UNIT;
    case 'round': return R_ROUND;
    case 'date': return R_DATE;
    case 'kind': return R_KIND;
    case 'level': return R_LEVEL;
    case 'inspector': return R_INSPECTOR;
    case 'findings': return R_FINDINGS;
    case 'indicators': return R_INDICATORS;
    case 'facts': return R_FACTS;
    case 'supersedes': return R_SUPERSEDES;
    case 'follows': return R_FOLLOWS;
    case 'parties': return R_PARTIES;
    default: return 0;
  }
}

const F_ID = 1, F_ITEM = 2, F_COUNT = 4, F_POINTS = 8, F_VALUE = 16, F_NOTE = 32, F_EVIDENCE = 64, F_UNIT = 128, F_AREA = 256, F_OCCURRED = 512, F_DUE = 1024;

function findingKey(key: string): number {
  switch (key) {
    case 'id': return F_ID;
    case 'item': return F_ITEM;
    case 'count': return F_COUNT;
    case 'points': return F_POINTS;
    case 'value': return F_VALUE;
    case 'note': return F_NOTE;
    case 'evidence': return F_EVIDENCE;
    case 'unit': return F_UNIT;
    case 'area': return F_AREA;
    case 'occurred': return F_OCCURRED;
    case 'due': return F_DUE;
    default: return 0;
  }
}

function unitKey(key: string): number {
  switch (key) {
    case 'id': return 1;
    case 'name': return 2;
    case 'group': return 4;
    default: return 0;
  }
}

// A Map, not a switch: a follow-up's `fixed` is also a rule kind's name, which only src/rules/ may switch on.
const FOLLOW_KEYS: ReadonlyMap<string, number> = new Map([['finding', 1], ['fixed', 2], ['note', 4]]);
const followKey = (key: string): number => FOLLOW_KEYS.get(key) ?? 0;

/** The bits of the keys `for…in` gives, by `bit`; -1 for an unknown key. */
function keyBits(object: Plain, bit: (key: string) => number): number {
  let bits = 0;
  for (const key in object) {
    const b = bit(key);
    if (b === 0) return -1;
    bits |= b;
  }
  return bits;
}

/**
 * A `z.record(z.string(), …)`: a copy of its own enumerable keys, in their order (what zod's record
 * reads), or undefined for what zod judges otherwise than a copy — a `__proto__` key (zod drops it), a
 * symbol key (zod refuses it). The caller checks the values.
 *
 * A value a reader of this package made (`made`: JSON.parse, the YAML and CSV readers) has no symbol
 * key, and is copied by an object spread: 20× faster than key by key on an object in V8's fast mode,
 * as a parser makes them. Any other value is copied key by key (a spread is 4× slower than that on an
 * object in dictionary mode, as zod's own output for a record of 27 facts is), into a clone of the
 * field's `shape` when it has many keys.
 */
function mapCopy(value: unknown, made: boolean, shape?: MapShape): Plain | undefined {
  if (!plain(value)) return undefined;
  if (made) {
    const copy: Plain = { ...value };
    return Object.hasOwn(copy, '__proto__') ? undefined : copy;
  }
  const keys = Object.keys(value);
  const copy = shape !== undefined && keys.length > MapShape.LEAST ? shape.copy(value, keys) : keyByKey(value, keys);
  return copy === undefined || Object.getOwnPropertySymbols(value).length > 0 ? undefined : copy;
}

/** `keys` of `value` (its own, from Object.keys) copied into a new object, each value read once; undefined for a `__proto__` key. */
function keyByKey(value: Plain, keys: readonly string[]): Plain | undefined {
  const copy: Plain = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === '__proto__') return undefined;
    copy[key] = value[key];
  }
  return copy;
}

function sameKeys(a: readonly string[] | undefined, b: readonly string[]): boolean {
  if (a === undefined || a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The key list a field's large maps share, and a fast-mode object with those keys to clone for each.
 * An object given more than ~18 properties by keyed stores becomes a hash table (V8's dictionary mode):
 * larger, slower to build, and every read of it a lookup. A clone of an object in fast mode (an object
 * spread) stays in fast mode, and its values are then written over its own keys, which changes no shape.
 * Records from one source share their facts' keys: the shape is a key list two maps in a row had. A new
 * shape (a spread of a dictionary, ~4 µs for 27 keys) replaces the last only when that one has not been
 * seen for STALE maps, so records mixing a few lists do not make a new shape every few records.
 */
class MapShape {
  /** A map of up to this many keys copied key by key stays in fast mode (V8 normalizes an object past ~18 keys added by keyed stores). */
  static readonly LEAST = 12;
  static readonly STALE = 16;
  private keys: readonly string[] | undefined;
  private template: Plain | undefined;
  /** The key list of the last map that had another, and how many maps in a row had another. */
  private last: readonly string[] | undefined;
  private misses = 0;

  copy(value: Plain, keys: readonly string[]): Plain | undefined {
    if (this.template === undefined || !sameKeys(this.keys, keys)) {
      const twice = sameKeys(this.last, keys);
      this.last = keys;
      this.misses++;
      const copy = keyByKey(value, keys);
      if (!twice || copy === undefined || (this.template !== undefined && this.misses < MapShape.STALE)) return copy;
      // A spread of the key-by-key copy is in fast mode; its values are the record's, and are let go.
      const template: Plain = { ...copy };
      for (let i = 0; i < keys.length; i++) template[keys[i]!] = undefined;
      this.keys = keys;
      this.template = template;
      this.misses = 0;
      return copy;
    }
    this.misses = 0;
    // The template has no `__proto__` key (keyByKey refused it), so neither have these keys.
    const copy: Plain = { ...this.template };
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      copy[key] = value[key];
    }
    return copy;
  }
}

const factsShape = new MapShape();

function ratioTerm(v: unknown, least: number): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= least && v <= MAX_RATIO_TERM;
}

function indicator(v: unknown): IndicatorValue | undefined {
  if (finite(v)) return v;
  if (!plain(v)) return undefined;
  let bits = 0;
  for (const key in v) {
    const b = key === 'value' ? 1 : key === 'numerator' ? 2 : key === 'denominator' ? 4 : 0;
    if (b === 0) return undefined;
    bits |= b;
  }
  if (bits === 1) {
    const value = v.value;
    return finite(value) ? { value } : undefined;
  }
  if (bits !== 6) return undefined;
  const { numerator, denominator } = v;
  return ratioTerm(numerator, 0) && ratioTerm(denominator, 1) ? { numerator, denominator } : undefined;
}

function indicators(value: unknown, made: boolean): Record<string, IndicatorValue> | undefined {
  const copy = mapCopy(value, made);
  if (copy === undefined) return undefined;
  for (const key in copy) {
    const v = copy[key];
    if (finite(v)) continue;
    // An object becomes zod's new one, in place in the copy (a key from anywhere but the copy is zod's).
    const read = indicator(v);
    if (read === undefined || !Object.hasOwn(copy, key)) return undefined;
    copy[key] = read;
  }
  return copy as Record<string, IndicatorValue>;
}

function unitRef(v: unknown, made: boolean): UnitRef | undefined {
  if (!plain(v)) return undefined;
  const given = keyBits(v, unitKey);
  // Each property read once: what is checked is what is kept, even from a getter.
  const { id, name, group } = v;
  if (given !== (id !== undefined ? 1 : 0) + (name !== undefined ? 2 : 0) + (group !== undefined ? 4 : 0) || !nonEmpty(id)) return undefined;
  const out: Plain = { id };
  if (name !== undefined) {
    if (!nonEmpty(name)) return undefined;
    out.name = name;
  }
  if (group !== undefined) {
    const copy = mapCopy(group, made);
    if (copy === undefined) return undefined;
    for (const key in copy) {
      const g = copy[key];
      if (typeof g !== 'string' && !finite(g)) return undefined;
    }
    out.group = copy;
  }
  return out as UnitRef;
}

function evidence(v: unknown): boolean | string[] | undefined {
  if (typeof v === 'boolean') return v;
  if (!Array.isArray(v)) return undefined;
  const n = v.length as number;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const e: unknown = v[i];
    if (typeof e !== 'string') return undefined;
    out[i] = e;
  }
  return out;
}

function finding(v: unknown): Finding | undefined {
  if (!plain(v)) return undefined;
  const given = keyBits(v, findingKey);
  const { id, item, count, points, value, note, evidence: shown, unit, area, occurred, due } = v;
  const defined =
    (id !== undefined ? F_ID : 0) | (item !== undefined ? F_ITEM : 0) | (count !== undefined ? F_COUNT : 0) | (points !== undefined ? F_POINTS : 0) |
    (value !== undefined ? F_VALUE : 0) | (note !== undefined ? F_NOTE : 0) | (shown !== undefined ? F_EVIDENCE : 0) | (unit !== undefined ? F_UNIT : 0) |
    (area !== undefined ? F_AREA : 0) | (occurred !== undefined ? F_OCCURRED : 0) | (due !== undefined ? F_DUE : 0);
  if (given !== defined) return undefined;
  // Keys in the schema's order; the common finding (an item, a count or points) takes the first branch.
  let out: Plain;
  if (id === undefined) {
    if (!nonEmpty(item)) return undefined;
    out = { item };
  } else {
    if (!nonEmpty(id) || !nonEmpty(item)) return undefined;
    out = { id, item };
  }
  if (defined <= F_ITEM + F_ID) return out as Finding;
  if (count !== undefined) {
    if (!isCount(count)) return undefined;
    out.count = count;
  }
  if (points !== undefined) {
    if (!isPoints(points)) return undefined;
    out.points = points;
  }
  if (value !== undefined) {
    if (!finite(value)) return undefined;
    out.value = value;
  }
  if (note !== undefined) {
    if (typeof note !== 'string') return undefined;
    out.note = note;
  }
  if (shown !== undefined) {
    const e = evidence(shown);
    if (e === undefined) return undefined;
    out.evidence = e;
  }
  if (unit !== undefined) {
    if (!nonEmpty(unit)) return undefined;
    out.unit = unit;
  }
  if (area !== undefined) {
    if (!nonEmpty(area)) return undefined;
    out.area = area;
  }
  if (occurred !== undefined) {
    if (!isDate(occurred)) return undefined;
    out.occurred = occurred;
  }
  if (due !== undefined) {
    if (!isDate(due)) return undefined;
    out.due = due;
  }
  return out as Finding;
}

function follow(v: unknown): Follow | undefined {
  if (!plain(v)) return undefined;
  const given = keyBits(v, followKey);
  const { finding: id, fixed, note } = v;
  if (given !== (id !== undefined ? 1 : 0) + (fixed !== undefined ? 2 : 0) + (note !== undefined ? 4 : 0)) return undefined;
  if (!nonEmpty(id) || typeof fixed !== 'boolean') return undefined;
  if (note === undefined) return { finding: id, fixed };
  return typeof note === 'string' ? { finding: id, fixed, note } : undefined;
}

/** A list of `each`, new, or undefined when one is not taken. */
function listOf<T>(value: unknown, each: (v: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const n = value.length as number;
  const list = new Array<T>(n);
  for (let i = 0; i < n; i++) {
    const v = each(value[i]);
    if (v === undefined) return undefined;
    list[i] = v;
  }
  return list;
}

/**
 * The record as `InspectionRecordSchema.parse(raw)` returns it, when `raw` plainly passes the
 * record schema; otherwise undefined (ask zod). Each value is kept as it was read for its check,
 * so a getter cannot hand over another after it. `made`: `raw` was made by a reader of this package
 * (plain data, no symbol keys), which only changes how maps are copied (mapCopy).
 */
export function fastRecord(raw: unknown, made = false): InspectionRecord | undefined {
  if (!plain(raw)) return undefined;
  const given = keyBits(raw, recordKey);
  // Each property read once: what is checked is what is kept, even from a getter.
  const { id, standard, unit: unitValue, round, date, kind, level, inspector, findings: findingsValue, indicators: indicatorsValue, facts, supersedes, follows, parties } = raw;
  const defined =
    (id !== undefined ? R_ID : 0) | (standard !== undefined ? R_STANDARD : 0) | (unitValue !== undefined ? R_UNIT : 0) | (round !== undefined ? R_ROUND : 0) |
    (date !== undefined ? R_DATE : 0) | (kind !== undefined ? R_KIND : 0) | (level !== undefined ? R_LEVEL : 0) | (inspector !== undefined ? R_INSPECTOR : 0) |
    (findingsValue !== undefined ? R_FINDINGS : 0) | (indicatorsValue !== undefined ? R_INDICATORS : 0) | (facts !== undefined ? R_FACTS : 0) |
    (supersedes !== undefined ? R_SUPERSEDES : 0) | (follows !== undefined ? R_FOLLOWS : 0) | (parties !== undefined ? R_PARTIES : 0);
  if (given !== defined) return undefined;
  // Keys are set in the schema's order, so the record serialises as zod's output does.
  const out: Plain = {};
  if (id !== undefined) {
    if (!nonEmpty(id)) return undefined;
    out.id = id;
  }
  if (standard !== undefined) {
    if (!nonEmpty(standard)) return undefined;
    out.standard = standard;
  }
  const unit = unitRef(unitValue, made);
  if (unit === undefined) return undefined;
  out.unit = unit;
  if (round !== undefined) {
    if (typeof round !== 'boolean') return undefined;
    out.round = round;
  }
  if (!isDate(date)) return undefined;
  out.date = date;
  if (kind !== undefined) {
    if (!isId(kind)) return undefined;
    out.kind = kind;
  }
  if (level !== undefined) {
    if (!isId(level)) return undefined;
    out.level = level;
  }
  if (inspector !== undefined) {
    if (!nonEmpty(inspector)) return undefined;
    out.inspector = inspector;
  }
  if (findingsValue === undefined) out.findings = [];
  else {
    const list = listOf(findingsValue, finding);
    if (list === undefined) return undefined;
    out.findings = list;
  }
  if (indicatorsValue !== undefined) {
    const map = indicators(indicatorsValue, made);
    if (map === undefined) return undefined;
    out.indicators = map;
  }
  if (facts !== undefined) {
    // `z.unknown()` values: zod keeps each as it is, an `undefined` too.
    const map = mapCopy(facts, made, factsShape);
    if (map === undefined) return undefined;
    out.facts = map;
  }
  if (supersedes !== undefined) {
    if (!nonEmpty(supersedes)) return undefined;
    out.supersedes = supersedes;
  }
  if (follows !== undefined) {
    const list = listOf(follows, follow);
    if (list === undefined) return undefined;
    out.follows = list;
  }
  if (parties !== undefined) {
    const map = mapCopy(parties, made);
    if (map === undefined) return undefined;
    for (const key in map) if (!isId(key) || !nonEmpty(map[key])) return undefined;
    out.parties = map;
  }
  return out as InspectionRecord;
}

/*
 * A record JSON.parse has just made and nobody else holds (an NDJSON line's) is zod's output already
 * when its keys are in the schema's order: JSON has no getter, symbol key, `undefined` value or other
 * prototype, and zod's new objects would only be copies nobody can tell from it. So ownRecord checks
 * it in place (fastRecord's checks, read for read) and hands the value itself back: no copy of the
 * record, its unit, maps, findings or follow-ups.
 */

/** The bits of `object`'s keys when `for…in` gives them in the schema's order (each bit above all before it); -1 for an unknown key or another order. */
function orderedBits(object: Plain, bit: (key: string) => number): number {
  let bits = 0;
  for (const key in object) {
    const b = bit(key);
    if (b <= bits) return -1;
    bits |= b;
  }
  return bits;
}

const isObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A `z.record` JSON made: zod drops a `__proto__` key, so such a map is not its output. */
const ownMap = (value: unknown): value is Plain => isObject(value) && !Object.hasOwn(value, '__proto__');
const indicatorKey = (key: string): number => (key === 'value' ? 1 : key === 'numerator' ? 2 : key === 'denominator' ? 4 : 0);

function ownUnit(v: unknown): boolean {
  if (!isObject(v) || orderedBits(v, unitKey) < 0) return false;
  const { id, name, group } = v;
  if (!nonEmpty(id) || (name !== undefined && !nonEmpty(name))) return false;
  if (group === undefined) return true;
  if (!ownMap(group)) return false;
  for (const key in group) {
    const g = group[key];
    if (typeof g !== 'string' && !finite(g)) return false;
  }
  return true;
}

function ownFinding(v: unknown): boolean {
  if (!isObject(v) || orderedBits(v, findingKey) < 0) return false;
  const { id, item, count, points, value, note, evidence: shown, unit, area, occurred, due } = v;
  return (
    nonEmpty(item) &&
    (id === undefined || nonEmpty(id)) &&
    (count === undefined || isCount(count)) &&
    (points === undefined || isPoints(points)) &&
    (value === undefined || finite(value)) &&
    (note === undefined || typeof note === 'string') &&
    (shown === undefined || typeof shown === 'boolean' || (Array.isArray(shown) && shown.every((e) => typeof e === 'string'))) &&
    (unit === undefined || nonEmpty(unit)) &&
    (area === undefined || nonEmpty(area)) &&
    (occurred === undefined || isDate(occurred)) &&
    (due === undefined || isDate(due))
  );
}

function ownIndicators(v: unknown): boolean {
  if (!ownMap(v)) return false;
  for (const key in v) {
    const value = v[key];
    if (finite(value)) continue;
    if (!isObject(value)) return false;
    const bits = orderedBits(value, indicatorKey);
    if (bits === 1 ? !finite(value.value) : bits !== 6 || !ratioTerm(value.numerator, 0) || !ratioTerm(value.denominator, 1)) return false;
  }
  return true;
}

function ownFollow(v: unknown): boolean {
  if (!isObject(v) || orderedBits(v, followKey) < 0) return false;
  const { finding: id, fixed, note } = v;
  return nonEmpty(id) && typeof fixed === 'boolean' && (note === undefined || typeof note === 'string');
}

function ownParties(v: unknown): boolean {
  if (!ownMap(v)) return false;
  for (const key in v) if (!isId(key) || !nonEmpty(v[key])) return false;
  return true;
}

const ownList = (value: unknown, each: (v: unknown) => boolean): boolean => Array.isArray(value) && value.every(each);

/**
 * `raw` itself as `InspectionRecordSchema.parse(raw)` returns it, when `raw` is a value JSON.parse made
 * that no one else holds, it plainly passes the record schema and its keys are in the schema's order
 * (and `findings`, defaulted to [] when absent, would be added in its place: at the end); otherwise
 * undefined (fastRecord copies it, or zod judges it).
 */
export function ownRecord(raw: unknown): InspectionRecord | undefined {
  if (!isObject(raw)) return undefined;
  const given = orderedBits(raw, recordKey);
  if (given < 0 || ((given & R_FINDINGS) === 0 && given > R_FINDINGS)) return undefined;
  const { id, standard, unit, round, date, kind, level, inspector, findings, indicators: indicatorsValue, facts, supersedes, follows, parties } = raw;
  const taken =
    (id === undefined || nonEmpty(id)) &&
    (standard === undefined || nonEmpty(standard)) &&
    ownUnit(unit) &&
    (round === undefined || typeof round === 'boolean') &&
    isDate(date) &&
    (kind === undefined || isId(kind)) &&
    (level === undefined || isId(level)) &&
    (inspector === undefined || nonEmpty(inspector)) &&
    (findings === undefined || ownList(findings, ownFinding)) &&
    (indicatorsValue === undefined || ownIndicators(indicatorsValue)) &&
    (facts === undefined || ownMap(facts)) &&
    (supersedes === undefined || nonEmpty(supersedes)) &&
    (follows === undefined || ownList(follows, ownFollow)) &&
    (parties === undefined || ownParties(parties));
  if (!taken) return undefined;
  if (findings === undefined) raw.findings = [];
  return raw as unknown as InspectionRecord;
}
