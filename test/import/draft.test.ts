/**
 * `scoresheet draft` (issue 19 item 4): the 评分标准 phrase parser, phrase by phrase; a score sheet
 * (.csv and .xlsx) → a draft standard that passes `check`; and the round trip of the 2013 form's 27 rows
 * (shared/sources/cn-standards.md §1, test/import/fixtures/hygiene-2013-评分表.csv) against the shipped
 * standards/hygiene-supervision-2013.yaml.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { clausesOf, draftStandard, parseCriteria, parsePoints, splitNamePoints, type DraftRule } from '../../src/import/draft.js';
import { exceljs } from '../../src/records/xlsx.js';
import { loadStandard } from '../../src/standard/load.js';
import { runCli } from '../support/cli.js';

const FIXTURE = new URL('./fixtures/hygiene-2013-评分表.csv', import.meta.url).pathname;
const SHIPPED = new URL('../../standards/hygiene-supervision-2013.yaml', import.meta.url).pathname;
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
  it('…的不扣分 → not-applicable on a fact', () => {
    expect(shapes('未发生突发公共卫生事件的不扣分')).toEqual([{ kind: 'not-applicable', when: { fact: 'item1_1', operator: 'equal', value: true } }]);
  });
  it('anything else is unparsed (a judgement and a warning, made by draftStandard)', () => {
    const parsed = parseCriteria('由考核组综合评定，视情况扣分', ctx);
    expect(parsed.rules).toEqual([]);
    expect(parsed.unparsed).toEqual(['由考核组综合评定，视情况扣分']);
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
  });
});
