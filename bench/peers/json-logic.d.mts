import type { InspectionRecord, Standard } from '../../src/index.js';
import type { BenchResult } from '../types.js';

export function makeJsonLogic(standard: Standard): (record: InspectionRecord) => BenchResult;
