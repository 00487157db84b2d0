/**
 * standards/js-hygiene-town.yaml — 江苏省卫生镇标准, as far as the sources show it (seed 004, 004:1085:
 * 10 大项; 004:1087: 申报省卫生镇4个必备条件) — scored by hand.
 *
 * 004:1087 申报省卫生镇4个必备条件:(1)取得省辖市卫生镇称号一年以上;(2)垃圾处理达到标准要求;(3)环境保护各项指标
 * 达到标准要求;(4)生活饮用水安全和无害化卫生户厕普及率达到标准要求。
 * 004:1061 下蜀镇农村共有12937户,卫生户厕共有12433户,农村卫生厕所普及率达到96.10%,其中无害化户厕11271户,普及率达87.12%。
 * The sources give no number of the standard: every threshold is unset, so an eligible town is indeterminate.
 *
 * Golden: test/golden/js-hygiene-town.zh-CN.txt is the CLI's report of fixtures/js-hygiene-town/records.yaml.
 * It was checked once, line by line, against the hand-computed table below when it was written (by the
 * agent that wrote this file; a human reviewer has still to do the one-time check). Update it only with a
 * reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileStandard, loadStandard, scoreRecord, type InspectionRecordInput, type Scorecard, type Scorer, type Standard } from '../../src/index.js';
import { InspectionRecordSchema } from '../../src/record-schema.js';
import { runCli } from '../support/cli.js';

const FILE = fileURLToPath(new URL('../../standards/js-hygiene-town.yaml', import.meta.url));
const OVERLAY = fileURLToPath(new URL('../../fixtures/js-hygiene-town/fictional-numbers.overlay.yaml', import.meta.url));
const RECORDS = fileURLToPath(new URL('../../fixtures/js-hygiene-town/records.yaml', import.meta.url));

async function load(file: string): Promise<Standard> {
  const result = await loadStandard(file);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.standard;
}

const scorers = new Map<string, Scorer>();
async function scorerOf(file: string): Promise<Scorer> {
  if (!scorers.has(file)) scorers.set(file, compileStandard(await load(file)));
  return scorers.get(file)!;
}

async function score(input: InspectionRecordInput, file = FILE): Promise<Scorecard> {
  return scoreWith(await scorerOf(file), input);
}

function scoreWith(scorer: Scorer, input: InspectionRecordInput): Scorecard {
  const result = scoreRecord(scorer, InspectionRecordSchema.parse(input));
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.scorecard;
}

const fixtureRecords = () => parseYaml(readFileSync(RECORDS, 'utf8')) as InspectionRecordInput[];
const fixture = (id: string) => fixtureRecords().find((r) => r.id === id)!;

/** 下蜀镇 as it reports itself (004:1061, 004:1073), eligible, plus a satisfaction rate the sources do not give. */
const XIASHU_FACTS = {
  municipalTitleMonths: 134,
  wasteTreatmentMeetsStandard: true,
  environmentalIndicatorsMeetStandard: true,
  drinkingWaterSafe: true,
  harmlessToiletRateMeetsStandard: true,
};
const XIASHU_INDICATORS = {
  residentKnowledgeRate: 87,
  residentBehaviourRate: 74,
  sanitaryToiletRate: { numerator: 12433, denominator: 12937 },
  harmlessToiletRate: { numerator: 11271, denominator: 12937 },
};
const xiashu = (satisfactionRate: number, facts: Record<string, unknown> = {}): InspectionRecordInput => ({
  unit: { id: 'xiashu', name: '下蜀镇' },
  date: '2011-03-01',
  facts: { ...XIASHU_FACTS, ...facts },
  indicators: { ...XIASHU_INDICATORS, satisfactionRate },
});

const UNSET = ['residentKnowledgeRate', 'residentBehaviourRate', 'sanitaryToiletRate', 'harmlessToiletRate', 'satisfactionRate'];
const unsetReasons = (card: Scorecard) => card.reasons.filter((r) => r.messageId === 'line.threshold_unset').map((r) => r.data?.quantity);

