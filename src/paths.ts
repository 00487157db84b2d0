/**
 * Paths into fact values: the plain dotted form `a.b.0.c` / `a.b[0].c` and json-rules-engine's
 * simple JSONPath form `$.a.b[0].c`, which mean the same thing.
 *
 * Only the subset of JSONPath that is a plain walk down named properties and array indexes is
 * accepted. Everything that makes JSONPath a query language — recursive descent (`..`), wildcards
 * (`*`), filters (`[?(…)]`), scripts (`(…)`, `@`), unions (`,`), slices (`:`), parent (`^`) and
 * property-name (`~`) selectors, quoted bracket keys — is rejected by {@link pathProblem}, which the
 * standard loader turns into a load error. For every accepted path, {@link resolvePath} reads the
 * same value as json-rules-engine's default resolver (jsonpath-plus with `wrap: false`), except:
 *
 * - only objects and arrays are walked into (jsonpath-plus will also read e.g. `length` of a string);
 * - a path applied to a primitive, `null` or `undefined` resolves to nothing (json-rules-engine hands
 *   back the primitive itself, ignoring the path);
 * - segments `__proto__`, `constructor` and `prototype` always resolve to nothing.
 *
 * Only own properties are read (`Object.hasOwn`), so nothing inherited is ever reachable.
 */
import { renderMessage } from './messages/render.js';
import type { Message } from './messages/types.js';

/** One step of a path: a property name, or an array index (a canonical non-negative integer). */
export type PathSegment = string | number;

/** A path parsed once, ready to be resolved many times. */
export interface ParsedPath {
  /** The text it was parsed from. */
  readonly source: string;
  /** Steps, outermost first; empty for `$` or `''` (the whole value). */
  readonly segments: readonly PathSegment[];
  /** True when a segment is `__proto__`, `constructor` or `prototype`: the path resolves to nothing. */
  readonly blocked: boolean;
}

/** Segments that never resolve to anything, whatever the object holds. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Characters that carry meaning in jsonpath-plus (or its internal escaping) and so may not appear in a name. */
const SPECIAL_CHARS = new Set(['*', '?', '(', ')', '@', '~', '^', '`', ',', ':', "'", '"', '$', ';', '%', '#', '\\', '[', ']', '.']);

/** Thrown by {@link parsePath} for a path outside the supported subset. */
export class PathError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.name = 'PathError';
    this.path = path;
  }
}

const MAX_INDEX = 2 ** 32 - 2;

function toSegment(name: string): PathSegment {
  // canonical array index (no sign, no leading zeros): store as a number
  if (/^(?:0|[1-9]\d*)$/.test(name)) {
    const n = Number(name);
    if (n <= MAX_INDEX) return n;
  }
  return name;
}

/** Why a path is not supported, as a message id (path.*) and its data: the catalogues give the words. */
function describeUnsupported(path: string, at: number): Message {
  const rest = path.slice(at);
  const data = { path: JSON.stringify(path) };
  const because = (reason: string, more: Record<string, unknown> = {}): Message => ({ messageId: `path.${reason}`, data: { ...data, ...more } });
  if (path.includes('..')) return because('recursive_descent');
  if (rest.startsWith('[?') || path.includes('?(')) return because('filter');
  if (path.includes('*')) return because('wildcard');
  if (path.includes('(') || path.includes('@')) return because('script');
  const ch = path[at];
  if (ch === '[' && at === 0) return because('leading_bracket');
  if (ch === '[') return because('bracket');
  if (ch === '$') return because('dollar');
  if (ch === '.' || ch === undefined) return because('empty_segment');
  return because('reserved_char', { char: JSON.stringify(ch) });
}

/**
 * Parse a path, or say why it is not supported.
 * Returns the segments, or a human-readable problem.
 */
