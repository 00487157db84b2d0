/**
 * `scoresheet draft` (issue 19 item 4): the 评分标准 phrase parser, phrase by phrase; a score sheet
 * (.csv and .xlsx) → a draft standard that passes `check`; and the round trip of the 2013 form's 27 rows
 * (shared/sources/cn-standards.md §1, test/import/fixtures/hygiene-2013-评分表.csv) against the shipped
 * standards/hygiene-supervision-2013.yaml.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { clausesOf, draftStandard, parseCriteria, parsePoints, shortName, splitNamePoints, type DraftRule } from '../../src/import/draft.js';
import { exceljs } from '../../src/records/xlsx.js';
import { loadStandard } from '../../src/standard/load-file.js';
import { runCli } from '../support/cli.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/hygiene-2013-评分表.csv', import.meta.url));
const SHIPPED = fileURLToPath(new URL('../../standards/hygiene-supervision-2013.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'scoresheet-draft-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ctx = { max: 4, factPrefix: 'item1' };
const kinds = (rules: readonly DraftRule[]) => rules.map((r) => r.kind);
/** The rules without their reasons, to compare shapes. */
const shapes = (text: string, context: Parameters<typeof parseCriteria>[1] = ctx) => parseCriteria(text, context).rules.map(({ reason: _reason, ...rest }) => rest);

describe('phrases', () => {
  it('每处扣X分 → per-occurrence', () => {
    expect(shapes('地面有积水，每处扣0.5分')).toEqual([{ kind: 'per-occurrence', points: 0.5 }]);
  });
  it('每次扣X-Y分 → per-occurrence with a range of points', () => {
    expect(shapes('发现乱扔垃圾，每次扣1-3分')).toEqual([{ kind: 'per-occurrence', points: { min: 1, max: 3 } }]);
  });
  it('最高扣X分 → the cap of the rule before it', () => {
    expect(shapes('每缺1份扣0.1分，最高扣5分')).toEqual([{ kind: 'per-occurrence', points: 0.1, cap: 5 }]);
  });
  it('扣完为止 adds no rule (the item\'s points are its floor)', () => {
    expect(shapes('每发现1次经费违规使用扣0.5分，扣完为止')).toEqual([{ kind: 'per-occurrence', points: 0.5 }]);
  });
  it('每少一次扣X分 → per-shortfall when the requirement says 不少于N次, per-occurrence when it does not', () => {
    expect(shapes('每少一次督导扣1分', { ...ctx, requirement: '一年不少于4次' })).toEqual([{ kind: 'per-shortfall', required: 4, points: 1, of: { fact: 'item1_1' } }]);
    expect(shapes('每少一次扣1分')).toEqual([{ kind: 'per-occurrence', points: 1 }]);
  });
  it('每下降X%扣Y分 → per-step below the requirement\'s percentage (100 when it names none)', () => {
    expect(shapes('持证率每下降5%扣0.5分', { ...ctx, requirement: '持证率98%' })).toEqual([{ kind: 'per-step', target: 98, step: 5, points: 0.5, partial: 'floor', of: { fact: 'item1_1' } }]);
    expect(shapes('每下降2%扣0.5分')[0]).toMatchObject({ target: 100, step: 2 });
  });
  it('一票否决 → a veto and the item\'s points', () => {
    const parsed = parseCriteria('发生食物中毒的，一票否决', ctx);
    expect(parsed.veto).toBe(true);
    expect(shapes('发生食物中毒的，一票否决')).toEqual([{ kind: 'fixed', points: 4 }]);
  });
  it('不得分 → fixed, the item\'s points', () => {
    expect(shapes('无书面材料的，该项不得分')).toEqual([{ kind: 'fixed', points: 4 }]);
  });
  it('酌情扣分 / 酌情奖分 → judgement up to the item\'s points / bonus points', () => {
    expect(shapes('资料不齐全酌情扣分')).toEqual([{ kind: 'judgement', max: 4 }]);
    expect(shapes('根据考核情况，酌情奖分', { ...ctx, bonusMax: 2 })).toEqual([{ kind: 'judgement', effect: 'award', max: 2 }]);
  });
  it('每多X奖Y分 最高奖Z分 → bonus above the count 完成N names, capped', () => {
    expect(shapes('在完成6条的报告任务后，每多报告一条线索奖励0.2分，最高奖励2分')).toEqual([{ kind: 'bonus', points: 0.2, above: 6, of: { fact: 'item1_1' }, cap: 2 }]);
  });
  it('扣X分 → fixed; 各扣X分 → one fixed rule per clause before it', () => {
    expect(shapes('未公示的扣0.5分')).toEqual([{ kind: 'fixed', points: 0.5 }]);
    const each = parseCriteria('未办证的，未体检的，各扣1分', ctx).rules;
    expect(each.map((r) => [r.kind, r.points, r.reason])).toEqual([
      ['fixed', 1, { 'zh-CN': '未办证的，各扣1分' }],
      ['fixed', 1, { 'zh-CN': '未体检的，各扣1分' }],
    ]);
  });
  it('奖励X分 → bonus; a list of awards (…奖励1分、…奖励0.5分) → one bonus each', () => {
    expect(shapes('参与创建卫生镇的奖励1分')).toEqual([{ kind: 'bonus', points: 1 }]);
    expect(shapes('参与创建卫生镇的奖励1分、卫生村奖励0.5分')).toEqual([{ kind: 'bonus', points: 1 }, { kind: 'bonus', points: 0.5 }]);
  });
  it('…的不扣分 → not-applicable on a fact', () => {
    expect(shapes('未发生突发公共卫生事件的不扣分')).toEqual([{ kind: 'not-applicable', when: { fact: 'item1_1', operator: 'equal', value: true } }]);
  });
  it('anything else is unparsed (a judgement and a warning, made by draftStandard)', () => {
    const parsed = parseCriteria('由考核组综合评定，视情况扣分', ctx);
    expect(parsed.rules).toEqual([]);
    expect(parsed.unparsed).toEqual(['由考核组综合评定，视情况扣分']);
    expect(parseCriteria('由考核组综合评定', ctx).unparsed).toEqual(['由考核组综合评定']);
  });
  it('a clause without 扣 or 奖 leads into the next, as its reason', () => {
    expect(parseCriteria('未开展的，扣2分', ctx).rules[0]!.reason).toEqual({ 'zh-CN': '未开展的，扣2分' });
    expect(clausesOf('协管办（室，含分所）无标识，扣0.5分；')).toEqual(['协管办（室，含分所）无标识', '扣0.5分']);
  });
  it('points cells: 2分, 12分，7分奖分, 2分，为奖励分; a name with its points in brackets', () => {
    expect(parsePoints('2分')).toEqual({ max: 2 });
    expect(parsePoints('12分，7分奖分')).toEqual({ max: 12, bonusMax: 7 });
    expect(parsePoints('2分，为奖励分')).toEqual({ max: 0, bonusMax: 2 });
    expect(parsePoints('')).toEqual({});
    expect(splitNamePoints('信息报告（23分+10分）')).toEqual({ name: '信息报告', max: 23, bonusMax: 10 });
    expect(shortName('协助开展餐饮单位量化分级工作。')).toBe('协助开展餐饮单位量化分级工作');
    expect(shortName('对非法行医和非法采供血开展日常巡访，每月2次；')).toBe('对非法行医和非法采供血开展日常巡访');
  });
});

