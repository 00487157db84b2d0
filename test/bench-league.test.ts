/**
 * The league workload's equality check (bench/workloads/league.mjs), at --quick size: scoresheet
 * (scoreRecord + buildLeague by week per grade) and the hand-written league (bench/league-baseline.mjs)
 * give the same (unit, rank, score) rows in every (week, grade) table — and the check fails, naming
 * the week, grade, row and both sides, when the hand-written side is wrong. No timing is asserted.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateSchool, QUICK_RECORDS } from '../bench/generate.mjs';
import type { InspectionRecord, League, Scorer, Standard } from '../src/index.js';
import { requireBuild, ROOT } from './support/built.js';

interface Row {
  readonly unit: string;
  readonly rank: number | null;
  readonly score: number | null;
}
interface Table {
  readonly week: string;
  readonly grade: string;
  readonly rows: readonly Row[];
}
interface Comparison {
  readonly ok: boolean;
  readonly tables: number;
  readonly differing: number;
  readonly first?: string;
}
interface BenchRow {
  readonly name: string;
  readonly records: number;
  readonly scoresheet: number;
  readonly baseline: number;
}
/** bench/workloads/league.mjs (plain JavaScript without a declaration file: typed here). */
interface LeagueWorkload {
  readonly NAME: string;
  readonly GRADES: readonly string[];
  readonly CLASSES_PER_GRADE: number;
  generateLeague(count: number, seed?: number): Record<string, unknown>[];
  validated(raw: readonly unknown[]): InspectionRecord[];
  loadSchoolStandard(path: (p: string) => string): { standard: Standard; scorer: Scorer };
  scoresheetLeague(standard: Standard, scorer: Scorer, records: readonly InspectionRecord[]): League;
  leagueTables(league: League): Table[];
  compareLeagues(expected: readonly Table[], actual: readonly Table[], names?: readonly [string, string]): Comparison;
  checkLeagues(expected: readonly Table[], actual: readonly Table[], names?: readonly [string, string]): Comparison;
  run(ctx: object): Promise<{ rows: BenchRow[]; notes: string[] }>;
}
/** bench/league-baseline.mjs */
interface LeagueBaseline {
  isoWeekKey(date: string): string;
  handWrittenLeague(records: readonly InspectionRecord[]): Table[];
}

// Imported by URL: the bench's .mjs modules carry no .d.mts of their own, so they are typed above.
const load = <T>(file: string): Promise<T> => import(/* @vite-ignore */ new URL(file, import.meta.url).href) as Promise<T>;
const path = (p: string) => join(ROOT, p);

let workload: LeagueWorkload;
let baseline: LeagueBaseline;
let records: InspectionRecord[];
let league: League;
let scoresheet: Table[];
let handWritten: Table[];

beforeAll(async () => {
  requireBuild(); // the workload times the built package, as bench/run.mjs does
  workload = await load<LeagueWorkload>('../bench/workloads/league.mjs');
  baseline = await load<LeagueBaseline>('../bench/league-baseline.mjs');
  const { standard, scorer } = workload.loadSchoolStandard(path);
  records = workload.validated(workload.generateLeague(QUICK_RECORDS, DEFAULT_SEED));
  league = workload.scoresheetLeague(standard, scorer, records);
  scoresheet = workload.leagueTables(league);
  handWritten = baseline.handWrittenLeague(records);
});

/** The hand-written tables with each table's ranked rows re-ranked by `rerank` (a wrong implementation). */
function reranked(tables: readonly Table[], rerank: (rows: readonly Row[]) => (number | null)[]): Table[] {
  return tables.map((t) => {
    const ranks = rerank(t.rows);
    return { ...t, rows: t.rows.map((r, i) => ({ ...r, rank: ranks[i] ?? null })) };
  });
}

