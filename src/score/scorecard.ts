/** The Scorecard: what scoring one inspection record produces. JSON-serializable; field names are stable. */
import type { Message } from '../messages/types.js';
import type { UnitRef } from '../record-schema.js';
import type { Diagnostic, RecordProblem } from '../diagnostics.js';
import type { LocalizedText } from '../common-schema.js';

export type Verdict = 'pass' | 'fail' | 'indeterminate' | 'not_eligible';

export type LineType =
  | 'deduction'
  | 'award'
  | 'veto'
  | 'prerequisite_unmet'
  | 'not_applicable'
  | 'capped'
  | 'threshold_unmet';

export interface ScoreLine {
  readonly type: LineType;
  /** The item's id, or the category's id for a category-level rule or cap. Absent for total-level lines. */
  readonly item?: string;
  readonly category?: string;
  /** Where the rule sits in the standard: `categories[0].items[8].rules[0]`. */
  readonly rule: string;
  /** Signed contribution to the total, as an exact decimal (−2, 0.5). 0 for lines that change no points. */
  readonly points: number;
  readonly reason: Message;
  /** The clause of the source document. */
  readonly source?: string;
  readonly expected?: string;
  readonly actual?: string;
  /** Index of the finding in the record. */
  readonly finding?: number;
  readonly note?: string;
}

export interface CategoryTotal {
  readonly id: string;
  readonly name: LocalizedText;
  /** Subtotal: its maximum (deduct mode) plus the signed points of its lines. */
  readonly points: number;
  readonly max?: number;
}

/** A reason for the verdict, with the item and rule it comes from when it has one. */
export interface VerdictReason extends Message {
  readonly item?: string;
  readonly rule?: string;
}

export interface DerivedOutcome {
  readonly id: string;
  readonly name: LocalizedText;
  readonly value: number;
  readonly tier: { readonly id: string; readonly name: LocalizedText } | null;
}

export interface Scorecard {
  /** `id@version` of the edition that scored the record. */
  readonly standard: string;
  readonly record?: string;
  readonly supersedes?: string;
  readonly unit: UnitRef;
  readonly date: string;
  readonly kind?: string;
  readonly level?: string;
  readonly inspector?: string;
  readonly mode: 'deduct' | 'accumulate' | 'award';
  readonly base: number;
  readonly lines: readonly ScoreLine[];
  readonly categories: readonly CategoryTotal[];
  readonly total: number;
  /** null when no band applies, or when the total is not known (indeterminate). */
  /** False when some rule could not be scored (a missing fact or value): the total is then not the real score. */
  readonly complete: boolean;
  readonly band: { readonly id: string; readonly name: LocalizedText } | null;
  readonly outcomes: readonly DerivedOutcome[];
  readonly verdict: Verdict;
  /** Every reason the verdict is not `pass`, not just the first. */
  readonly reasons: readonly VerdictReason[];
  /** Who scored it and with what: a re-score can be shown to be the same. `chain`: an overlay's whole lineage. */
  readonly provenance: { readonly scoresheet: string; readonly standardHash: string; readonly chain?: readonly string[] };
}


/**
 * What scoring one record gives: its scorecard, or the diagnostics that keep it from being scored
 * (the record is reported, never coerced), each placed as the record's source allows.
 */
export type ScoreResult =
  | { readonly ok: true; readonly scorecard: Scorecard }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Internal: scoring's answer before the record's source is known (score.ts, history), its problems by
 * field; scoreRecord, the streams and the CLI place them as Diagnostics (recordDiagnostic).
 */
export type ScoreAttempt =
  | { readonly ok: true; readonly scorecard: Scorecard }
  | { readonly ok: false; readonly problems: readonly RecordProblem[] };
