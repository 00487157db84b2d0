/**
 * community-red-flag's alliance roll-up (issue 18.6): the option of judging an alliance from its member
 * communities beside the street office's direct inspection (000:1603), labelled an assumption. Every
 * league format of `rank` and `report` shows the group rows, the roll-up's flag and, on the members'
 * rows, the flag they share (同奖). Numbers by hand in fixtures/community-red-flag/communities.yaml.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const ARGS = ['--standard', 'standards/community-red-flag.yaml', '--period', 'quarter', 'fixtures/community-red-flag/communities.yaml'];
const ROLLUP = [...ARGS, '--roll-up', 'alliances'];

describe('community-red-flag: the alliance roll-up', () => {
  it('json: 东片联盟 (mean 1) ahead of 西片联盟 (1.25) within 水部街道; the roll-up flag to 东片联盟, shared by its two communities; the direct flag counts street-quarterly records only', async () => {
    const r = await runCli(['rank', ...ROLLUP, '--format', 'json']);
    expect(r.code).toBe(0);
    const league = JSON.parse(r.stdout);
    expect(league.awards).toEqual([]);
    const table = league.rollup.tables[0].groups[0];
    expect(table.group).toBe('水部街道');
    expect(table.rows.map((x: { result: { unit: { id: string }; score: number; members: { id: string }[] }; rank: number }) => [x.result.unit.id, x.rank, x.result.score, x.result.members.map((m) => m.id)])).toEqual([
      ['东片联盟', 1, 1, ['fuxin', 'huqian']],
      ['西片联盟', 2, 1.25, ['wushan', 'xihu']],
    ]);
    expect(league.rollup.awards).toEqual([{ period: '2024-Q1', group: '水部街道', award: 'red-flag-rollup', holders: ['东片联盟'] }]);
    expect(league.rollup.shared).toEqual([{ period: '2024-Q1', award: 'red-flag-rollup', group: '东片联盟', members: ['fuxin', 'huqian'] }]);
    expect(league.rollup.assumption).toMatch(/not the source/);
  });

  it('without --roll-up the league is as before (no roll-up); an unknown roll-up is refused with the known ones, exit 2', async () => {
    expect(JSON.parse((await runCli(['rank', ...ARGS, '--format', 'json'])).stdout).rollup).toBeUndefined();
    const bad = await runCli(['rank', ...ARGS, '--roll-up', 'streets', '--lang', 'zh-CN']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('标准中没有汇总 streets（其 ranking.rollups：alliances）');
  });

  it('text and Markdown: the group table titled with the roll-up and its aggregate, the flag on the group row and on the members’ rows, and the assumption', async () => {
    const zh = (await runCli(['rank', ...ROLLUP, '--lang', 'zh-CN'])).stdout;
    expect(zh).toContain('社区活动联盟（成员平均分）  2024-Q1  水部街道');
    expect(zh).toMatch(/1 {2}东片联盟 +1 +4 {2}— +好乡邻旗舰联盟（按成员社区汇总）\n/);
    expect(zh).toMatch(/湖前社区 .*好乡邻旗舰联盟（按成员社区汇总）（随东片联盟）/);
    expect(zh).toContain('假设: 000:1603');
    expect(zh).toContain('成员 东片联盟: 福新社区、湖前社区\n成员 西片联盟: 乌山社区、西湖社区');
    const md = (await runCli(['rank', ...ROLLUP, '--format', 'md', '--lang', 'en'])).stdout;
    expect(md).toContain('### Community alliances (mean of the members) · ');
    expect(md).toContain('| 1 | 东片联盟 | 1 | 4 | — | Good Neighbours flagship alliance (from its communities) |');
    expect(md).toContain('Good Neighbours flagship alliance (from its communities) (with 东片联盟)');
    expect(md).toContain('- members 东片联盟: 福新社区, 湖前社区');
  });

  it('csv: the group rows follow the units, their group column the roll-up title and the street', async () => {
    const csv = (await runCli(['rank', ...ROLLUP, '--format', 'csv', '--lang', 'zh-CN'])).stdout;
    expect(csv).toContain('2024-Q1,社区活动联盟（成员平均分） · 水部街道,1,东片联盟,东片联盟,1,4,—,好乡邻旗舰联盟（按成员社区汇总）,');
    expect(csv).toContain('2024-Q1,社区活动联盟（成员平均分） · 水部街道,2,西片联盟,西片联盟,1.25,4,—,,');
  });

  it('report (HTML and Markdown): a roll-up section with the group rows, the flag and the assumption', async () => {
    const html = (await runCli(['report', ...ROLLUP, '--lang', 'zh-CN', '--format', 'html'])).stdout;
    expect(html).toContain('<h3>社区活动联盟（成员平均分） · 水部街道</h3>');
    expect(html).toMatch(/<th scope="row">东片联盟<\/th>.*好乡邻旗舰联盟（按成员社区汇总）/);
    expect(html).toContain('好乡邻旗舰联盟（按成员社区汇总）（随东片联盟）');
    expect(html).toContain('假设：000:1603');
    const md = (await runCli(['report', ...ROLLUP, '--lang', 'en', '--format', 'md'])).stdout;
    expect(md).toContain('## Community alliances (mean of the members) · 水部街道 · ');
    expect(md).toMatch(/\| 1 \| 东片联盟 \| 1 \| 4 \| .* \| 🚩 Good Neighbours flagship alliance \(from its communities\) \|/);
  });
});
