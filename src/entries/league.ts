/** `scoresheet/league`: the steps buildLeague takes, for a league built differently — periods, responsibility, ranks, awards.
 *
 * @module scoresheet/league
 */
export { periodOf, periodLabel } from '../aggregate/periods.js';
export type { Period, PeriodUnit, Calendar, Term } from '../aggregate/periods.js';
export { parseCalendar, loadCalendar } from '../aggregate/calendar-file.js';
export type { CalendarResult, CalendarOptions } from '../aggregate/calendar-file.js';
export { aggregateScorecards } from '../aggregate/aggregate.js';
export type { UnitPeriodResult, AggregateOptions, FrequencyShortfall, TracedLine } from '../aggregate/aggregate.js';
export { assignFindings, responsibleUnit } from '../aggregate/responsibility.js';
export type { Roster, AreaAssignment } from '../aggregate/responsibility.js';
export { rankUnits, assignRanks } from '../rank/rank.js';
export type { LeagueTable, GroupTable, TableRow, RankOptions, TiePolicy, TieBreaker } from '../rank/rank.js';
export { giveAwards, makeBoards, lastWarnings, awardStreaks } from '../rank/awards.js';
export type { GroupAwards, Boards, BoardOptions, LastWarning, Streak, ExclusionCheck } from '../rank/awards.js';
export { rollUp, aggregateMembers } from '../rank/rollup.js';
export type { GroupPeriodResult, GroupMember, RollupOptions, RollupAggregate } from '../rank/rollup.js';
export type { RollupLeague, SharedAward } from '../rank/league.js';
export type { Award, Rollup, ExclusionRule } from '../standard/ranking-schema.js';
export { HistoryScorer } from '../history/history.js';
export { scoreHistoryStream } from '../history/stream.js';
