/**
 * A term calendar file (`--calendar`): YAML text → a Calendar, or every problem at once as a
 * diagnostic with its file:line:col and code, as `check` gives for a standard. Only `loadCalendar`
 * touches the file system, through readSideFile: a regular file of at most MAX_STANDARD_BYTES.
 */
import { LineCounter, parseDocument } from 'yaml';
import { readSideFile } from '../files.js';
import { makeDiagnostic, sortDiagnostics, type Diagnostic, type DiagnosticCode, type DiagnosticPath } from '../diagnostics.js';
import type { Locale } from '../messages/locales.js';
import { DocumentPositions, START, type Position } from '../positions.js';
import { documentLocator, mapIssue, MAX_ALIAS_COUNT, MAX_STANDARD_BYTES } from '../standard/load.js';
import { CalendarSchema } from '../standard/ranking-schema.js';
import { checkCalendar } from '../standard/check.js';
import type { Calendar } from './periods.js';

export type CalendarResult = { readonly ok: true; readonly calendar: Calendar } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface CalendarOptions {
  /** Shown in diagnostics; '<inline>' by default. */
  readonly file?: string;
  readonly locale?: Locale;
}

/**
 * Parses and checks a calendar from YAML text. Never throws on bad input: overlapping terms, a term or
 * holiday that ends before it starts, an unknown key or a date that does not exist is a diagnostic.
 *
 * @example
 * ```ts
 * import { formatDiagnostic } from 'scoresheet';
 * import { parseCalendar, periodOf } from 'scoresheet/league';
 *
 * const result = parseCalendar('terms:\n  - { id: 2024-spring, from: 2024-02-26, to: 2024-07-05 }\n', { file: 'calendar.yaml' });
 * if (result.ok) console.log(periodOf('2024-03-04', 'week', result.calendar)?.termWeek); // 2
 * else console.error(result.diagnostics.map(formatDiagnostic).join('\n'));
 * ```
 */
export function parseCalendar(text: string, options: CalendarOptions = {}): CalendarResult {
  const file = options.file ?? '<inline>';
  const locale = options.locale ?? 'en';
  const diagnostics: Diagnostic[] = [];
  const emit = (code: DiagnosticCode, at: Position, path: DiagnosticPath, data: Record<string, unknown>, messageId?: string) =>
    diagnostics.push(makeDiagnostic({ code, file, line: at.line, column: at.column, path, data, ...(messageId ? { messageId } : {}) }, locale));
  const fail = (): CalendarResult => ({ ok: false, diagnostics: sortDiagnostics(diagnostics) });

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const positions = new DocumentPositions(doc, lineCounter, text);
  for (const error of doc.errors) {
    emit(error.code === 'DUPLICATE_KEY' ? 'yaml_duplicate_key' : 'yaml_syntax', positions.atOffset(error.pos[0]), [], { detail: error.message.split('\n')[0], yamlCode: error.code });
  }
  if (diagnostics.length > 0) return fail();
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    emit('yaml_alias_limit', START, [], { limit: MAX_ALIAS_COUNT });
    return fail();
  }

  const parsed = CalendarSchema.safeParse(raw);
  if (!parsed.success) {
    const locator = documentLocator(file, positions);
    for (const issue of parsed.error.issues) for (const d of mapIssue(issue, raw, locator)) emit(d.code, d.at, d.path, d.data, d.messageId);
  }
  for (const finding of checkCalendar(raw, [])) {
    const first = finding.firstPath ? positions.atPath(finding.firstPath) : undefined;
    emit(finding.code, positions.atPath(finding.path), finding.path, { ...finding.data, ...(first ? { first: `${first.line}:${first.column}` } : {}) });
  }
  if (!parsed.success || diagnostics.length > 0) return fail();
  return { ok: true, calendar: parsed.data };
}

/**
 * Reads and parses a calendar file; a missing, special (a FIFO, a device) or oversized file is a diagnostic.
 *
 * @example
 * ```ts
 * import { buildLeague, type Scorecard, type Standard } from 'scoresheet';
 * import { loadCalendar } from 'scoresheet/league';
 *
 * declare const standard: Standard;
 * declare const scorecards: readonly Scorecard[];
 * const loaded = await loadCalendar('calendar.yaml', 'zh-CN');
 * if (loaded.ok) buildLeague(standard, scorecards, { period: 'term', calendar: loaded.calendar });
 * ```
 */
export async function loadCalendar(path: string, locale: Locale = 'en'): Promise<CalendarResult> {
  const read = readSideFile(path, 'calendar', MAX_STANDARD_BYTES, locale);
  if ('diagnostic' in read) return { ok: false, diagnostics: [read.diagnostic] };
  return parseCalendar(read.bytes.toString('utf8').replace(/^\uFEFF/, ''), { file: path, locale });
}
