/**
 * Deterministic inspection records for the benchmark: the same seed and count always give the
 * same records (a mulberry32 stream, drawn in record order, so the first n records of a larger run
 * are the records of a smaller one).
 *
 * Realistic on purpose: most items are clean; some findings (counts, ranged and judgement points with
 * notes); every fact the standard needs is present and well-typed; some items lack written material
 * (evidence: false); indicators come as percentages and as exact numerator/denominator ratios.
 */

export const DEFAULT_SEED = 20130601;
/** Records per scoring workload with --quick (a smoke test; test/bench.test.ts checks at this size). */
export const QUICK_RECORDS = 2_000;

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p) => next() < p,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    /** A decimal in [lo, hi] with one decimal place. */
    tenth: (lo, hi) => (Math.round(lo * 10) + Math.floor(next() * (Math.round((hi - lo) * 10) + 1))) / 10,
  };
}

const NOTES = ['台帐不全', '记录缺页', '资料未归档', '部分人员不熟悉规范', '经费分配未落实到人', '登记项目缺失', '培训签到不全'];
const EVIDENCE_NOTE = '无书面材料';

// ─── hygiene-supervision-2013 ──────────────────────────────────────────────────────────────────

/** Judgement items of the 2013 form with their maxima (酌情扣分), and the award item (酌情奖分). */
const JUDGEMENT_2013 = [
  ['leadership', 2],
  ['staff-training', 2],
  ['supervision', 4],
  ['performance-funding', 1],
  ['chef-training', 2],
  ['baseline-records', 5],
  ['licensing-assistance', 8],
];
/** Finding-driven items: [id, probability of a finding, largest count]. */
const OCCURRENCE_2013 = [
  ['plans-reports', 0.05, 3],
  ['public-notice', 0.04, 1],
  ['office-signage', 0.05, 1],
  ['separate-accounts', 0.03, 1],
  ['funding-compliance', 0.03, 3],
  ['campaigns', 0.05, 2],
  ['street-licences', 0.08, 5],
  ['routine-patrols', 0.1, 60],
  ['illegal-practice', 0.04, 3],
  ['monthly-reports', 0.08, 4],
];
export const ITEMS_2013 = [
  'leadership', 'plans-reports', 'public-notice', 'office-signage',
  'staff-training', 'supervision', 'performance-funding', 'separate-accounts', 'funding-compliance',
  'campaigns', 'chef-training', 'outreach',
  'baseline-records', 'licensing-assistance', 'street-licences',
  'routine-patrols', 'food-grading', 'disease-patrols', 'occupational-guidance', 'water-testing', 'illegal-practice',
  'monthly-reports', 'clue-reporting', 'emergency-reporting',
  'incident-assistance', 'creation-campaigns', 'other-assignments',
];

/** One year's assessment of one health centre under standards/hygiene-supervision-2013.yaml. */
export function generate2013(count, seed = DEFAULT_SEED) {
  return take(stream2013(seed), count);
}

