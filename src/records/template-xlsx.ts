/**
 * The blank sheet as a workbook (template --format xlsx): the CSV template's header (template.ts) on a
 * sheet that refuses bad entries — drop-downs (data validation) for units, items, kinds, levels and
 * yes/no cells; each points cell limited to its item's range; counts whole and not negative; dates
 * dates — each with an input hint and an error in the template's language. The lists live on a hidden
 * sheet, and the map on another (MAP_SHEET), so `score` reads the filled workbook with no flags.
 */
import type ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { wordsOf, type Locale } from '../messages/locales.js';
import { localizedText } from '../messages/render.js';
import type { Standard } from '../standard/schema.js';
import { cellName } from '../spreadsheet.js';
import { parseField } from './mapping.js';
import { ruleKind } from '../rules/index.js';
import type { SheetTemplate } from './template.js';
import { exceljs, MAP_SHEET } from './xlsx.js';

/** Rows the checks cover below the header: a term of daily inspections of a school. */
export const TEMPLATE_ROWS = 1000;

export interface TemplateUnit {
  readonly id: string;
  readonly name?: string;
}

type Item = Standard['categories'][number]['items'][number];

/** The points an inspector may give an item: its rules' ranges (每次扣1-3分, 酌情扣0-5分), else 0 to its maximum. */
export function itemPointsRange(item: Item): { min: number; max: number | undefined } {
  let min: number | undefined;
  let max: number | undefined;
  const take = (lo: unknown, hi: unknown) => {
    if (typeof lo === 'number') min = min === undefined ? lo : Math.min(min, lo);
    if (typeof hi === 'number') max = max === undefined ? hi : Math.max(max, hi);
  };
  for (const rule of item.rules) {
    if (!ruleKind(rule).findingFields(rule).includes('points')) continue;
    // A range of points (每次扣1-3分) or the inspector's own bounds (酌情扣分: min–max).
    const { points, min: low, max: high } = rule as { points?: unknown; min?: unknown; max?: unknown };
    if (typeof points === 'object' && points !== null) take((points as { min?: unknown }).min, (points as { max?: unknown }).max);
    else take(low, high);
  }
  return { min: min ?? 0, max: max ?? item.max };
}

