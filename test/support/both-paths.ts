/**
 * A record scored through both of a standard's paths — the generated code and the interpreter
 * (`codegen: false`, docs/compiled.md) — which must give the same result, byte for byte as JSON.
 */
import { expect } from 'vitest';
import { compileStandard, scoreRecord, type Scorecard, type Standard } from '../../src/index.js';

export function scoreBothWays(standard: Standard, record: unknown): Scorecard {
  const generated = scoreRecord(compileStandard(standard), structuredClone(record));
  const interpreted = scoreRecord(compileStandard(standard, { codegen: false }), structuredClone(record));
  expect(generated, 'the interpreter differs from the generated code').toStrictEqual(interpreted);
  expect(JSON.stringify(generated)).toBe(JSON.stringify(interpreted));
  if (!generated.ok) throw new Error(JSON.stringify(generated.diagnostics));
  return generated.scorecard;
}
