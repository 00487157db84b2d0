/**
 * League tables (the league-tables issue): the school standard, 100,000 records scored, aggregated by
 * week and ranked per grade, against a hand-written equivalent (bench/league-baseline.mjs).
 *
 * scoresheet (timed): scoreRecord with the compiled standard for every record, each scorecard added to
 * a LeagueBuilder as it is scored (it keeps what the league reads, not the whole card), then the
 * league built (period week, groupBy grade): buildLeague's league, as `scoresheet rank --period week
 * --group-by grade` gives it.
 * hand-written (timed): scoreSchoolHygiene per record, ISO week by day arithmetic, 100 + Σ per class
 * and week, sorted, competition ranks per grade. Untimed: generating and validating the records,
 * loading and compiling the standard, and the check that both give the same tables — for every
 * (week, grade) the same ordered (unit, rank, score) rows — before anything is timed.
 *
 * The records: generateSchool's inspections (findings, kind, level, inspector unchanged), given a
 * class and a date here: 120 classes (6 grades × 20, unit.group.grade), 40 teaching weeks of the
 * 2024–25 school year in record order, Monday checks on Mondays, the others on a weekday. The autumn
 * term runs across the new year, so 2024-12-30 and 2024-12-31 fall in ISO week 2025-W01.
 */
import { readFileSync } from 'node:fs';
import { compileStandard, parseStandard, scoreRecord } from '../../dist/index.js';
import { LeagueBuilder } from '../../dist/league.js';
import { InspectionRecordSchema } from '../../dist/schemas.js';
import { DEFAULT_SEED, QUICK_RECORDS, generateSchool, prng } from '../generate.mjs';
import { handWrittenLeague } from '../league-baseline.mjs';
import { row, sink } from '../lib.mjs';

export const NAME = 'score + aggregate by week + rank per grade (school-hygiene)';
export const FILE = 'standards/school-hygiene.yaml';
/** What the CLI is told: `scoresheet rank --standard standards/school-hygiene.yaml --period week --group-by grade`. */
export const LEAGUE_OPTIONS = Object.freeze({ period: 'week', groupBy: 'grade' });

export const GRADES = ['初一', '初二', '初三', '高一', '高二', '高三'];
export const CLASSES_PER_GRADE = 20;
/** Teaching weeks: the Monday each term starts on, and how many weeks it has. */
export const TERMS = [
  { from: '2024-09-02', weeks: 20 },
  { from: '2025-02-17', weeks: 20 },
];

const DAY = 86_400_000;
const dayNumber = (date) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY;
const dateOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);
const MONDAYS = TERMS.flatMap((t) => Array.from({ length: t.weeks }, (_, w) => dayNumber(t.from) + 7 * w));

/**
 * `count` school-hygiene records for the league: generateSchool(count, seed)'s records (its output
 * is not changed), each moved to one of 120 classes with a grade, and to a date of the school year:
 * the i-th record in teaching week ⌊40·i / count⌋, so every week has as many inspections.
 */
export function generateLeague(count, seed = DEFAULT_SEED) {
  const r = prng(seed ^ 0x1ea905);
  return generateSchool(count, seed).map((record, i) => {
    const u = r.int(0, GRADES.length * CLASSES_PER_GRADE - 1);
    const g = Math.floor(u / CLASSES_PER_GRADE);
    const c = 1 + (u % CLASSES_PER_GRADE);
    const monday = MONDAYS[Math.floor((i * MONDAYS.length) / count)];
    const day = monday + (record.kind === 'scheduled' ? 0 : r.int(0, 4)); // 周一定期检查 on the Monday
    return {
      ...record,
      unit: { id: `g${g + 1}-c${String(c).padStart(2, '0')}`, name: `${GRADES[g]}(${c})班`, group: { grade: GRADES[g] } },
      date: dateOf(day),
    };
  });
}

/** Generated records, validated once (untimed), exactly as both sides then receive them. */
export function validated(raw) {
  return raw.map((record, i) => {
    const parsed = InspectionRecordSchema.safeParse(record);
    if (!parsed.success) throw new Error(`generated league record #${i} is invalid: ${parsed.error.message}`);
    return parsed.data;
  });
}

