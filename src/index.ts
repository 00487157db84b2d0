/**
 * scoresheet's public API: the verbs of the flow, from a standard to a league. The rest is in the
 * subpaths `scoresheet/records`, `scoresheet/league`, `scoresheet/report`, `scoresheet/import`,
 * `scoresheet/testing` and `scoresheet/schemas`.
 *
 * @module scoresheet
 */
export { parseStandard } from './standard/load.js';
export { loadStandard } from './standard/load-file.js';
export type { LoadResult, LoadOptions, ParseOptions, ParseOptionsWithBase, BaseResolver } from './standard/load.js';
export { shippedStandard } from './shipped.js';
export type { Standard, StandardInput } from './standard/schema.js';
export { compileStandard } from './compile/standard.js';
export type { CompileOptions, Scorer } from './compile/standard.js';
export { StandardSet } from './score/editions.js';
export type { Scorecard, ScoreLine, LineType, CategoryTotal, Verdict, VerdictReason, ScoreResult, DerivedOutcome, BandRef, CycleStanding, Charge } from './score/scorecard.js';
export type { InspectionRecord, InspectionRecordInput, Finding, UnitRef } from './record-schema.js';
export { readRecords, streamRecords } from './records/records.js';
export type { RecordsOptions } from './records/records.js';
export type { ReadOptions, ReadResult, RecordFormat, StreamItem } from './records/read.js';
export type { LocatedRecord, Precheck } from './records/validate.js';
export type { RecordSource } from './records/diagnostics.js';
export { scoreRecord, scoreBatch, scoreStream } from './score/batch.js';
export { scoreHistory } from './history/history.js';
export type { HistoryOptions, HistoryResult, LedgerEntry, LedgerStatus } from './history/history.js';
export type { ScoredRecord, ScoreItem, ScoreRecordOptions } from './score/batch.js';
export { buildLeague } from './rank/league.js';
export type { League, LeagueOptions } from './rank/league.js';
export type { Period, PeriodUnit, Calendar, Term } from './aggregate/periods.js';
export { renderScorecard, renderLeague } from './report/render.js';
export type { RenderFormat, RenderOptions } from './report/render.js';
export { diffStandards } from './diff/diff.js';
export type { Change } from './diff/diff.js';
export { rescore } from './diff/rescore.js';
export type { Rescore, ScoreChange, RankChange } from './diff/rescore.js';
export { formatDiagnostic, renderDiagnostic } from './diagnostics.js';
export type { CodedProblem, Diagnostic, DiagnosticCode, DiagnosticPath, RecordProblem, Severity } from './diagnostics.js';
export { renderMessage } from './messages/render.js';
export type { Locale } from './messages/locales.js';
export type { Message } from './messages/types.js';
export { SCORESHEET_VERSION } from './version.js';
