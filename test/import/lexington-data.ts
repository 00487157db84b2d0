/**
 * Where the Lexington-Fayette County LIVES data lives. It is not ours to commit: it is read from
 * `../shared/data/lexington-ky` beside the repository root, or from $SCORESHEET_LEXINGTON_DIR.
 * Absent, the tests that need it are skipped loudly, except on CI (CI=true), where they fail.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../support/built.js';

export const LEXINGTON_DIR = resolve(process.env.SCORESHEET_LEXINGTON_DIR ?? join(ROOT, '..', 'shared', 'data', 'lexington-ky'));

const FILES = ['businesses.csv', 'inspections.csv', 'violations.csv', 'feed_info.csv', 'item_points.csv'];

/** True when every file is there. Otherwise warns (and, on CI, throws: the data must be provided there). */
export function lexingtonAvailable(): boolean {
  const missing = FILES.filter((f) => !existsSync(join(LEXINGTON_DIR, f)));
  if (missing.length === 0) return true;
  const why = `Lexington LIVES data not found in ${LEXINGTON_DIR} (missing ${missing.join(', ')}); set SCORESHEET_LEXINGTON_DIR or provide ../shared/data/lexington-ky`;
  if (process.env.CI === 'true') throw new Error(`${why}. On CI (CI=true) these tests must run.`);
  console.warn(`SKIPPING the tests on real Lexington data: ${why}`);
  return false;
}

export const SKIP_REASON = 'the Lexington LIVES data is absent (see the warning above)';
