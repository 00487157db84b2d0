/**
 * An assessment's results as text, Markdown or CSV: one table of every unit and period (the parts, or
 * the stages side by side, with the total or final), then, in text and Markdown, each total line by line
 * (part, result, scale, weight, contribution) or each stage's flags. JSON is the results themselves.
 */
import { formatCsv } from '../report/csv.js';
import { mdRow } from '../report/markdown.js';
import { formatTable, type Align } from '../report/table.js';
import { localizedText } from '../messages/render.js';
import { wordsOf, type Locale } from '../messages/locales.js';
import type { AssessmentResult } from './assess.js';
import type { CompositeResult, StagedResult } from './combine.js';

export type AssessFormat = 'text' | 'md' | 'csv';

type Words = ReturnType<typeof wordsOf>['assess'];

const num = (n: number | null, w: Words): string => (n === null ? w.none : String(n));

/** The table of every unit and period: its header, rows and which columns are numbers. */
function table(result: AssessmentResult, locale: Locale): { header: string[]; rows: string[][]; align: Align[] } {
  const w = wordsOf(locale).assess;
  const unitName = (r: { unit: { id: string; name?: string } }) => r.unit.name ?? r.unit.id;
  if (result.assess === 'composite') {
    const parts = result.results[0]?.lines ?? [];
    const header = [w.period, w.rank, w.unitId, w.unit, ...parts.map((l) => localizedText(l.name, locale)), w.total, w.band];
    const rows = result.results.map((r) => [
      r.period.key,
      r.rank === null ? w.none : String(r.rank),
      r.unit.id,
      unitName(r),
      ...r.lines.map((l) => (l.result === null ? w.missing[l.missing!] : String(l.result))),
      num(r.total, w),
      r.band ? localizedText(r.band.name, locale) : w.none,
    ]);
    return { header, rows, align: ['left', 'right', 'left', 'left', ...parts.map((): Align => 'right'), 'right', 'left'] };
  }
  const stages = result.results[0]?.stages ?? [];
  const header = [w.period, w.rank, w.unitId, w.unit, ...stages.map((s) => localizedText(s.name, locale)), w.final[result.final], w.flags];
  const nameOf = new Map(stages.map((s) => [s.stage, localizedText(s.name, locale)]));
  const rows = result.results.map((r) => [
    r.period.key,
    r.rank === null ? w.none : String(r.rank),
    r.unit.id,
    unitName(r),
    ...r.stages.map((s) => (s.result === null ? w.missing[s.missing!] : String(s.result))),
    num(r.final, w),
    r.flags.map((f) => w.flag(nameOf.get(f.from) ?? f.from, nameOf.get(f.to) ?? f.to, f.difference, f.inflated)).join(w.separator) || w.none,
  ]);
  return { header, rows, align: ['left', 'right', 'left', 'left', ...stages.map((): Align => 'right'), 'right', 'left'] };
}

/** Each composite total, line by line: part, result, scale, weight, contribution. */
function explain(r: CompositeResult, locale: Locale): { title: string; header: string[]; rows: string[][] } {
  const w = wordsOf(locale).assess;
  const title = w.explainTitle(r.unit.name ?? r.unit.id, r.period.key, r.total === null ? w.undecided(r.lines.filter((l) => l.result === null).map((l) => localizedText(l.name, locale)).join(w.separator)) : String(r.total), r.band ? localizedText(r.band.name, locale) : undefined);
  const rows = r.lines.map((l) => [
    localizedText(l.name, locale),
    l.result === null ? w.missing[l.missing!] : String(l.result),
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
  const { header, rows, align } = table(result, locale);
  if (format === 'csv') return formatCsv([header, ...rows]);
  const title = `${localizedText(result.name, locale)} (${result.id}) · ${w.periodOf[result.period]}`;
  const out: string[] = [];
  if (format === 'md') {
    out.push(`# ${title}`, '', mdRow(header), mdRow(header.map((_, i) => (align[i] === 'right' ? '---:' : '---'))));
    for (const row of rows) out.push(mdRow(row));
  } else {
    out.push(title, '');
    for (const line of formatTable([header, ...rows], align)) out.push(line);
  }
  const notes: string[] = [];
  if (result.assess === 'composite') {
    out.push('', format === 'md' ? `## ${w.explain}` : w.explain);
    for (const r of result.results) {
      const e = explain(r, locale);
      if (format === 'md') {
        out.push('', `### ${e.title}`, '', mdRow(e.header), mdRow(e.header.map((_, i) => (i === 0 ? '---' : '---:'))));
        for (const row of e.rows) out.push(mdRow(row));
      } else {
        out.push('', e.title);
        for (const line of formatTable([e.header, ...e.rows], ['left', 'right', 'right', 'right', 'right'], '  ')) out.push(line);
      }
    }
  } else {
    for (const r of result.results) {
      const why = undecidedStages(r, locale);
      if (why !== undefined) notes.push(why);
    }
    if (notes.length > 0) {
      out.push('');
      for (const note of notes) out.push(format === 'md' ? `- ${note}` : note);
    }
  }
  if (result.assumptions.length > 0) {
    out.push('', format === 'md' ? `## ${w.assumptions}` : w.assumptions);
    for (const a of result.assumptions) out.push(`- ${a}`);
  }
  return out.join('\n');
}
