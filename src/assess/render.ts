/**
 * An assessment's results as text, Markdown or CSV: one table of every unit and period (the parts, or
 * the stages side by side, with the total or final), then, in text and Markdown, each total line by line
 * (part, result, scale, weight, contribution) or each stage's flags. JSON is the results themselves.
 */
import { formatCsv } from '../report/csv.js';
import { leftOutMarkdown, leftOutNote } from '../report/league.js';
import { mdCell, mdRow } from '../report/markdown.js';
import { formatTable, type Align } from '../report/table.js';
import { escapeXml } from '../report/svg.js';
import { localizedText } from '../messages/render.js';
import { wordsOf, type Locale } from '../messages/locales.js';
import type { AssessmentResult } from './assess.js';
import type { CompositeResult, Missing, StagedResult } from './combine.js';

export type AssessFormat = 'text' | 'md' | 'csv' | 'html';

type Words = ReturnType<typeof wordsOf>['assess'];

const num = (n: number | null, w: Words): string => (n === null ? w.none : String(n));

/** A result's cell of a part or stage: its result, or why it has none. */
const resultCell = (c: { readonly result: number | null; readonly missing?: Missing }, w: Words): string => (c.result === null ? w.missing[c.missing!] : String(c.result));

/**
 * The table of every unit and period: period, rank, unit, one column per part (or stage), the total (or
 * final) and a last column (the band, or the flags); its header, rows and which columns are numbers.
 */
function table(result: AssessmentResult, locale: Locale): { header: string[]; rows: string[][]; align: Align[] } {
  const w = wordsOf(locale).assess;
  const columns = result.assess === 'composite' ? (result.results[0]?.lines ?? []) : (result.results[0]?.stages ?? []);
  const names = columns.map((c) => localizedText(c.name, locale));
  const header = [w.period, w.rank, w.unitId, w.unit, ...names, result.assess === 'composite' ? w.total : w.final[result.final], result.assess === 'composite' ? w.band : w.flags];
  const stageName = new Map(result.assess === 'stages' ? (result.results[0]?.stages ?? []).map((s, i) => [s.stage, names[i]!]) : []);
  const rows = result.results.map((r) => {
    const [cells, value, last] =
      'lines' in r
        ? [r.lines, r.total, r.band ? localizedText(r.band.name, locale) : w.none]
        : [r.stages, r.final, r.flags.map((f) => w.flag(stageName.get(f.from) ?? f.from, stageName.get(f.to) ?? f.to, f.difference, f.inflated)).join(w.separator) || w.none];
    return [r.period.key, r.rank === null ? w.none : String(r.rank), r.unit.id, r.unit.name ?? r.unit.id, ...cells.map((c) => resultCell(c, w)), num(value, w), last];
  });
  return { header, rows, align: ['left', 'right', 'left', 'left', ...columns.map((): Align => 'right'), 'right', 'left'] };
}

/** Each composite total, line by line: part, result, scale, weight, contribution. */
function explain(r: CompositeResult, locale: Locale): { title: string; header: string[]; rows: string[][] } {
  const w = wordsOf(locale).assess;
  const title = w.explainTitle(r.unit.name ?? r.unit.id, r.period.key, r.total === null ? w.undecided(r.lines.filter((l) => l.result === null).map((l) => localizedText(l.name, locale)).join(w.separator)) : String(r.total), r.band ? localizedText(r.band.name, locale) : undefined);
  const rows = r.lines.map((l) => [
    localizedText(l.name, locale),
    resultCell(l, w),
    w.scale(l.worst, l.best),
    String(l.weight),
    num(l.contribution, w),
  ]);
  return { title, header: [w.part, w.result, w.scale(undefined, undefined), w.weight, w.contribution], rows };
}

/** Why a staged final is indeterminate, when it is. */
function undecidedStages(r: StagedResult, locale: Locale): string | undefined {
  if (r.missing === undefined) return undefined;
  const w = wordsOf(locale).assess;
  return w.explainTitle(r.unit.name ?? r.unit.id, r.period.key, w.undecided(r.stages.filter((s) => r.missing!.includes(s.stage)).map((s) => localizedText(s.name, locale)).join(w.separator)), undefined);
}

/**
 * What every format shows, in order: the table, the inspections left out of it (in no period), then each
 * total's explanation (or the undecided finals), then the assumptions.
 */
type Block =
  | { readonly kind: 'table'; readonly title?: string; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly align: readonly Align[]; readonly flagged?: readonly boolean[] }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[]; readonly bullets: boolean }
  | { readonly kind: 'note'; readonly title: string; readonly lines: readonly string[]; readonly markdown: string };

