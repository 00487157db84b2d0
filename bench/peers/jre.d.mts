import type { InspectionRecord, Standard } from '../../src/index.js';
import type { BenchResult } from '../types.js';

export function makeJre(standard: Standard): (record: InspectionRecord) => Promise<BenchResult>;