/** The workbook of a template: the records sheet, the hidden lists, and the embedded map. */
export async function templateWorkbook(standard: Standard, template: SheetTemplate, locale: Locale, units: readonly TemplateUnit[] = []): Promise<Buffer> {
  const x = wordsOf(locale).xlsx;
  const { Workbook } = await exceljs();
  const workbook = new Workbook();
  workbook.creator = 'scoresheet';
  workbook.created = workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet(x.recordsSheet, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' } });
  const head = sheet.addRow([...template.header]);
  head.font = { bold: true };
  template.header.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.min(40, Math.max(10, stringWidth(h) + 2))));

  // The lists the drop-downs offer, a column each on a hidden sheet (Excel's inline lists stop at 255 characters).
  const lists = workbook.addWorksheet(x.listsSheet, { state: 'hidden' });
  let listColumn = 0;
  const list = (title: string, values: readonly (string | number)[]): string => {
    const column = ++listColumn;
    lists.getCell(1, column).value = title;
    values.forEach((v, i) => (lists.getCell(i + 2, column).value = v));
    return `'${x.listsSheet}'!$${cellName(2, column).replace(/\d+$/, '')}$2:$${cellName(2, column).replace(/\d+$/, '')}$${Math.max(2, values.length + 1)}`;
  };
  const mapping = template.mapping;
  const yesNo = list(x.evidenceTitle, locale === 'zh-CN' ? ['是', '否'] : ['yes', 'no']);
  const lastRow = TEMPLATE_ROWS + 1;
  const rangeOf = (column: number) => `${cellName(2, column + 1)}:${cellName(lastRow, column + 1)}`;
  const hint = (title: string, prompt: string) => ({ showInputMessage: true, promptTitle: title.slice(0, 32), prompt: prompt.slice(0, 255), showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: x.wrong.slice(0, 32), error: prompt.slice(0, 255) });
  // exceljs keeps a sheet's checks by address, a range too (its typings leave `dataValidations` out).
  const checks = (sheet as ExcelJS.Worksheet & { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  const validate = (column: number, validation: ExcelJS.DataValidation) => checks.add(rangeOf(column), validation);
  const pick = (column: number, formula: string, what: string) => validate(column, { type: 'list', allowBlank: true, formulae: [formula], ...hint(x.pickTitle, x.pick(what)) });
  const number = (n: number) => String(n);

  const columnOf = (header: string) => template.header.indexOf(header);
  const kinds = Object.keys(mapping.values?.kind ?? {});
  const levels = Object.keys(mapping.values?.level ?? {});
  const itemNames = Object.entries(mapping.values?.['finding.item'] ?? {});
  const items = new Map(standard.categories.flatMap((c) => c.items.map((item) => [item.id, item] as const)));
  let itemList: string | undefined;
  const itemsList = () => (itemList ??= list(x.items, itemNames.map(([name]) => name)));

  for (const [header, spec] of Object.entries(mapping.columns)) {
    const at = columnOf(header);
    const field = parseField(typeof spec === 'string' ? spec : spec.field, typeof spec === 'string' ? undefined : spec.type);
    if (at < 0 || field === undefined) continue;
    switch (field.name) {
      case 'unit.id':
        if (units.length > 0) pick(at, list(x.units, units.map((u) => u.id)), x.units);
        break;
      case 'unit.name':
        if (units.some((u) => u.name)) pick(at, list(x.units, units.map((u) => u.name ?? u.id)), x.units);
        break;
      case 'kind':
        if (kinds.length > 0) pick(at, list(x.kinds, kinds), x.kinds);
        break;
      case 'level':
        if (levels.length > 0) pick(at, list(x.levels, levels), x.levels);
        break;
      case 'date':
        validate(at, { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1900, 0, 1))], ...hint(x.dateTitle, x.date) });
        sheet.getColumn(at + 1).numFmt = 'yyyy-mm-dd';
        break;
      case 'finding.item':
        pick(at, itemsList(), x.items);
        break;
      case 'finding.count':
        validate(at, { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], ...hint(x.countTitle, x.count) });
        break;
      case 'finding.evidence':
        pick(at, yesNo, x.evidenceTitle);
        break;
      case 'finding.points': {
        // Long: the range of the item picked on the same row, looked up on the lists sheet.
        const itemColumn = Object.entries(mapping.columns).find(([, s]) => (typeof s === 'string' ? s : s.field) === 'finding.item')?.[0];
        if (itemColumn === undefined) break;
        const ranges = itemNames.map(([, id]) => itemPointsRange(items.get(String(id)) ?? ({ rules: [], max: undefined } as unknown as Item)));
        const names = itemsList();
        const mins = list(x.pointsTitle, ranges.map((r) => r.min));
        const maxs = list(x.pointsTitle, ranges.map((r) => r.max ?? 1e6));
        const item = `$${cellName(2, columnOf(itemColumn) + 1)}`;
        const cell = cellName(2, at + 1);
        const lookup = (values: string) => `INDEX(${values},MATCH(${item},${names},0))`;
        validate(at, { type: 'custom', allowBlank: true, formulae: [`AND(ISNUMBER(${cell}),${cell}>=${lookup(mins)},${cell}<=${lookup(maxs)})`], ...hint(x.pointsTitle, x.pointsOfItem) });
        break;
      }
      default:
        if (field.type === 'boolean') pick(at, yesNo, header);
    }
  }
  for (const entry of mapping.items ?? []) {
    const at = columnOf(entry.column);
    if (at < 0) continue;
    if (entry.cell === 'count') validate(at, { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], ...hint(x.countTitle, x.count) });
    else if (entry.cell === 'evidence') pick(at, yesNo, x.evidenceTitle);
    else if (entry.cell === 'points') {
      const item = items.get(entry.item);
      const { min, max } = item ? itemPointsRange(item) : { min: 0, max: undefined };
      const bounds = max === undefined ? { operator: 'greaterThanOrEqual' as const, formulae: [min] } : { operator: 'between' as const, formulae: [min, max] };
      validate(at, { type: 'decimal', allowBlank: true, ...bounds, ...hint(`${x.pointsTitle}: ${item ? localizedText(item.name, locale) : entry.item}`, x.points(number(min), max === undefined ? '∞' : number(max))) });
    }
  }

  // The map, a line a row, on a sheet nobody sees: `score` reads it when no --map is given.
  const map = workbook.addWorksheet(MAP_SHEET, { state: 'veryHidden' });
  template.mapText.replace(/\n$/, '').split('\n').forEach((line, i) => (map.getCell(i + 1, 1).value = line === '' ? null : line));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

