import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { Readable } from 'node:stream';
import { runCli } from '../support/cli.js';
import { runActions, type ActionsOptions } from '../../src/cli/actions.js';

/** The command in-process: what it writes, and its exit code. */
async function inProcess(options: Partial<ActionsOptions>, records = RECORDS): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = { out: (t: string) => void (stdout += t + '\n'), err: (t: string) => void (stderr += t + '\n') };
  const code = await runActions([records], { standards: [STANDARD], format: 'text', lang: 'en', ...options }, out, Readable.from([]));
  return { code, stdout, stderr };
}

const STANDARD = 'test/history/fixtures/campaign.yaml';
const RECORDS = 'test/history/fixtures/records.yaml';
const actions = (...args: string[]) => runCli(['actions', '--standard', STANDARD, RECORDS, ...args]);

describe('scoresheet actions', () => {
  it('lists open and closed findings with due dates, and exits 0 when nothing is overdue', async () => {
    const r = await actions('--as-of', '2024-03-07', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.asOf).toBe('2024-03-07');
    expect(out.findings.map((f: { id: string; status: string; due: string }) => [f.id, f.status, f.due])).toEqual([
      ['w1-a#1', 'closed', '2024-03-07'],
      ['H-7', 'open', '2024-03-08'],
      ['w1-b#1', 'open', '2024-03-07'],
    ]);
    expect(out.summary).toEqual({ open: 2, overdue: 0, closed: 1 });
  });

  it('exits 1 when anything is overdue, with the days overdue (a CI gate)', async () => {
    const r = await actions('--as-of', '2024-03-09', '--format', 'json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.findings.filter((f: { status: string }) => f.status === 'overdue').map((f: { id: string; daysOverdue: number }) => [f.id, f.daysOverdue])).toEqual([['H-7', 1], ['w1-b#1', 2]]);
  });

  it('never reads a record after --as-of', async () => {
    // f1 closes w1-a#1 on 2024-03-06: as of the 5th it is still open
    const out = JSON.parse((await inProcess({ asOf: '2024-03-05', format: 'json' })).stdout);
    expect(out.findings.find((f: { id: string }) => f.id === 'w1-a#1').status).toBe('open');
  });

  it('speaks Chinese, and writes safe CSV, Markdown and HTML', async () => {
    const text = await actions('--as-of', '2024-03-09', '--lang', 'zh-CN');
    expect(text.stdout).toContain('整改台账（截至 2024-03-09）');
    expect(text.stdout).toContain('逾期未改');
    expect(text.stdout).toContain('乱扔垃圾');
    const csv = parse((await inProcess({ asOf: '2024-03-09', format: 'csv' })).stdout) as string[][];
    expect(csv[0]).toEqual(['unit', 'unit name', 'item', 'finding', 'found', 'due', 'status', 'closed', 'days overdue', 'note']);
    expect(csv[1]![1]).toBe("'=东街社区");
    const html = (await inProcess({ asOf: '2024-03-09', format: 'html' })).stdout;
    expect(html).toContain('垃圾 &lt;b&gt;堆放&lt;/b&gt;');
    expect(html).not.toContain('<b>堆放');
    const md = (await inProcess({ asOf: '2024-03-09', format: 'md' })).stdout;
    expect(md).toContain('| c2 | 西街社区 | Litter | w1-b#1 | 2024-03-04 | 2024-03-07 | overdue |  | 2 |  |');
  });

  it('keeps the shipped community-red-flag-rectification fixture\'s ledger', async () => {
    const r = await inProcess({ standards: ['standards/community-red-flag-rectification.yaml'], asOf: '2024-01-12', format: 'json' }, 'fixtures/community-red-flag-rectification/records.yaml');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.findings.map((f: { id: string; status: string; daysOverdue: number }) => `${f.id} ${f.status} ${f.daysOverdue}`)).toEqual(['w1-estate#1 closed 0', 'w1-estate#2 overdue 2', 'w1-market#1 overdue 2', 'w2-market#1 open 0']);
  });

  it("takes --roster and --units as score does: a round's findings charged to the unit answering for the area", async () => {
    const roster = 'test/history/fixtures/roster/roster.yaml';
    const records = 'test/history/fixtures/roster/records.yaml';
    const r = await runCli(['actions', '--standard', STANDARD, records, '--roster', roster, '--units', roster, '--as-of', '2024-03-12', '--format', 'json', '--max-problems', '0']);
    // r2's bus-stop finding has no unit that day: the record is rejected (exit 1), its problem only counted
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('bus-stop');
    expect(r.stderr).toMatch(/1/);
    const out = JSON.parse(r.stdout);
    expect(out.findings.map((f: { unit: { id: string }; id: string; status: string }) => `${f.unit.id} ${f.id} ${f.status}`)).toEqual(['c1 r1:c1#1 overdue']);
    const without = await runCli(['actions', '--standard', STANDARD, records, '--as-of', '2024-03-12', '--format', 'json']);
    expect(JSON.parse(without.stdout).findings).toEqual([]);
    expect(without.stderr).toContain('market-square');
  });

  it('rejects a bad --as-of and says why (exit 2)', async () => {
    const r = await actions('--as-of', '2024-02-30');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('YYYY-MM-DD');
  });
});
