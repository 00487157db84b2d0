/**
 * standards/school-hygiene.yaml — 2024校园卫生打扫实施方案 (seed 000, 篇5) — scored by hand.
 *
 * 注 (000:471–475): 1.不定时随查各区卫生,检查不合格扣1分。 2.周一定期检查各区卫生,检查不合格扣2分。
 * 3.遇重大活动,各区卫生检查不合格,按活动级别递增扣分。(县3分、市4分、省5分、国家6分)
 * 卫生工具角 (000:429): …(否则每次扣1-3分), on top of the area's deduction. Base 100 is an assumption.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileStandard, loadStandard, renderMessage, scoreRecord, type InspectionRecordInput, type ScoreResult, type Scorecard, type Scorer } from '../../src/index.js';
import { InspectionRecordSchema } from '../../src/record-schema.js';
import { toPoints } from '../../src/points.js';
import { problemsOf } from '../support/problems.js';

const FILE = fileURLToPath(new URL('../../standards/school-hygiene.yaml', import.meta.url));

let cached: Scorer | undefined;
async function scorer(): Promise<Scorer> {
  if (cached) return cached;
  const result = await loadStandard(FILE);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return (cached = compileStandard(result.standard));
}

type Finding = NonNullable<InspectionRecordInput['findings']>[number];

async function run(kind: string | undefined, findings: Finding[], level?: string): Promise<ScoreResult> {
  const input: InspectionRecordInput = {
    unit: { id: 'g1-3', name: '高一(3)班', group: { grade: '高一' } },
    date: '2024-03-04',
    inspector: '德育处',
    ...(kind !== undefined ? { kind } : {}),
    ...(level !== undefined ? { level } : {}),
    findings,
  };
  return scoreRecord(await scorer(), InspectionRecordSchema.parse(input));
}

async function score(kind: string | undefined, findings: Finding[], level?: string): Promise<Scorecard> {
  const result = await run(kind, findings, level);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  const card = result.scorecard;
  // Σ line points = total − base, exactly.
  expect(card.lines.reduce((s, l) => s + toPoints(l.points)!, 0)).toBe(toPoints(card.total)! - toPoints(card.base)!);
  return card;
}

const pointLines = (card: Scorecard) => card.lines.map((l) => [l.item, l.type, l.points]);

describe('school-hygiene: the standard file', () => {
  it('loads without warnings', async () => {
    const result = await loadStandard(FILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
  });

  it('encodes 2 areas, 15 items, each with its requirement and source line', async () => {
    const result = await loadStandard(FILE);
    if (!result.ok) throw new Error('not ok');
    const s = result.standard;
    expect(readFileSync(FILE, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/standard.schema.json');
    expect(s.scoring).toEqual({ mode: 'deduct', base: 100, evidence: 'optional' });
    expect(s.kinds.map((k) => [k.id, k.name?.['zh-CN']])).toEqual([
      ['random', '不定时随查'],
      ['scheduled', '周一定期检查'],
      ['event', '重大活动检查'],
    ]);
    expect(s.levels.map((l) => l.id)).toEqual(['county', 'city', 'province', 'national']);
    expect(s.categories.map((c) => [c.name['zh-CN'], c.items.length])).toEqual([
      ['教室、走廊', 9],
      ['环境卫生', 6],
    ]);
    const lines = s.categories.flatMap((c) => c.items.map((i) => i.source));
    expect(lines).toEqual(['000:413', '000:415', '000:417', '000:419', '000:421', '000:423', '000:425', '000:427', '000:429', '000:433', '000:435', '000:437', '000:439', '000:441', '000:443']);
    for (const item of s.categories.flatMap((c) => c.items)) {
      expect(item.requirement).toBeTruthy();
      expect(item.name['zh-CN']).toBeTruthy();
      expect(item.name.en).toBeTruthy();
    }
    for (const c of s.categories) expect(c.rules).toMatchObject([{ kind: 'by-kind', source: '000:471–475' }]);
    expect(s.assumptions?.some((a) => a.startsWith('base 100'))).toBe(true);
  });
});

describe('school-hygiene: hand-computed records', () => {
  it('a clean inspection scores 100 and passes', async () => {
    const card = await score('scheduled', []);
    expect(card.total).toBe(100);
    expect(card.verdict).toBe('pass');
    expect(card.lines).toEqual([]);
  });

  it('Monday scheduled check, area not acceptable: −2 (注2)', async () => {
    const card = await score('scheduled', [{ item: 'floor', note: '地面有纸屑' }]);
    expect(pointLines(card)).toEqual([['classroom', 'deduction', -2]]);
    expect(card.lines[0]).toMatchObject({ category: 'classroom', rule: 'categories[0].rules[0]', source: '000:471–475', finding: 0 });
    expect(card.total).toBe(98);
    expect(card.verdict).toBe('pass');
  });

  it('random check: −1 (注1)', async () => {
    const card = await score('random', [{ item: 'ground', note: '落叶未扫' }]);
    expect(pointLines(card)).toEqual([['environment', 'deduction', -1]]);
    expect(card.total).toBe(99);
  });

  it.each([
    ['county', -3, 97],
    ['city', -4, 96],
    ['province', -5, 95],
    ['national', -6, 94],
  ])('major-event check at %s level: %d (注3)', async (level, points, total) => {
    const card = await score('event', [{ item: 'blackboard', note: '黑板上沿有粉末' }], level);
    expect(pointLines(card)).toEqual([['classroom', 'deduction', points]]);
    expect(card.lines[0]!.reason).toMatchObject({ messageId: 'line.by_kind', data: { kind: 'event', level, points: -points } });
    expect(card.total).toBe(total);
  });

  it('two failing items in one area cost once per inspection', async () => {
    // floor and desks both fail in 教室、走廊, Monday check: the area is 不合格 once → −2 → 98
    const card = await score('scheduled', [
      { item: 'floor', note: '地面有痰迹' },
      { item: 'desks', note: '桌凳未排成一条线' },
    ]);
    expect(pointLines(card)).toEqual([['classroom', 'deduction', -2]]);
    expect(card.total).toBe(98);
  });

  it('failures in both areas cost twice', async () => {
    // random: 1 + 1 = 2 → 98; Monday: 2 + 2 = 4 → 96; provincial event: 5 + 5 = 10 → 90
    const findings: Finding[] = [
      { item: 'floor', note: '地面有积水' },
      { item: 'lights', note: '灯管有蛛网' },
      { item: 'stairs-steps', note: '台阶有口香糖残渣' },
    ];
    const random = await score('random', findings);
    expect(pointLines(random)).toEqual([
      ['classroom', 'deduction', -1],
      ['environment', 'deduction', -1],
    ]);
    expect(random.total).toBe(98);
    expect((await score('scheduled', findings)).total).toBe(96);
    expect((await score('event', findings, 'province')).total).toBe(90);
  });

  it("the tool corner's 1–3 points come on top: Monday + tool corner 2 → −4", async () => {
    // 卫生工具角…(否则每次扣1-3分): 2 (inspector's choice) + the area's Monday 2 = 4 → 96
    const card = await score('scheduled', [{ item: 'tool-corner', points: 2, note: '扫帚散落' }]);
    expect(pointLines(card)).toEqual([
      ['tool-corner', 'deduction', -2],
      ['classroom', 'deduction', -2],
    ]);
    expect(card.lines[0]).toMatchObject({ category: 'classroom', source: '000:429', note: '扫帚散落' });
    expect(card.categories.map((c) => [c.id, c.points])).toEqual([
      ['classroom', -4],
      ['environment', 0],
    ]);
    expect(card.total).toBe(96);
  });

  it('tool corner 3 in a national event with the environment zone failing too: −15', async () => {
    // tool corner 3 + classroom area 6 + environment area 6 = 15 → 85
    const card = await score(
      'event',
      [
        { item: 'classroom.tool-corner', points: 3, note: '卫生工具不齐全' },
        { item: 'handrails', note: '扶手有灰尘' },
      ],
      'national',
    );
    expect(pointLines(card)).toEqual([
      ['tool-corner', 'deduction', -3],
      ['classroom', 'deduction', -6],
      ['environment', 'deduction', -6],
    ]);
    expect(card.total).toBe(85);
  });

  it('a decimal tool-corner deduction stays exact: random + 2.5 → 96.5', async () => {
    const card = await score('random', [{ item: 'tool-corner', points: 2.5, note: '杂物筐未清理' }]);
    expect(pointLines(card)).toEqual([
      ['tool-corner', 'deduction', -2.5],
      ['classroom', 'deduction', -1],
    ]);
    expect(card.total).toBe(96.5);
  });

  it('a finding against the area itself marks it 不合格', async () => {
    const card = await score('scheduled', [{ item: 'environment', note: 'B1区整体不合格' }]);
    expect(pointLines(card)).toEqual([['environment', 'deduction', -2]]);
    expect(card.total).toBe(98);
  });

  it('tool corner 4 points is rejected, not clamped; so is a missing choice', async () => {
    const four = await run('scheduled', [{ item: 'tool-corner', points: 4, note: '严重' }]);
    expect(four.ok).toBe(false);
    if (four.ok) return;
    expect(problemsOf(four)).toEqual([
      { field: 'findings[0].points', message: { messageId: 'record.points_out_of_range', data: { points: 4, min: 1, max: 3 } } },
    ]);
    const none = await run('scheduled', [{ item: 'floor' }, { item: 'tool-corner' }]);
    expect(none.ok).toBe(false);
    if (none.ok) return;
    expect(problemsOf(none)).toEqual([
      { field: 'findings[1].points', message: { messageId: 'record.points_required', data: { min: 1, max: 3 } } },
    ]);
  });

  it('an event check without a level is indeterminate', async () => {
    const card = await score('event', [{ item: 'glass', note: '玻璃有脏迹' }]);
    expect(card.verdict).toBe('indeterminate');
    expect(card.reasons).toEqual([
      { messageId: 'line.by_kind_unknown_level', data: { kind: 'event', level: '' }, item: 'classroom', rule: 'categories[0].rules[0]' },
    ]);
    expect(card.lines).toEqual([]);
  });

  it('a record without a kind is indeterminate once something fails; a clean one still passes', async () => {
    const card = await score(undefined, [{ item: 'ground' }]);
    expect(card.verdict).toBe('indeterminate');
    expect(card.reasons).toEqual([
      { messageId: 'line.by_kind_unknown', data: { kind: '' }, item: 'environment', rule: 'categories[1].rules[0]' },
    ]);
    const clean = await score(undefined, []);
    expect([clean.total, clean.verdict]).toEqual([100, 'pass']);
  });

  it('an unknown kind or level is a record error', async () => {
    const result = await run('event', [], 'township');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(problemsOf(result).map((p) => [p.field, p.message.messageId])).toEqual([['level', 'record.unknown_level']]);
    const kind = await run('weekly', []);
    expect(kind.ok).toBe(false);
    if (kind.ok) return;
    expect(problemsOf(kind).map((p) => [p.field, p.message.messageId])).toEqual([['kind', 'record.unknown_kind']]);
  });
});

describe('school-hygiene: reasons in the words of the standard', () => {
  it("names the inspection's kind and level as the standard does (周一定期检查, 重大活动检查（市级）), keeping the ids in the data", async () => {
    const monday = await score('scheduled', [{ item: 'floor' }]);
    expect(renderMessage(monday.lines[0]!.reason, 'zh-CN')).toMatch(/（周一定期检查不合格，扣2分）$/);
    expect(renderMessage(monday.lines[0]!.reason, 'en')).toMatch(/area failed in a Monday scheduled check: 2 points/);
    const event = await score('event', [{ item: 'ground' }], 'city');
    expect(renderMessage(event.lines[0]!.reason, 'zh-CN')).toMatch(/（重大活动检查（市级）不合格，扣4分）$/);
    expect(event.lines[0]!.reason.data).toMatchObject({ kind: 'event', level: 'city', points: 4 });
  });
});

describe('school-hygiene ranking settings that no source gives are labelled assumptions (issue 18.5)', () => {
  it('cites the red flag as an assumption, not as 000:1603, and lists the flag, the boards and lastWarning under assumptions', async () => {
    const result = await loadStandard(FILE);
    if (!result.ok) throw new Error('school-hygiene does not load');
    const { ranking, assumptions } = result.standard;
    const flag = ranking!.awards.find((a) => a.id === 'red-flag')!;
    expect(flag.source).not.toBe('000:1603');
    expect(flag.source).toMatch(/^ASSUMPTION/);
    const text = (assumptions ?? []).join('\n');
    expect(text).toMatch(/min: 98/);
    expect(text).toMatch(/000:1603.*QUARTERLY flag for a community alliance/);
    expect(text).toMatch(/boards/);
    expect(text).toMatch(/lastWarning: 3/);
  });
});
