/**
 * A period score beyond the exact range of points is refused (`too_large`, aggregate.ts), never shown
 * inexact: its row is unranked, and every table says why; `rank` and `report` also warn of it on stderr
 * in the command's language (units' scores and a roll-up's groups'), with the exit code unchanged.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

// Each inspection scores −10^11 points (the most a total may be): two in a week sum past the range.
const STANDARD = `
id: big
version: "1"
name: { zh-CN: 大分值, en: Big points }
scoring: { mode: award }
categories:
  - id: c
    name: { zh-CN: 类, en: C }
    max: 100000000000
    items:
      - { id: i, name: { zh-CN: 项, en: Item }, max: 100000000000, rules: [ { kind: fixed, points: 100000000000 } ] }
ranking:
  aggregate: sum
  rollups:
    - { id: alliance, name: { zh-CN: 联盟, en: Alliance }, by: alliance, aggregate: sum }
`;

const record = (id: string, unit: string, name: string, alliance: string, date = '2024-03-04') =>
  JSON.stringify({ id, unit: { id: unit, name, group: { alliance } }, date, findings: [{ item: 'i' }] });

const RECORDS = [
  record('a1', 'a', '甲', 'A1'),
  record('a2', 'a', '甲', 'A1', '2024-03-05'), // 甲: −2·10^11 in 2024-W10, refused
  record('b1', 'b', '乙', 'A1'),
  record('c1', 'c', '丙', 'A2'), // 丙 and 丁 are in range; their alliance's sum is not
  record('d1', 'd', '丁', 'A2'),
].join('\n') + '\n';

let dir: string;
let standard: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'too-large-'));
  standard = join(dir, 'big.yaml');
  writeFileSync(standard, STANDARD);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (command: string, ...args: string[]) => runCli([command, '--standard', standard, '--period', 'week', '--input-format', 'ndjson', ...args, '-'], { input: RECORDS });

describe('a score refused as beyond the exact range of points', () => {
  it('rank warns on stderr, a unit\'s and a roll-up group\'s, in English; the exit code stays 0; the table says why', async () => {
    const r = await run('rank', '--roll-up', 'alliance');
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'warning: the score of 甲 2024-W10 would pass the exact range of points (±100000000000): refused, its row is unranked',
      'warning: the score of Alliance (sum of the members) A1 2024-W10 would pass the exact range of points (±100000000000): refused, its row is unranked',
      'warning: the score of Alliance (sum of the members) A2 2024-W10 would pass the exact range of points (±100000000000): refused, its row is unranked',
    ]);
    expect(r.stdout).toMatch(/—\s+甲\s+—\s+2\s+—\s+unranked: score beyond the exact range of points/);
    expect(r.stdout).toMatch(/—\s+A2\s+—\s+2\s+—\s+unranked: score beyond the exact range of points/);
  });

  it('in Chinese, and with every format (json too)', async () => {
    for (const format of ['text', 'json', 'md', 'csv']) {
      const r = await run('rank', '--lang', 'zh-CN', '--format', format);
      expect(r.stderr, format).toBe('警告：甲 2024-W10 的得分超出可精确计算的范围（±100000000000），不予计算，列为未排名\n');
      if (format !== 'json') expect(r.stdout, format).toContain('未排名：得分超出可精确计算的范围');
    }
  });

  it('report warns too, and its HTML and Markdown say why the row is unranked', async () => {
    const md = await run('report', '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.stderr).toContain('warning: the score of 甲 2024-W10 would pass the exact range of points');
    expect(md.stdout).toContain('| — | 甲 | — | 2 | — | unranked: score beyond the exact range of points |');
    const html = await run('report', '--format', 'html', '--lang', 'zh-CN');
    expect(html.stderr).toContain('警告：甲 2024-W10 的得分超出可精确计算的范围');
    // The unit's summary in the details says why too, not just that it has no score.
    expect(html.stdout).toContain('<summary><span class="name">甲</span><span class="muted">未排名：得分超出可精确计算的范围</span></summary>');
    expect(html.stdout).toMatch(/<tr class="unranked"><td class="rank">—<\/td><th scope="row"><a href="#u\d+">甲<\/a><\/th><td class="num">—<\/td><td class="num">2<\/td><td class="change none">—<\/td><td>未排名：得分超出可精确计算的范围<\/td>/);
  });

  it('past five refused scores, one line with their count and the first five', async () => {
    const many = Array.from({ length: 7 }, (_, i) => [record(`x${i}a`, `u${i}`, `u${i}`, 'A'), record(`x${i}b`, `u${i}`, `u${i}`, 'A', '2024-03-05')].join('\n')).join('\n') + '\n';
    const r = await runCli(['rank', '--standard', standard, '--period', 'week', '--input-format', 'ndjson', '-'], { input: many });
    expect(r.stderr).toBe(
      'warning: 7 scores would pass the exact range of points (±100000000000): refused, their rows are unranked; the first 5: u0 2024-W10; u1 2024-W10; u2 2024-W10; u3 2024-W10; u4 2024-W10\n',
    );
  });

  it('no warning when every score is in range', async () => {
    const r = await runCli(['rank', '--standard', standard, '--period', 'week', '--input-format', 'ndjson', '-'], { input: record('b1', 'b', '乙', 'A1') + '\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('a roll-up group with a member refused says its sum is refused too, not undecided: text, JSON, Markdown and HTML, in both languages', async () => {
    const text = await run('rank', '--roll-up', 'alliance');
    expect(text.stdout).toMatch(/—\s+A1\s+—\s+3\s+—\s+unranked: score beyond the exact range of points/);
    const json = JSON.parse((await run('rank', '--roll-up', 'alliance', '--format', 'json')).stdout);
    const a1 = json.rollup.results.find((r: { unit: { id: string } }) => r.unit.id === 'A1');
    expect([a1.score, a1.unscored]).toEqual([null, 'too_large']);
    expect(json.rollup.tables[0].groups[0].rows.map((r: { result: { unit: { id: string } }; unranked: string }) => [r.result.unit.id, r.unranked])).toEqual([['A1', 'too_large'], ['A2', 'too_large']]);
    const zh = await run('rank', '--roll-up', 'alliance', '--lang', 'zh-CN');
    expect(zh.stdout).toMatch(/—\s+A1\s+—\s+3\s+—\s+未排名：得分超出可精确计算的范围/);
    const md = await run('report', '--roll-up', 'alliance', '--format', 'md');
    expect(md.stdout).toContain('| — | A1 | — | 3 | — | unranked: score beyond the exact range of points |');
    const html = await run('report', '--roll-up', 'alliance', '--format', 'html', '--lang', 'zh-CN');
    expect(html.stdout).toMatch(/<th scope="row">(<a [^>]*>)?A1(<\/a>)?<\/th><td class="num">—<\/td><td class="num">3<\/td><td class="change none">—<\/td><td>未排名：得分超出可精确计算的范围<\/td>/);
    for (const out of [text.stdout, zh.stdout, md.stdout, html.stdout]) expect(out).not.toMatch(/A1[^\n]*(indeterminate|待定|不确定)/);
  });
});
