import type { InspectionRecord } from '../src/index.js';
import type { BenchResult } from './types.js';

export function scoreHygiene2013(record: InspectionRecord): BenchResult;
export function scoreSchoolHygiene(record: InspectionRecord): BenchResult;
