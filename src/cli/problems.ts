/** Problems on stderr as they are found: the first few in full, then only counted (memory stays flat). */
import { renderMessage } from '../messages/render.js';
import type { Locale } from '../messages/types.js';
import { formatRecordDiagnostic, type RecordDiagnostic } from '../records/diagnostics.js';
import type { Output } from './io.js';

/** Problems printed before the rest are only counted (--max-problems): a page of them. */
export const DEFAULT_MAX_PROBLEMS = 1000;

export interface ProblemPrinter {
  readonly print: (d: RecordDiagnostic) => void;
  /** Says how many were not printed, if any. */
  readonly end: () => void;
}

export function problemPrinter(out: Output, max: number, locale: Locale): ProblemPrinter {
  let seen = 0;
  return {
    print: (d) => {
      if (seen++ < max) out.err(formatRecordDiagnostic(d));
    },
    end: () => {
      if (seen > max) out.err(renderMessage({ messageId: 'cli.problems_not_shown', data: { count: seen - max, max } }, locale));
    },
  };
}
