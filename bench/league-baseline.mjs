/**
 * The hand-written league for standards/school-hygiene.yaml: what a careful engineer would write into
 * a school's app to print the weekly tables per grade, knowing the standard's `ranking:` by heart.
 * Plain JavaScript, no library, exact arithmetic in integer ten-thousandths of a point.
 *
 * - each record scored by the hand-written scorer (scoreSchoolHygiene, bench/baseline.mjs);
 * - period: the ISO week (Monday start) of the record's calendar date, by arithmetic on UTC day
 *   numbers, so no machine time zone can move a date into another week; 2024-12-30 is 2025-W01;
 * - `aggregate: sum`, `base: 100`: a class's week score is 100 + Σ (total − 100) of its inspections
 *   that week (the running 量化分数, restarted every week);
 * - per grade (unit.group.grade): ordered by score, higher first, then `tieBreakers: [fewer-deductions]`
 *   (fewer deduction lines over the week), then unit id; `ties: competition` (1, 2, 2, 4): a class
 *   ties with the one before it when both the score and the number of deductions are equal;
 * - a class of the grade not inspected that week (or with an indeterminate record) is listed after
 *   the ranked ones, by id, without rank or score. Every class seen in any week is listed every week.
 *
 * The standard's `frequency` requirement (one 德育处 check a week) carries no points, so it never
 * changes a score; awards, boards and warnings are not computed here (only the tables are compared).
 */
import { scoreSchoolHygiene } from './baseline.mjs';

const S = 10_000;
/** `ranking.base` and the scorecards' base (`scoring.base`), both 100 points. */
const BASE = 100 * S;
const DAY = 86_400_000;

/** The ISO week of a calendar date `YYYY-MM-DD`, as `2025-W01`. */
export function isoWeekKey(date) {
  const day = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY; // 1970-01-01 is a Thursday
  const thursday = day - ((((day + 3) % 7) + 7) % 7) + 3; // the Thursday of its Monday-to-Sunday week
  const year = new Date(thursday * DAY).getUTCFullYear(); // the ISO week-year is the Thursday's year
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY) / 7) + 1;
  return `${year}-W${week < 10 ? '0' : ''}${week}`;
}

/**
 * Weekly tables per grade from validated school-hygiene records:
 * [{ week: '2024-W36', grade: '高一', rows: [{ unit, rank, score }] }], weeks in order, grades in the
 * order of their first class id; `rank` and `score` (points) are null for a class not ranked that week.
 */
export function handWrittenLeague(records) {
  const weekOfDate = new Map(); // a school year has ~200 dates: each computed once
  const weeks = new Map(); // week → (unit id → cell)
  const gradeOf = new Map(); // unit id → grade
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const result = scoreSchoolHygiene(record);
    let week = weekOfDate.get(record.date);
    if (week === undefined) {
      week = isoWeekKey(record.date);
      weekOfDate.set(record.date, week);
    }
    let cells = weeks.get(week);
    if (cells === undefined) weeks.set(week, (cells = new Map()));
    const id = record.unit.id;
    let cell = cells.get(id);
    if (cell === undefined) {
      cells.set(id, (cell = { id, points: BASE, deductions: 0, unknown: false }));
      if (!gradeOf.has(id)) gradeOf.set(id, String(record.unit.group?.grade ?? ''));
    }
    cell.points += result.total - BASE;
    // Every (item, points) entry of this standard is a deduction, and one line of the scorecard:
    // an area's by-kind deduction (once per area and inspection), or the tool corner's points.
    cell.deductions += result.deductions.length;
    if (result.verdict === 'indeterminate') cell.unknown = true;
  }

  const grades = new Map(); // grade → its class ids, in id order
  for (const id of [...gradeOf.keys()].sort()) {
    const grade = gradeOf.get(id);
    const ids = grades.get(grade);
    if (ids === undefined) grades.set(grade, [id]);
    else ids.push(id);
  }

  const byRank = (a, b) => b.points - a.points || a.deductions - b.deductions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const tables = [];
  for (const week of [...weeks.keys()].sort()) {
    const cells = weeks.get(week);
    for (const [grade, ids] of grades) {
      const ranked = [];
      const unranked = [];
      for (const id of ids) {
        const cell = cells.get(id);
        if (cell === undefined || cell.unknown) unranked.push({ unit: id, rank: null, score: null });
        else ranked.push(cell);
      }
      ranked.sort(byRank);
      const rows = new Array(ranked.length);
      let rank = 0;
      for (let i = 0; i < ranked.length; i++) {
        const c = ranked[i];
        const p = ranked[i - 1];
        if (i === 0 || c.points !== p.points || c.deductions !== p.deductions) rank = i + 1; // competition: 1, 2, 2, 4
        rows[i] = { unit: c.id, rank, score: c.points / S };
      }
      tables.push({ week, grade, rows: unranked.length === 0 ? rows : rows.concat(unranked) });
    }
  }
  return tables;
}
