/**
 * `scoresheet template`: the blank sheet and its map, through the CLI (in-process); and the round trip
 * an inspector makes: template → fill in rows in a spreadsheet → score, with no hand-written map.
 */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMapping } from '../../src/records/mapping.js';
import { runCli } from '../support/cli.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'scoresheet-template-'));

describe('scoresheet template', () => {
  it('template and form take exactly one standard: a folder of several is refused with their refs, exit 2, nothing written', async () => {
    const dir = fresh();
    for (const command of [['template', '--layout', 'wide', '-o', dir], ['form', '-o', join(dir, 'form.html')]]) {
      const r = await runCli([command[0]!, '--standard', 'standards', ...command.slice(1)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/needs exactly one standard; standards holds \d+: .*school-hygiene@/);
      expect(r.stdout).toBe('');
    }
  });

  it('writes <id>.<layout>.csv (UTF-8 with BOM, Chinese item names) and its map, exit 0', async () => {
    const dir = fresh();
    const r = await runCli(['template', '--standard', 'standards/school-hygiene.yaml', '--layout', 'wide', '-o', dir, '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([join(dir, 'school-hygiene.wide.csv'), join(dir, 'school-hygiene.wide.map.yaml')]);
    const sheet = readFileSync(join(dir, 'school-hygiene.wide.csv'), 'utf8');
    expect(sheet).toBe(
      '\uFEFF记录编号,单位编号,单位名称,日期,检查类型,活动级别,检查人,墙壁（教室、走廊）,地面（教室、走廊）,桌凳,黑板,讲台,玻璃,门、窗,灯管、灯架、灯线,卫生工具角（分值）,地面（环境卫生）,草皮、道路,楼四周,墙壁（环境卫生）,楼梯扶手,楼梯、台阶\n',
    );
    const map = parseMapping(readFileSync(join(dir, 'school-hygiene.wide.map.yaml'), 'utf8'));
    expect(map.ok && map.mapping.items?.find((i) => i.column === '卫生工具角（分值）')).toEqual({ column: '卫生工具角（分值）', item: 'tool-corner', cell: 'points' });
  });

  it('wrote the committed fixture sheets and maps (fixtures/csv stays in step with the command)', async () => {
    const dir = fresh();
    for (const [standard, layout] of [['school-hygiene', 'long'], ['school-hygiene', 'wide'], ['hygiene-supervision-2013', 'wide'], ['hygiene-supervision-2013', 'long']] as const) {
      expect((await runCli(['template', '--standard', `standards/${standard}.yaml`, '--layout', layout, '-o', dir, '--lang', 'zh-CN'])).code).toBe(0);
      for (const ext of ['csv', 'map.yaml']) {
        expect(readFileSync(join(dir, `${standard}.${layout}.${ext}`), 'utf8')).toBe(readFileSync(`fixtures/csv/${standard}.${layout}.${ext}`, 'utf8'));
      }
    }
  });

  it('round trip, wide: fill in two rows of the blank sheet and score it with its map', async () => {
    const dir = fresh();
    expect((await runCli(['template', '--standard', 'standards/school-hygiene.yaml', '--layout', 'wide', '-o', dir, '--lang', 'zh-CN'])).code).toBe(0);
    const sheet = join(dir, 'school-hygiene.wide.csv');
    const header = readFileSync(sheet, 'utf8').replace(/^\uFEFF/, '').trim().split(',');
    const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '').join(',') + '\n';
    appendFileSync(sheet, row({ 记录编号: 'w1', 单位编号: 'g1-01', 单位名称: '高一(1)班', 日期: '2024/3/4', 检查类型: '周一定期检查', 检查人: '德育处', 黑板: '1', '卫生工具角（分值）': '2.5' }));
    appendFileSync(sheet, row({ 记录编号: 'w2', 单位编号: 'g1-02', 单位名称: '高一(2)班', 日期: '2024/3/6', 检查类型: '不定时随查', 检查人: '学生会', '楼梯、台阶': '1' }));
    const r = await runCli(['score', sheet, '--standard', 'standards/school-hygiene.yaml', '--map', join(dir, 'school-hygiene.wide.map.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    // w1: Monday area failure 2 + tool corner 2.5 = 95.5; w2: random environment failure 1 = 99.
    expect(JSON.parse(r.stdout).scorecards.map((c: { record: string; total: number }) => [c.record, c.total])).toEqual([['w1', 95.5], ['w2', 99]]);
  });

  it('round trip, long: the 2013 form, facts and rates on the first row, a judgement with its note', async () => {
    const dir = fresh();
    expect((await runCli(['template', '--standard', 'standards/hygiene-supervision-2013.yaml', '--layout', 'long', '-o', dir, '--lang', 'en'])).code).toBe(0);
    const sheet = join(dir, 'hygiene-supervision-2013.long.csv');
    const header = readFileSync(sheet, 'utf8').replace(/^\uFEFF/, '').trim().split(',');
    const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '').join(',') + '\n';
    const clean: Record<string, string> = {
      orgRolesInPlace: '4', officeRulesPosted: '10', staffTrainingHeld: 'yes', supervisionsHeld: '4', assessmentMethodExists: 'yes', chefTrainingHeld: 'yes',
      outreachSessions: '8', outreachSectors: '7', baselineSectors: '5', licenceAssistance: 'yes', healthChecksOrganised: 'yes', ledgersRegistered: 'yes',
      diseasePatrols: '4', occupationalConsultations: '6', tapWaterTests: '60', illegalPracticeVisits: '24', seriousHarmCases: '0', monthlyReportsFiled: '12',
      cluesReported: '6', emergencyOccurred: 'no', creationTask: 'no',
      'Staff certificate rate (training certificates)': '98%', 'Patrol visits achieved / required (household-visits)': '100%', 'Catering units with a quantified grade': '100%',
    };
    appendFileSync(sheet, row({ 'record id': 'y1', 'unit id': 'wsy-01', 'unit name': '城关镇卫生院', date: '2013-12-20', inspector: '市卫生监督所', ...clean, item: 'Leading group and assistance staff', points: '0.5', note: '协管信息员仅1名' }));
    appendFileSync(sheet, row({ item: 'Annual plan and reports', count: '2' }));
    const r = await runCli(['score', sheet, '--standard', 'standards/hygiene-supervision-2013.yaml', '--map', join(dir, 'hygiene-supervision-2013.long.map.yaml'), '--format', 'json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    // 100 − 0.5 (酌情, row 1) − 2 × 1 (no plan and no report, row 2) = 97.5
    expect(JSON.parse(r.stdout).scorecards.map((c: { record: string; total: number }) => [c.record, c.total])).toEqual([['y1', 97.5]]);
  });

  it('a standard with deadlines gets finding-id and 复查 columns; filled in, its ledger closes what the 复查 fixed', async () => {
    const standard = 'test/records/fixtures/follow-ups/weekly.yaml';
    for (const layout of ['wide', 'long'] as const) {
      const dir = fresh();
      expect((await runCli(['template', '--standard', standard, '--layout', layout, '-o', dir, '--lang', 'zh-CN'])).code).toBe(0);
      const sheet = join(dir, `weekly-rectification.${layout}.csv`);
      const map = join(dir, `weekly-rectification.${layout}.map.yaml`);
      const header = readFileSync(sheet, 'utf8').replace(/^\uFEFF/, '').trim().split(',');
      expect(header).toEqual(expect.arrayContaining(['复查问题编号', '是否整改', '复查说明']));
      expect(header).toEqual(expect.arrayContaining(layout === 'wide' ? ['违章建筑（问题编号）', '违章建筑（整改期限）', '违章建筑（发生日期）', '乱扔垃圾（问题编号）'] : ['问题编号', '整改期限', '发生日期']));
      const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '').join(',') + '\n';
      const found: Record<string, string> = layout === 'wide' ? { 违章建筑: '1', '违章建筑（问题编号）': 'B-7', '违章建筑（整改期限）': '2024/3/6', '违章建筑（发生日期）': '2024/2/20' } : { 检查项: '违章建筑', 问题编号: 'B-7', 整改期限: '2024/3/6', 发生日期: '2024/2/20' };
      appendFileSync(sheet, row({ 记录编号: 'w1', 单位编号: 'c1', 日期: '2024-03-04', ...found }));
      appendFileSync(sheet, row({ 记录编号: 'f1', 单位编号: 'c1', 日期: '2024-03-07', 复查问题编号: 'B-7', 是否整改: '是' }));
      const r = await runCli(['actions', sheet, '--standard', standard, '--map', map, '--as-of', '2024-03-20', '--format', 'json']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      // the notice's deadline (3-6, not the standard's Friday 3-8): closed a day late
      expect(JSON.parse(r.stdout).findings.map((f: { id: string; status: string; due: string; closed: string; daysOverdue: number }) => [f.id, f.status, f.due, f.closed, f.daysOverdue])).toEqual([['B-7', 'closed', '2024-03-06', '2024-03-07', 1]]);
    }
    // a standard without deadlines keeps its sheet as it was (the committed fixtures above)
  });

  it('exit 2: files already there (without --force), a bad standard, a directory of several, a missing --layout', async () => {
    const dir = fresh();
    const args = ['template', '--standard', 'standards/school-hygiene.yaml', '--layout', 'long', '-o', dir];
    expect((await runCli(args)).code).toBe(0);
    const again = await runCli(args);
    expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('already exists (use --force')]);
    expect((await runCli([...args, '--force'])).code).toBe(0);
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'id: [\n');
    expect((await runCli(['template', '--standard', broken, '--layout', 'long', '-o', dir])).code).toBe(2);
    expect((await runCli(['template', '--standard', 'standards', '--layout', 'long', '-o', dir])).code).toBe(2);
    expect((await runCli(['template', '--standard', 'standards/school-hygiene.yaml', '-o', dir])).code).toBe(2);
  });
});
