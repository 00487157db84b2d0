/** Display helpers shared by rule kinds (display only: comparisons stay exact in score/points.ts). */
import { ratioToNumber, type Ratio } from '../score/points.js';

/** 12433/12937 as a percent → "96.1" (2 decimals at most, trailing zeros dropped). */
export function formatRatio(ratio: Ratio): string {
  const value = ratioToNumber(ratio);
  return String(Math.round(value * 100) / 100);
}
