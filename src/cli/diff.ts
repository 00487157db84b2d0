/**
 * `scoresheet diff <a> <b>`: what differs between two standards, item by item; with --records, the
 * same records re-scored under both (changed totals, verdicts and, with --period, ranks).
 * Exit 0 whether or not they differ; 1 with --exit-code when they differ; 2 when it could not run.
 */
import { formatDiagnostic } from '../diagnostics.js';
import type { PeriodUnit } from '../aggregate/periods.js';
import { diffStandards, formatChangesMarkdown, formatChangesText } from '../diff/diff.js';
import { rescore, type Rescore } from '../diff/rescore.js';
import { wordsOf } from '../messages/locales.js';
import type { Locale } from '../messages/locales.js';
import { formatOfPath } from '../records/read.js';
import { mdRow } from '../report/markdown.js';
import { assignFindings } from '../aggregate/responsibility.js';
import { compileStandard } from '../compile/standard.js';
import { loadStandard } from '../standard/load-file.js';
import { loadRoster, readRecordSource } from './inputs.js';
import type { Readable } from 'node:stream';
import type { Output } from './io.js';
import { standardLoadOptions } from './standards.js';
import { pushAll } from '../collections.js';
import type { InspectionRecord } from '../record-schema.js';

export interface DiffCliOptions {
  readonly format: 'text' | 'json' | 'md';
  readonly lang: Locale;
  readonly exitCode: boolean;
  readonly records?: readonly string[];
  readonly period?: PeriodUnit;
  readonly groupBy?: string;
  readonly units?: string;
  readonly roster?: string;
  /** --allow-root: folders where `extends:` may also find a base. */
  readonly allowRoot?: readonly string[];
}

export async function runDiff(a: string, b: string, options: DiffCliOptions, out: Output, stdin: Readable): Promise<number> {
  const loaded = await Promise.all([loadStandard(a, standardLoadOptions(options)), loadStandard(b, standardLoadOptions(options))]);
  let failed = false;
  for (const l of loaded) {
    if (!l.ok) {
      failed = true;
      for (const d of l.diagnostics) out.err(formatDiagnostic(d));
    }
  }
  if (!loaded[0].ok || !loaded[1].ok || failed) return 2;
  const [sa, sb] = [loaded[0].standard, loaded[1].standard];
  const changes = diffStandards(sa, sb);

  let scores: Rescore | undefined;
  if (options.records && options.records.length > 0) {
    const roster = await loadRoster(options, options.lang);
    if ('error' in roster) {
      out.err(roster.error);
      return 2;
    }
    const records: InspectionRecord[] = [];
    for (const source of options.records) {
      const format = formatOfPath(source);
      if (!format) {
        out.err(wordsOf(options.lang).cli.unknownRecordsFormat(source));
        return 2;
      }
      const read = await readRecordSource(source, format, { lang: options.lang }, stdin);
      if ('error' in read) {
        out.err(read.error);
        return 2;
      }
      for (const d of read.diagnostics) out.err(formatDiagnostic(d));
      const assigned = assignFindings(read.records, roster, options.lang);
      for (const d of assigned.diagnostics) out.err(formatDiagnostic(d));
      pushAll(records, assigned.records.map((r) => r.record));
    }
    scores = rescore(compileStandard(sa), compileStandard(sb), records, {
      ...(options.period ? { period: options.period } : {}),
      ...(options.groupBy ? { groupBy: options.groupBy } : {}),
      ...(roster.units ? { units: roster.units } : {}),
    });
  }

  if (options.format === 'json') out.out(JSON.stringify({ a: `${sa.id}@${sa.version}`, b: `${sb.id}@${sb.version}`, changes, ...(scores ? { rescore: scores } : {}) }, null, 2));
  else if (options.format === 'md') out.out(formatChangesMarkdown(sa, sb, changes) + (scores ? formatRescoreMarkdown(scores, options.lang) : ''));
  else out.out(formatChangesText(sa, sb, changes, options.lang) + (scores ? '\n\n' + formatRescoreText(scores, options.lang) : ''));
  return options.exitCode && changes.length > 0 ? 1 : 0;
}

const sign = (n: number | null) => (n === null ? '—' : n > 0 ? `+${n}` : String(n));

function formatRescoreText(r: Rescore, lang: Locale): string {
  const w = wordsOf(lang).cli;
  const lines = [w.changedScores(r.scores.length)];
  for (const s of r.scores) lines.push(`  ${s.date}  ${s.unit}  ${s.record}: ${s.before ? `${s.before.total} ${s.before.verdict}` : '—'} → ${s.after ? `${s.after.total} ${s.after.verdict}` : '—'} (${sign(s.delta)})`);
  if (r.ranks.length > 0 || r.scores.length > 0) {
    lines.push(w.changedRanks(r.ranks.length));
    for (const k of r.ranks) lines.push(`  ${k.period}${k.group ? ` ${k.group}` : ''}  ${k.unit}: ${k.before ?? '—'} → ${k.after ?? '—'} (${k.movement === null ? '—' : k.movement > 0 ? `↑${k.movement}` : `↓${-k.movement}`})`);
  }
  return lines.join('\n');
}

function formatRescoreMarkdown(r: Rescore, lang: Locale): string {
  const w = wordsOf(lang).cli;
  const out = ['', `#### ${w.changedScoresHeading}`, '', '| date | unit | record | before | after | Δ |', '|---|---|---|---:|---:|---:|'];
  for (const s of r.scores) out.push(mdRow([s.date, s.unit, s.record, String(s.before?.total ?? '—'), String(s.after?.total ?? '—'), sign(s.delta)]));
  if (r.ranks.length > 0) {
    out.push('', `#### ${w.changedRanksHeading}`, '', '| period | group | unit | before | after |', '|---|---|---|---:|---:|');
    for (const k of r.ranks) out.push(mdRow([k.period, k.group, k.unit, String(k.before ?? '—'), String(k.after ?? '—')]));
  }
  return out.join('\n') + '\n';
}
