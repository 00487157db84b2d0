/**
 * How computed scores agree with the official scores a source publishes (LIVES inspections.csv
 * `score`, carried as `facts.officialScore`): each inspection falls in exactly one class, and the
 * band counts are given for the computed totals and for the official scores. Pure.
 */
import { localizedText } from '../messages/render.js';
import { wordsOf, type Locale } from '../messages/locales.js';
import type { InspectionRecord } from '../record-schema.js';
import { formatTable } from '../report/table.js';
import type { Scorecard } from '../score/scorecard.js';
import type { Standard } from '../standard/schema.js';
import { UNCERTAIN_FINDINGS_ITEM } from './lives.js';

/** Tag of an item whose points are inferred, not published: an exact match through it proves less. */
export const INFERRED_POINTS_TAG = 'inferred-points';

export const AGREEMENT_CLASSES = [
  'exact',
  'exact_inferred',
  'differs',
  'ambiguous_key',
  'unknown_item',
  'uncertain',
  'no_official_score',
  'rejected',
] as const;
export type AgreementClass = (typeof AGREEMENT_CLASSES)[number];


/** Classes always shown, even at 0; the others only when they occur. */
const ALWAYS: ReadonlySet<AgreementClass> = new Set(['exact', 'exact_inferred', 'differs', 'ambiguous_key', 'unknown_item']);

export interface AgreementEntry {
  readonly record: InspectionRecord;
  /** Undefined when the record was rejected. */
  readonly scorecard?: Scorecard;
}

export interface Difference {
  readonly record: string;
  readonly unit: string;
  readonly date: string;
  readonly official: number;
  readonly computed: number;
}

export interface BandCount {
  readonly id: string;
  readonly name: string;
  /** Scorecards in this band (a band needs a known total). */
  readonly computed: number;
  /** Official scores in this band. */
  readonly official: number;
}

export interface AgreementReport {
  readonly inspections: number;
  readonly counts: Readonly<Record<AgreementClass, number>>;
  readonly rows: readonly { readonly id: AgreementClass; readonly label: string; readonly inspections: number }[];
  readonly differences: readonly Difference[];
  readonly bands: readonly BandCount[];
}

/** The official score a record carries, if any. */
export function officialScore(record: InspectionRecord): number | undefined {
  const value = record.facts?.officialScore;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The class of one inspection. */
export function classify(entry: AgreementEntry, inferredItems: ReadonlySet<string>): AgreementClass {
  const { record, scorecard } = entry;
  if (record.facts?.livesAmbiguousKey === true) return 'ambiguous_key';
  if (scorecard === undefined) return 'rejected';
  const official = officialScore(record);
  if (official === undefined) return 'no_official_score';
  if (!scorecard.complete) {
    const unknownItem = scorecard.reasons.some((r) => r.messageId === 'line.fixed_unknown' && r.item !== undefined && r.item !== UNCERTAIN_FINDINGS_ITEM);
    return unknownItem ? 'unknown_item' : 'uncertain';
  }
  if (scorecard.total !== official) return 'differs';
  return record.findings.some((f) => inferredItems.has(f.item)) ? 'exact_inferred' : 'exact';
}

/** Item ids tagged {@link INFERRED_POINTS_TAG} in a standard. */
export function inferredItems(standard: Standard): Set<string> {
  const out = new Set<string>();
  for (const category of standard.categories) for (const item of category.items) if (item.tags?.includes(INFERRED_POINTS_TAG)) out.add(item.id);
  return out;
}

/** The band an official score falls in under a standard's (total-only) bands. */
export function bandOfTotal(standard: Standard, total: number): Standard['outcomes']['bands'][number] | undefined {
  return standard.outcomes.bands.find(
    (b) =>
      b.kinds === undefined &&
      b.everyCategory === undefined &&
      (b.min === undefined || total >= b.min) &&
      (b.above === undefined || total > b.above) &&
      (b.max === undefined || total <= b.max) &&
      (b.below === undefined || total < b.below),
  );
}

/**
 * @example
 * ```ts
 * import { agreementReport, formatAgreement, type AgreementEntry } from 'scoresheet/import';
 * import type { Standard } from 'scoresheet';
 *
 * declare const entries: AgreementEntry[]; // each imported record and its scorecard
 * declare const standard: Standard;
 * console.log(formatAgreement(agreementReport(entries, standard), 'md'));
 * ```
 */
export function agreementReport(entries: readonly AgreementEntry[], standard: Standard, locale: Locale = 'en'): AgreementReport {
  const inferred = inferredItems(standard);
  const words = wordsOf(locale).agreement;
  const counts = Object.fromEntries(AGREEMENT_CLASSES.map((c) => [c, 0])) as Record<AgreementClass, number>;
  const differences: Difference[] = [];
  const computedBands = new Map<string, number>();
  const officialBands = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const entry of entries) {
    const c = classify(entry, inferred);
    counts[c]++;
    if (c === 'differs') {
      differences.push({ record: entry.record.id ?? '', unit: entry.record.unit.id, date: entry.record.date, official: officialScore(entry.record)!, computed: entry.scorecard!.total });
    }
    bump(computedBands, entry.scorecard?.band?.id ?? '');
    const official = officialScore(entry.record);
    if (official !== undefined) bump(officialBands, bandOfTotal(standard, official)?.id ?? '');
  }
  const bands: BandCount[] = standard.outcomes.bands.map((b) => ({
    id: b.id,
    name: localizedText(b.name, locale),
    computed: computedBands.get(b.id) ?? 0,
    official: officialBands.get(b.id) ?? 0,
  }));
  bands.push({ id: '', name: words.noBand, computed: computedBands.get('') ?? 0, official: officialBands.get('') ?? 0 });
  return {
    inspections: entries.length,
    counts,
    rows: AGREEMENT_CLASSES.filter((c) => ALWAYS.has(c) || counts[c] > 0).map((c) => ({ id: c, label: words.labels[c], inspections: counts[c] })),
    differences,
    bands,
  };
}

const n = (v: number) => v.toLocaleString('en-US');

/**
 * The report as text (aligned tables) or Markdown.
 *
 * @example
 * ```ts
 * import { formatAgreement, type AgreementReport } from 'scoresheet/import';
 *
 * declare const report: AgreementReport;
 * console.log(formatAgreement(report, 'text', 'zh-CN'));
 * ```
 */
export function formatAgreement(report: AgreementReport, format: 'text' | 'md', locale: Locale = 'en'): string {
  const words = wordsOf(locale).agreement;
  const agreement = [[...words.headers], ...report.rows.map((r) => [r.label, n(r.inspections)]), [words.total, n(report.inspections)]];
  const bands = [[...words.bandHeaders], ...report.bands.map((b) => [b.name, n(b.computed), n(b.official)])];
  const diffs = report.differences.slice(0, 20).map((d) => words.difference(d));
  if (format === 'md') {
    const md = (rows: string[][]) => [
      `| ${rows[0]!.join(' | ')} |`,
      `|${rows[0]!.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`,
      ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`),
    ];
    return [...md(agreement), '', ...md(bands), ...(diffs.length ? ['', ...diffs.map((d) => `- ${d}`)] : [])].join('\n');
  }
  return [
    ...formatTable(agreement, ['left', 'right']),
    '',
    ...formatTable(bands, ['left', 'right', 'right']),
    ...(diffs.length ? ['', words.differences, ...diffs.map((d) => `  ${d}`)] : []),
    ...(report.differences.length > diffs.length ? [`  ${words.more(report.differences.length - diffs.length)}`] : []),
  ].join('\n');
}
