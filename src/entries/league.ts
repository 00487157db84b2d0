/** `scoresheet/league`: the steps buildLeague takes, for a league built differently — periods, responsibility, ranks, awards.
 *
 * @module scoresheet/league
 */
export { periodOf, periodLabel, noTermOf } from '../aggregate/periods.js';
export type { Period, PeriodUnit, Calendar, Term, NoTerm } from '../aggregate/periods.js';
export { parseCalendar, loadCalendar } from '../aggregate/calendar-file.js';
export type { CalendarResult, CalendarOptions } from '../aggregate/calendar-file.js';
export { aggregateScorecards } from '../aggregate/aggregate.js';
export type { UnitPeriodResult, AggregateOptions, FrequencyShortfall, TracedLine, TracedLines } from '../aggregate/aggregate.js';
export { assignFindings, responsibleUnit } from '../aggregate/responsibility.js';
export type { Roster, AreaAssignment } from '../aggregate/responsibility.js';
export { rankUnits, assignRanks } from '../rank/rank.js';
export type { LeagueTable, GroupTable, TableRow, RankOptions, TiePolicy, TieBreaker } from '../rank/rank.js';
export { giveAwards, makeBoards, lastWarnings, awardStreaks } from '../rank/awards.js';
export type { GroupAwards, Boards, BoardOptions, LastWarning, Streak, ExclusionCheck } from '../rank/awards.js';
export { rollUp, aggregateMembers } from '../rank/rollup.js';
export type { GroupPeriodResult, GroupMember, RollupOptions, RollupAggregate } from '../rank/rollup.js';
export { LeagueBuilder } from '../rank/league.js';
export type { RollupLeague, SharedAward, LeagueCard, LeftOutCard, LeagueBuilderOptions } from '../rank/league.js';
export type { Award, Rollup, ExclusionRule } from '../standard/ranking-schema.js';
export { HistoryScorer } from '../history/history.js';
export { scoreHistoryStream } from '../history/stream.js';
export { settleCharges } from '../history/settle.js';
export type { SettlementRow } from '../history/settle.js';
// Assessments that combine (docs/assessments.md): composites of other standards' results, and stages.
export { parseAssessment, loadAssessment } from '../assess/load.js';
export type { AssessmentParse, AssessmentLoad, AssessmentOptions } from '../assess/load.js';
export { assessScorecards } from '../assess/assess.js';
export type { AssessmentResult, AssessOptions } from '../assess/assess.js';
export { combineParts, combineStages } from '../assess/combine.js';
export type { CompositeResult, PartLine, StagedResult, StageCell, StageFlag, Missing } from '../assess/combine.js';
export { renderAssessment } from '../assess/render.js';
export type { AssessFormat } from '../assess/render.js';
export type { Assessment, Composite, Part, Stages, Stage } from '../assess/schema.js';