function parse(path: string): { segments: PathSegment[] } | { problem: Message } {
  const segments: PathSegment[] = [];
  const n = path.length;
  let i = 0;
  if (n === 0) return { segments };
  let needName: boolean;
  if (path[0] === '$') {
    i = 1;
    needName = false; // after "$" comes "." or "[" or the end
  } else {
    needName = true; // a plain path starts with a name
  }
  for (;;) {
    if (needName) {
      const start = i;
      while (i < n && !SPECIAL_CHARS.has(path[i]!)) i++;
      if (i === start) return { problem: describeUnsupported(path, i) };
      segments.push(toSegment(path.slice(start, i)));
      needName = false;
      continue;
    }
    if (i === n) return { segments };
    const ch = path[i];
    if (ch === '.') {
      i++;
      needName = true;
      continue;
    }
    if (ch === '[') {
      const close = path.indexOf(']', i);
      const inner = close < 0 ? '' : path.slice(i + 1, close);
      if (!/^(?:0|[1-9]\d*)$/.test(inner) || Number(inner) > MAX_INDEX) {
        return { problem: describeUnsupported(path, i) };
      }
      segments.push(Number(inner));
      i = close + 1;
      continue;
    }
    return { problem: describeUnsupported(path, i) };
  }
}

/** Why `path` is not a supported path (a message id and its data), or `undefined` when it is fine. */
export function pathIssue(path: string): Message | undefined {
  const r = parse(path);
  return 'problem' in r ? r.problem : undefined;
}

/** Why `path` is not a supported path, in English, or `undefined` when it is fine. */
export function pathProblem(path: string): string | undefined {
  const issue = pathIssue(path);
  return issue === undefined ? undefined : renderMessage(issue, 'en');
}

/** Parse a path once. Throws {@link PathError} for unsupported JSONPath forms. */
export function parsePath(path: string): ParsedPath {
  const r = parse(path);
  if ('problem' in r) throw new PathError(path, renderMessage(r.problem, 'en'));
  const blocked = r.segments.some((s) => typeof s === 'string' && FORBIDDEN_SEGMENTS.has(s));
  return { source: path, segments: r.segments, blocked };
}

/** Read an own property of an object or array, or `undefined`. Never reads inherited properties. */
export function readOwn(value: unknown, key: PathSegment): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<PathSegment, unknown>)[key] : undefined;
}

/** Resolve a parsed path against a value; `undefined` means "nothing there". */
export function resolvePath(value: unknown, path: ParsedPath): unknown {
  if (path.blocked) return undefined;
  let v = value;
  for (const seg of path.segments) {
    v = readOwn(v, seg);
    if (v === undefined) return undefined;
  }
  return v;
}

/**
 * Compile a path to a resolver closure (no parsing or allocation per call).
 * Throws {@link PathError} for unsupported forms.
 */
export function compilePath(path: string | ParsedPath): (value: unknown) => unknown {
  const parsed = typeof path === 'string' ? parsePath(path) : path;
  if (parsed.blocked) return () => undefined;
  const segs = parsed.segments;
  switch (segs.length) {
    case 0:
      return (v) => v;
    case 1: {
      const k0 = segs[0]!;
      return (v) => (typeof v === 'object' && v !== null && Object.hasOwn(v, k0) ? (v as Record<PathSegment, unknown>)[k0] : undefined);
    }
    case 2: {
      const k0 = segs[0]!;
      const k1 = segs[1]!;
      return (v) => {
        if (typeof v !== 'object' || v === null || !Object.hasOwn(v, k0)) return undefined;
        const w = (v as Record<PathSegment, unknown>)[k0];
        if (typeof w !== 'object' || w === null || !Object.hasOwn(w, k1)) return undefined;
        return (w as Record<PathSegment, unknown>)[k1];
      };
    }
    default: {
      const n = segs.length;
      return (v) => {
        let cur = v;
        for (let i = 0; i < n; i++) {
          if (typeof cur !== 'object' || cur === null) return undefined;
          const k = segs[i]!;
          if (!Object.hasOwn(cur, k)) return undefined;
          cur = (cur as Record<PathSegment, unknown>)[k];
        }
        return cur;
      };
    }
  }
}
