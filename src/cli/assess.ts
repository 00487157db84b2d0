/**
 * `scoresheet assess --standard A.yaml --period P [records…]`: an assessment file's results (a
 * composite of other standards' period results, or one standard's stages side by side). The records of
 * every standard it names are read, scored and aggregated as `rank` does; exit codes as `rank`.
 */
import { dirname, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { assessScorecards } from '../assess/assess.js';
import { leftOutWarnings } from '../report/league.js';
import { loadAssessment } from '../assess/load.js';
import { renderAssessment } from '../assess/render.js';
import { formatDiagnostic } from '../diagnostics.js';
import type { Output } from './io.js';
import { loadLeagueInput, type LeagueInputOptions } from './league-input.js';
import { standardLoadOptions } from './standards.js';

export interface AssessCliOptions extends Omit<LeagueInputOptions, 'standards' | 'groupBy' | 'ties' | 'units' | 'roster'> {
  /** The assessment file. */
  readonly standard: string;
  readonly format: 'text' | 'json' | 'csv' | 'md' | 'html';
}

export async function runAssess(inputs: readonly string[], options: AssessCliOptions, out: Output, stdin: Readable): Promise<number> {
  const loaded = await loadAssessment(options.standard, standardLoadOptions(options));
  if (!loaded.ok) {
    for (const d of loaded.diagnostics) out.err(formatDiagnostic(d));
    return 2;
  }
  const { assessment, standards } = loaded;
  const files = (assessment.assess === 'composite' ? assessment.parts.map((p) => p.standard) : [assessment.standard]).map((ref) => resolve(dirname(options.standard), ref));
  const input = await loadLeagueInput(inputs, { ...options, standards: files }, out, stdin);
  if (input === 2) return 2;
  const result = assessScorecards(assessment, standards, input.scorecards, {
    period: options.period,
    ...(input.calendar ? { calendar: input.calendar } : {}),
  });
  for (const line of leftOutWarnings(result.leftOut ?? [], options.lang, 'assessment')) out.err(line);
  if (options.format === 'json') {
    const { listed, notListed } = input.rejected;
    out.out(JSON.stringify({ ...result, rejected: listed, ...(notListed > 0 ? { rejectedNotListed: notListed } : {}) }, null, 2));
  }
  else out.out((options.format === 'csv' ? '\uFEFF' : '') + renderAssessment(result, { format: options.format, locale: options.lang }));
  return input.rejected.records > 0 ? 1 : 0;
}
