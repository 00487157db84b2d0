/**
 * Templates: the blank sheet (its header row) and its CSV map (mapping.ts) for a standard, in either
 * layout and any language — what `scoresheet template` writes.
 */
import { stringify } from 'yaml';
import { wordsOf } from '../messages/locales.js';
import type { Locale } from '../messages/locales.js';
import { localizedText } from '../messages/render.js';
import { spreadsheetCell } from '../spreadsheet.js';
import { ruleKind } from '../rules/index.js';
import type { FindingField } from '../rules/kind.js';
import type { Standard } from '../standard/schema.js';
import { CsvMappingSchema, type CellType, type CsvMapping, type WideItem } from './mapping.js';
import { factsOf, itemInputs, itemNeeds } from './inputs.js';

export { factsOf, itemInputs, type ItemInput } from './inputs.js';

export interface SheetTemplate {
  /** The CSV header row. */
  readonly header: readonly string[];
  readonly mapping: CsvMapping;
  /** The map file, with comments. */
  readonly mapText: string;
}

/** The blank sheet (header) and its map for a standard, in the given layout and language. */
export function sheetTemplate(standard: Standard, layout: 'long' | 'wide', locale: Locale = 'zh-CN', standardFile?: string, groups: readonly string[] = []): SheetTemplate {
  const w = wordsOf(locale).sheet;
  const text = (t: Parameters<typeof localizedText>[0]) => localizedText(t, locale);
  const evidenceDefault = standard.scoring.evidence === 'required';
  const header: string[] = [];
  const used = new Set<string>();
  // A column is named as the sheet writes it (a name starting like a formula gets its `'`), so the map finds it.
  const unique = (name: string): string => {
    const written = spreadsheetCell(name);
    let candidate = written;
    for (let n = 2; used.has(candidate); n++) candidate = `${written} ${n}`;
    used.add(candidate);
    return candidate;
  };
  const columns: Record<string, string | { field: string; type: CellType }> = {};
  const comments = new Map<string, string>();
  const column = (name: string, spec: string | { field: string; type: CellType }, comment?: string): string => {
    const h = unique(name);
    header.push(h);
    columns[h] = spec;
    if (comment) comments.set(h, comment);
    return h;
  };

  // Record fields.
  const recordColumns = [
    column(w.id, 'id'),
    column(w.unitId, 'unit.id', standard.unit ? `${standard.unit}` : undefined),
    column(w.unitName, 'unit.name'),
    // The groups a league ranks within (年级): a column each, read as unit.group.<key>.
    ...[...new Set(groups)].map((key) => column(key, `unit.group.${key}`, w.groupHint(key))),
    column(w.date, 'date', w.dateHint),
  ];
  if (standard.kinds.length > 0) recordColumns.push(column(w.kind, 'kind'));
  if (standard.levels.length > 0) recordColumns.push(column(w.level, 'level'));
  recordColumns.push(column(w.inspector, 'inspector'));
  const booleanWords = w.booleanWords;
  for (const fact of factsOf(standard, locale)) {
    const type = fact.type === 'auto' ? 'auto' : fact.type;
    recordColumns.push(column(fact.name, { field: `facts.${fact.name}`, type }, `${fact.where}${type === 'boolean' ? ` (${booleanWords})` : ''}`));
  }
  for (const indicator of standard.indicators) {
    recordColumns.push(column(text(indicator.name ?? { en: indicator.id }), `indicators.${indicator.id}`, indicator.unit === 'percent' ? '% (98 or 98%)' : indicator.unit));
  }

  // Item display names: the name, or "name（category）" when two items share it.
  const allItems = standard.categories.flatMap((c) => c.items.map((item) => ({ item, category: c })));
  const nameCount = new Map<string, number>();
  for (const { item } of allItems) nameCount.set(text(item.name), (nameCount.get(text(item.name)) ?? 0) + 1);
  const itemName = (item: (typeof allItems)[number]) =>
    nameCount.get(text(item.item.name))! > 1 ? w.suffix(text(item.item.name), text(item.category.name)) : text(item.item.name);

  const values: Record<string, Record<string, string>> = {};
  if (standard.kinds.length > 0) values.kind = Object.fromEntries(standard.kinds.map((k) => [k.name ? text(k.name) : k.id, k.id]));
  if (standard.levels.length > 0) values.level = Object.fromEntries(standard.levels.map((l) => [l.name ? text(l.name) : l.id, l.id]));

  // Deadlines (rectify): findings get ids and follow-ups (复查) columns; a late discovery (foundLate), the day it occurred.
  type HistoryKeyed = { readonly rectify?: unknown; readonly foundLate?: unknown };
  const has = (item: (typeof allItems)[number]['item'], key: keyof HistoryKeyed) =>
    (item as HistoryKeyed)[key] !== undefined || item.rules.some((rule) => (rule as HistoryKeyed)[key] !== undefined);
  const rectified = allItems.some(({ item }) => has(item, 'rectify'));
  const followColumns = () => {
    if (!rectified) return;
    column(w.followFinding, 'follow.finding', w.followHint);
    column(w.followFixed, 'follow.fixed', booleanWords);
    column(w.followNote, 'follow.note');
  };

  const items: WideItem[] = [];
  let key: string[] | undefined;
  if (layout === 'long') {
    const needs = new Set(allItems.flatMap(({ item }) => itemNeeds(item)));
    const evidence = allItems.some(({ item }) => (item.evidence ?? (evidenceDefault ? 'required' : 'optional')) === 'required');
    column(w.item, 'finding.item');
    column(w.count, 'finding.count', w.countHint);
    if (needs.has('points')) column(w.points, 'finding.points');
    if (needs.has('value')) column(w.value, 'finding.value');
    column(w.note, 'finding.note');
    if (evidence) column(w.evidence, 'finding.evidence', booleanWords);
    if (rectified) column(w.findingId, 'finding.id', w.findingIdHint);
    if (rectified) column(w.due, 'finding.due', w.dueHint);
    if (allItems.some(({ item }) => has(item, 'foundLate'))) column(w.occurred, 'finding.occurred', w.dateHint);
    followColumns();
    key = recordColumns;
    const itemValues: Record<string, string> = {};
    for (const entry of allItems) itemValues[itemName(entry)] = entry.item.id;
    for (const category of standard.categories) {
      const name = text(category.name);
      if (!(name in itemValues) && category.rules.length > 0) itemValues[name] = category.id;
    }
    values['finding.item'] = itemValues;
  } else {
    for (const entry of allItems) {
      const base = itemName(entry);
      const needs = itemNeeds(entry.item);
      const wants = (need: FindingField) => needs.includes(need);
      // The item's first column carries its finding's id (rectify) and the day it occurred (foundLate).
      let own: { id?: string; due?: string; occurred?: string } | undefined;
      const add = (cell: WideItem['cell'], name: string, note?: string) => {
        const h = unique(name);
        header.push(h);
        const n = note !== undefined ? unique(note) : undefined;
        if (n !== undefined) header.push(n);
        if (own === undefined) {
          own = {};
          for (const [key, what] of [['id', w.findingId], ['due', w.due], ['occurred', w.occurred]] as const) {
            if (!has(entry.item, key === 'occurred' ? 'foundLate' : 'rectify')) continue;
            own[key] = unique(w.suffix(base, what));
            header.push(own[key]);
          }
        } else own = {};
        items.push({ column: h, item: entry.item.id, cell, ...(n !== undefined ? { note: n } : {}), ...own });
      };
      if (wants('count')) add('count', base);
      if (wants('points')) add('points', w.suffix(base, w.points), wants('note') ? w.suffix(base, w.note) : undefined);
      if (wants('value')) add('value', w.suffix(base, w.value));
      // 无书面材料该项不得分 costs the item's points: only items worth points get the column.
      if (itemInputs(standard, entry.item).evidence) add('evidence', w.suffix(base, w.evidence));
    }
    followColumns();
  }

  const mapping = CsvMappingSchema.parse({
    format: 1,
    layout,
    columns,
    ...(key ? { key } : {}),
    ...(layout === 'wide' ? { items } : {}),
    values,
    defaults: { standard: standard.id },
  });
  return { header, mapping, mapText: renderMapText(standard, mapping, comments, locale, standardFile) };
}

