/**
 * scripts/csv-bad-rows.mjs (the 100,000-row run of the records issue, `npm run check:bad-rows`) at a
 * small size: it scores a generated sheet with one row in ten bad through the built CLI, and must
 * find every bad row on its row with its code, nothing else, and the good inspections' scorecards
 * identical to those of the same sheet without the bad rows.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/built.js';

describe('scripts/csv-bad-rows.mjs', () => {
  it('reports every bad row of a 3,000-row sheet and scores the good inspections as the clean sheet does', () => {
    const r = spawnSync(process.execPath, ['scripts/csv-bad-rows.mjs', '--rows', '3000', '--seed', '7'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const bad = /bad rows (\d[\d,]*) \(/.exec(r.stdout)?.[1];
    expect(Number(bad?.replace(/,/g, ''))).toBeGreaterThan(200);
    expect(r.stdout).toContain(`reported on their row with the right code and field: ${bad} of ${bad}; other rows reported: 0`);
    expect(r.stdout).toMatch(/^ok$/m);
    expect(r.status).toBe(0);
  });
});
