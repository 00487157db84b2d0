/** Shared types of the bench's JavaScript modules (for test/bench.test.ts and editors). */
import type { InspectionRecord, InspectionRecordInput } from '../src/index.js';

/** What every implementation returns for a record; points in exact ten-thousandths (0.5 = 5000). */
export interface BenchResult {
  readonly total: number;
  readonly verdict: string;
  readonly band: string | null;
  /** (item or area id, signed points) for every item whose points changed the total. */
  readonly deductions: ReadonlyArray<readonly [string, number]>;
}

export type BenchScorer = (record: InspectionRecord) => BenchResult | Promise<BenchResult>;
export type GeneratedRecord = InspectionRecordInput;
