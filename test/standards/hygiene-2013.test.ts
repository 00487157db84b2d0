/**
 * standards/hygiene-supervision-2013.yaml — 市2013年度卫生监督协管服务项目质量考评表 — scored by hand.
 *
 * Every record below has its arithmetic written out from the form's own 评分标准 text (§1 row N of
 * shared/sources/cn-standards.md). Points are compared exactly: the engine's decimals are exact, so
 * `toBe(89.1)` means 89.1, not 89.10000000000001.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { compileStandard, loadStandard, parseStandard, scoreRecord, type InspectionRecordInput, type Scorecard, type Scorer } from '../../src/index.js';
import { InspectionRecordSchema } from '../../src/record-schema.js';
import { toPoints } from '../../src/points.js';
import { problemsOf } from '../support/problems.js';

const FILE = fileURLToPath(new URL('../../standards/hygiene-supervision-2013.yaml', import.meta.url));
const TEXT = readFileSync(FILE, 'utf8');

function load(text: string, file: string): Scorer {
  const result = parseStandard(text, { file });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return compileStandard(result.standard);
}
const scorer = load(TEXT, FILE);

/** Every fact a record of this form must supply, at values that owe nothing (a clean year). */
const CLEAN_FACTS = {
  orgRolesInPlace: 4, // row 1
  officeRulesPosted: 10, // row 4
  staffTrainingHeld: true, // row 5
  supervisionsHeld: 4, // row 6
  assessmentMethodExists: true, // row 7
  chefTrainingHeld: true, // row 11
  outreachSessions: 8, // row 12
  outreachSectors: 7, // row 12
  baselineSectors: 5, // row 13
  licenceAssistance: true, // row 14
  healthChecksOrganised: true, // row 14
  ledgersRegistered: true, // row 14
  diseasePatrols: 4, // row 18
  occupationalConsultations: 6, // row 19
  tapWaterTests: 60, // row 20
  illegalPracticeVisits: 24, // row 21
  seriousHarmCases: 0, // row 21
  monthlyReportsFiled: 12, // row 22
  cluesReported: 6, // row 23
  emergencyOccurred: false, // rows 24–25
  creationTask: false, // row 26
} as const;
const CLEAN_INDICATORS = { staffCertificateRate: 98, patrolCompletionRate: 100, foodGradingRate: 100 } as const;

type Input = Partial<Omit<InspectionRecordInput, 'facts' | 'indicators'>> & {
  facts?: Record<string, unknown>;
  indicators?: InspectionRecordInput['indicators'];
  drop?: readonly string[];
};

function record(input: Input = {}): InspectionRecordInput {
  const { facts, indicators, drop, ...rest } = input;
  const allFacts: Record<string, unknown> = { ...CLEAN_FACTS, ...facts };
  for (const name of drop ?? []) delete allFacts[name];
  return {
    unit: { id: 'wsy-01', name: '某镇卫生院' },
    date: '2013-12-20',
    inspector: '市卫生监督所',
    facts: allFacts,
    indicators: { ...CLEAN_INDICATORS, ...indicators },
    ...rest,
  };
}

/** Σ line points = total − base, compared as exact scaled integers. */
function expectLinesAddUp(card: Scorecard): void {
  const sum = card.lines.reduce((s, l) => s + toPoints(l.points)!, 0);
  expect(sum).toBe(toPoints(card.total)! - toPoints(card.base)!);
}

function score(input: Input, using: Scorer = scorer): Scorecard {
  const result = scoreRecord(using, InspectionRecordSchema.parse(record(input)));
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  expectLinesAddUp(result.scorecard);
  return result.scorecard;
}

/** The lines that carry points, as [item, type, points]. */
const pointLines = (card: Scorecard) => card.lines.filter((l) => l.type !== 'not_applicable').map((l) => [l.item, l.type, l.points]);
const notApplicable = (card: Scorecard) => card.lines.filter((l) => l.type === 'not_applicable').map((l) => l.item);
const category = (card: Scorecard, id: string) => card.categories.find((c) => c.id === id)!.points;

