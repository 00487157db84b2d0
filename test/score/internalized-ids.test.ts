// StandardSet's sole edition is matched against an internalized copy of its id and `id@version` (editions.ts):
// a name made at run time (not internalized) must be matched as well, and any other name still refused.
import { describe, expect, it } from 'vitest';
import { compileStandard, parseStandard, scoreRecord } from '../../src/index.js';
import { SHIPPED } from '../fuzz/arbitraries.js';

describe('the sole edition, named by a record', () => {
  const loaded = parseStandard(SHIPPED.get('school-hygiene.yaml')!, { file: 'school-hygiene.yaml' });
  if (!loaded.ok) throw new Error('school-hygiene.yaml does not load');
  const scorer = compileStandard(loaded.standard);
  const record = (standard: string | undefined) => ({ ...(standard !== undefined ? { standard } : {}), unit: { id: 'g1-3' }, date: '2024-03-04', kind: 'random', findings: [{ item: 'floor' }] });
  // Made from parts at run time: equal strings, not the same (internalized) ones.
  const made = (...parts: string[]) => parts.join('');

  it.each([
    ['its id', 'school-hygiene'],
    ['its id, made at run time', made('school', '-', 'hygiene')],
    ['its id@version', 'school-hygiene@2024.1'],
    ['its id@version, made at run time', made('school-hygiene', '@', '2024.1')],
    ['nothing', undefined],
  ])('is chosen by %s', (_, name) => {
    const result = scoreRecord(scorer, record(name));
    expect(result.ok).toBe(true);
  });

  it.each([['another id', made('school-', 'hygiene2')], ['another version', made('school-hygiene@', '2024.2')]])('is not chosen by %s', (_, name) => {
    const result = scoreRecord(scorer, record(name));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]!.code).toBe('unknown_standard');
  });
});

// compileStandard keys its kinds, levels and item ids by internalized copies (compare by reference with a
// JSON or literal string): a record whose strings are made at run time must score the same.
describe('kinds, levels and items named by strings made at run time', () => {
  const loaded = parseStandard(SHIPPED.get('school-hygiene.yaml')!, { file: 'school-hygiene.yaml' });
  if (!loaded.ok) throw new Error('school-hygiene.yaml does not load');
  const made = (text: string) => text.split('').join('');
  it.each([false, true])('score as literals do (codegen: %s)', (codegen) => {
    const scorer = compileStandard(loaded.standard, { codegen });
    const record = (m: (text: string) => string) => ({
      unit: { id: 'g1-3' },
      date: '2024-03-04',
      kind: m('event'),
      level: m('city'),
      findings: [{ item: m('floor') }, { item: m('environment.lawn-roads') }, { item: m('tool-corner'), points: 2 }, { item: m('classroom') }],
    });
    const literal = scoreRecord(scorer, record((t) => t));
    expect(literal.ok && literal.scorecard.lines.length).toBe(3);
    expect(scoreRecord(scorer, record(made))).toStrictEqual(literal);
    expect(scoreRecord(scorer, { ...record(made), kind: made('events') }).ok).toBe(false);
  });
});
