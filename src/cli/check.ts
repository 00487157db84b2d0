/** `scoresheet check <standard.yaml|dir>…`: every diagnostic of every standard, exit 0 / 1 / 2. */
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { readBounded } from '../files.js';
import { wordsOf } from '../messages/locales.js';
import type { Locale } from '../messages/locales.js';
import { MAX_STANDARD_BYTES } from '../standard/load.js';
import { loadStandard } from '../standard/load-file.js';
import { loadAssessment } from '../assess/load.js';
import { codeFrame } from './frame.js';
import { expandStandardPaths, type Output } from './io.js';
import { standardLoadOptions } from './standards.js';

export interface CheckOptions {
  readonly format: 'text' | 'json';
  readonly lang: Locale;
  /** Print a code frame under each diagnostic (on a TTY). */
  readonly frames: boolean;
  /** --allow-root: folders where `extends:` may also find a base. */
  readonly allowRoot?: readonly string[];
}

export async function runCheck(paths: readonly string[], options: CheckOptions, out: Output): Promise<number> {
  const files = await expandStandardPaths(paths);
  if ('error' in files) {
    out.err(files.error);
    return 2;
  }
  const results = [];
  let couldNotRun = false;
  for (const file of files.paths) {
    // An assessment file (`assess:` at the top; docs/assessments.md) is checked with the standards it names.
    const result = /^assess:/m.test(frameSource(file)) ? await loadAssessment(file, standardLoadOptions(options)) : await loadStandard(file, standardLoadOptions(options));
    const diagnostics: readonly Diagnostic[] = result.ok ? ('warnings' in result ? result.warnings : []) : result.diagnostics;
    if (diagnostics.some((d) => d.code === 'file_not_found')) couldNotRun = true;
    results.push({ file, ok: result.ok, diagnostics });
  }
  const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);

  if (options.format === 'json') {
    out.out(JSON.stringify({ files: results, errors, warnings }, null, 2));
  } else {
    for (const r of results) {
      const text = options.frames && r.diagnostics.length > 0 ? frameSource(r.file) : '';
      for (const d of r.diagnostics) {
        out.out(formatDiagnostic(d));
        // Only the file named is framed: a base is any file `extends:` reached, and is never quoted.
        if (options.frames && text && d.file === r.file) out.out(codeFrame(text, d.line, d.column));
      }
    }
    out.out(wordsOf(options.lang).cli.checkSummary(results.length, errors, warnings));
  }
  if (couldNotRun) return 2;
  return errors > 0 ? 1 : 0;
}

/** The named file's text to frame diagnostics in: a regular file of a standard's size only (a pipe was read once already, a device never ends). */
function frameSource(file: string): string {
  const read = readBounded(file, { limit: MAX_STANDARD_BYTES, regularOnly: true });
  return 'bytes' in read ? read.bytes.toString('utf8') : '';
}
