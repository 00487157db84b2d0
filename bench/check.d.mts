import type { Scorecard, ScoreResult, Scorer, InspectionRecord } from '../src/index.js';
import type { BenchResult, BenchScorer } from './types.js';

export function fromScorecard(card: Scorecard): BenchResult;
export function scoresheetImplementation(scoreRecord: (scorer: Scorer, record: InspectionRecord) => ScoreResult, scorer: Scorer): (record: InspectionRecord) => BenchResult;
export function differences(expected: BenchResult, actual: BenchResult, names?: readonly [string, string]): string[];

export interface Implementation {
  readonly name: string;
  readonly score: BenchScorer;
}
export interface Mismatch {
  readonly record: string;
  readonly index: number;
  readonly implementation: string;
  readonly reference: string;
  readonly differences: readonly string[];
}
export interface CheckResult {
  readonly ok: boolean;
  readonly checked: number;
  readonly mismatchCount: number;
  readonly mismatches: readonly Mismatch[];
}
export function checkImplementations(
  records: readonly InspectionRecord[],
  implementations: readonly Implementation[],
  options?: { limit?: number; label?: (record: InspectionRecord, index: number) => string },
): Promise<CheckResult>;
export function formatMismatches(result: CheckResult, workload?: string): string;
