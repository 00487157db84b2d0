/**
 * Scorecards and league tables as an Excel workbook (score / rank / report --format xlsx), through
 * exceljs: one sheet per period and group (a league) or a summary and a lines sheet (scorecards); the
 * header rows frozen and printed on every page; numbers as numbers shown with 2 decimals; awards and
 * vetoes in their own columns and marked by colour; columns as wide as their text (string-width, so
 * Chinese counts double); A4, fitted to the page's width.
 *
 * Text is always written as a text cell, never as a formula: a unit named `=HYPERLINK(…)` shows as
 * that text (exceljs writes a formula only for a `{ formula }` value, which nothing here builds).
 */
import stringWidth from 'string-width';
import type ExcelJS from 'exceljs';
import { periodLabel } from '../aggregate/periods.js';
import { localizedText, renderMessage } from '../messages/render.js';
import { wordsOf, type Locale } from '../messages/locales.js';
import type { League } from '../rank/league.js';
import type { Scorecard } from '../score/scorecard.js';
import type { Standard } from '../standard/schema.js';
import { exceljs } from '../records/xlsx.js';
import { changeMark, standing, vetoMark } from './league.js';
import type { ItemNames } from './text.js';
import { extent } from '../collections.js';
import { scorecardCsvRows } from './csv.js';

/** A cell's value as written: text, a number, or nothing. */
type Cell = string | number | null;

/** How each column's cells are shown. */
interface ColumnKind {
  readonly decimals?: boolean;
}

const AWARD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const VETO_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

/** Excel's rules for a sheet name: at most 31 characters, none of []:*?/\, unique (case aside) in its workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = (wanted.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim() || 'Sheet').slice(0, 31);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * One sheet: a title row, a header row (both frozen, printed on every page), then the rows; `mark`
 * colours a row (an award holder, a veto). Widths fit the widest cell (Chinese characters count two).
 */
function addTable(workbook: ExcelJS.Workbook, name: string, title: string, header: readonly string[], kinds: readonly ColumnKind[], rows: readonly (readonly Cell[])[], mark: (i: number) => ExcelJS.Fill | undefined): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: header.length > 8 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
  });
  sheet.addRow([title]).font = { bold: true, size: 13 };
  const head = sheet.addRow([...header]);
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = HEADER_FILL));
  rows.forEach((cells, i) => {
    const row = sheet.addRow(cells.map((c) => (c === '' ? null : c)));
    const fill = mark(i);
    if (fill) row.eachCell((cell) => (cell.fill = fill));
  });
  kinds.forEach((kind, i) => {
    const column = sheet.getColumn(i + 1);
    if (kind.decimals) column.numFmt = '0.00';
    const widest = extent([stringWidth(header[i] ?? ''), ...rows.map((r) => cellWidth(r[i] ?? null, kind))])!.max;
    column.width = Math.min(60, Math.max(6, widest + 2));
  });
  return sheet;
}

function cellWidth(cell: Cell, kind: ColumnKind): number {
  if (cell === null) return 0;
  if (typeof cell === 'number') return (kind.decimals ? cell.toFixed(2) : String(cell)).length;
  return extent(cell.split('\n').map((line) => stringWidth(line)))?.max ?? 0;
}