function blocks(result: AssessmentResult, locale: Locale): Block[] {
  const w = wordsOf(locale).assess;
  const main = table(result, locale);
  const out: Block[] = [{ kind: 'table', ...main, ...(result.assess === 'stages' ? { flagged: result.results.map((r) => r.flags.length > 0) } : {}) }];
  // What is printed or pinned up says that some inspections were not counted, as a league's notes do.
  const leftOut = leftOutNote(result.leftOut ?? [], locale);
  if (leftOut !== undefined) out.push({ kind: 'note', ...leftOut, markdown: leftOutMarkdown(result.leftOut!, locale) });
  if (result.assess === 'composite') {
    out.push({ kind: 'heading', text: w.explain });
    for (const r of result.results) {
      const e = explain(r, locale);
      out.push({ kind: 'table', title: e.title, header: e.header, rows: e.rows, align: ['left', 'right', 'right', 'right', 'right'] });
    }
  } else {
    const notes = result.results.map((r) => undecidedStages(r, locale)).filter((n): n is string => n !== undefined);
    if (notes.length > 0) out.push({ kind: 'list', items: notes, bullets: false });
  }
  if (result.assumptions.length > 0) out.push({ kind: 'heading', text: w.assumptions }, { kind: 'list', items: result.assumptions, bullets: true });
  return out;
}

const esc = (text: string) => escapeXml(text);

function html(title: string, parts: readonly Block[], locale: Locale): string {
  const cell = (tag: string, text: string, right: boolean) => `<${tag}${right ? ' class="n"' : ''}>${esc(text)}</${tag}>`;
  const body = parts.map((b) => {
    if (b.kind === 'heading') return `<h2>${esc(b.text)}</h2>`;
    if (b.kind === 'list') return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
    if (b.kind === 'note') return `<div class="left-out" role="note"><p>${esc(b.title)}</p><ul>${b.lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></div>`;
    const head = `<tr>${b.header.map((h, i) => cell('th', h, b.align[i] === 'right')).join('')}</tr>`;
    const rows = b.rows.map((row, r) => `<tr${b.flagged?.[r] ? ' class="flagged"' : ''}>${row.map((c, i) => cell('td', c, b.align[i] === 'right')).join('')}</tr>`);
    return `${b.title === undefined ? '' : `<h3>${esc(b.title)}</h3>`}<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${esc(title)}</title>`,
    '<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #999;padding:.2em .5em}.n{text-align:right}tr.flagged td{color:#b00}</style></head><body>',
    `<h1>${esc(title)}</h1>`,
    ...body,
    '</body></html>',
  ].join('\n');
}

/**
 * Renders an assessment's results.
 *
 * @example
 * ```ts
 * import { renderAssessment, type AssessmentResult } from 'scoresheet/league';
 *
 * declare const result: AssessmentResult;
 * console.log(renderAssessment(result, { format: 'text', locale: 'zh-CN' }));
 * ```
 */
export function renderAssessment(result: AssessmentResult, options: { readonly format: AssessFormat; readonly locale: Locale }): string {
  const { format, locale } = options;
  const w = wordsOf(locale).assess;
  const parts = blocks(result, locale);
  if (format === 'csv') {
    const main = parts[0] as Extract<Block, { kind: 'table' }>;
    return formatCsv([main.header, ...main.rows]);
  }
  const title = `${localizedText(result.name, locale)} (${result.id}) · ${w.periodOf[result.period]}`;
  if (format === 'html') return html(title, parts, locale);
  const md = format === 'md';
  // Markdown escapes every text (a unit's name, an assumption) as league reports do: it never becomes markup.
  const out: string[] = [md ? `# ${mdCell(title)}` : title];
  for (const b of parts) {
    out.push('');
    if (b.kind === 'heading') out.push(md ? `## ${mdCell(b.text)}` : b.text);
    else if (b.kind === 'list') for (const item of b.items) out.push(md ? `- ${mdCell(item)}` : b.bullets ? `- ${item}` : item);
    else if (b.kind === 'note') {
      // As a league's note: the title, then the inspections.
      if (md) out.push(b.markdown);
      else out.push([b.title, ...b.lines.map((l) => `  ${l}`)].join('\n'));
    }
    else {
      if (b.title !== undefined) out.push(md ? `### ${mdCell(b.title)}` : b.title);
      if (md) {
        if (b.title !== undefined) out.push('');
        out.push(mdRow(b.header), mdRow(b.header.map((_, i) => (b.align[i] === 'right' ? '---:' : '---'))));
        for (const row of b.rows) out.push(mdRow(row));
      } else for (const line of formatTable([b.header, ...b.rows], b.align, b.title === undefined ? '' : '  ')) out.push(line);
    }
  }
  return out.join('\n');
}
