/**
 * Cross-checks of a term calendar that its schema cannot express: a term (or holiday) that ends
 * before it starts, two terms with the same id, and terms that overlap (a date in two terms would be
 * counted in whichever comes first). Reads the parsed YAML defensively, like checkStandard, so it
 * runs on a standard's `calendar:` and on a `--calendar` file alike.
 */
import type { DiagnosticPath } from '../diagnostics.js';
import { isCalendarDate } from '../standard/common.js';
import type { Finding } from '../standard/check.js';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

interface Span {
  readonly index: number;
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

/** The span a `{ from, to }` entry covers, when both are real dates; a range_inverted finding when it ends before it starts. */
function spanOf(entry: unknown, path: DiagnosticPath, out: Finding[]): { from: string; to: string } | undefined {
  if (!isObject(entry) || typeof entry.from !== 'string' || typeof entry.to !== 'string') return undefined;
  if (!isCalendarDate(entry.from) || !isCalendarDate(entry.to)) return undefined; // the schema says so
  if (entry.from > entry.to) {
    out.push({ code: 'range_inverted', path: [...path, 'to'], data: { from: entry.from, to: entry.to } });
    return undefined;
  }
  return { from: entry.from, to: entry.to };
}

/** Findings for the calendar at `base` (`['calendar']` in a standard, `[]` for a calendar file). */
export function checkCalendar(raw: unknown, base: DiagnosticPath): Finding[] {
  const out: Finding[] = [];
  if (!isObject(raw)) return out;
  const spans: Span[] = [];
  const seen = new Map<string, DiagnosticPath>();
  list(raw.terms).forEach((term, index) => {
    const path = [...base, 'terms', index];
    if (!isObject(term)) return;
    if (typeof term.id === 'string') {
      const first = seen.get(term.id);
      if (first) out.push({ code: 'duplicate_id', path: [...path, 'id'], firstPath: first, data: { id: term.id, what: 'term' } });
      else seen.set(term.id, [...path, 'id']);
    }
    list(term.holidays).forEach((holiday, h) => spanOf(holiday, [...path, 'holidays', h], out));
    const span = spanOf(term, path, out);
    if (span) spans.push({ index, id: typeof term.id === 'string' ? term.id : String(index), ...span });
  });

  // Sorted by start, each term is compared with the one reaching furthest before it: one finding per
  // term that starts inside an earlier one.
  spans.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.index - b.index));
  let reach: Span | undefined;
  for (const span of spans) {
    if (reach && span.from <= reach.to) {
      out.push({
        code: 'term_overlap',
        path: [...base, 'terms', span.index, 'from'],
        firstPath: [...base, 'terms', reach.index],
        data: { id: span.id, other: reach.id, from: span.from, to: span.to < reach.to ? span.to : reach.to },
      });
    }
    if (!reach || span.to > reach.to) reach = span;
  }
  return out;
}
