/**
 * The generated function asks checkRecord's questions itself (unknown items, kinds and levels, each
 * finding's checks) and scores only a record that passes them. It must refuse exactly what checkRecord
 * reports: accepting more would score a bad record (the differential test sees that), refusing more
 * would quietly send good records to the interpreter — this test sees that.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileStandard, parseStandard, type Scorer } from '../../src/index.js';
import { InspectionRecordSchema } from '../../src/record-schema.js';
import { checkRecord, RecordRun } from '../../src/score/score.js';
import { nearValidRecord, resolveShipped, schemaStandard, SHIPPED, validRecord, vocabularyOf } from '../fuzz/arbitraries.js';

/** A record now and then with an item, kind or level the standard does not have. */
function withStrangers(record: Record<string, unknown>, which: number): Record<string, unknown> {
  const findings = Array.isArray(record.findings) ? [...(record.findings as Record<string, unknown>[])] : [];
  if (which === 1 && findings.length > 0) findings[findings.length - 1] = { ...findings[findings.length - 1], item: 'no-such-item' };
  if (which === 2) return { ...record, kind: 'no-such-kind', findings };
  if (which === 3) return { ...record, level: 'no-such-level', findings };
  return { ...record, findings };
}

function expectSameAnswer(scorer: Scorer, raw: unknown): boolean {
  const parsed = InspectionRecordSchema.safeParse(raw);
  if (!parsed.success) return false;
  const record = parsed.data;
  const passes = scorer.generated!(new RecordRun(scorer, record), record);
  expect(passes, JSON.stringify(record)).toBe(checkRecord(scorer, record).length === 0);
  return passes;
}

/** Each standard compiled once (the shipped ones come up again and again): undefined when it does not load. */
const scorers = new Map<string, Scorer | undefined>();
function compiled(text: string): Scorer | undefined {
  if (!scorers.has(text)) {
    const loaded = parseStandard(text, { file: 'generated.yaml', resolveBase: resolveShipped });
    scorers.set(text, loaded.ok ? compileStandard(loaded.standard) : undefined);
  }
  return scorers.get(text);
}

describe('the generated checks', () => {
  it('refuse exactly the records checkRecord reports, on shipped and generated standards', () => {
    const standard = fc.oneof(fc.constantFrom(...SHIPPED.values()), schemaStandard);
    const answers = { passed: 0, refused: 0 };
    fc.assert(
      fc.property(
        standard.chain((text) => {
          const v = vocabularyOf(text);
          const record = fc.tuple(fc.oneof({ weight: 4, arbitrary: validRecord(v) }, { weight: 1, arbitrary: nearValidRecord(v) }), fc.nat({ max: 5 })).map(([r, which]) => withStrangers(r, which));
          return fc.tuple(fc.constant(text), fc.array(record, { minLength: 1, maxLength: 8 }));
        }),
        ([text, records]) => {
          const scorer = compiled(text);
          if (scorer?.generated === undefined) return;
          for (const record of records) {
            if (InspectionRecordSchema.safeParse(record).success) answers[expectSameAnswer(scorer, record) ? 'passed' : 'refused']++;
          }
        },
      ),
      { numRuns: 120, seed: 3 },
    );
    // Both answers were given often enough to mean something.
    expect(answers.passed).toBeGreaterThan(50);
    expect(answers.refused).toBeGreaterThan(25);
  });
});
