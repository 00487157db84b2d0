/**
 * Keeps docs/rectification.md honest: its standard loads, its records are valid, and the totals and
 * the ledger it shows are what scoring them with their history gives.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scoreHistory } from '../src/history/history.js';
import { compileStandard } from '../src/compile/standard.js';
import { InspectionRecordSchema } from '../src/record-schema.js';
import { parseStandard } from '../src/standard/load.js';
import { RuleSchema } from '../src/rules/index.js';
import { settleCharges } from '../src/history/settle.js';

const doc = readFileSync(fileURLToPath(new URL('../docs/rectification.md', import.meta.url)), 'utf8');

/** The body of the fenced block that follows `marker` (a `# …` first line or a `<!-- … -->` line). */
function blockAfter(marker: string): string {
  const at = doc.indexOf(marker);
  if (at < 0) throw new Error(`docs/rectification.md has no ${marker}`);
  const open = doc.lastIndexOf('```', at) > doc.lastIndexOf('\n\n', at) && marker.startsWith('#') ? doc.lastIndexOf('```', at) : doc.indexOf('```', at);
  const start = doc.indexOf('\n', open) + 1;
  return doc.slice(start, doc.indexOf('\n```', start));
}

describe('docs/rectification.md', () => {
  const loaded = parseStandard(blockAfter('# example standard: weekly'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const records = (parse(blockAfter('# example records: weekly')) as unknown[]).map((r) => InspectionRecordSchema.parse(r));
  const scorer = compileStandard(loaded.standard);

  it('loads its standard without warnings', () => {
    expect(loaded.ok && loaded.warnings).toEqual([]);
  });

  it('shows the totals the records score with their history', () => {
    const { results } = scoreHistory(scorer, records, { asOf: '2024-03-31' });
    const totals = Object.fromEntries(records.map((r, i) => [r.id, results[i]?.ok ? results[i].scorecard.total : results[i]]));
    expect(totals).toEqual(JSON.parse(blockAfter('<!-- example totals: weekly -->')));
    expect(results[4]?.ok && results[4].scorecard.verdict).toBe('fail');
  });

  it('shows rules that validate', () => {
    const rules = [...doc.matchAll(/```yaml\n# rule\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(RuleSchema.safeParse(parse(rule)).success, rule).toBe(true);
  });

  it('shows the ledger scoresheet actions gives', () => {
    const { ledger } = scoreHistory(scorer, records, { asOf: '2024-03-12' });
    const shown = JSON.parse(blockAfter('<!-- example ledger: weekly 2024-03-12 -->')) as { id: string }[];
    expect(ledger.map((e) => ({ id: e.id, status: e.status, due: e.due, daysOverdue: e.daysOverdue }))).toEqual(shown);
  });
});

describe('docs/rectification.md: re-inspection cycles and charges', () => {
  const load = (marker: string) => {
    const loaded = parseStandard(blockAfter(marker));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    expect(loaded.warnings).toEqual([]);
    return compileStandard(loaded.standard);
  };

  it('shows the cycle standings its records give', () => {
    const records = (parse(blockAfter('# example records: cycle')) as unknown[]).map((r) => InspectionRecordSchema.parse(r));
    const { results } = scoreHistory(load('# example standard: cycle'), records);
    const shown = Object.fromEntries(
      records.map((r, i) => {
        const c = results[i]?.ok ? results[i].scorecard.cycle! : undefined;
        return [r.id, c && { position: c.position, pending: c.pending, grade: c.grade?.id ?? null, ...(c.carried !== undefined && { carried: c.carried?.id ?? null }), ...(c.previous !== undefined && { previous: c.previous?.id ?? null }) }];
      }),
    );
    expect(shown).toEqual(JSON.parse(blockAfter('<!-- example cycle: cycle -->')));
  });

  /** The settlement the doc's example records give under its example standard, beside the one it shows. */
  const settlement = (name: string) => {
    const records = (parse(blockAfter(`# example records: ${name}`)) as unknown[]).map((r) => InspectionRecordSchema.parse(r));
    const { results } = scoreHistory(load(`# example standard: ${name}`), records);
    const cards = results.map((r) => (r?.ok ? r.scorecard : undefined)).filter((c) => c !== undefined);
    expect(cards).toHaveLength(records.length);
    expect(settleCharges(cards).map(({ name: _name, ...row }) => row)).toEqual(JSON.parse(blockAfter(`<!-- example settlement: ${name} -->`)));
  };

  it('shows the settlement its records give', () => settlement('charges'));

  it('shows the joint-liability settlement its records give (同奖同罚)', () => settlement('joint'));
});
