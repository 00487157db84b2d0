/** Periods come from calendar dates and never shift with the machine's time zone. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { periodOf, type Calendar } from '../../src/aggregate/periods.js';
import { requireBuild, ROOT } from '../support/built.js';

const calendar: Calendar = {
  terms: [{ id: '2024-spring', from: '2024-02-26', to: '2024-07-05', holidays: [{ from: '2024-05-01', to: '2024-05-05' }] }],
};

describe('periodOf', () => {
  it('puts 2024-12-30 in ISO week 2025-W01 (Monday start, across the year boundary)', () => {
    expect(periodOf('2024-12-30', 'week')).toMatchObject({ key: '2025-W01', start: '2024-12-30', end: '2025-01-05' });
    expect(periodOf('2024-12-29', 'week')).toMatchObject({ key: '2024-W52', start: '2024-12-23', end: '2024-12-29' });
    expect(periodOf('2021-01-03', 'week')?.key).toBe('2020-W53');
  });

  it('gives months, quarters and years with their first and last days', () => {
    expect(periodOf('2024-02-29', 'month')).toMatchObject({ key: '2024-02', start: '2024-02-01', end: '2024-02-29' });
    expect(periodOf('2024-11-15', 'quarter')).toMatchObject({ key: '2024-Q4', start: '2024-10-01', end: '2024-12-31' });
    expect(periodOf('2024-06-30', 'year')).toMatchObject({ key: '2024', start: '2024-01-01', end: '2024-12-31' });
  });

  it('numbers term weeks from the term start (第n周) and leaves holidays and dates outside the term out', () => {
    expect(periodOf('2024-02-26', 'week', calendar)).toMatchObject({ key: '2024-W09', termWeek: 1, term: '2024-spring' });
    expect(periodOf('2024-03-06', 'week', calendar)).toMatchObject({ key: '2024-W10', termWeek: 2 });
    expect(periodOf('2024-05-03', 'week', calendar)).toBeUndefined();
    expect(periodOf('2024-08-01', 'term', calendar)).toBeUndefined();
    expect(periodOf('2024-04-01', 'term', calendar)).toMatchObject({ key: '2024-spring', start: '2024-02-26', end: '2024-07-05' });
  });

  it('agrees under TZ=Asia/Shanghai and TZ=America/Los_Angeles', () => {
    requireBuild();
    const dates = ['2024-01-01', '2024-03-10', '2024-03-31', '2024-11-03', '2024-12-30', '2025-01-05', '2024-02-29'];
    const script = `import('./dist/index.js').then((m) => console.log(JSON.stringify(${JSON.stringify(dates)}.map((d) => ['week','month','quarter','year'].map((u) => m.periodOf(d, u))))))`;
    const run = (tz: string) => spawnSync(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    const shanghai = run('Asia/Shanghai');
    const la = run('America/Los_Angeles');
    expect(shanghai.stderr).toBe('');
    expect(JSON.parse(shanghai.stdout)).toEqual(JSON.parse(la.stdout));
    expect(JSON.parse(shanghai.stdout)[4][0].key).toBe('2025-W01');
  });
});