describe('hygiene-supervision-2013: the standard file', () => {
  it('loads with exactly one warning: 信息报告 declares bonusMax 10, its items give 7', async () => {
    const result = await loadStandard(FILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({
      code: 'category_max_mismatch',
      severity: 'warning',
      path: ['categories', 5, 'bonusMax'],
      data: { key: 'bonusMax', declared: 10, sum: 7 },
    });
  });

  it('encodes the whole form: 7 sections (100 + 15), 27 rows, each citing its row', async () => {
    const result = await loadStandard(FILE);
    if (!result.ok) throw new Error('not ok');
    const s = result.standard;
    expect(TEXT.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/standard.schema.json');
    expect(s.scoring).toEqual({ mode: 'deduct', max: 115, evidence: 'required' });
    expect(s.categories.map((c) => [c.name['zh-CN'], c.max, c.bonusMax ?? 0, c.items.length])).toEqual([
      ['组织领导、计划总结和项目公示', 7, 0, 4],
      ['培训、督导、考核和资金管理', 9, 0, 5],
      ['宣传培训', 8, 0, 3],
      ['掌握本底、代办证照', 17, 0, 3],
      ['日常巡查', 32, 0, 6],
      ['信息报告', 23, 10, 3],
      ['其他任务', 4, 5, 3],
    ]);
    expect(scorer.base).toBe(toPoints(100));
    const items = s.categories.flatMap((c) => c.items);
    expect(items).toHaveLength(27);
    items.forEach((item, i) => {
      expect(item.source).toBe(`§1 row ${i + 1}`);
      expect(item.requirement).toMatch(/分）$/); // the 工作要求 cell, ending with its points
      expect(item.method).toContain('评分标准：');
      expect(item.rules.length).toBeGreaterThan(0);
      for (const rule of item.rules) expect(rule.source).toBe(`§1 row ${i + 1}`);
    });
    // Item bonus caps add up to 12 (7 + 3 + 2), so 100 + 12 = 112 < 115: the total cap cannot bind.
    expect(items.reduce((sum, item) => sum + (item.bonusMax ?? 0), 0)).toBe(12);
  });
});

describe('hygiene-supervision-2013: hand-computed records', () => {
  it('1. a clean year scores 100 and passes', () => {
    const card = score({});
    expect(card.total).toBe(100);
    expect(card.verdict).toBe('pass');
    expect(pointLines(card)).toEqual([]);
    // 未发生突发公共卫生事件的不扣分 (rows 24, 25); 辖区未创建的不扣分 (row 26).
    expect(notApplicable(card)).toEqual(['emergency-reporting', 'incident-assistance', 'creation-campaigns']);
  });

  it('2. 最高扣10分 and 最高扣5分 (row 16)', () => {
    // Row 16: 巡查（访）未达到规定户次数，每下降2%扣0.5分，最高扣10分。巡查指导记录每缺1份扣0.1分，最高扣5分。
    //   50% of the required visits: 100 − 50 = 50% → 25 steps × 0.5 = 12.5 → capped at 10 (+2.5)
    //   60 guidance records missing: 60 × 0.1 = 6 → capped at 5 (+1)
    //   item: 10 + 5 = 15 = its 15 points → no item floor line.  100 − 15 = 85
    const card = score({
      indicators: { patrolCompletionRate: { numerator: 50, denominator: 100 } },
      findings: [{ item: 'routine-patrols', count: 60, note: '缺巡查指导记录60份' }],
    });
    expect(pointLines(card)).toEqual([
      ['routine-patrols', 'deduction', -12.5],
      ['routine-patrols', 'capped', 2.5],
      ['routine-patrols', 'deduction', -6],
      ['routine-patrols', 'capped', 1],
    ]);
    expect(card.lines.filter((l) => l.type === 'capped').map((l) => l.reason.messageId)).toEqual(['line.cap_rule', 'line.cap_rule']);
    expect(category(card, 'patrols')).toBe(17);
    expect(card.total).toBe(85);
    expect(card.verdict).toBe('pass');
  });

  it('3. 扣完为止: an item never loses more than its points (rows 9, 18)', () => {
    // Row 9: 每发现1次经费违规使用扣0.5分，扣完为止 — 3 misuses: 1.5 > 1 point → floor (+0.5) → −1
    // Row 18: 全年不少于4次 … 每缺1次扣1分，扣完为止 — 0 patrols: 4 × 1 = 4 > 3 → floor (+1) → −3
    // 100 − 1 − 3 = 96
    const card = score({
      facts: { diseasePatrols: 0 },
      findings: [{ item: 'funding-compliance', count: 3, note: '经费违规使用3次' }],
    });
    expect(pointLines(card)).toEqual([
      ['funding-compliance', 'deduction', -1.5],
      ['funding-compliance', 'capped', 0.5],
      ['disease-patrols', 'deduction', -4],
      ['disease-patrols', 'capped', 1],
    ]);
    expect(card.lines.filter((l) => l.type === 'capped').map((l) => l.reason.messageId)).toEqual(['line.floor_item', 'line.floor_item']);
    expect(card.total).toBe(96);
  });

  it('4. a partial step counts for nothing (partial: floor; rows 15, 16, 17)', () => {
    // Row 16: 每下降2%扣0.5分 — 95.1%: 4.9% below → 2 whole steps (not 3) → −1
    // Row 15: 人员持证率…每下降5%扣0.5分 (target 98%) — 93%: exactly 5% below → 1 step → −0.5
    // Row 17: 量化分级率每下降10%扣0.5分 — 75%: 25% below → 2 whole steps → −1
    // 100 − 0.5 − 1 − 1 = 97.5
    const card = score({
      indicators: {
        patrolCompletionRate: { numerator: 951, denominator: 1000 },
        staffCertificateRate: 93,
        foodGradingRate: { value: 75 },
      },
    });
    expect(pointLines(card)).toEqual([
      ['street-licences', 'deduction', -0.5],
      ['routine-patrols', 'deduction', -1],
      ['food-grading', 'deduction', -1],
    ]);
    expect(card.total).toBe(97.5);
    // 93.5% is 4.5% below 98%: no whole 5% step, no line.
    expect(pointLines(score({ indicators: { staffCertificateRate: 93.5 } }))).toEqual([]);
  });

  it('5. 最高奖励2分: the bonus for leads beyond 6 is capped (row 23)', () => {
    // Row 23: 在完成6条的报告任务后，每多报告一条线索奖励0.2分，最高奖励2分 — 20 leads: 14 × 0.2 = 2.8 → cap 2 (−0.8)
    //         认定为价值较高的线索，每一条奖励0.5分，最高奖励5分 — 3 × 0.5 = 1.5
    // 100 + 2 + 1.5 = 103.5
    const card = score({ facts: { cluesReported: 20, valuableClues: 3 } });
    expect(pointLines(card)).toEqual([
      ['clue-reporting', 'award', 2.8],
      ['clue-reporting', 'capped', -0.8],
      ['clue-reporting', 'award', 1.5],
    ]);
    expect(card.lines.find((l) => l.type === 'capped')!.reason.messageId).toBe('line.cap_rule_award');
    expect(category(card, 'reporting')).toBe(26.5);
    expect(card.total).toBe(103.5);
  });

  it('6. every bonus the form offers, at its caps: 112, below the 115 cap (rows 23, 26, 27)', () => {
    // Row 23: 20 leads → 2.8, capped at 2 (−0.8); 12 high-value leads → 6, capped at 5 (−1): item 7 = its 7 bonus points
    // Row 26: 卫生镇1分 × 1 + 卫生村0.5分 × 3 + 示范街1分 × 1 + 示范店0.5分 × 1 = 4 → item bonus 3 (−1)
    // Row 27: 根据考核情况，酌情奖分 — 2 (the row's 2 bonus points)
    // 100 + 7 + 3 + 2 = 112; no total line (112 ≤ 115)
    const card = score({
      facts: {
        cluesReported: 20,
        valuableClues: 12,
        creationTask: true,
        hygieneTownsJoined: 1,
        hygieneVillagesJoined: 3,
        modelStreetsJoined: 1,
        modelShopsJoined: 1,
      },
      findings: [{ item: 'other-assignments', points: 2, note: '完成食品安全专项整治交办任务' }],
    });
    expect(pointLines(card)).toEqual([
      ['clue-reporting', 'award', 2.8],
      ['clue-reporting', 'capped', -0.8],
      ['clue-reporting', 'award', 6],
      ['clue-reporting', 'capped', -1],
      ['creation-campaigns', 'award', 1],
      ['creation-campaigns', 'award', 1.5],
      ['creation-campaigns', 'award', 1],
      ['creation-campaigns', 'award', 0.5],
      ['creation-campaigns', 'capped', -1],
      ['other-assignments', 'award', 2],
    ]);
    expect(card.lines.filter((l) => l.type === 'capped').map((l) => l.reason.messageId)).toEqual([
      'line.cap_rule_award',
      'line.cap_rule_award',
      'line.cap_item_bonus',
    ]);
    expect(card.total).toBe(112);
    expect(card.lines.some((l) => l.rule === 'scoring')).toBe(false);
  });

  it('7. 总分115分: the total cap, on a variant with raised bonus caps', () => {
    // Variant: row 23's high-value bonus raised from 最高奖励5分 to 20, its item bonus 7 → 25, 信息报告's bonus 10 → 25.
    // 40 high-value leads → 20; 20 leads → 2.8 capped at 2 (−0.8); row 26 → 3 (as in record 6); row 27 → 2
    // 100 + 22 + 5 = 127 > 115 → a total `capped` line of −12 → 115
    const doc = parseDocument(TEXT);
    const clue = ['categories', 5, 'items', 1];
    expect(doc.getIn([...clue, 'id'])).toBe('clue-reporting');
    expect(doc.getIn([...clue, 'rules', 2, 'of', 'fact'])).toBe('valuableClues');
    doc.setIn([...clue, 'rules', 2, 'cap'], 20);
    doc.setIn([...clue, 'bonusMax'], 25);
    doc.setIn(['categories', 5, 'bonusMax'], 25);
    const variantText = String(doc);
    const loaded = parseStandard(variantText, { file: 'variant.yaml' });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.warnings).toEqual([]); // 25 = 25: the variant is consistent
    const variant = compileStandard(loaded.standard);
    const card = score(
      {
        facts: {
          cluesReported: 20,
          valuableClues: 40,
          creationTask: true,
          hygieneTownsJoined: 1,
          hygieneVillagesJoined: 3,
          modelStreetsJoined: 1,
          modelShopsJoined: 1,
        },
        findings: [{ item: 'other-assignments', points: 2, note: '完成交办任务' }],
      },
      variant,
    );
    const totalLine = card.lines.find((l) => l.rule === 'scoring');
    expect(totalLine).toMatchObject({ type: 'capped', points: -12, reason: { messageId: 'line.cap_total', data: { max: 115 } } });
    expect(totalLine!.item).toBeUndefined();
    expect(card.lines.filter((l) => l.item === 'clue-reporting').map((l) => [l.type, l.points])).toEqual([
      ['award', 2.8],
      ['capped', -0.8],
      ['award', 20],
    ]);
    expect(card.total).toBe(115);
    expect(card.verdict).toBe('pass');
    // The same record on the form as written: 112.
    expect(score({ facts: { cluesReported: 20, valuableClues: 40, creationTask: true, hygieneTownsJoined: 1, hygieneVillagesJoined: 3, modelStreetsJoined: 1, modelShopsJoined: 1 }, findings: [{ item: 'other-assignments', points: 2, note: '完成交办任务' }] }).total).toBe(112);
  });

  it('8. no written material: the item scores 0 (注2; rows 6, 18)', () => {
    // 注2：…均必须提供书面文字材料，否则该项不得分 —
    //   row 6 (4分): 1 supervision held would cost (4 − 1) × 1 = 3, but without material the item scores 0 → −4
    //   row 18 (3分): 4 patrols held (nothing owed), but without material → −3
    // 100 − 4 − 3 = 93
    const card = score({
      facts: { supervisionsHeld: 1 },
      findings: [
        { item: 'supervision', evidence: [], note: '无督导考核记录' },
        { item: 'disease-patrols', evidence: false, note: '巡查无台帐' },
      ],
    });
    expect(pointLines(card)).toEqual([
      ['supervision', 'deduction', -4],
      ['disease-patrols', 'deduction', -3],
    ]);
    expect(card.lines.filter((l) => l.points !== 0).map((l) => l.reason.messageId)).toEqual(['line.evidence_missing', 'line.evidence_missing']);
    expect(category(card, 'training-supervision')).toBe(5);
    expect(card.total).toBe(93);
  });

  it('9. 未发生突发公共卫生事件的不扣分 (rows 24, 25)', () => {
    // No emergency: rows 24 and 25 do not apply, so late reports and missed investigations cost nothing → 100
    const none = score({
      facts: { emergencyOccurred: false },
      findings: [
        { item: 'emergency-reporting', count: 2, note: '迟报2次' },
        { item: 'incident-assistance', count: 1, note: '未协助调查' },
      ],
    });
    expect(pointLines(none)).toEqual([]);
    expect(notApplicable(none)).toEqual(['emergency-reporting', 'incident-assistance', 'creation-campaigns']);
    expect(none.total).toBe(100);

    // An emergency occurred: row 24 迟报一次扣2分 → −2; row 25 应当协助调查而未协助调查的，每一次扣1分 → −1. 100 − 3 = 97
    const some = score({
      facts: { emergencyOccurred: true, concealedEmergencyReports: 0 },
      findings: [
        { item: 'emergency-reporting', count: 1, note: '迟报1次' },
        { item: 'incident-assistance', count: 1, note: '未协助调查' },
      ],
    });
    expect(pointLines(some)).toEqual([
      ['emergency-reporting', 'deduction', -2],
      ['incident-assistance', 'deduction', -1],
    ]);
    expect(notApplicable(some)).toEqual(['creation-campaigns']);
    expect(some.total).toBe(97);
  });

  it('10. 迟报一次扣2分，瞒报一次扣5分；扣完为止 (row 24)', () => {
    // 1 late (2) + 1 concealed (5) = 7 > 5 → floor (+2) → −5. 100 − 5 = 95
    const card = score({
      facts: { emergencyOccurred: true, concealedEmergencyReports: 1 },
      findings: [{ item: 'emergency-reporting', count: 1, note: '迟报1次' }],
    });
    expect(pointLines(card)).toEqual([
      ['emergency-reporting', 'deduction', -2],
      ['emergency-reporting', 'deduction', -5],
      ['emergency-reporting', 'capped', 2],
    ]);
    expect(card.total).toBe(95);
  });

  it('11. a judgement deduction without a note is rejected (row 6: 资料不齐全酌情扣分)', () => {
    const result = scoreRecord(scorer, InspectionRecordSchema.parse(record({ findings: [{ item: 'supervision', points: 1 }] })));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(problemsOf(result)).toEqual([{ field: 'findings[0].note', message: { messageId: 'record.note_required' } }]);
  });

  it('12. points outside a judgement range are rejected, not clamped (rows 6, 27)', () => {
    // Row 6 is worth 4 points: 4.5 is outside 0–4. Row 27 awards at most 2: 2.5 is outside 0–2.
    const result = scoreRecord(
      scorer,
      InspectionRecordSchema.parse(
        record({
          findings: [
            { item: 'supervision', points: 4.5, note: '资料严重不全' },
            { item: 'other-assignments', points: 2.5, note: '超额完成' },
          ],
        }),
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(problemsOf(result).map((p) => [p.field, p.message.messageId, p.message.data])).toEqual([
      ['findings[0].points', 'record.points_out_of_range', { points: 4.5, min: 0, max: 4 }],
      ['findings[1].points', 'record.points_out_of_range', { points: 2.5, min: 0, max: 2 }],
    ]);
  });

  it('13. a missing fact makes the verdict indeterminate, with the reason', () => {
    // Row 6 needs the number of supervisions held (一年不少于4次); without it the item cannot be scored.
    const card = score({ drop: ['supervisionsHeld'] });
    expect(card.verdict).toBe('indeterminate');
    expect(card.reasons).toEqual([
      { messageId: 'condition.missing_fact', data: { fact: 'supervisionsHeld' }, item: 'supervision', rule: 'categories[1].items[1].rules[0]' },
    ]);
    expect(pointLines(card)).toEqual([]);
  });

  it('14. several sub-rules of one row combine, judgement with a note (rows 1, 2, 4, 5, 12, 20)', () => {
    // Row 1: 无…协管信息员的，每一项扣0.5分 — 3 of 4 in place → 0.5; 缺协管人员和协管信息员的酌情扣分 → 0.5 (noted) = 1
    // Row 2: 无…半年度总结…的，每一项扣1分 — 1 missing → 1
    // Row 4: 无明显标识…扣0.5分 → 0.5; 未公示制度的，每一项扣0.1分 — 7 of 10 posted → 3 × 0.1 = 0.3 → 0.8
    // Row 5: 未开展…培训的，扣2分 → 2; 不熟悉…酌情扣分 → 1; 3 > 2 → floor (+1) → 2
    // Row 12: 一年不少于8次 — 5 held → 3 × 0.5 = 1.5; 7个行业 — 5 covered → 2 × 1 = 2 → 3.5 (≤ 4)
    // Row 20: 每少1户次扣0.2分 — 47 of 60 → 13 × 0.2 = 2.6
    // 100 − 1 − 1 − 0.8 − 2 − 3.5 − 2.6 = 89.1 (组织领导 7 − 2.8 = 4.2; 培训 9 − 2 = 7; 宣传 8 − 3.5 = 4.5; 巡查 32 − 2.6 = 29.4)
    const card = score({
      facts: { orgRolesInPlace: 3, officeRulesPosted: 7, staffTrainingHeld: false, outreachSessions: 5, outreachSectors: 5, tapWaterTests: 47 },
      findings: [
        { item: 'leadership', points: 0.5, note: '协管信息员仅1名' },
        { item: 'plans-reports', count: 1, note: '无半年度总结' },
        { item: 'office-signage', note: '协管办无明显标识' },
        { item: 'staff-training', points: 1, note: '工作人员不熟悉规范' },
      ],
    });
    expect(pointLines(card)).toEqual([
      ['leadership', 'deduction', -0.5],
      ['leadership', 'deduction', -0.5],
      ['plans-reports', 'deduction', -1],
      ['office-signage', 'deduction', -0.5],
      ['office-signage', 'deduction', -0.3],
      ['staff-training', 'deduction', -2],
      ['staff-training', 'deduction', -1],
      ['staff-training', 'capped', 1],
      ['outreach', 'deduction', -1.5],
      ['outreach', 'deduction', -2],
      ['water-testing', 'deduction', -2.6],
    ]);
    expect(card.lines.find((l) => l.item === 'leadership' && l.reason.messageId === 'line.judgement')).toMatchObject({ note: '协管信息员仅1名', finding: 0 });
    expect([category(card, 'organisation'), category(card, 'training-supervision'), category(card, 'publicity'), category(card, 'patrols')]).toEqual([4.2, 7, 4.5, 29.4]);
    expect(card.total).toBe(89.1);
  });

  it('15. 每一户次扣2分 for serious harm, and 扣完为止 (row 21)', () => {
    // 日常巡访…每缺1次扣0.5分 — 20 of 24 → 4 × 0.5 = 2
    // 未协助查处非法行医的…每一户次扣1分 — 1 → 1
    // 严重危害后果发生，每一户次扣2分 — 2 cases → 2 + 2 = 4
    // 2 + 1 + 4 = 7 > 6 → floor (+1) → −6. 100 − 6 = 94
    const card = score({
      facts: { illegalPracticeVisits: 20, seriousHarmCases: 2 },
      findings: [{ item: 'illegal-practice', count: 1, note: '未对被查处的非法行医点回访' }],
    });
    expect(pointLines(card)).toEqual([
      ['illegal-practice', 'deduction', -2],
      ['illegal-practice', 'deduction', -1],
      ['illegal-practice', 'deduction', -2],
      ['illegal-practice', 'deduction', -2],
      ['illegal-practice', 'capped', 1],
    ]);
    expect(card.total).toBe(94);
    // One case alone: 2 × 1 = 2 → 98.
    expect(score({ facts: { seriousHarmCases: 1 } }).total).toBe(98);
  });

  it('16. 每迟报一次扣0.5分，漏报一次扣1分; 每少一条扣2分 (rows 22, 23)', () => {
    // Row 22: 3 late → 3 × 0.5 = 1.5; 9 of 12 filed → 3 × 1 = 3 → 4.5 (≤ 6)
    // Row 23: 2 of 6 leads → 4 × 2 = 8 (最高扣12分 not reached)
    // 100 − 4.5 − 8 = 87.5
    const card = score({
      facts: { monthlyReportsFiled: 9, cluesReported: 2 },
      findings: [{ item: 'monthly-reports', count: 3, note: '迟报3次' }],
    });
    expect(pointLines(card)).toEqual([
      ['monthly-reports', 'deduction', -1.5],
      ['monthly-reports', 'deduction', -3],
      ['clue-reporting', 'deduction', -8],
    ]);
    expect(category(card, 'reporting')).toBe(10.5);
    expect(card.total).toBe(87.5);
    // No leads at all: 6 × 2 = 12 = 最高扣12分 = the item's 12 points, no capped line → 88.
    const none = score({ facts: { cluesReported: 0 } });
    expect(pointLines(none)).toEqual([['clue-reporting', 'deduction', -12]]);
    expect(none.total).toBe(88);
  });

  it('17. 应当参与创建而未参与的，扣2分, and a bonus (row 26)', () => {
    // creationTask: the area has a campaign. Not joined → −2; 食品安全示范店奖励0.5分 × 1 → +0.5. 100 − 2 + 0.5 = 98.5
    const card = score({
      facts: { creationTask: true, modelShopsJoined: 1 },
      findings: [{ item: 'creation-campaigns', note: '未参与卫生镇创建' }],
    });
    expect(pointLines(card)).toEqual([
      ['creation-campaigns', 'deduction', -2],
      ['creation-campaigns', 'award', 0.5],
    ]);
    expect(card.total).toBe(98.5);
    // 辖区无创建任务的不奖分: without a campaign the same bonus fact earns nothing → 100.
    expect(score({ facts: { creationTask: false, modelShopsJoined: 1 } }).total).toBe(100);
  });
});

describe('hygiene-supervision-2013: properties', () => {
  const nat = (max: number) => fc.integer({ min: 0, max });
  const factsArb = fc.record({
    orgRolesInPlace: nat(4),
    officeRulesPosted: nat(10),
    staffTrainingHeld: fc.boolean(),
    supervisionsHeld: nat(6),
    assessmentMethodExists: fc.boolean(),
    chefTrainingHeld: fc.boolean(),
    outreachSessions: nat(12),
    outreachSectors: nat(7),
    baselineSectors: nat(5),
    licenceAssistance: fc.boolean(),
    healthChecksOrganised: fc.boolean(),
    ledgersRegistered: fc.boolean(),
    diseasePatrols: nat(6),
    occupationalConsultations: nat(8),
    tapWaterTests: nat(70),
    illegalPracticeVisits: nat(30),
    seriousHarmCases: nat(4),
    monthlyReportsFiled: nat(12),
    cluesReported: nat(40),
    valuableClues: nat(20),
    emergencyOccurred: fc.boolean(),
    concealedEmergencyReports: nat(2),
    creationTask: fc.boolean(),
    hygieneTownsJoined: nat(2),
    hygieneVillagesJoined: nat(6),
    modelStreetsJoined: nat(2),
    modelShopsJoined: nat(4),
  });
  const percent = fc.integer({ min: 0, max: 1000 }).map((n) => ({ numerator: n, denominator: 1000 }));
  const countItems = ['plans-reports', 'public-notice', 'office-signage', 'separate-accounts', 'funding-compliance', 'campaigns', 'street-licences', 'routine-patrols', 'illegal-practice', 'monthly-reports', 'emergency-reporting', 'incident-assistance', 'creation-campaigns'];
  const judgementItems: [string, number][] = [['leadership', 2], ['staff-training', 2], ['supervision', 4], ['performance-funding', 1], ['chef-training', 2], ['baseline-records', 5], ['licensing-assistance', 8], ['other-assignments', 2]];
  const findingArb = fc.oneof(
    fc.record({ item: fc.constantFrom(...countItems), count: fc.integer({ min: 1, max: 40 }), note: fc.constant('n') }),
    fc.constantFrom(...judgementItems).chain(([item, max]) =>
      fc.record({ item: fc.constant(item), points: fc.integer({ min: 0, max: max * 10 }).map((p) => p / 10), note: fc.constant('酌情') }),
    ),
    fc.record({ item: fc.constantFrom(...countItems, ...judgementItems.map(([i]) => i), 'disease-patrols', 'clue-reporting'), evidence: fc.constant(false) }),
  );

  it('Σ line points = total − base exactly, and 0 ≤ total ≤ 112 on the form as written', () => {
    fc.assert(
      fc.property(factsArb, percent, percent, percent, fc.array(findingArb, { maxLength: 12 }), (facts, a, b, c, findings) => {
        const result = scoreRecord(
          scorer,
          InspectionRecordSchema.parse({
            unit: { id: 'x' },
            date: '2013-12-31',
            facts,
            indicators: { staffCertificateRate: a, patrolCompletionRate: b, foodGradingRate: c },
            findings,
          }),
        );
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const card = result.scorecard;
        const sum = card.lines.reduce((s, l) => s + toPoints(l.points)!, 0);
        expect(sum).toBe(toPoints(card.total)! - toPoints(card.base)!);
        expect(card.verdict).toBe('pass');
        expect(card.total).toBeGreaterThanOrEqual(0);
        expect(card.total).toBeLessThanOrEqual(112);
        for (const c of card.categories) expect(c.points).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });
});