const y = (value: unknown): string => stringify(value, { lineWidth: 0 }).trimEnd();
/** A scalar inside `{ … }`: a name with a comma or a bracket (Lamps, fittings and cords) is quoted, or it would end the entry. */
const yFlow = (value: string): string => (/[,[\]{}]/.test(value) ? JSON.stringify(value) : y(value));

function renderMapText(standard: Standard, m: CsvMapping, comments: ReadonlyMap<string, string>, locale: Locale, file?: string): string {
  const w = wordsOf(locale).sheet;
  const lines: string[] = [];
  lines.push(`# scoresheet CSV map (docs/records.md) for ${standard.id}@${standard.version}: ${localizedText(standard.name, locale)}`);
  lines.push(`# Written by: scoresheet template --standard ${file ?? standard.id} --layout ${m.layout} --lang ${locale}`);
  lines.push('format: 1');
  lines.push(`layout: ${m.layout}`);
  lines.push(w.columnsComment);
  lines.push('columns:');
  for (const [column, spec] of Object.entries(m.columns)) {
    const comment = comments.get(column);
    lines.push(`  ${y(column)}: ${typeof spec === 'string' ? spec : `{ field: ${spec.field}, type: ${spec.type} }`}${comment ? `  # ${comment}` : ''}`);
  }
  if (m.key) {
    lines.push(w.keyComment);
    lines.push(`key: [${m.key.map(yFlow).join(', ')}]`);
  }
  if (m.items) {
    lines.push(w.itemsComment);
    lines.push('items:');
    for (const item of m.items) {
      lines.push(`  - { column: ${yFlow(item.column)}, item: ${item.item}, cell: ${item.cell}${item.note ? `, note: ${yFlow(item.note)}` : ''}${item.id ? `, id: ${yFlow(item.id)}` : ''}${item.due ? `, due: ${yFlow(item.due)}` : ''}${item.occurred ? `, occurred: ${yFlow(item.occurred)}` : ''} }`);
    }
  }
  if (m.values && Object.keys(m.values).length > 0) {
    lines.push(w.valuesComment);
    lines.push('values:');
    for (const [field, table] of Object.entries(m.values)) {
      lines.push(`  ${field}:`);
      for (const [cell, value] of Object.entries(table)) lines.push(`    ${y(cell)}: ${y(value)}`);
    }
  }
  if (m.defaults) {
    lines.push('defaults:');
    for (const [field, value] of Object.entries(m.defaults)) lines.push(`  ${field}: ${y(value)}`);
  }
  return lines.join('\n') + '\n';
}