describe('bench league: scoresheet and the hand-written league give the same tables', () => {
  it(`agree on every (week, grade) table of the ${QUICK_RECORDS} --quick records`, () => {
    const result = workload.compareLeagues(scoresheet, handWritten);
    expect(result.ok, result.first).toBe(true);
    expect(result.tables).toBe(40 * workload.GRADES.length);
    expect(() => workload.checkLeagues(scoresheet, handWritten)).not.toThrow();
    // Not vacuous: ranked rows, shared ranks and unranked classes all occur.
    const rows = scoresheet.flatMap((t) => t.rows);
    expect(rows.filter((r) => r.rank !== null).length).toBeGreaterThan(1000);
    expect(rows.filter((r) => r.rank === null).length).toBeGreaterThan(0);
    expect(scoresheet.some((t) => t.rows.some((r, i) => i > 0 && r.rank !== null && r.rank === t.rows[i - 1]!.rank))).toBe(true);
  });

  it('the league records: generateSchool’s inspections, 6 grades × 20 classes, weekdays of the school year, across the ISO new year', () => {
    const raw = workload.generateLeague(200, 7);
    const school = generateSchool(200, 7);
    expect(raw.map((r) => JSON.stringify({ ...r, unit: undefined, date: undefined }))).toEqual(school.map((r) => JSON.stringify({ ...r, unit: undefined, date: undefined })));
    expect(JSON.stringify(workload.generateLeague(200, 7))).toBe(JSON.stringify(raw));
    const units = new Set(records.map((r) => `${r.unit.id} ${r.unit.group?.grade}`));
    expect(units.size).toBe(workload.GRADES.length * workload.CLASSES_PER_GRADE);
    expect(new Set(records.map((r) => r.unit.group?.grade))).toEqual(new Set(workload.GRADES));
    const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
    expect(records.every((r) => weekday(r.date) >= 1 && weekday(r.date) <= 5)).toBe(true);
    expect(records.filter((r) => r.kind === 'scheduled').every((r) => weekday(r.date) === 1)).toBe(true);
    // 2024-12-30 and 31 are in ISO week 2025-W01, not 2024's last week.
    expect(baseline.isoWeekKey('2024-12-30')).toBe('2025-W01');
    expect(baseline.isoWeekKey('2025-01-05')).toBe('2025-W01');
    expect(baseline.isoWeekKey('2024-12-29')).toBe('2024-W52');
    const newYear = records.filter((r) => r.date === '2024-12-30' || r.date === '2024-12-31');
    expect(newYear.length).toBeGreaterThan(0);
    expect(scoresheet.filter((t) => t.week === '2025-W01')).toHaveLength(workload.GRADES.length);
    expect(scoresheet.some((t) => t.week.startsWith('2024-W01'))).toBe(false);
  });

  it('run() at --quick size (with a stub timer) returns the row and its notes', async () => {
    const ctx = {
      quick: true,
      seed: DEFAULT_SEED,
      root: ROOT,
      path,
      log: () => {},
      time: async (_name: string, fn: () => unknown) => {
        await fn();
        return { perSecond: 1000, rme: 0, samples: 1 };
      },
      check: () => {},
    };
    const result = await workload.run(ctx);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({ name: workload.NAME, records: QUICK_RECORDS, scoresheet: 1000, baseline: 1000 });
    expect(result.notes[0]).toMatch(/^tinybench league: ± scoresheet 0\.0% \(1 samples\), hand-written 0\.0% \(1 samples\)$/);
    expect(result.notes.join('\n')).toMatch(/competition ranks/);
  });
});

describe('bench league: the check fails when the hand-written side is wrong', () => {
  it('dense ranks (1, 2, 2, 3) instead of the standard’s competition ranks: fails, naming week, grade, row and both sides', () => {
    const dense = reranked(handWritten, (rows) => {
      let d = 0;
      return rows.map((r, i) => (r.rank === null ? null : i === 0 || r.rank !== rows[i - 1]!.rank ? ++d : d));
    });
    const result = workload.compareLeagues(scoresheet, dense);
    expect(result.ok).toBe(false);
    expect(result.differing).toBeGreaterThan(0);
    expect(result.first).toMatch(/^week \d{4}-W\d\d, grade \S+, row \d+: scoresheet g\d-c\d\d rank \d+ score [\d.]+, hand-written g\d-c\d\d rank \d+ score [\d.]+$/);
    let error: (Error & { exitCode?: number }) | undefined;
    try {
      workload.checkLeagues(scoresheet, dense);
    } catch (e) {
      error = e as Error & { exitCode?: number };
    }
    expect(error?.exitCode).toBe(1);
    expect(error?.message).toContain(`league: scoresheet and hand-written rank differently in ${result.differing} of ${result.tables} (week, grade) tables; nothing was timed. First difference: ${result.first}`);
  });

  it('without the tie-breaker (equal scores share a rank whatever their deductions): fails', () => {
    const noBreaker = reranked(handWritten, (rows) =>
      rows.map((r, i) => {
        if (r.rank === null) return null;
        let j = i;
        while (j > 0 && rows[j - 1]!.score === r.score) j--;
        return j + 1;
      }),
    );
    const result = workload.compareLeagues(scoresheet, noBreaker);
    expect(result.ok).toBe(false);
    expect(result.first).toMatch(/row \d+: scoresheet (\S+) rank (\d+) score ([\d.]+), hand-written \1 rank \d+ score \3$/);
  });

  it('a different score (half a point more for every class that lost points) or a missing table is a difference too', () => {
    const lenient = handWritten.map((t) => ({ ...t, rows: t.rows.map((r) => (r.score === null || r.score === 100 ? r : { ...r, score: r.score + 0.5 })) }));
    const changed = workload.compareLeagues(scoresheet, lenient);
    expect(changed.ok).toBe(false);
    expect(changed.first).toMatch(/score [\d.]+, hand-written \S+ rank \d+ score [\d.]+$/);
    const missing = workload.compareLeagues(scoresheet, handWritten.slice(1));
    expect(missing).toMatchObject({ ok: false, differing: 1 });
    expect(missing.first).toBe(`week ${handWritten[0]!.week}, grade ${handWritten[0]!.grade}: a table in scoresheet (${handWritten[0]!.rows.length} rows), none in hand-written`);
  });
});
