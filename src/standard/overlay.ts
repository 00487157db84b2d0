/**
 * Overlays: a standard that `extends:` another and changes a few things — an item's points, caps
 * and ranges, added items and categories, removed items, other bands and awards — instead of a
 * copy. Every value of the merged standard remembers the file and the path that set it, so a
 * diagnostic points into the overlay or into the base, wherever the offending value was written.
 */
import type { CodedProblem, DiagnosticPath } from '../diagnostics.js';

/** An overlay's problem: its code, data and its path inside the overlay file (the loader places it). */
type OverlayProblem = CodedProblem & { readonly path: DiagnosticPath };
import type { Position } from '../positions.js';
import { suggest } from '../suggest.js';

export interface Located extends Position {
  readonly file: string;
}

/** Turns a path inside one document (or a base's merged document) into file:line:col. */
export interface PathLocator {
  atPath(path: DiagnosticPath): Located;
  atKey(path: DiagnosticPath, key: string): Located;
  sourceText(path: DiagnosticPath): string | undefined;
}

export interface Origin {
  readonly locator: PathLocator;
  readonly path: DiagnosticPath;
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);

/** Where each node and each key of a merged document was written. */
export class Origins {
  private readonly nodes = new WeakMap<object, Origin>();
  private readonly keys = new WeakMap<object, Map<string, Origin>>();

  /** Records a whole subtree as written at `path` of one file. */
  track(value: unknown, locator: PathLocator, path: DiagnosticPath): void {
    if (typeof value !== 'object' || value === null) return;
    this.nodes.set(value, { locator, path });
    if (Array.isArray(value)) {
      value.forEach((v, i) => this.track(v, locator, [...path, i]));
      return;
    }
    const keys = this.keys.get(value) ?? new Map<string, Origin>();
    this.keys.set(value, keys);
    for (const [k, v] of Object.entries(value)) {
      keys.set(k, { locator, path: [...path, k] });
      this.track(v, locator, [...path, k]);
    }
  }

  /** Records that `container[key]` was written at `path` of a file (and its subtree). */
  setKey(container: Raw, key: string, locator: PathLocator, path: DiagnosticPath): void {
    const keys = this.keys.get(container) ?? new Map<string, Origin>();
    this.keys.set(container, keys);
    keys.set(key, { locator, path });
    this.track(container[key], locator, path);
  }

  /** The origin of the value at a path of the merged document, or of its nearest existing ancestor. */
  originOf(root: unknown, path: DiagnosticPath): Origin | undefined {
    let current: unknown = root;
    let origin = typeof root === 'object' && root !== null ? this.nodes.get(root) : undefined;
    for (const segment of path) {
      if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) break;
      const parent = current;
      current = (current as Record<string | number, unknown>)[segment];
      const own = typeof current === 'object' && current !== null ? this.nodes.get(current) : undefined;
      const viaKey = !Array.isArray(parent) ? this.keys.get(parent)?.get(String(segment)) : undefined;
      const fallback = origin ? { ...origin, path: [...origin.path, segment] } : undefined;
      origin = own ?? viaKey ?? fallback;
    }
    return origin;
  }

  locate(root: unknown, path: DiagnosticPath): Located | undefined {
    const origin = this.originOf(root, path);
    if (!origin) return undefined;
    // A path beyond what exists (a missing key) resolves to the nearest existing ancestor.
    return origin.locator.atPath(origin.path);
  }

  locateKey(root: unknown, path: DiagnosticPath, key: string): Located | undefined {
    const origin = this.originOf(root, [...path, key]);
    if (!origin || origin.path[origin.path.length - 1] !== key) return this.locate(root, path);
    return origin.locator.atKey(origin.path.slice(0, -1), key);
  }

  sourceText(root: unknown, path: DiagnosticPath): string | undefined {
    const origin = this.originOf(root, path);
    return origin?.locator.sourceText(origin.path);
  }
}

/** Keys an overlay may carry besides the standard's own metadata. */
export const OVERLAY_KEYS = ['extends', 'categories', 'add', 'remove'] as const;
/** Top-level sections an overlay replaces (lists) or merges (maps) as a whole. */
const MERGED_SECTIONS = ['scoring', 'ranking', 'conditions', 'calendar'];
const REPLACED_SECTIONS = ['id', 'version', 'name', 'description', 'effective', 'source', 'unit', 'kinds', 'levels', 'parties', 'indicators', 'assumptions', 'format'];

/**
 * Applies an overlay (raw YAML) to a base standard (raw, already merged if it extends another).
 * Mutates `merged` (a clone of the base owned by the caller) and records origins.
 */