/** The same records, one at a time, without end (for NDJSON of any size in constant memory). */
export function* stream2013(seed = DEFAULT_SEED) {
  const r = prng(seed);
  const clean = (p, value, otherwise) => (r.chance(p) ? value : otherwise());
  for (let i = 0; ; i++) {
    const emergency = r.chance(0.15);
    const creation = r.chance(0.3);
    const facts = {
      orgRolesInPlace: clean(0.88, 4, () => r.int(1, 3)),
      officeRulesPosted: clean(0.85, 10, () => r.int(5, 9)),
      staffTrainingHeld: r.chance(0.95),
      supervisionsHeld: clean(0.85, r.int(4, 6), () => r.int(1, 3)),
      assessmentMethodExists: r.chance(0.95),
      chefTrainingHeld: r.chance(0.92),
      outreachSessions: clean(0.85, r.int(8, 12), () => r.int(3, 7)),
      outreachSectors: clean(0.85, 7, () => r.int(4, 6)),
      baselineSectors: clean(0.88, 5, () => r.int(2, 4)),
      licenceAssistance: r.chance(0.95),
      healthChecksOrganised: r.chance(0.95),
      ledgersRegistered: r.chance(0.95),
      diseasePatrols: clean(0.88, r.int(4, 6), () => r.int(0, 3)),
      occupationalConsultations: clean(0.85, r.int(6, 10), () => r.int(2, 5)),
      tapWaterTests: clean(0.8, 60, () => r.int(40, 59)),
      illegalPracticeVisits: clean(0.85, 24, () => r.int(15, 23)),
      seriousHarmCases: clean(0.98, 0, () => r.int(1, 3)),
      monthlyReportsFiled: clean(0.88, 12, () => r.int(9, 11)),
      cluesReported: clean(0.8, r.int(6, 14), () => r.int(2, 5)),
      valuableClues: r.chance(0.4) ? r.int(0, 12) : 0,
      emergencyOccurred: emergency,
      concealedEmergencyReports: emergency && r.chance(0.05) ? 1 : 0,
      creationTask: creation,
      hygieneTownsJoined: creation ? r.int(0, 2) : 0,
      hygieneVillagesJoined: creation ? r.int(0, 3) : 0,
      modelStreetsJoined: creation ? r.int(0, 1) : 0,
      modelShopsJoined: creation ? r.int(0, 3) : 0,
    };
    const required = 4 * r.int(100, 1000);
    const indicators = {
      staffCertificateRate: clean(0.6, 98, () => r.tenth(80, 100)),
      // Row 16 is achieved / required household-visits: usually given as the exact counts.
      patrolCompletionRate: r.chance(0.7)
        ? { numerator: clean(0.7, required, () => Math.floor(required * (0.75 + 0.25 * r.next()))), denominator: required }
        : clean(0.5, 100, () => r.tenth(75, 100)),
      foodGradingRate: clean(0.7, 100, () => r.tenth(60, 100)),
    };
    const findings = [];
    for (const [item, max] of JUDGEMENT_2013) {
      if (!r.chance(0.06)) continue;
      const points = r.pick([0.25, 0.5, 0.5, 1, 1, 1.5, 2].filter((p) => p <= max));
      findings.push({ item, points, note: r.pick(NOTES), ...(r.chance(0.5) ? { evidence: [`台帐-${r.int(1, 99)}`] } : {}) });
      if (r.chance(0.1)) findings.push({ item, points: 0.25, note: r.pick(NOTES) });
    }
    for (const [item, p, most] of OCCURRENCE_2013) {
      if (!r.chance(p)) continue;
      const c = r.int(1, most);
      findings.push(c === 1 ? { item } : { item, count: c });
    }
    if (emergency && r.chance(0.3)) findings.push({ item: 'emergency-reporting', count: r.int(1, 2) });
    if (emergency && r.chance(0.2)) findings.push({ item: 'incident-assistance', count: r.int(1, 2) });
    if (creation && r.chance(0.15)) findings.push({ item: 'creation-campaigns' });
    if (r.chance(0.1)) findings.push({ item: 'other-assignments', points: r.pick([0.5, 1, 1.5, 2]), note: '完成交办任务' });
    // 注2: an item without written material scores nothing.
    if (r.chance(0.06)) findings.push({ item: r.pick(ITEMS_2013), evidence: false, note: EVIDENCE_NOTE });
    yield {
      id: `hs-${i}`,
      standard: 'hygiene-supervision-2013',
      unit: { id: `wsy-${String(i % 480).padStart(3, '0')}`, name: `卫生院${i % 480}` },
      date: `2013-12-${String(1 + (i % 28)).padStart(2, '0')}`,
      inspector: '市卫生监督所',
      findings,
      indicators,
      facts,
    };
  }
}

// ─── school-hygiene ────────────────────────────────────────────────────────────────────────────

export const ITEMS_SCHOOL = {
  classroom: ['walls', 'floor', 'desks', 'blackboard', 'lectern', 'glass', 'doors-windows', 'lights', 'tool-corner'],
  environment: ['ground', 'lawn-roads', 'building-surrounds', 'outer-walls', 'handrails', 'stairs-steps'],
};
const SCHOOL_NOTES = ['地面有纸屑', '黑板上沿有粉末', '工具摆放杂乱', '玻璃有脏迹', '楼梯有痰迹'];

/** One inspection of one class's areas under standards/school-hygiene.yaml. */
export function generateSchool(count, seed = DEFAULT_SEED) {
  return take(streamSchool(seed), count);
}

export function* streamSchool(seed = DEFAULT_SEED) {
  const r = prng(seed ^ 0x5c4001);
  for (let i = 0; ; i++) {
    const k = r.next();
    const kind = k < 0.5 ? 'random' : k < 0.85 ? 'scheduled' : 'event';
    const findings = [];
    for (const area of ['classroom', 'environment']) {
      for (const item of ITEMS_SCHOOL[area]) {
        if (!r.chance(0.03)) continue;
        const id = r.chance(0.2) ? `${area}.${item}` : item;
        if (item === 'tool-corner') findings.push({ item: id, points: r.pick([1, 1.5, 2, 3]), ...(r.chance(0.5) ? { note: r.pick(SCHOOL_NOTES) } : {}) });
        else findings.push(r.chance(0.4) ? { item: id, note: r.pick(SCHOOL_NOTES) } : { item: id });
      }
      if (r.chance(0.02)) findings.push({ item: area });
    }
    const grade = 1 + (i % 3);
    yield {
      id: `sh-${i}`,
      standard: 'school-hygiene',
      unit: { id: `g${grade}-c${1 + (i % 10)}`, group: { grade: `高${grade}` } },
      date: `2024-${String(3 + (i % 4)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      kind,
      ...(kind === 'event' ? { level: r.pick(['county', 'city', 'province', 'national']) } : {}),
      inspector: r.pick(['学生会', '德育处', '值周班']),
      findings,
    };
  }
}

function take(iterator, count) {
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = iterator.next().value;
  return out;
}
