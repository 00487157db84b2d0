/**
 * What differs between two standards (an overlay and its base, or two editions), item by item:
 * maxima, rules (points, caps, ranges), bands, awards and scoring. Pure data in, changes out.
 */
import { wordsOf } from '../messages/locales.js';
import { localizedText } from '../messages/render.js';
import type { Locale } from '../messages/locales.js';
import { mdRow } from '../report/markdown.js';
import type { Standard } from '../standard/schema.js';
import { pushAll } from '../collections.js';

export interface Change {
  /** Where: `scoring`, `category classroom`, `item tool-corner`, `band excellent`, `award red-flag`. */
  readonly where: string;
  readonly what: 'added' | 'removed' | 'changed';
  /** The field that changed (`max`, `rules[0].points`, …), for `changed`. */
  readonly field?: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

type Json = unknown;

/** Field-level differences of two plain values, with dotted field names. */
function fieldChanges(before: Json, after: Json, field = ''): { field: string; before: Json; after: Json }[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isMap = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isMap(before) && isMap(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => fieldChanges(before[k], after[k], field ? `${field}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((b, i) => fieldChanges(b, after[i], `${field}[${i}]`));
  }
  return [{ field, before, after }];
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

function compareLists<T extends { id: string }>(where: string, a: readonly T[], b: readonly T[], strip: (x: T) => Json = (x) => x): Change[] {
  const out: Change[] = [];
  const before = byId(a);
  const after = byId(b);
  for (const [id, x] of before) {
    const y = after.get(id);
    if (!y) out.push({ where: `${where} ${id}`, what: 'removed', before: strip(x) });
    else for (const c of fieldChanges(strip(x), strip(y))) out.push({ where: `${where} ${id}`, what: 'changed', ...c });
  }
  for (const [id, y] of after) if (!before.has(id)) out.push({ where: `${where} ${id}`, what: 'added', after: strip(y) });
  return out;
}

/**
 * @example
 * ```ts
 * import { diffStandards, type Standard } from 'scoresheet';
 *
 * declare const before: Standard;
 * declare const after: Standard;
 * for (const change of diffStandards(before, after)) console.log(change);
 * ```
 */
export function diffStandards(a: Standard, b: Standard): Change[] {
  const changes: Change[] = [];
  for (const c of fieldChanges(a.scoring, b.scoring)) changes.push({ where: 'scoring', what: 'changed', ...c });
  const withoutItems = <T extends { items: unknown }>({ items: _items, ...rest }: T) => rest;
  pushAll(changes, compareLists('category', a.categories, b.categories, withoutItems));
  const items = (s: Standard) => s.categories.flatMap((c) => c.items.map((i) => ({ ...i, category: c.id })));
  pushAll(changes, compareLists('item', items(a), items(b)));
  pushAll(changes, compareLists('band', a.outcomes.bands, b.outcomes.bands));
  pushAll(changes, compareLists('veto', a.outcomes.vetoes, b.outcomes.vetoes));
  pushAll(changes, compareLists('prerequisite', a.outcomes.prerequisites, b.outcomes.prerequisites));
  pushAll(changes, compareLists('award', a.ranking?.awards ?? [], b.ranking?.awards ?? []));
  const { awards: _a, ...rankingA } = a.ranking ?? { awards: [] };
  const { awards: _b, ...rankingB } = b.ranking ?? { awards: [] };
  for (const c of fieldChanges(rankingA, rankingB)) changes.push({ where: 'ranking', what: 'changed', ...c });
  return changes;
}

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export function formatChangesText(a: Standard, b: Standard, changes: readonly Change[], locale: Locale): string {
  const head = `${a.id}@${a.version} (${localizedText(a.name, locale)}) → ${b.id}@${b.version} (${localizedText(b.name, locale)})`;
  if (changes.length === 0) return `${head}\n  ${wordsOf(locale).cli.noDifferences}`;
  const lines = changes.map((c) => {
    if (c.what === 'changed') return `  ~ ${c.where}  ${c.field}: ${show(c.before)} → ${show(c.after)}`;
    return `  ${c.what === 'added' ? '+' : '-'} ${c.where}`;
  });
  return [head, ...lines].join('\n');
}

export function formatChangesMarkdown(a: Standard, b: Standard, changes: readonly Change[]): string {
  // Added and removed entries are named by `where`; their whole definition would drown the table.
  const cell = (c: Change, v: unknown) => (c.what === 'changed' ? show(v) : '');
  const rows = changes.map((c) => mdRow([c.what, c.where, c.field ?? '', cell(c, c.before), cell(c, c.after)]));
  return [`### ${a.id}@${a.version} → ${b.id}@${b.version}`, '', '| change | where | field | before | after |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