/** An item's shape as the round trip compares it: points, bonus points, and its scoring rules' points, caps and steps. */
interface Shape {
  readonly max: number | undefined;
  readonly bonusMax: number | undefined;
  readonly points: readonly number[];
  readonly caps: readonly number[];
  readonly steps: readonly number[];
}

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

/** Judgement and not-applicable rules give no points of their own: they are left out. */
function shapeOf(item: { max?: number; bonusMax?: number; rules: readonly Record<string, unknown>[] }): Shape {
  const scoring = item.rules.filter((r) => r.kind !== 'judgement' && r.kind !== 'not-applicable');
  const numbers = (key: string) => sorted(scoring.map((r) => r[key]).filter((v): v is number => typeof v === 'number'));
  return { max: item.max, bonusMax: item.bonusMax === 0 ? undefined : item.bonusMax, points: numbers('points'), caps: numbers('cap'), steps: numbers('step') };
}

function items(standard: { categories: readonly { items: readonly { max?: number; bonusMax?: number; rules: readonly Record<string, unknown>[] }[] }[] }) {
  return standard.categories.flatMap((c) => c.items);
}

/** Rows of the 2013 form whose draft differs from the shipped standard, and why (the test asserts exactly these). */
const KNOWN_MISMATCHES: Readonly<Record<number, string>> = {
  21: '每一户次扣2分 is encoded in the shipped standard as three threshold rules of 2 (a staircase on the count of cases); the draft gives one per-occurrence rule of 2',
};