export function applyOverlay(merged: Raw, overlay: Raw, locator: PathLocator, origins: Origins): OverlayProblem[] {
  const problems: OverlayProblem[] = [];
  const set = (container: Raw, key: string, value: unknown, path: DiagnosticPath) => {
    container[key] = clone(value);
    origins.setKey(container, key, locator, path);
  };
  /** Deep merge: maps merge key by key, anything else replaces. */
  const patch = (target: Raw, changes: Raw, path: DiagnosticPath) => {
    for (const [key, value] of Object.entries(changes)) {
      if (isObject(value) && isObject(target[key])) patch(target[key] as Raw, value, [...path, key]);
      else set(target, key, value, [...path, key]);
    }
  };
  const find = (list: unknown, id: string): Raw | undefined => (Array.isArray(list) ? list.find((x) => isObject(x) && x.id === id) : undefined) as Raw | undefined;
  const ids = (list: unknown) => (Array.isArray(list) ? list.filter(isObject).map((x) => String(x.id)) : []);
  const unknown = (path: DiagnosticPath, what: string, id: string, candidates: string[]) =>
    problems.push({ code: 'unknown_override', path, data: { what, id, suggestion: suggest(id, candidates) } });

  for (const [key, value] of Object.entries(overlay)) {
    if (REPLACED_SECTIONS.includes(key)) set(merged, key, value, [key]);
    else if (MERGED_SECTIONS.includes(key) && isObject(value) && isObject(merged[key])) patch(merged[key] as Raw, value, [key]);
    else if (MERGED_SECTIONS.includes(key)) set(merged, key, value, [key]);
    else if (key === 'outcomes' && isObject(value)) {
      // Each outcome list given replaces the base's list (bands are a whole, not a patch).
      if (!isObject(merged.outcomes)) set(merged, 'outcomes', {}, ['outcomes']);
      for (const [k, v] of Object.entries(value)) set(merged.outcomes as Raw, k, v, ['outcomes', k]);
    } else if (!(OVERLAY_KEYS as readonly string[]).includes(key)) {
      // Unknown keys pass through so that validation reports them, pointing into this file.
      set(merged, key, value, [key]);
    }
  }

  const categories = merged.categories as unknown[];
  if (isObject(overlay.categories)) {
    for (const [categoryId, categoryPatch] of Object.entries(overlay.categories)) {
      const path = ['categories', categoryId];
      const category = find(categories, categoryId);
      if (!category) {
        unknown(path, 'category', categoryId, ids(categories));
        continue;
      }
      if (!isObject(categoryPatch)) continue;
      const { items, rules, ...fields } = categoryPatch;
      patch(category, fields, path);
      if (isObject(rules)) patchRules(category, rules, [...path, 'rules']);
      if (isObject(items)) {
        for (const [itemId, itemPatch] of Object.entries(items)) {
          const itemPath = [...path, 'items', itemId];
          const item = find(category.items, itemId);
          if (!item) {
            unknown(itemPath, 'item', itemId, ids(category.items));
            continue;
          }
          if (!isObject(itemPatch)) continue;
          const { rules: itemRules, ...itemFields } = itemPatch;
          patch(item, itemFields, itemPath);
          if (isObject(itemRules)) patchRules(item, itemRules, [...itemPath, 'rules']);
        }
      }
    }
  }

  function patchRules(owner: Raw, rules: Raw, path: DiagnosticPath) {
    const list = Array.isArray(owner.rules) ? (owner.rules as unknown[]) : [];
    for (const [ref, rulePatch] of Object.entries(rules)) {
      // A rule is named by its id, or by its index in the base.
      const rule = (find(list, ref) ?? (/^\d+$/.test(ref) ? list[Number(ref)] : undefined)) as Raw | undefined;
      if (!rule || !isObject(rule)) {
        unknown([...path, ref], 'rule', ref, ids(list));
        continue;
      }
      if (isObject(rulePatch)) patch(rule, rulePatch, [...path, ref]);
    }
  }

  const add = isObject(overlay.add) ? overlay.add : {};
  if (Array.isArray(add.categories)) {
    add.categories.forEach((c, i) => {
      const copy = clone(c);
      categories.push(copy);
      origins.track(copy, locator, ['add', 'categories', i]);
    });
  }
  if (isObject(add.items)) {
    for (const [categoryId, items] of Object.entries(add.items)) {
      const category = find(categories, categoryId);
      if (!category) {
        unknown(['add', 'items', categoryId], 'category', categoryId, ids(categories));
        continue;
      }
      if (!Array.isArray(items)) continue;
      items.forEach((item, i) => {
        const copy = clone(item);
        (category.items as unknown[]).push(copy);
        origins.track(copy, locator, ['add', 'items', categoryId, i]);
      });
    }
  }

  const remove = isObject(overlay.remove) ? overlay.remove : {};
  if (Array.isArray(remove.items)) {
    remove.items.forEach((itemId, i) => {
      const owner = categories.find((c) => isObject(c) && find(c.items, String(itemId))) as Raw | undefined;
      if (!owner) {
        unknown(['remove', 'items', i], 'item', String(itemId), categories.flatMap((c) => (isObject(c) ? ids(c.items) : [])));
        return;
      }
      const items = owner.items as unknown[];
      items.splice(items.findIndex((x) => isObject(x) && x.id === itemId), 1);
    });
  }
  if (Array.isArray(remove.categories)) {
    remove.categories.forEach((categoryId, i) => {
      const index = categories.findIndex((c) => isObject(c) && c.id === categoryId);
      if (index < 0) unknown(['remove', 'categories', i], 'category', String(categoryId), ids(categories));
      else categories.splice(index, 1);
    });
  }
  return problems;
}