export function loadSchoolStandard(path) {
  const loaded = parseStandard(readFileSync(path(FILE), 'utf8'), { file: FILE });
  if (!loaded.ok) throw new Error(`cannot load ${FILE}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return { standard: loaded.standard, scorer: compileStandard(loaded.standard) };
}

/** The scoresheet side, as a user of the API writes it: score every record into a LeagueBuilder, then build. */
export function scoresheetLeague(standard, scorer, records) {
  const league = new LeagueBuilder(standard, LEAGUE_OPTIONS);
  for (let i = 0; i < records.length; i++) {
    const result = scoreRecord(scorer, records[i]);
    if (!result.ok) throw new Error(`scoresheet rejected record ${records[i].id}: ${JSON.stringify(result.diagnostics)}`);
    league.add(result.scorecard);
  }
  return league.build();
}

/** A League's tables in the hand-written side's form: [{ week, grade, rows: [{ unit, rank, score }] }]. */
export function leagueTables(league) {
  const tables = [];
  for (const table of league.tables) {
    for (const group of table.groups) {
      tables.push({
        week: table.period.key,
        grade: group.group,
        rows: group.rows.map((r) => ({ unit: r.result.unit.id, rank: r.rank, score: r.result.score })),
      });
    }
  }
  return tables;
}

const exact = (score) => (score === null ? null : Math.round(score * 10_000));
const show = (r) => (r === undefined ? 'nothing' : `${r.unit} rank ${r.rank ?? '—'} score ${r.score ?? '—'}`);

/**
 * Compares two sets of tables: for every (week, grade), the same rows in the same order, each with
 * the same unit, rank and score (in exact ten-thousandths). Returns how many tables differ and the
 * first difference, described.
 */
export function compareLeagues(expected, actual, [first, second] = ['scoresheet', 'hand-written']) {
  const key = (t) => `${t.week} ${t.grade}`;
  const theirs = new Map(actual.map((t) => [key(t), t]));
  const differences = [];
  for (const ours of expected) {
    const other = theirs.get(key(ours));
    theirs.delete(key(ours));
    const where = `week ${ours.week}, grade ${ours.grade}`;
    if (other === undefined) {
      differences.push(`${where}: a table in ${first} (${ours.rows.length} rows), none in ${second}`);
      continue;
    }
    const n = Math.max(ours.rows.length, other.rows.length);
    for (let i = 0; i < n; i++) {
      const a = ours.rows[i];
      const b = other.rows[i];
      if (a && b && a.unit === b.unit && a.rank === b.rank && exact(a.score) === exact(b.score)) continue;
      differences.push(`${where}, row ${i + 1}: ${first} ${show(a)}, ${second} ${show(b)}`);
      break;
    }
  }
  for (const t of theirs.values()) differences.push(`week ${t.week}, grade ${t.grade}: a table in ${second} (${t.rows.length} rows), none in ${first}`);
  return { ok: differences.length === 0, tables: expected.length, differing: differences.length, first: differences[0] };
}

/** Throws (exit code 1, like run.mjs) naming the first difference when the two sides disagree. */
export function checkLeagues(expected, actual, names) {
  const result = compareLeagues(expected, actual, names);
  if (!result.ok) {
    const [first, second] = names ?? ['scoresheet', 'hand-written'];
    throw Object.assign(
      new Error(`league: ${first} and ${second} rank differently in ${result.differing} of ${result.tables} (week, grade) tables; nothing was timed. First difference: ${result.first}`),
      { exitCode: 1 },
    );
  }
  return result;
}

/** What the tables hold: ranked rows, rows sharing a rank, places decided by fewer deductions. */
export function leagueStats(league) {
  let tables = 0;
  let ranked = 0;
  let unranked = 0;
  let shared = 0;
  let brokenTies = 0;
  for (const table of league.tables) {
    for (const group of table.groups) {
      tables++;
      const rows = group.rows;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        if (r.rank === null) {
          unranked++;
          continue;
        }
        ranked++;
        const sameRank = (o) => o !== undefined && o.rank === r.rank;
        if (sameRank(rows[i - 1]) || sameRank(rows[i + 1])) shared++;
        const p = rows[i - 1];
        if (p && p.rank !== null && p.rank !== r.rank && p.result.score === r.result.score) brokenTies++;
      }
    }
  }
  return { weeks: league.tables.length, tables, ranked, unranked, shared, brokenTies };
}

export async function run(ctx) {
  const { quick, seed, path, log, time } = ctx;
  const n = quick ? QUICK_RECORDS : 100_000;
  const { standard, scorer } = loadSchoolStandard(path);
  log(`league: generating ${n} school-hygiene records for ${GRADES.length * CLASSES_PER_GRADE} classes over ${MONDAYS.length} weeks (seed ${seed})`);
  const records = validated(generateLeague(n, seed));

  log('league: checking that scoresheet and the hand-written league give the same tables');
  const league = scoresheetLeague(standard, scorer, records);
  checkLeagues(leagueTables(league), handWrittenLeague(records));
  const stats = leagueStats(league);

  const options = { iterations: 5, time: quick ? 300 : 3000, warmup: true };
  log('league: timing scoresheet (scoreRecord + LeagueBuilder)');
  const ours = await time('scoresheet league', () => {
    sink.value += scoresheetLeague(standard, scorer, records).tables.length;
  }, n, options);
  log('league: timing the hand-written league');
  const theirs = await time('hand-written league', () => {
    sink.value += handWrittenLeague(records).length;
  }, n, options);

  return {
    rows: [row(NAME, n, { scoresheet: ours.perSecond, baseline: theirs.perSecond })],
    notes: [
      `tinybench league: ± scoresheet ${ours.rme.toFixed(1)}% (${ours.samples} samples), hand-written ${theirs.rme.toFixed(1)}% (${theirs.samples} samples)`,
      `league: ${n.toLocaleString('en-US')} records, ${GRADES.length * CLASSES_PER_GRADE} classes (${GRADES.length} grades × ${CLASSES_PER_GRADE}), ${stats.weeks} ISO weeks (incl. 2025-W01 across the new year): ` +
        `${stats.tables} (week, grade) tables checked equal — ${stats.ranked.toLocaleString('en-US')} ranked rows (${stats.shared} sharing a rank, ${stats.brokenTies} places decided by fewer deductions), ${stats.unranked} not inspected`,
      'league: scoresheet = scoreRecord for every record, each scorecard added to a LeagueBuilder, then build() (buildLeague\'s league: period week, groupBy grade, with awards, boards, warnings, streaks and traced lines); ' +
        'hand-written = scoreSchoolHygiene per record, ISO week by UTC day arithmetic (cached per date), 100 + Σ (total − 100) per class per week (aggregate sum, base 100), ' +
        'sorted by score, fewer deduction lines, id; competition ranks (1,2,2,4) per grade',
    ],
  };
}
