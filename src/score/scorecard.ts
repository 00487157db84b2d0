/** The Scorecard: what scoring one inspection record produces. JSON-serializable; field names are stable. */
import type { Message } from '../messages/types.js';
import type { UnitRef } from '../record-schema.js';
import type { Diagnostic, RecordProblem } from '../diagnostics.js';
import type { LocalizedText } from '../common-schema.js';
import { copyOwn } from '../collections.js';

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

/**
 * `{ ...reason, item, rule }` (no `item` key when `item` is undefined): a reason placed at its item and rule.
 * Made by copyOwn and two keys set on the copy: keys added to a spread's copy cost ~1 µs each on Node 20
 * (the Lexington feed's uncertain records spent a third of their scoring there).
 */
export function placeReason(reason: Message, item: string | undefined, rule: string | undefined): VerdictReason {
  const placed: { -readonly [K in keyof VerdictReason]: VerdictReason[K] } = copyOwn(reason);
  if (item !== undefined) placed.item = item;
  placed.rule = rule;
  return placed;
}

export interface DerivedOutcome {
  readonly id: string;
  readonly name: LocalizedText;
  readonly value: number;
  readonly tier: { readonly id: string; readonly name: LocalizedText } | null;
}

/** A named outcome dimension's value (outcomes.dimensions): the band it falls in, null when none does or it is unknown. */
export interface DimensionOutcome {
  readonly id: string;
  readonly name: LocalizedText;
  readonly band: { readonly id: string; readonly name: LocalizedText } | null;
}

/** A band, by id and name. */
export interface BandRef {
  readonly id: string;
  readonly name: LocalizedText;
}

/** Where an inspection stands in its unit's re-inspection cycle (初查 / 复查), for a standard with `outcomes.cycle`. */
export interface CycleStanding {
  readonly position: 'initial' | 'reinspection';
  /** The grade waits for a re-inspection (待复查定级). */
  readonly pending: boolean;
  /** The grade this inspection gives the unit; null while pending. */
  readonly grade: BandRef | null;
  /** While pending: the unit's previous grade, carried meanwhile (null: none yet). */
  readonly carried?: BandRef | null;
  /** On a re-inspection: the band of the initial inspection it decides on. */
  readonly previous?: BandRef | null;
}

/** What one finding costs one party, in points or yuan (exact decimal). */
export interface Charge {
  readonly party: string;
  /** The party's name, as the standard gives it. */
  readonly name: LocalizedText;
  /** The unit's id for the unit's own party, else the record's `parties[party]`; absent when the record does not say. */
  readonly who?: string;
  readonly unit: 'points' | 'yuan';
  readonly amount: number;
  readonly item: string;
  readonly finding: number;
  readonly rule: string;
  /** The late-discovery multiplier (foundLate), when it applied. */
  readonly multiply?: number;
  readonly source?: string;
  /** For a group party: the `unit.group` key naming the group (`who` is the group's id). */
  readonly group?: string;
  /** The group's charges are shared by its members in the settlement (同罚). */
  readonly shared?: true;
  /** Charged because the group is jointly liable for this party's charge (连带). */
  readonly joint?: string;
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
  /** The standard's named outcome dimensions (a grade, an action), in its order; absent when it declares none. */
  readonly dimensions?: readonly DimensionOutcome[];
  readonly verdict: Verdict;
  /** Every reason the verdict is not `pass`, not just the first. */
  readonly reasons: readonly VerdictReason[];
  /** Who scored it and with what: a re-score can be shown to be the same. `chain`: an overlay's whole lineage. */
  readonly provenance: { readonly scoresheet: string; readonly standardHash: string; readonly chain?: readonly string[] };
  /** Where it stands in its unit's re-inspection cycle (a standard with `outcomes.cycle`; scored with history). */
  readonly cycle?: CycleStanding;
  /** What its findings cost each party (a standard with `charges`; scored with history). */
  readonly charges?: readonly Charge[];
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

/**
 * The records others supersede (a corrected sheet, 复核, an appeal's outcome), by the `supersedes` of
 * each record or scorecard: wherever they are counted, ranked or settled, these are left out.
 */
export function supersededIds(items: Iterable<{ readonly supersedes?: string | undefined }>): Set<string> {
  const ids = new Set<string>();
  for (const item of items) if (item.supersedes !== undefined) ids.add(item.supersedes);
  return ids;
}