async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { Workbook } = await exceljs();
  const workbook = new Workbook();
  workbook.creator = 'scoresheet';
  // A fixed date: the same league gives the same workbook.
  workbook.created = workbook.modified = new Date(0);
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A league as a workbook: one sheet per period and group, each unit's rank, name, score (2 decimals),
 * inspections, change, awards (the holder's row marked) and vetoes (the row marked); below the table,
 * why an award went to nobody, and the top and bottom boards.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { buildLeague, type Scorecard, type Standard } from 'scoresheet';
 * import { leagueWorkbook } from 'scoresheet/report';
 *
 * declare const standard: Standard;
 * declare const scorecards: Scorecard[];
 * writeFileSync('league.xlsx', await leagueWorkbook(buildLeague(standard, scorecards, { period: 'week' }), standard, 'zh-CN'));
 * ```
 */
export async function leagueWorkbook(league: League, standard: Standard, locale: Locale): Promise<Buffer> {
  const w = wordsOf(locale).league;
  const x = wordsOf(locale).xlsx;
  const workbook = await newWorkbook();
  const taken = new Set<string>();
  const header = [w.rank, x.unitId, w.unit, w.score, w.inspections, w.change, w.awards, x.veto];
  const kinds: ColumnKind[] = [{}, {}, {}, { decimals: true }, {}, {}, {}, {}];
  for (const table of league.tables) {
    for (const group of table.groups) {
      const period = periodLabel(table.period, locale);
      const title = [localizedText(standard.name, locale), period, group.group].filter(Boolean).join('  ');
      const rows: Cell[][] = group.rows.map((row) => [
        row.rank,
        row.result.unit.id,
        row.result.unit.name ?? row.result.unit.id,
        row.result.score,
        row.result.inspections,
        changeMark(row.change),
        standing(league, standard, table.period.key, row, locale),
        vetoMark(row.vetoes, locale),
      ]);
      const name = sheetName([table.period.key, group.group].filter(Boolean).join(' '), taken);
      const sheet = addTable(workbook, name, title, header, kinds, rows, (i) => {
        const row = group.rows[i]!;
        if (row.vetoes.length > 0) return VETO_FILL;
        return league.awards.some((a) => a.period === table.period.key && a.holders.includes(row.result.unit.id)) ? AWARD_FILL : undefined;
      });
      const notes: string[] = [];
      for (const a of league.awards.filter((a) => a.period === table.period.key && a.group === group.group && a.none)) {
        const award = standard.ranking?.awards.find((x) => x.id === a.award);
        notes.push(`${award ? localizedText(award.name, locale) : a.award}: ${renderMessage({ messageId: `league.none_${a.none!}` }, locale)}`);
      }
      const board = league.boards.find((b) => b.period === table.period.key && b.group === group.group);
      const nameOf = (id: string) => group.rows.find((r) => r.result.unit.id === id)?.result.unit.name ?? id;
      if (board && board.top.length > 0) notes.push(`${w.top}: ${board.top.map(nameOf).join('、')}`);
      if (board && board.bottom.length > 0) notes.push(`${w.bottom}: ${board.bottom.map(nameOf).join('、')}`);
      if (notes.length > 0) sheet.addRow([]);
      for (const note of notes) sheet.addRow([note]);
    }
  }
  if (workbook.worksheets.length === 0) addTable(workbook, sheetName(w.rank, taken), localizedText(standard.name, locale), header, kinds, [], () => undefined);
  return bytesOf(workbook);
}

/**
 * Scorecards as a workbook: a summary sheet (one row per scorecard: unit, date, kind, total with 2
 * decimals, band, verdict; a vetoed one marked) and a lines sheet (every deduction, award and veto,
 * points as numbers; awards and vetoes marked).
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import type { Scorecard } from 'scoresheet';
 * import { scorecardsWorkbook } from 'scoresheet/report';
 *
 * declare const scorecards: Scorecard[];
 * writeFileSync('scorecards.xlsx', await scorecardsWorkbook(scorecards, 'en', (id) => id));
 * ```
 */
export async function scorecardsWorkbook(cards: readonly Scorecard[], locale: Locale, itemName: ItemNames): Promise<Buffer> {
  const words = wordsOf(locale);
  const x = words.xlsx;
  const h = words.csv.headers;
  const workbook = await newWorkbook();
  const taken = new Set<string>();
  const vetoed = (card: Scorecard) => card.lines.some((l) => l.type === 'veto');
  addTable(
    workbook,
    sheetName(x.summarySheet, taken),
    x.summaryTitle,
    [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!, h[8]!, h[9]!, h[10]!, h[11]!],
    [{}, {}, {}, {}, {}, {}, {}, {}, { decimals: true }, {}, {}, {}],
    cards.map((card) => {
      // The CSV's scorecard columns (csv.ts), the total a number.
      const head: Cell[] = scorecardCsvRows([{ ...card, lines: [] }], locale, itemName, { header: false })[0]!.slice(0, 12);
      head[8] = card.total;
      return head;
    }),
    (i) => (vetoed(cards[i]!) ? VETO_FILL : undefined),
  );
  const lines = cards.flatMap((card) => card.lines.map((line) => ({ card, line })));
  addTable(
    workbook,
    sheetName(x.linesSheet, taken),
    x.linesTitle,
    [h[0]!, h[2]!, h[3]!, h[4]!, h[13]!, h[14]!, h[15]!, h[16]!, h[17]!, h[18]!, h[19]!, h[20]!],
    [{}, {}, {}, {}, {}, {}, {}, {}, { decimals: true }, {}, {}, {}],
    lines.map(({ card, line }) => [
      card.record ?? '',
      card.unit.id,
      card.unit.name ?? '',
      card.date,
      words.lineType[line.type] ?? line.type,
      line.item ?? '',
      line.item ? itemName(line.item) : '',
      line.category ? itemName(line.category) : '',
      line.points,
      renderMessage(line.reason, locale),
      line.note ?? '',
      line.source ?? '',
    ]),
    (i) => (lines[i]!.line.type === 'veto' ? VETO_FILL : lines[i]!.line.type === 'award' ? AWARD_FILL : undefined),
  );
  return bytesOf(workbook);
}
