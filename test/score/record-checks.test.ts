/**
 * The per-record work before scoring, written for speed (issue 16): `checkRecord` reads each target's
 * finding checks from a list made once per scorer, and `StandardSet.select` answers for a set of one
 * edition without parsing the record's `standard`. Each is checked here against the plain reading of
 * what it replaces, on generated records and names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledScope, Scorer } from '../../src/compile/standard.js';
import type { RecordProblem } from '../../src/diagnostics.js';
import { compileStandard, parseStandard, StandardSet, type InspectionRecord } from '../../src/index.js';
import type { Finding } from '../../src/record-schema.js';
import { checkRecordSchema } from '../../src/records/validate.js';
import { checkRecord } from '../../src/score/score.js';
import { suggest } from '../../src/suggest.js';
import { nearValidRecord, resolveShipped, SHIPPED, validRecord, vocabularyOf } from '../fuzz/arbitraries.js';

/** checkRecord as it read before the lists: each finding's target, its rules, then its category's. */
function plainCheck(scorer: Scorer, record: InspectionRecord): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (record.kind !== undefined && scorer.kinds.size > 0 && !scorer.kinds.has(record.kind)) {
    problems.push({ code: 'unknown_kind', field: 'kind', message: { messageId: 'record.unknown_kind', data: { kind: record.kind, suggestion: suggest(record.kind, scorer.kinds) } } });
  }
  if (record.level !== undefined && scorer.levels.size > 0 && !scorer.levels.has(record.level)) {
    problems.push({ code: 'unknown_level', field: 'level', message: { messageId: 'record.unknown_level', data: { level: record.level, suggestion: suggest(record.level, scorer.levels) } } });
  }
  const against = (rules: CompiledScope['rules'], finding: Finding, f: number) => {
    for (const rule of rules) {
      const problem = rule.compiled.checkFinding?.(finding);
      if (problem === undefined) continue;
      const field = `findings[${f}].${problem.field}`;
      const said = problems.some((p) => p.field === field && JSON.stringify(p.message) === JSON.stringify(problem.message));
      if (!said) problems.push({ code: problem.code, field, message: problem.message });
    }
  };
  record.findings.forEach((finding, f) => {
    const target = scorer.targets.get(finding.item);
    if (target === undefined) {
      problems.push({ code: 'unknown_item', field: `findings[${f}].item`, message: { messageId: 'record.unknown_item', data: { item: finding.item, suggestion: suggest(finding.item, scorer.targets.keys()) } } });
      return;
    }
    against(target.rules, finding, f);
    if ('category' in target) against(target.category.rules, finding, f);
  });
  return problems;
}

const shipped = [...SHIPPED].flatMap(([file, text]) => {
  const loaded = parseStandard(text, { file, resolveBase: resolveShipped });
  return loaded.ok ? [{ file, scorer: compileStandard(loaded.standard), vocabulary: vocabularyOf(text) }] : [];
});

describe('checkRecord', () => {
  it.each(shipped.map((s) => [s.file, s] as const))('gives the plain reading of each finding against its rules and its category’s (%s)', (_, { scorer, vocabulary }) => {
    let findings = 0;
    fc.assert(
      fc.property(fc.oneof(validRecord(vocabulary), nearValidRecord(vocabulary)), (raw) => {
        const checked = checkRecordSchema(raw);
        if (!checked.ok) return;
        findings += checked.record.findings.length;
        expect(checkRecord(scorer, checked.record)).toStrictEqual(plainCheck(scorer, checked.record));
      }),
      { numRuns: 150, seed: 16 },
    );
    expect(findings).toBeGreaterThan(0);
  });
});

describe('StandardSet.select for one edition', () => {
  const edition = (version: string, effective: string) => {
    const loaded = parseStandard(`id: demo\nversion: "${version}"\nname: { en: Demo }\n${effective}scoring: { mode: deduct }\ncategories:\n  - { id: yard, name: { en: Yard }, max: 10, items: [ { id: litter, name: { en: Litter }, max: 10, rules: [ { kind: per-occurrence, points: 2 } ] } ] }\n`);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    return compileStandard(loaded.standard);
  };
  const editions = [
    edition('2024', 'effective: { from: "2024-01-01", to: "2024-12-31" }\n'),
    edition('2025', 'effective: { from: "2025-01-01" }\n'),
    edition('old', 'effective: { from: "2020-01-01", to: "2023-06-30" }\n'),
    edition('always', ''),
  ];
  /** The edition with another standard beside it, so that the set answers by the general path. */
  const otherSet = (scorer: Scorer) => {
    const loaded = parseStandard(`id: other\nversion: "1"\nname: { en: Other }\nscoring: { mode: deduct }\ncategories:\n  - { id: yard, name: { en: Yard }, max: 10, items: [ { id: litter, name: { en: Litter }, max: 10, rules: [ { kind: per-occurrence, points: 2 } ] } ] }\n`);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    return new StandardSet([scorer, compileStandard(loaded.standard)]);
  };
  const name = fc.constantFrom(undefined, 'demo', 'demo@2024', 'demo@2025', 'demo@old', 'demo@always', 'demo@', 'demo@x@2024', 'other@1', 'nothing');
  const date = fc.constantFrom('2022-01-01', '2023-06-30', '2023-07-01', '2023-12-31', '2024-01-01', '2024-12-31', '2025-01-01', '2030-05-05');

  it('answers as the general path does: the edition named or in force on the date, or why there is none', () => {
    fc.assert(
      fc.property(fc.constantFrom(...editions), name, date, (scorer, standard, day) => {
        const sole = new StandardSet([scorer]).select({ ...(standard !== undefined ? { standard } : {}), date: day } as InspectionRecord);
        // With no name, one loaded standard is the one meant: the general path, asked by its id.
        const general = otherSet(scorer).select({ standard: standard ?? 'demo', date: day } as InspectionRecord);
        if (standard === 'other@1') expect('standard' in sole).toBe(false);
        else if ('standard' in general) expect(sole).toBe(general);
        else {
          // The message names what is loaded: one standard here, two there.
          expect('messageId' in sole && sole.messageId).toBe(general.messageId);
          if (general.messageId === 'record.no_edition') expect(sole).toStrictEqual(general);
        }
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});
