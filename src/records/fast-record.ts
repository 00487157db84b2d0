/**
 * The record schema (record-schema.ts) written out as plain checks, for the common case: a record
 * that passes them comes out exactly as `InspectionRecordSchema.parse` gives it (new objects, keys
 * in the schema's order, `findings` defaulting to []), at a fraction of zod's cost. Anything it does
 * not take — a failing value, but also anything unusual it leaves to zod (an `undefined` value, a
 * `__proto__` key, an object that is not plain) — returns undefined, and the caller asks zod, so
 * every problem is zod's and worded in one place (validate.ts).
 */
import { ID_PATTERN, isCalendarDate } from '../common-schema.js';
import { pointsProblem } from '../points.js';
import { MAX_RATIO_TERM, type Finding, type IndicatorValue, type InspectionRecord, type UnitRef } from '../record-schema.js';

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

const RECORD_KEYS = new Set(['id', 'standard', 'unit', 'round', 'date', 'kind', 'level', 'inspector', 'findings', 'indicators', 'facts', 'supersedes']);
const UNIT_KEYS = new Set(['id', 'name', 'group']);
const FINDING_KEYS = new Set(['item', 'count', 'points', 'value', 'note', 'evidence', 'unit', 'area']);

/** Every own key is one of `allowed`, and no value is `undefined` (zod keeps such a key; this leaves it to zod). */
function onlyKeys(object: Plain, allowed: ReadonlySet<string>): boolean {
  const keys = Object.keys(object);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (!allowed.has(key) || object[key] === undefined) return false;
  }
  return true;
}

/** A `z.record(z.string(), …)`'s keys: no `__proto__` (zod drops it), no undefined values. */
function mapOf<T>(value: unknown, each: (v: unknown) => T | undefined): Record<string, T> | undefined {
  if (!plain(value)) return undefined;
  const out: Record<string, T> = {};
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === '__proto__') return undefined;
    const v = each(value[key]);
    if (v === undefined) return undefined;
    out[key] = v;
  }
  return out;
}

const groupValue = (v: unknown): string | number | undefined => (typeof v === 'string' || finite(v) ? v : undefined);
const anyValue = (v: unknown): unknown => v;

function ratioTerm(v: unknown, least: number): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= least && v <= MAX_RATIO_TERM;
}

function indicator(v: unknown): IndicatorValue | undefined {
  if (finite(v)) return v;
  if (!plain(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === 'value') {
    const value = v.value;
    return finite(value) ? { value } : undefined;
  }
  if (keys.length !== 2 || !Object.hasOwn(v, 'numerator') || !Object.hasOwn(v, 'denominator')) return undefined;
  const { numerator, denominator } = v;
  return ratioTerm(numerator, 0) && ratioTerm(denominator, 1) ? { numerator, denominator } : undefined;
}

function unitRef(v: unknown): UnitRef | undefined {
  if (!plain(v) || !onlyKeys(v, UNIT_KEYS)) return undefined;
  // Each property read once: what is checked is what is kept, even from a getter.
  const { id, name, group } = v;
  if (!nonEmpty(id)) return undefined;
  const out: Record<string, unknown> = { id };
  if (!take(out, 'name', name, nonEmpty)) return undefined;
  if (group !== undefined) {
    const map = mapOf(group, groupValue);
    if (map === undefined) return undefined;
    out.group = map;
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

const isString = (v: unknown): v is string => typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const isPoints = (v: unknown): v is number => finite(v) && v >= 0 && pointsProblem(v) === undefined;

/** Sets `out[key]` to `value` when it is given and passes `ok`; false when it is given and does not. */
function take(out: Record<string, unknown>, key: string, value: unknown, ok: (v: unknown) => boolean): boolean {
  if (value === undefined) return true;
  if (!ok(value)) return false;
  out[key] = value;
  return true;
}

function finding(v: unknown): Finding | undefined {
  if (!plain(v) || !onlyKeys(v, FINDING_KEYS)) return undefined;
  const { item, count, points, value, note, evidence: shown, unit, area } = v;
  if (!nonEmpty(item)) return undefined;
  const out: Record<string, unknown> = { item };
  if (!take(out, 'count', count, isCount) || !take(out, 'points', points, isPoints) || !take(out, 'value', value, finite) || !take(out, 'note', note, isString)) return undefined;
  if (shown !== undefined) {
    const e = evidence(shown);
    if (e === undefined) return undefined;
    out.evidence = e;
  }
  if (!take(out, 'unit', unit, nonEmpty) || !take(out, 'area', area, nonEmpty)) return undefined;
  return out as Finding;
}

/**
 * The record as `InspectionRecordSchema.parse(raw)` returns it, when `raw` plainly passes the
 * record schema; otherwise undefined (ask zod). Each value is kept as it was read for its check,
 * so a getter cannot hand over another after it.
 */
export function fastRecord(raw: unknown): InspectionRecord | undefined {
  if (!plain(raw) || !onlyKeys(raw, RECORD_KEYS)) return undefined;
  // Keys are set in the schema's order, so the record serialises as zod's output does.
  const out: Record<string, unknown> = {};
  // Each property read once: what is checked is what is kept, even from a getter.
  const { id, standard, unit: unitValue, round, date, kind, level, inspector, findings, indicators, facts, supersedes } = raw;
  if (!take(out, 'id', id, nonEmpty) || !take(out, 'standard', standard, nonEmpty)) return undefined;
  const unit = unitRef(unitValue);
  if (unit === undefined) return undefined;
  out.unit = unit;
  if (!take(out, 'round', round, isBoolean) || !isDate(date)) return undefined;
  out.date = date;
  if (!take(out, 'kind', kind, isId) || !take(out, 'level', level, isId) || !take(out, 'inspector', inspector, nonEmpty)) return undefined;
  if (findings === undefined) out.findings = [];
  else {
    if (!Array.isArray(findings)) return undefined;
    const n = findings.length as number;
    const list = new Array<Finding>(n);
    for (let i = 0; i < n; i++) {
      const f = finding(findings[i]);
      if (f === undefined) return undefined;
      list[i] = f;
    }
    out.findings = list;
  }
  if (indicators !== undefined) {
    const map = mapOf(indicators, indicator);
    if (map === undefined) return undefined;
    out.indicators = map;
  }
  if (facts !== undefined) {
    const map = mapOf(facts, anyValue);
    if (map === undefined) return undefined;
    out.facts = map;
  }
  if (!take(out, 'supersedes', supersedes, nonEmpty)) return undefined;
  return out as InspectionRecord;
}
