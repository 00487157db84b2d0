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

/** `bytes` cut at the given points, as a stream of chunks. */
export function cut(bytes: Buffer, at: readonly number[]): Buffer[] {
  const points = [...new Set(at.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(from, p));
    from = p;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

export async function* stream(chunks: readonly Buffer[]): AsyncGenerator<Buffer> {
  for (const c of chunks) yield c;
}
