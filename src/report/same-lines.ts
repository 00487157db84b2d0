/**
 * Score lines the same to the letter kept as one object: a report of a large run holds the lines of every
 * inspection with deductions, and most are one of a few hundred distinct lines, each a new object with a
 * new reason message made by scoring (about 380 B a line). Equal lines then share one object: the
 * report reads lines and never changes them, and one the same to the letter reads and serialises the same.
 */
import type { ScoreLine } from '../score/scorecard.js';

/** Distinct lines kept at most: past it, a line not seen yet is kept as it is (a run of all-different lines holds no keys). */
const MOST = 4096;
/** How deep a line's objects are compared by their contents (the line, its reason, the reason's data); deeper ones by identity. */
const DEEP = 3;

export class SameLines {
  readonly #lines = new Map<string, ScoreLine>();
  /** Objects deeper than DEEP (the standard's localized names a reason's data refers to): a number each, by identity. */
  readonly #ids = new WeakMap<object, number>();

  /** `lines` with each line the one kept for a line the same to the letter (a new list; the same list when empty). */
  of(lines: readonly ScoreLine[]): readonly ScoreLine[] {
    if (lines.length === 0) return lines;
    const out = new Array<ScoreLine>(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const key = this.#key(line, 1);
      let kept = key === undefined ? undefined : this.#lines.get(key);
      if (kept === undefined) {
        kept = line;
        if (key !== undefined && this.#lines.size < MOST) this.#lines.set(key, line);
      }
      out[i] = kept;
    }
    return out;
  }

  /**
   * A text that is the same for two values only when they are the same to the letter: the same keys in the
   * same order, the same primitives (-0 apart from 0), plain objects and arrays compared so down to DEEP and
   * deeper ones the same object. Undefined when a value cannot be told so (a function, a symbol, another kind of object).
   */
  #key(value: unknown, depth: number): string | undefined {
    switch (typeof value) {
      case 'string':
        return `s${value.length}:${value}`;
      case 'number':
        return Object.is(value, -0) ? 'n-0;' : `n${value};`; // ended, so the next key's length is not read as its digits
      case 'boolean':
        return value ? 't' : 'f';
      case 'undefined':
        return 'u';
      case 'bigint':
        return `g${value};`;
      case 'object': {
        if (value === null) return 'z';
        if (depth > DEEP) return `r${this.#idOf(value)};`;
        const proto = Object.getPrototypeOf(value) as unknown;
        if (Array.isArray(value)) {
          if (proto !== Array.prototype) return undefined;
          let out = `a${value.length}[`;
          for (const element of value) {
            const k = this.#key(element, depth + 1);
            if (k === undefined) return undefined;
            out += k;
          }
          return `${out}]`;
        }
        if (proto !== Object.prototype) return undefined;
        let out = '{';
        for (const name in value) {
          if (!Object.hasOwn(value, name)) return undefined;
          const k = this.#key((value as Record<string, unknown>)[name], depth + 1);
          if (k === undefined) return undefined;
          out += `${name.length}:${name}${k}`;
        }
        return `${out}}`;
      }
      default:
        return undefined;
    }
  }

  #idOf(value: object): number {
    let id = this.#ids.get(value);
    if (id === undefined) this.#ids.set(value, (id = this.#next++));
    return id;
  }

  #next = 0;
}