describe('the 2013 form round trip', async () => {
  const out = join(dir, 'hygiene-2013.yaml');
  const run = await runCli(['draft', FIXTURE, '-o', out]);

  it('writes a draft standard that passes check, each rule carrying its cell\'s text as source', async () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(''); // every phrase of the form is one the parser knows
    const check = await runCli(['check', out]);
    // The one warning is the form's own: 信息报告（23分+10分） while its items' bonus adds up to 7 (as the shipped standard's).
    expect(check.stderr + check.stdout).not.toMatch(/  error  /);
    expect(check.stdout + check.stderr).toContain('category_max_mismatch');
    expect(check.code).toBe(0);
    const loaded = await loadStandard(out);
    expect(loaded.ok).toBe(true);
    const csvRows = parseCsv(readFileSync(FIXTURE, 'utf8')) as string[][];
    const draft = parseYaml(readFileSync(out, 'utf8')) as Parameters<typeof items>[0];
    items(draft).forEach((item, i) => {
      for (const rule of item.rules) expect(rule.source).toBe(csvRows[i + 1]![4]);
    });
  });

  it('gives the shipped items, points, caps and steps in at least 24 of the 27 rows', async () => {
    const draft = parseYaml(readFileSync(out, 'utf8')) as Parameters<typeof items>[0];
    const shipped = parseYaml(readFileSync(SHIPPED, 'utf8')) as Parameters<typeof items>[0];
    const [a, b] = [items(draft), items(shipped)];
    expect(a).toHaveLength(27);
    expect(b).toHaveLength(27);
    const mismatched: Record<number, { draft: Shape; shipped: Shape }> = {};
    a.forEach((item, i) => {
      const [mine, theirs] = [shapeOf(item), shapeOf(b[i]!)];
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) mismatched[i + 1] = { draft: mine, shipped: theirs };
    });
    // Each mismatch is named, with why; any other row differing fails here with both shapes shown.
    expect(mismatched[21]).toEqual({ draft: { max: 6, points: [0.5, 1, 2], caps: [], steps: [] }, shipped: { max: 6, points: [0.5, 1, 2, 2, 2], caps: [], steps: [] } });
    expect(Object.keys(mismatched).map(Number)).toEqual(Object.keys(KNOWN_MISMATCHES).map(Number));
    expect(27 - Object.keys(mismatched).length).toBeGreaterThanOrEqual(24);
  });
});

describe('a workbook', () => {
  it('reads an .xlsx score sheet; a phrase it does not know becomes a judgement and a warning naming its cell', async () => {
    const { Workbook } = await exceljs();
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['类别', '项目', '分值', '评分标准']);
    sheet.addRow(['环境卫生', '地面清洁', 5, '地面有垃圾，每处扣0.5分，扣完为止']);
    sheet.addRow(['', '厕所管理', '3分', '由考核组综合评定']);
    sheet.addRow(['食品安全', '食物中毒', 10, '发生食物中毒的，一票否决']);
    const path = join(dir, '评分表.xlsx');
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
    const out = join(dir, 'from-xlsx.yaml');
    const run = await runCli(['draft', path, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${path}!Sheet1!D3  warning  draft_unparsed`);
    const draft = parseYaml(readFileSync(out, 'utf8')) as { categories: { name: unknown; max: number; items: { id: string; rules: DraftRule[] }[] }[]; outcomes: { vetoes: unknown[] } };
    expect(draft.categories.map((c) => [c.name, c.max])).toEqual([[{ 'zh-CN': '环境卫生' }, 8], [{ 'zh-CN': '食品安全' }, 10]]);
    expect(kinds(draft.categories[0]!.items[1]!.rules)).toEqual(['judgement']);
    expect(draft.categories[0]!.items[1]!.rules[0]).toMatchObject({ source: '由考核组综合评定', max: 3 });
    expect(draft.outcomes.vetoes).toEqual([{ id: 'veto-item-3', name: { 'zh-CN': '食物中毒' }, source: '发生食物中毒的，一票否决', item: 'item-3' }]);
    expect((await runCli(['check', out])).code).toBe(0);
  });

  it('a sheet without a 评分标准 column is refused (exit 2), in Chinese with --lang zh-CN', async () => {
    const path = join(dir, 'records.csv');
    writeFileSync(path, 'unit,date\na,2024-01-01\n');
    const run = await runCli(['draft', path, '--lang', 'zh-CN']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('没有“评分标准”列');
  });

  it('YAML is written by the yaml library: a cell\'s quotes, colons and newlines survive', async () => {
    const result = draftStandard([{ number: 1, cells: ['项目', '分值', '评分标准'] }, { number: 2, cells: ['a: "b"\n#c', '2', '每处扣1分 # x: "y"'] }], { file: 'x.csv', id: 'x', name: 'x', locale: 'en' });
    const path = join(dir, 'odd.yaml');
    const { stringify } = await import('yaml');
    writeFileSync(path, stringify(result.standard));
    const loaded = await loadStandard(path);
    expect(loaded.ok && loaded.standard.categories[0]!.items[0]!.requirement).toBe('a: "b"\n#c');
  });

  it.each([
    ['xlsx-zip-bomb.xlsx', 'unpacks to more than'],
    ['xlsx-million-empty-rows.xlsx', 'more than 100000 rows'],
    ['xlsx-password-protected.xlsx', 'password-protected'],
    ['xlsx-not-a-zip.xlsx', 'not an .xlsx workbook'],
  ])('the hostile workbook %s is refused with a reason (exit 2)', async (name, reason) => {
    const run = await runCli(['draft', fileURLToPath(new URL(`../hostile/${name}`, import.meta.url))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(reason);
    expect(run.stdout).toBe('');
  });
});
