/** The school fixture's league through the API (as `scoresheet rank … --group-by grade` builds it). */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { assignFindings, type Roster } from '../../src/aggregate/responsibility.js';
import { parseRosterText } from '../../src/aggregate/roster-file.js';
import type { Calendar } from '../../src/aggregate/periods.js';
import { buildLeague, type League } from '../../src/rank/league.js';
import { readDocumentRecords } from '../../src/records/read.js';
import { scoreBatch } from '../../src/score/batch.js';
import { compileStandard } from '../../src/compile/standard.js';
import { StandardSet } from '../../src/score/editions.js';
import type { Scorecard } from '../../src/score/scorecard.js';
import { loadStandard } from '../../src/standard/load-file.js';
import { CalendarSchema } from '../../src/standard/ranking-schema.js';
import type { Standard } from '../../src/standard/schema.js';
import { ROOT } from '../support/built.js';

export interface SchoolLeague {
  readonly standard: Standard;
  readonly league: League;
  readonly scorecards: readonly Scorecard[];
  readonly calendar: Calendar;
}

const read = (path: string) => readFileSync(`${ROOT}/${path}`, 'utf8');

export async function schoolLeague(): Promise<SchoolLeague> {
  const loaded = await loadStandard(`${ROOT}/standards/school-hygiene.yaml`);
  if (!loaded.ok) throw new Error('the school standard does not load');
  const set = new StandardSet([compileStandard(loaded.standard)]);
  const roster: { units?: Roster['units']; areas?: Roster['areas'] } = {};
  for (const file of ['fixtures/school/units.yaml', 'fixtures/school/roster.yaml']) {
    const parsed = parseRosterText(read(file), 'yaml');
    if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
    if (parsed.roster.units) roster.units = parsed.roster.units;
    if (parsed.roster.areas?.length) roster.areas = parsed.roster.areas;
  }
  const calendar = CalendarSchema.parse(parseYaml(read('fixtures/school/calendar.yaml')));
  const records = readDocumentRecords(read('fixtures/school/records.yaml'), { file: 'records.yaml', locale: 'en' });
  const assigned = assignFindings(records.records, roster, 'en');
  const batch = scoreBatch(set, assigned.records, 'en');
  if (records.diagnostics.length + assigned.diagnostics.length + batch.diagnostics.length > 0) throw new Error('the school fixture has rejected records');
  const scorecards = batch.scored.map((s) => s.scorecard);
  const league = buildLeague(loaded.standard, scorecards, { period: 'week', groupBy: 'grade', units: roster.units!, calendar });
  return { standard: loaded.standard, league, scorecards, calendar };
}

/** The school fixture's `rank`/`report` arguments for the CLI. */
export const SCHOOL_ARGS = ['--standard', 'standards/school-hygiene.yaml', '--period', 'week', '--group-by', 'grade', '--units', 'fixtures/school/units.yaml', '--roster', 'fixtures/school/roster.yaml', '--calendar', 'fixtures/school/calendar.yaml', 'fixtures/school/records.yaml'];
