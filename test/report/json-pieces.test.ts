/**
 * `rank --format json` writes the league in pieces (jsonPieces), each result's traced lines made as they
 * are written and not kept (linesNotKept): the pieces must join to JSON.stringify(value, null, 2) exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../bench/generate.mjs';
import { linesNotKept } from '../../src/aggregate/aggregate.js';
import { leagueJsonPieces } from '../../src/cli/rank.js';
import { compileStandard } from '../../src/compile/standard.js';
import { LeagueBuilder } from '../../src/rank/league.js';
import { jsonPieces } from '../../src/report/json-pieces.js';
import { SameLines } from '../../src/report/same-lines.js';
import { scoreRecord } from '../../src/score/batch.js';
import { loadStandard } from '../../src/standard/load-file.js';
import { ROOT } from '../support/built.js';

const joined = (pieces: Iterable<string>) => [...pieces].join('\n');
const stringified = (value: unknown) => (JSON.stringify(value, null, 2) as string | undefined) ?? '';

/** Values of every kind JSON.stringify treats its own way: left out, null in arrays, toJSON, getters, no prototype, -0, NaN. */
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.string(),
    fc.constantFrom('a\nb', '\u2028', '"', '\u007f\u0085', '__proto__'),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constantFrom(null, undefined, -0, NaN, Infinity, () => 1, Symbol('s'), new Date(0), new Map([[1, 2]]), { toJSON: () => undefined }, { toJSON: () => ['x', { y: 1 }] }),
  ),
  node: fc.oneof({ maxDepth: 4 }, tie('leaf'), tie('array'), tie('object'), tie('odd')),
  array: fc.array(tie('node'), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('lines', 'constructor', '0', '1')), tie('node'), { maxKeys: 4 }),
  // An object with no prototype, and one with a getter among its keys.
  odd: fc.tuple(fc.dictionary(fc.string(), tie('node'), { maxKeys: 3 }), tie('node')).map(([o, v]) =>
    Object.keys(o).length % 2 === 0 ? Object.assign(Object.create(null) as object, o) : Object.defineProperty({ ...o }, 'got', { get: () => v, enumerable: true }),
  ),
}));

describe('jsonPieces', () => {
  it('joins to JSON.stringify(value, null, 2) for any value', () => {
    fc.assert(
      fc.property(value.node, (v) => {
        expect(joined(jsonPieces(v))).toBe(stringified(v));
      }),
      { numRuns: 400 },
    );
  });

  it('reads each member once, and never the one a list stands for', () => {
    let reads = 0;
    const holder = Object.defineProperty({ a: 1 }, 'lines', { get: () => (reads++, ['own']), enumerable: true });
    expect(joined(jsonPieces({ x: [holder] }))).toBe(JSON.stringify({ x: [{ a: 1, lines: ['own'] }] }, null, 2));
    expect(reads).toBe(1);
    const listed = joined(jsonPieces({ x: [holder] }, { list: (_, key) => (key === 'lines' ? ['given', { n: [1] }] : undefined) }));
    expect(listed).toBe(JSON.stringify({ x: [{ a: 1, lines: ['given', { n: [1] }] }] }, null, 2));
    expect(reads).toBe(1);
  });

  it('refuses a cycle as JSON.stringify does', () => {
    const a: { self?: unknown } = {};
    a.self = [a];
    expect(() => [...jsonPieces(a)]).toThrow(TypeError);
  });
});

describe('leagueJsonPieces', () => {
  it("is the league's JSON.stringify, each result's lines traced afresh (generated school records, in and out of order)", async () => {
    const loaded = await loadStandard(`${ROOT}/standards/school-hygiene.yaml`);
    if (!loaded.ok) throw new Error('the school standard does not load');
    const scorer = compileStandard(loaded.standard);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 150 }), fc.boolean(), async (seed, count, shuffled) => {
        const records = generateSchool(count, seed) as unknown[];
        if (shuffled) records.reverse();
        // As `rank --format json` builds it (lines the same to the letter kept as one), against a builder keeping each card's own.
        const same = new SameLines();
        const builder = new LeagueBuilder(loaded.standard, { period: 'week', groupBy: 'grade' }, { keepLines: (lines) => same.of(lines) });
        const own = new LeagueBuilder(loaded.standard, { period: 'week', groupBy: 'grade' });
        for (const record of records) {
          const scored = scoreRecord(scorer, record);
          if (scored.ok) builder.add(scored.scorecard);
          if (scored.ok) own.add(scored.scorecard);
        }
        const league = builder.build();
        const value = { ...league, rejected: [] };
        // Written first, while no result has traced its lines: then the getter's own lines, kept, for the expected text.
        const written = joined(leagueJsonPieces(value));
        const withLines = league.results.filter((r) => r.inspections > 0 && r.deductions > 0);
        for (const r of withLines) expect(linesNotKept(r)).toEqual(r.lines);
        expect(written).toBe(JSON.stringify(value, null, 2));
        expect(written).toBe(JSON.stringify({ ...own.build(), rejected: [] }, null, 2));
        // Once kept, the kept lines themselves.
        for (const r of withLines) expect(linesNotKept(r)).toBe(r.lines);
      }),
      { numRuns: 8 },
    );
  });

  it('leaves anything but an inspected result of an aggregation to its own value', () => {
    expect(linesNotKept({ lines: [] })).toBeUndefined();
    expect(linesNotKept(Object.defineProperty({}, 'lines', { get: () => [], enumerable: true }))).toBeUndefined();
  });
});
