import type { GeneratedRecord } from './types.js';

export const DEFAULT_SEED: number;
export const QUICK_RECORDS: number;
export const ITEMS_2013: readonly string[];
export const ITEMS_SCHOOL: { readonly classroom: readonly string[]; readonly environment: readonly string[] };
export function prng(seed: number): { next(): number; chance(p: number): boolean; int(lo: number, hi: number): number; pick<T>(list: readonly T[]): T; tenth(lo: number, hi: number): number };
export function generate2013(count: number, seed?: number): GeneratedRecord[];
export function stream2013(seed?: number): Generator<GeneratedRecord, never>;
export function generateSchool(count: number, seed?: number): GeneratedRecord[];
export function streamSchool(seed?: number): Generator<GeneratedRecord, never>;
