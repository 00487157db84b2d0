/** Shared by the stream tests: a one-item demo standard, and bytes cut into chunks as a stream delivers them. */
import { compileStandard, parseStandard } from '../../src/index.js';
import type { Scorer } from '../../src/compile/standard.js';

/** The demo standard `demo`: one item `i` with a per-occurrence rule of `points` (a number or a `{ min, max }` range). */
export function demoEdition(version: string, from: string | undefined, to: string | undefined, points: number | string): Scorer {
  const effective = from === undefined ? '' : `effective: { from: ${from}${to ? `, to: ${to}` : ''} }\n`;
  const text = `id: demo
version: "${version}"
name: { en: Demo }
${effective}scoring: { mode: deduct }
categories:
  - id: c
    name: { en: C }
    max: 10
    items:
      - { id: i, name: { en: I }, max: 10, rules: [ { kind: per-occurrence, points: ${points} } ] }
`;
  const r = parseStandard(text);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return compileStandard(r.standard);
}

/** `bytes` (or a text) cut at the given points, as a stream of chunks. */
export function cut(bytes: Buffer, at: readonly number[]): Buffer[];
export function cut(text: string, at: readonly number[]): string[];
export function cut(input: Buffer | string, at: readonly number[]): (Buffer | string)[] {
  const piece = (from: number, to?: number) => (typeof input === 'string' ? input.slice(from, to) : input.subarray(from, to));
  const points = [...new Set(at.map((n) => n % (input.length + 1)))].sort((a, b) => a - b);
  const chunks: (Buffer | string)[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(piece(from, p));
    from = p;
  }
  chunks.push(piece(from));
  return chunks;
}

export async function* stream(chunks: readonly Buffer[]): AsyncGenerator<Buffer> {
  for (const c of chunks) yield c;
}
