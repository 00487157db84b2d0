/** Problems on stderr as they are found: the first few in full, then only counted (memory stays flat). */
import { renderMessage } from '../messages/render.js';
import type { Locale } from '../messages/locales.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { Output } from './io.js';

/** Problems printed before the rest are only counted (--max-problems): a page of them. */
export const DEFAULT_MAX_PROBLEMS = 1000;

export interface ProblemPrinter {
  readonly print: (d: Diagnostic) => void;
  /** Says how many were not printed, if any. */
  readonly end: () => void;
  /** The problems printed (at most `max`), for a document that lists them too. */
  readonly printed: readonly Diagnostic[];
  /** How many were not printed. */
  readonly notPrinted: () => number;
}

export function problemPrinter(out: Output, max: number, locale: Locale): ProblemPrinter {
  let seen = 0;
  const printed: Diagnostic[] = [];
  return {
    print: (d) => {
      if (seen++ >= max) return;
      printed.push(d);
      out.err(formatDiagnostic(d));
    },
    end: () => {
      if (seen > max) out.err(renderMessage({ messageId: 'cli.problems_not_shown', data: { count: seen - max, max } }, locale));
    },
    printed,
    notPrinted: () => Math.max(0, seen - max),
  };
}

/**
 * Counts rejected records from their problems as they arrive, holding none: a record's problems
 * arrive together, and records in order, so a rejected record is a new (file, index).
 */
export function rejectedRecordCounter(): { readonly add: (d: Diagnostic) => void; readonly count: () => number } {
  let count = 0;
  let last = '';
  return {
    add: (d) => {
      const key = `${d.file}#${d.index}`;
      if (key !== last) count++;
      last = key;
    },
    count: () => count,
  };
}
