/**
 * `scoresheet/browser`: the library without Node — a standard from its text, checked, compiled and
 * scored; leagues; scorecards and diagnostics rendered; every message in every locale. Nothing here
 * reads a file or a process: give it text and values (docs/browser.md).
 *
 * @module scoresheet/browser
 */
export { parseStandard } from '../standard/load.js';
export type { LoadResult, ParseOptions, ParseOptionsWithBase, BaseResolver } from '../standard/load.js';
export type { Standard, StandardInput } from '../standard/schema.js';
export { compileStandard } from '../compile/standard.js';
export type { CompileOptions, Scorer } from '../compile/standard.js';
export { codeGenerationAllowed } from '../compile/generate.js';
export { StandardSet } from '../score/editions.js';
export type { Scorecard, ScoreLine, LineType, CategoryTotal, Verdict, VerdictReason, ScoreResult, DerivedOutcome } from '../score/scorecard.js';
export type { InspectionRecord, InspectionRecordInput, Finding, UnitRef } from '../record-schema.js';
export { scoreRecord, scoreBatch } from '../score/batch.js';
export { buildLeague } from '../rank/league.js';
export type { League, LeagueOptions } from '../rank/league.js';
export { renderScorecard, renderLeague } from '../report/render.js';
export type { RenderFormat, RenderOptions } from '../report/render.js';
export { itemInputs, factsOf } from '../records/inputs.js';
export type { ItemInput, FactUse } from '../records/inputs.js';
export { formatDiagnostic, renderDiagnostic } from '../diagnostics.js';
export type { CodedProblem, Diagnostic, DiagnosticCode, DiagnosticPath, RecordProblem, Severity } from '../diagnostics.js';
export { renderMessage, localizedText } from '../messages/render.js';
export { wordsOf, LOCALE_IDS } from '../messages/locales.js';
export type { Locale } from '../messages/locales.js';
export type { Words } from '../messages/en.js';
export type { Message } from '../messages/types.js';
export { sha256Hex } from '../sha256.js';
export { SCORESHEET_VERSION } from '../version.js';
