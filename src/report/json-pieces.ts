/**
 * `JSON.stringify(value, null, 2)` written in pieces (lines of it, joined by line breaks: the same text),
 * so that a large league is never one string nor one object's whole text: every array and plain object
 * is opened, and only what is inside none of them (a string, a number, an object with `toJSON`, a Map…)
 * is made into text whole, by JSON.stringify itself.
 */

export interface JsonPiecesOptions {
  /**
   * A member to write from a list given here instead of the holder's own value, which is then never read
   * (a league's results trace their lines when read and keep them: `rank --format json` writes them from a
   * list made afresh, garbage once written). Each element is made into text whole. Undefined: the member's own value.
   */
  readonly list?: (holder: object, key: string) => readonly unknown[] | undefined;
}

const INDENTS: string[] = [''];
const indentOf = (depth: number): string => (INDENTS[depth] ??= '  '.repeat(depth));
/** A value's own text (JSON.stringify's, at `depth`): its lines after the first indented. */
const indented = (text: string, depth: number): string => (depth === 0 || !text.includes('\n') ? text : text.replace(/\n/g, `\n${indentOf(depth)}`));

/** The length of the brackets and breaks before and after an element `depth` arrays deep, in JSON.stringify(…, null, 2). */
const WRAPS: { readonly before: number; readonly after: number }[] = [];
function wrapsOf(depth: number): { readonly before: number; readonly after: number } {
  let wrap = WRAPS[depth];
  if (wrap === undefined) {
    let wrapped: unknown = 0;
    for (let i = 0; i < depth; i++) wrapped = [wrapped];
    const text = JSON.stringify(wrapped, null, 2);
    WRAPS[depth] = wrap = { before: text.indexOf('0'), after: text.length - text.indexOf('0') - 1 };
  }
  return wrap;
}

/**
 * An array element's text at `depth` ≥ 1 (`null` for what JSON leaves out), indented by JSON.stringify itself:
 * the element inside `depth` arrays, their brackets cut off (a slice, not a copy) — faster than indenting
 * its lines after. A `toJSON` is called with `'0'` for its key.
 */
function elementText(element: unknown, depth: number): string {
  let wrapped = [element];
  for (let i = 1; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  const { before, after } = wrapsOf(depth);
  return text.slice(before, text.length - after);
}

/** Whether the writer opens a value (a non-empty array, or a plain object without toJSON) rather than making it text whole. */
function opens(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * The pieces of `JSON.stringify(value, null, 2)` (see the module comment). One difference only: a `toJSON`
 * is called with `''` for its key when its value is a member of an object, `'0'` when an array's element.
 *
 * @example
 * ```ts
 * [...jsonPieces({ a: [1, 2] })].join('\n') === JSON.stringify({ a: [1, 2] }, null, 2); // true
 * ```
 */
export function* jsonPieces(value: unknown, options: JsonPiecesOptions = {}): Generator<string> {
  if (!opens(value)) {
    // undefined, a function or a symbol: JSON.stringify gives undefined, and there is no text.
    const text = JSON.stringify(value, null, 2) as string | undefined;
    if (text !== undefined) yield text;
    return;
  }
  yield* piecesOf(value, 0, '', '', options, new Set());
}

/** A member of an object, as written: its own text, a value to open, or a list to write element by element. */
type Member = { readonly key: string; readonly text?: string; readonly open?: object; readonly list?: readonly unknown[] };

function* piecesOf(value: object, depth: number, prefix: string, suffix: string, options: JsonPiecesOptions, path: Set<object>): Generator<string> {
  if (path.has(value)) throw new TypeError('Converting circular structure to JSON');
  path.add(value);
  const inner = indentOf(depth + 1);
  if (Array.isArray(value)) {
    yield `${prefix}[`;
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      const comma = i < value.length - 1 ? ',' : '';
      if (opens(element)) yield* piecesOf(element, depth + 1, inner, comma, options, path);
      else yield `${inner}${elementText(element, depth + 1)}${comma}`;
    }
    yield `${indentOf(depth)}]${suffix}`;
  } else {
    // Each member read once, in JSON.stringify's order; those it leaves out (undefined, a function, a symbol) dropped.
    const members: Member[] = [];
    for (const key of Object.keys(value)) {
      const list = options.list?.(value, key);
      if (list !== undefined) {
        members.push({ key, list });
        continue;
      }
      const member: unknown = (value as Record<string, unknown>)[key];
      if (opens(member)) members.push({ key, open: member });
      else {
        const text = JSON.stringify(member, null, 2) as string | undefined;
        if (text !== undefined) members.push({ key, text });
      }
    }
    if (members.length === 0) yield `${prefix}{}${suffix}`;
    else {
      yield `${prefix}{`;
      for (let m = 0; m < members.length; m++) {
        const { key, text, open, list } = members[m]!;
        const comma = m < members.length - 1 ? ',' : '';
        const named = `${inner}${JSON.stringify(key)}: `;
        if (text !== undefined) yield `${named}${indented(text, depth + 1)}${comma}`;
        else if (open !== undefined) yield* piecesOf(open, depth + 1, named, comma, options, path);
        else yield* listPieces(list!, depth + 1, named, comma);
      }
      yield `${indentOf(depth)}}${suffix}`;
    }
  }
  path.delete(value);
}

/** A list given for a member (JsonPiecesOptions.list): each element made into text whole. */
function* listPieces(list: readonly unknown[], depth: number, prefix: string, suffix: string): Generator<string> {
  if (list.length === 0) {
    yield `${prefix}[]${suffix}`;
    return;
  }
  yield `${prefix}[`;
  const inner = indentOf(depth + 1);
  for (let i = 0; i < list.length; i++) yield `${inner}${elementText(list[i], depth + 1)}${i < list.length - 1 ? ',' : ''}`;
  yield `${indentOf(depth)}]${suffix}`;
}
