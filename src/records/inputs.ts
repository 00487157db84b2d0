/**
 * What an inspector writes for a standard: the facts its rules read and, per item, the finding's fields
 * and whether written material is asked for — the columns of a blank sheet (template.ts) and the
 * inputs of the offline form (src/pages/form.ts). No file or Node import: it runs in a browser.
 */
import type { Locale } from '../messages/locales.js';
import { localizedText } from '../messages/render.js';
import { ruleKind } from '../rules/index.js';
import type { FindingField } from '../rules/kind.js';
import type { Standard } from '../standard/schema.js';
import type { CellType } from './mapping.js';

const BUILTIN_FACTS = new Set(['kind', 'level', 'date', 'unit', 'indicators', 'findings', 'category', 'item']);

export interface FactUse {
  readonly name: string;
  type: CellType;
  readonly where: string;
}

/**
 * The facts a standard's rules and conditions read, in order of first use, with their types.
 *
 * @example
 * ```ts
 * import { factsOf, parseStandard } from 'scoresheet/browser';
 *
 * declare const yamlText: string;
 * const loaded = parseStandard(yamlText);
 * if (loaded.ok) for (const fact of factsOf(loaded.standard, 'zh-CN')) console.log(fact.name, fact.type);
 * ```
 */
export function factsOf(standard: Standard, locale: Locale = 'zh-CN'): FactUse[] {
  const facts = new Map<string, FactUse>();
  const named = standard.conditions as Record<string, unknown>;
  const visiting = new Set<string>();
  const note = (name: string, type: CellType, where: string) => {
    if (BUILTIN_FACTS.has(name)) return;
    const known = facts.get(name);
    if (!known) facts.set(name, { name, type, where });
    else if (known.type !== type && type !== 'auto') known.type = known.type === 'auto' ? type : 'auto';
  };
  const walk = (node: unknown, where: string, parentKey?: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, where));
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (typeof o.condition === 'string' && !visiting.has(o.condition)) {
      visiting.add(o.condition);
      walk(named[o.condition], where);
      visiting.delete(o.condition);
    }
    if (typeof o.fact === 'string' && o.path === undefined) {
      const value = o.value;
      const type: CellType =
        parentKey === 'of' ? 'number' : typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : typeof value === 'string' ? 'text' : 'auto';
      note(o.fact, type, where);
    }
    for (const [key, value] of Object.entries(o)) if (key !== 'condition') walk(value, where, key);
  };
  for (const category of standard.categories) {
    walk(category.rules, localizedText(category.name, locale));
    for (const item of category.items) walk(item.rules, localizedText(item.name, locale));
  }
  walk(standard.outcomes, 'outcomes');
  walk(standard.ranking, 'ranking');
  return [...facts.values()];
}

type ItemNeed = FindingField;

/** What an inspector writes for an item, from its rules: a count, points (and a note), or a value. */
export function itemNeeds(item: Standard['categories'][number]['items'][number]): ItemNeed[] {
  const needs = new Set<ItemNeed>();
  for (const rule of item.rules) for (const field of ruleKind(rule).findingFields(rule)) needs.add(field);
  // An item without rules of its own is scored by its category's rules, which count its findings.
  if (item.rules.length === 0) needs.add('count');
  return [...needs].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
}
const ORDER: readonly ItemNeed[] = ['count', 'points', 'value', 'note'];

/** What an inspector writes for an item (the form's inputs, a sheet's columns): its rules' fields, and whether written material is asked for. */
export interface ItemInput {
  readonly fields: readonly FindingField[];
  /** 无书面材料该项不得分: the item requires written material and is worth points. */
  readonly evidence: boolean;
}

/**
 * @example
 * ```ts
 * import { itemInputs } from 'scoresheet/browser';
 *
 * declare const standard: import('scoresheet').Standard;
 * const item = standard.categories[0]!.items[0]!;
 * itemInputs(standard, item); // { fields: ['count'], evidence: false }
 * ```
 */
export function itemInputs(standard: Standard, item: Standard['categories'][number]['items'][number]): ItemInput {
  const evidenceDefault = standard.scoring.evidence === 'required';
  return { fields: itemNeeds(item), evidence: (item.evidence ?? (evidenceDefault ? 'required' : 'optional')) === 'required' && (item.max ?? 0) > 0 };
}