describe('js-hygiene-town: the standard file', () => {
  it('loads without warnings: the 10 categories of 004:1085 in order, the 4 prerequisites of 004:1087', async () => {
    const result = await loadStandard(FILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    const s = result.standard;
    expect(readFileSync(FILE, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/standard.schema.json');
    expect(s.categories.map((c) => c.name['zh-CN'])).toEqual([
      '爱国卫生组织管理', '健康教育', '环境卫生', '环境保护', '病媒生物防制', '卫生监督', '疾病预防与控制', '社区和单位卫生', '镇辖村卫生', '群众满意度',
    ]);
    expect(s.categories.map((c) => c.source)).toEqual(Array.from({ length: 10 }, (_, i) => `004:1085 (${i + 1})`));
    expect(s.outcomes.prerequisites.map((p) => [p.name['zh-CN'], p.source])).toEqual([
      ['取得省辖市卫生镇称号一年以上', '004:1087 (1)'],
      ['垃圾处理达到标准要求', '004:1087 (2)'],
      ['环境保护各项指标达到标准要求', '004:1087 (3)'],
      ['生活饮用水安全和无害化卫生户厕普及率达到标准要求', '004:1087 (4)'],
    ]);
  });

  it('every threshold is unset (min: null): the sources give no number', async () => {
    const s = await load(FILE);
    const thresholds = s.categories.flatMap((c) => c.items.flatMap((i) => i.rules)).filter((r) => r.kind === 'threshold');
    expect(thresholds.map((r) => [r.id, r.min])).toEqual([
      ['resident-knowledge-min', null],
      ['resident-behaviour-min', null],
      ['sanitary-toilets-min', null],
      ['harmless-toilets-min', null],
      ['satisfaction-min', null],
    ]);
    // No number borrowed from another standard anywhere in the file (75/70: Guangdong village; 88: national city).
    const yaml = readFileSync(FILE, 'utf8');
    for (const n of ['75', '70', '88', '85']) expect(yaml).not.toMatch(new RegExp(`(min|max): ${n}\\b`));
  });
});

describe('js-hygiene-town: the fixture, by hand', () => {
  // record       | (1) months ≥ 12 | (2) | (3) | (4)          | findings            | total | verdict
  // xiashu-2011  | 134 ✓           | ✓   | ✓   | ✓ ✓          | —                   | (0)   | indeterminate: 5 unset thresholds
  // jia-2011     | 11 ✗            | ✓   | ✓   | ✓ ✓          | —                   | (0)   | not_eligible: (1)
  // yi-2011      | 40 ✓            | ✗   | ✓   | ✓ ✓          | 环境卫生 1           | (1)   | not_eligible: (2)
  // bing-2011    | missing ?       | ✓   | ✓   | ✓ ✓          | —                   | (0)   | indeterminate: (1) unknown + 5 unset
  // The band: penalty points only add up, so a town with 1 already does not meet the standard whatever
  // the unset thresholds would say; one with 0 might or might not (no band).
  const table = [
    { id: 'xiashu-2011', total: 0, verdict: 'indeterminate', band: null, unmetPrerequisites: [] as string[] },
    { id: 'jia-2011', total: 0, verdict: 'not_eligible', band: null, unmetPrerequisites: ['outcomes.prerequisites[0]'] },
    { id: 'yi-2011', total: 1, verdict: 'not_eligible', band: 'does-not-meet', unmetPrerequisites: ['outcomes.prerequisites[1]'] },
    { id: 'bing-2011', total: 0, verdict: 'indeterminate', band: null, unmetPrerequisites: [] as string[] },
  ];

  it.each(table)('$id: $verdict', async (row) => {
    const card = await score(fixture(row.id));
    expect(card.verdict).toBe(row.verdict);
    expect(card.total).toBe(row.total);
    expect(card.complete).toBe(false); // the unset thresholds: the total is never final
    expect(card.band?.id ?? null).toBe(row.band);
    expect(card.lines.filter((l) => l.type === 'prerequisite_unmet').map((l) => l.rule)).toEqual(row.unmetPrerequisites);
    expect(unsetReasons(card)).toEqual(UNSET);
  });

  it('not eligible says which prerequisite, with its clause', async () => {
    const jia = await score(fixture('jia-2011'));
    expect(jia.lines).toEqual([
      expect.objectContaining({ type: 'prerequisite_unmet', source: '004:1087 (1)', reason: { messageId: 'line.prerequisite_unmet', data: { name: { 'zh-CN': '取得省辖市卫生镇称号一年以上', en: 'Held a city-level (省辖市) hygiene-town title for a year or more' } } } }),
    ]);
    const yi = await score(fixture('yi-2011'));
    expect(yi.lines.map((l) => [l.type, l.item ?? null, l.points, l.source])).toEqual([
      ['deduction', 'environmental-sanitation', 1, '004:1085'],
      ['prerequisite_unmet', null, 0, '004:1087 (2)'],
    ]);
  });

  it('an unknown prerequisite names the missing fact', async () => {
    const bing = await score(fixture('bing-2011'));
    expect(bing.reasons).toEqual(expect.arrayContaining([
      expect.objectContaining({ messageId: 'verdict.indeterminate_prerequisite', rule: 'outcomes.prerequisites[0]' }),
      expect.objectContaining({ messageId: 'condition.missing_fact', data: { fact: 'municipalTitleMonths' } }),
    ]));
  });

  it('prints the scorecards as checked (golden, zh-CN)', async () => {
    const text = await runCli(['score', '--standard', 'standards/js-hygiene-town.yaml', 'fixtures/js-hygiene-town/records.yaml', '--lang', 'zh-CN']);
    expect(text.code).toBe(0);
    await expect(text.stdout).toMatchFileSnapshot('../golden/js-hygiene-town.zh-CN.txt');
  });
});

describe('js-hygiene-town: prerequisites', () => {
  it.each([
    ['exactly one year (12 months) qualifies: 以上 is inclusive', { municipalTitleMonths: 12 }, 'indeterminate'],
    ['11 months does not', { municipalTitleMonths: 11 }, 'not_eligible'],
    ['(3) environmental indicators found not met', { environmentalIndicatorsMeetStandard: false }, 'not_eligible'],
    ['(4) drinking water found unsafe', { drinkingWaterSafe: false }, 'not_eligible'],
    ['(4) harmless toilets found below the standard', { harmlessToiletRateMeetsStandard: false }, 'not_eligible'],
    ['(4) drinking water not stated: unknown', { drinkingWaterSafe: undefined }, 'indeterminate'],
  ])('%s', async (_name, facts, verdict) => {
    expect((await score(xiashu(90, facts))).verdict).toBe(verdict);
  });

  it('not eligible wins over fail: under the fictional numbers a town failing a threshold and (1) is not eligible', async () => {
    const card = await score(xiashu(50, { municipalTitleMonths: 3 }), OVERLAY);
    expect(card.total).toBe(1);
    expect(card.band?.id).toBe('does-not-meet');
    expect(card.verdict).toBe('not_eligible');
  });
});

describe('js-hygiene-town: indicators from counts, exactly', () => {
  /** The standard with numbers written into two thresholds (as an overlay would), for exactness checks. */
  async function withMins(sanitary: number, harmless: number): Promise<Scorer> {
    const s = structuredClone(await load(FILE));
    for (const rule of s.categories.flatMap((c) => c.items.flatMap((i) => i.rules))) {
      if (rule.kind !== 'threshold') continue;
      if (rule.id === 'sanitary-toilets-min') rule.min = sanitary;
      else if (rule.id === 'harmless-toilets-min') rule.min = harmless;
      else rule.min = 0;
    }
    return compileStandard(s);
  }

  it('卫生厕所普及率 12433/12937 = 96.104…% : ≥ 96.1 holds, ≥ 96.11 does not (shown as 96.1)', async () => {
    expect(scoreWith(await withMins(96.1, 0), xiashu(90)).verdict).toBe('pass');
    const card = scoreWith(await withMins(96.11, 0), xiashu(90));
    expect(card.verdict).toBe('fail');
    expect(card.lines).toEqual([expect.objectContaining({ item: 'sanitary-toilets', points: 1, expected: '≥ 96.11', actual: '96.1' })]);
  });

  it('无害化户厕普及率 11271/12937 = 87.122…% : ≥ 87.12 holds, ≥ 87.13 does not (shown as 87.12)', async () => {
    expect(scoreWith(await withMins(0, 87.12), xiashu(90)).verdict).toBe('pass');
    const card = scoreWith(await withMins(0, 87.13), xiashu(90));
    expect(card.lines).toEqual([expect.objectContaining({ item: 'harmless-toilets', expected: '≥ 87.13', actual: '87.12' })]);
  });
});

describe('js-hygiene-town: with FICTIONAL numbers (fixtures/js-hygiene-town/fictional-numbers.overlay.yaml)', () => {
  // Fictional mins: knowledge 80, behaviour 70, sanitary toilets 95, harmless toilets 85, satisfaction 85.
  // 下蜀镇: 87 ≥ 80, 74 ≥ 70, 96.10 ≥ 95, 87.12 ≥ 85 → only satisfaction decides.
  it('loads as an overlay of the real file and says it is fictional', async () => {
    const s = await load(OVERLAY);
    expect(s.lineage).toEqual(['js-hygiene-town-fictional@test-only', 'js-hygiene-town@source-2011']);
    expect(s.assumptions?.at(-1)).toMatch(/^FICTIONAL/);
  });

  it('satisfaction 90: every requirement met → 达到省卫生镇标准 (pass)', async () => {
    const card = await score(xiashu(90), OVERLAY);
    expect(card).toMatchObject({ total: 0, complete: true, band: { id: 'meets' }, verdict: 'pass', reasons: [] });
  });

  it('satisfaction 84: one requirement not met → 未达到 (fail)', async () => {
    const card = await score(xiashu(84), OVERLAY);
    expect(card).toMatchObject({ total: 1, band: { id: 'does-not-meet' }, verdict: 'fail' });
    expect(card.lines).toEqual([expect.objectContaining({ item: 'satisfaction', expected: '≥ 85', actual: '84' })]);
  });

  it('a category found not met counts once, however many findings', async () => {
    const card = await score({ ...xiashu(90), findings: [{ item: 'vector-control', note: '农贸市场鼠密度超标' }, { item: 'vector-control-items', note: '灭蝇设施不全' }] }, OVERLAY);
    expect(card.lines.map((l) => [l.item, l.points])).toEqual([['vector-control', 1]]);
    expect(card.verdict).toBe('fail');
  });

  it('the satisfaction rate not given: indeterminate', async () => {
    const { satisfactionRate: _s, ...indicators } = xiashu(90).indicators as Record<string, unknown>;
    const card = await score({ ...xiashu(90), indicators: indicators as InspectionRecordInput['indicators'] }, OVERLAY);
    expect(card.verdict).toBe('indeterminate');
    expect(card.reasons).toEqual([expect.objectContaining({ messageId: 'quantity.missing_indicator', data: { indicator: 'satisfactionRate' } })]);
  });
});
