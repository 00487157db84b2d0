/**
 * `scoresheet diff` on the school standard and its county overlay, with and without records.
 * The golden files were checked by a human once: the overlay changes exactly the Monday points of
 * both areas and adds the water dispenser; re-scored, only inspections with a Monday failure move.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const PAIR = ['standards/school-hygiene.yaml', 'standards/county-school-hygiene.yaml'];
const RECORDS = ['--records', 'fixtures/school/records.yaml', '--units', 'fixtures/school/units.yaml', '--roster', 'fixtures/school/roster.yaml'];

describe('scoresheet diff', () => {
  it('lists the changes item by item (golden) and exits 0', async () => {
    const r = await runCli(['diff', ...PAIR]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('../golden/diff-county-school.txt');
  });

  it('exits 1 with --exit-code when the standards differ, and 0 for a standard against itself', async () => {
    expect((await runCli(['diff', ...PAIR, '--exit-code'])).code).toBe(1);
    expect((await runCli(['diff', PAIR[0]!, PAIR[0]!, '--exit-code'])).code).toBe(0);
  });

  it('exits 2 when a standard cannot be loaded', async () => {
    expect((await runCli(['diff', PAIR[0]!, 'standards/missing.yaml'])).code).toBe(2);
  });

  it('re-scores the school term under both and reports changed totals and ranks, largest first (golden)', async () => {
    const r = await runCli(['diff', ...PAIR, ...RECORDS, '--period', 'week', '--group-by', 'grade', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // Only Monday (scheduled) failures change, each by −1 per failed area.
    expect(out.rescore.scores.length).toBeGreaterThan(0);
    expect(out.rescore.ranks.length).toBeGreaterThan(0);
    for (const s of out.rescore.scores) expect(s.delta).toBeLessThan(0);
    expect(out.rescore.scores.every((s: { record: string }) => s.record.includes('scheduled'))).toBe(true);
    const moves = out.rescore.ranks.map((k: { movement: number | null }) => Math.abs(k.movement ?? 99));
    expect(moves).toEqual([...moves].sort((a, b) => b - a));
    const md = await runCli(['diff', ...PAIR, ...RECORDS, '--period', 'week', '--group-by', 'grade', '--format', 'md', '--lang', 'zh-CN']);
    await expect(md.stdout).toMatchFileSnapshot('../golden/diff-county-school-rescore.md');
  });
});
