/** Periods come from calendar dates and never shift with the machine's time zone. */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
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

  it('gives years 0000–0099 their own weeks, months and quarters (not 1900–1999: Date reads 2-digit years so)', () => {
    expect(periodOf('0099-06-15', 'week')).toMatchObject({ key: '0099-W25', start: '0099-06-15', end: '0099-06-21' });
    expect(periodOf('0099-06-15', 'quarter')).toMatchObject({ key: '0099-Q2', start: '0099-04-01', end: '0099-06-30' });
    // 0000 is a leap year (proleptic Gregorian; 1900 is not), and its 1 January a Saturday: week 52 of the year before.
    expect(periodOf('0000-02-15', 'month')).toMatchObject({ key: '0000-02', end: '0000-02-29' });
    expect(periodOf('0000-01-01', 'week')).toMatchObject({ key: '-0001-W52', start: '-0001-12-27', end: '0000-01-02' });
    expect(periodOf('9999-12-31', 'week')).toMatchObject({ key: '9999-W52', start: '9999-12-27', end: '+10000-01-02' });
  });

  it('puts every date 0000-01-01 – 9999-12-31 in its ISO week, as a day-number reference computes it (property)', () => {
    // Written apart from periods.ts, on day numbers (H. Hinnant's civil-date algorithms), no Date at all.
    const daysFromCivil = (y: number, m: number, d: number) => {
      const yy = m <= 2 ? y - 1 : y;
      const era = Math.floor(yy / 400);
      const yoe = yy - era * 400;
      const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
      return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
    };
    const civilFromDays = (n: number) => {
      const z = n + 719468;
      const era = Math.floor(z / 146097);
      const doe = z - era * 146097;
      const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
      const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
      const mp = Math.floor((5 * doy + 2) / 153);
      const m = mp < 10 ? mp + 3 : mp - 9;
      return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d: doy - Math.floor((153 * mp + 2) / 5) + 1 };
    };
    const year = (y: number) => (y < 0 ? '-' : y > 9999 ? '+' : '') + String(Math.abs(y)).padStart(4, '0');
    const two = (n: number) => String(n).padStart(2, '0');
    const text = (n: number) => {
      const c = civilFromDays(n);
      return `${year(c.y)}-${two(c.m)}-${two(c.d)}`;
    };
    const first = daysFromCivil(0, 1, 1);
    const last = daysFromCivil(9999, 12, 31);
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: first, max: last }), fc.integer({ min: first, max: first + 800 }), fc.integer({ min: last - 800, max: last })), (n) => {
        const weekday = ((((n + 3) % 7) + 7) % 7) + 1; // 1970-01-01 (day 0) was a Thursday; Monday = 1
        const thursday = n - weekday + 4;
        const weekYear = civilFromDays(thursday).y;
        const week = Math.floor((thursday - daysFromCivil(weekYear, 1, 1)) / 7) + 1;
        expect(periodOf(text(n), 'week')).toMatchObject({ key: `${year(weekYear)}-W${two(week)}`, start: text(n - weekday + 1), end: text(n - weekday + 7) });
      }),
      { seed: 23, numRuns: 2000 },
    );
  });

  it('agrees under TZ=Asia/Shanghai and TZ=America/Los_Angeles', () => {
    requireBuild();
    const dates = ['2024-01-01', '2024-03-10', '2024-03-31', '2024-11-03', '2024-12-30', '2025-01-05', '2024-02-29', '0099-06-15', '0000-01-01'];
    const script = `import('./dist/league.js').then((m) => console.log(JSON.stringify(${JSON.stringify(dates)}.map((d) => ['week','month','quarter','year'].map((u) => m.periodOf(d, u))))))`;
    const run = (tz: string) => spawnSync(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    const shanghai = run('Asia/Shanghai');
    const la = run('America/Los_Angeles');
    expect(shanghai.stderr).toBe('');
    expect(JSON.parse(shanghai.stdout)).toEqual(JSON.parse(la.stdout));
    expect(JSON.parse(shanghai.stdout)[4][0].key).toBe('2025-W01');
  });
});
