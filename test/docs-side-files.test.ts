/**
 * Keeps docs/side-files.md honest, as docs-format.test.ts does for the standard format: every example
 * of a calendar, units or roster file is read as `rank` reads it.
 *
 * Conventions: a ```yaml block's first comment line says what it is (`# calendar`, `# units`,
 * `# roster`, or `# wrong roster…` for a mistake that must be rejected); a ```csv block follows a
 * `<!-- units csv -->` or `<!-- roster csv -->` line.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseRosterText } from '../src/aggregate/roster-file.js';
import { CalendarSchema } from '../src/standard/ranking-schema.js';

const text = readFileSync(fileURLToPath(new URL('../docs/side-files.md', import.meta.url)), 'utf8');

interface Block {
  readonly lang: string;
  readonly body: string;
  readonly line: number;
  readonly kind: string;
}

/** Each fenced block with what it is: its first `# …` line (YAML) or the `<!-- … -->` line before it (CSV). */
const blocks: Block[] = [...text.matchAll(/(?:<!-- (.+?) -->\n)?```(\w+)\n([\s\S]*?)```/g)].map((m) => ({
  lang: m[2]!,
  body: m[3]!,
  line: text.slice(0, m.index).split('\n').length,
  kind: m[1] ?? /^# (.+)$/m.exec(m[3]!.split('\n')[0]!)?.[1] ?? '',
}));

describe('docs/side-files.md', () => {
  it('shows every side file as YAML, and units and rosters as CSV too', () => {
    const kinds = blocks.map((b) => `${b.lang} ${b.kind.split(':')[0]}`);
    for (const k of ['yaml calendar', 'yaml units', 'yaml roster', 'csv units csv', 'csv roster csv', 'yaml wrong roster']) expect(kinds).toContain(k);
    expect(blocks.filter((b) => b.kind === '').map((b) => b.line), 'blocks that say not what they are').toEqual([]);
  });

  for (const b of blocks) {
    it(`${b.kind} at line ${b.line} reads as ${b.kind.startsWith('wrong') ? 'an error' : 'it says'}`, () => {
      if (b.kind === 'calendar') {
        const r = CalendarSchema.safeParse(parse(b.body));
        expect(r.error?.issues ?? []).toEqual([]);
        return;
      }
      const r = parseRosterText(b.body, b.lang === 'csv' ? 'csv' : 'yaml');
      if (b.kind.startsWith('wrong')) {
        expect(r.ok).toBe(false);
        return;
      }
      expect(r.ok ? '' : r.diagnostics.map((d) => d.message).join('; ')).toBe('');
      if (!r.ok) return;
      if (b.kind.startsWith('units')) expect(r.roster.units?.length).toBeGreaterThan(0);
      else expect(r.roster.areas?.length).toBeGreaterThan(0);
    });
  }

  it('the rotation expands as the text after it says', () => {
    const roster = blocks.find((b) => b.kind === 'roster')!;
    const r = parseRosterText(roster.body, 'yaml');
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    const a = (area: string, date: string) => r.roster.areas?.find((x) => x.area === area && date >= x.from && date <= x.to)?.unit;
    expect([a('A1', '2024-02-26'), a('A2', '2024-02-26'), a('A1', '2024-03-04'), a('A2', '2024-03-04')]).toEqual(['g1-01', 'g1-02', 'g1-02', 'g1-03']);
  });
});
