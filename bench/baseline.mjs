/**
 * Hand-written scorers: what a careful engineer would write into an app for exactly one standard,
 * knowing it by heart. Plain JavaScript, no library, exact arithmetic in integer ten-thousandths of a
 * point (0.1 = 1000), returning the same total, verdict, band and (item, points) list as scoresheet.
 *
 * These are the "1.0" of vsBaseline: not slowed down, not sped up beyond what an app would do (the
 * item lookup is a Map built once; per-record state is a few reused typed arrays).
 */

const S = 10_000;
const lacksEvidence = (f) => f.evidence === false || (Array.isArray(f.evidence) && f.evidence.length === 0);
const EMPTY = Object.freeze({});

// ─── hygiene-supervision-2013: the 27 rows of the 2013 form ───────────────────────────────────

const ITEMS = [
  // [id, category, max, bonusMax]
  ['leadership', 0, 2], ['plans-reports', 0, 3], ['public-notice', 0, 0.5], ['office-signage', 0, 1.5],
  ['staff-training', 1, 2], ['supervision', 1, 4], ['performance-funding', 1, 1], ['separate-accounts', 1, 1], ['funding-compliance', 1, 1],
  ['campaigns', 2, 2], ['chef-training', 2, 2], ['outreach', 2, 4],
  ['baseline-records', 3, 5], ['licensing-assistance', 3, 8], ['street-licences', 3, 4],
  ['routine-patrols', 4, 15], ['food-grading', 4, 2], ['disease-patrols', 4, 3], ['occupational-guidance', 4, 3], ['water-testing', 4, 3], ['illegal-practice', 4, 6],
  ['monthly-reports', 5, 6], ['clue-reporting', 5, 12, 7], ['emergency-reporting', 5, 5],
  ['incident-assistance', 6, 2], ['creation-campaigns', 6, 2, 3], ['other-assignments', 6, 0, 2],
];
const CATEGORIES = [
  // [id, max, bonusMax]
  ['organisation', 7], ['training-supervision', 9], ['publicity', 8], ['baseline-licensing', 17],
  ['patrols', 32], ['reporting', 23, 10], ['other-tasks', 4, 5],
];
const ID = ITEMS.map((i) => i[0]);
const CAT = ITEMS.map((i) => i[1]);
const MAX = ITEMS.map((i) => i[2] * S);
const BONUS = ITEMS.map((i) => (i[3] ?? Infinity) * S);
const CAT_MAX = CATEGORIES.map((c) => c[1] * S);
const CAT_BONUS = CATEGORIES.map((c) => (c[2] ?? Infinity) * S);
const INDEX = new Map();
ITEMS.forEach(([id, c], i) => {
  INDEX.set(id, i);
  INDEX.set(`${CATEGORIES[c][0]}.${id}`, i);
});

const count = new Int32Array(27);
const judged = new Int32Array(27);
const noEvidence = new Uint8Array(27);
const ded = new Float64Array(27);
const awd = new Float64Array(27);
const skip = new Uint8Array(27);

/**
 * An indicator (percent) as an exact ratio N / D in ten-thousandths, compared by cross-multiplying:
 * all values stay below 2^53, so integer division is exact.
 */
function stepsBelow(given, target, step) {
  let n;
  let d = 1;
  if (typeof given === 'number') n = Math.round(given * S);
  else if (given === undefined) return -1;
  else if (given.value !== undefined) n = Math.round(given.value * S);
  else {
    n = Math.round(given.numerator * 100 * S);
    d = given.denominator;
  }
  const shortfall = target * S * d - n;
  return shortfall <= 0 ? 0 : Math.floor(shortfall / (step * S * d));
}

export function scoreHygiene2013(record) {
  count.fill(0);
  judged.fill(0);
  noEvidence.fill(0);
  for (const f of record.findings) {
    const i = INDEX.get(f.item);
    count[i] += f.count ?? 1;
    if (f.points !== undefined) judged[i] += Math.round(f.points * S);
    if (lacksEvidence(f)) noEvidence[i] = 1;
  }
  const facts = record.facts ?? EMPTY;
  const ind = record.indicators ?? EMPTY;
  let unknown = false;
  /** shortfall below `required` of a count fact (a missing count makes the result indeterminate) */
  const short = (value, required) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      unknown = true;
      return 0;
    }
    return Math.max(0, required - Math.floor(value));
  };
  /** a yes/no fact that costs points when false */
  const no = (value) => {
    if (value === undefined) unknown = true;
    return value === false ? 1 : 0;
  };
  const steps = (given, target, step) => {
    const n = stepsBelow(given, target, step);
    if (n < 0) unknown = true;
    return n < 0 ? 0 : n;
  };
  const has = (i) => (count[i] > 0 ? 1 : 0);

  ded[0] = 5000 * short(facts.orgRolesInPlace, 4) + judged[0];
  ded[1] = 10000 * count[1];
  ded[2] = 5000 * has(2);
  ded[3] = 5000 * has(3) + 1000 * short(facts.officeRulesPosted, 10);
  ded[4] = 20000 * no(facts.staffTrainingHeld) + judged[4];
  ded[5] = 10000 * short(facts.supervisionsHeld, 4) + judged[5];
  ded[6] = 10000 * no(facts.assessmentMethodExists) + judged[6];
  ded[7] = 10000 * has(7);
  ded[8] = 5000 * count[8];
  ded[9] = 10000 * count[9];
  ded[10] = 20000 * no(facts.chefTrainingHeld) + judged[10];
  ded[11] = 5000 * short(facts.outreachSessions, 8) + 10000 * short(facts.outreachSectors, 7);
  ded[12] = 10000 * short(facts.baselineSectors, 5) + judged[12];
  ded[13] = 10000 * (no(facts.licenceAssistance) + no(facts.healthChecksOrganised) + no(facts.ledgersRegistered)) + judged[13];
  ded[14] = 10000 * count[14] + 5000 * steps(ind.staffCertificateRate, 98, 5);
  ded[15] = Math.min(100000, 5000 * steps(ind.patrolCompletionRate, 100, 2)) + Math.min(50000, 1000 * count[15]);
  ded[16] = 5000 * steps(ind.foodGradingRate, 100, 10);
  ded[17] = 10000 * short(facts.diseasePatrols, 4);
  ded[18] = 5000 * short(facts.occupationalConsultations, 6);
  ded[19] = 2000 * short(facts.tapWaterTests, 60);
  const harm = facts.seriousHarmCases;
  if (typeof harm !== 'number') unknown = true;
  ded[20] = 5000 * short(facts.illegalPracticeVisits, 24) + 10000 * count[20] + 20000 * ((harm > 0) + (harm > 1) + (harm > 2));
  ded[21] = 5000 * count[21] + 10000 * short(facts.monthlyReportsFiled, 12);
  const clues = facts.cluesReported;
  ded[22] = Math.min(120000, 20000 * short(clues, 6));
  const valuable = facts.valuableClues;
  awd[22] =
    (typeof clues === 'number' ? Math.min(20000, 2000 * Math.max(0, Math.floor(clues) - 6)) : 0) +
    (typeof valuable === 'number' ? Math.min(50000, 5000 * Math.max(0, Math.floor(valuable))) : 0);
  // 未发生突发公共卫生事件的不扣分 (rows 24–25); 辖区无创建任务的 neither deducted nor awarded (row 26).
  // A not-applicable item is decided first: it is not charged, not even for missing written material;
  // when its condition is unknown (the fact is missing) the item is not scored and the result is unknown.
  const emergency = facts.emergencyOccurred;
  const emergencyItems = emergency !== false && emergency !== undefined;
  if (emergency === undefined) unknown = true;
  skip[23] = skip[24] = emergencyItems ? 0 : 1;
  if (emergencyItems) {
    const concealed = facts.concealedEmergencyReports;
    if (typeof concealed !== 'number') unknown = true;
    ded[23] = 20000 * count[23] + (concealed > 0 ? 50000 : 0);
    ded[24] = 10000 * count[24];
  }
  const creation = facts.creationTask;
  const creationItem = creation !== false && creation !== undefined;
  if (creation === undefined) unknown = true;
  skip[25] = creationItem ? 0 : 1;
  if (creationItem) {
    const n = (x) => (typeof x === 'number' ? Math.max(0, Math.floor(x)) : 0);
    ded[25] = 20000 * has(25);
    awd[25] = 10000 * n(facts.hygieneTownsJoined) + 5000 * n(facts.hygieneVillagesJoined) + 10000 * n(facts.modelStreetsJoined) + 5000 * n(facts.modelShopsJoined);
  }
  ded[26] = 0;
  awd[26] = judged[26];

  const deductions = [];
  let total = 1_000_000;
  let c = 0;
  let catDed = 0;
  let catAwd = 0;
  for (let i = 0; i < 27; i++) {
    let d;
    let a = i === 22 || i === 25 || i === 26 ? awd[i] : 0;
    if (skip[i] === 1) {
      d = 0;
      a = 0;
    } else if (noEvidence[i] === 1) {
      // 注2: without written material the item scores nothing.
      d = MAX[i];
      a = 0;
    } else {
      d = Math.min(ded[i], MAX[i]); // 扣完为止
      a = Math.min(a, BONUS[i]);
    }
    if (d !== a) {
      deductions.push([ID[i], a - d]);
      total += a - d;
    }
    catDed += d;
    catAwd += a;
    if (i === 26 || CAT[i + 1] !== c) {
      const back = (catDed > CAT_MAX[c] ? catDed - CAT_MAX[c] : 0) - (catAwd > CAT_BONUS[c] ? catAwd - CAT_BONUS[c] : 0);
      if (back !== 0) {
        deductions.push([CATEGORIES[c][0], back]);
        total += back;
      }
      c++;
      catDed = 0;
      catAwd = 0;
    }
  }
  if (total > 1_150_000) total = 1_150_000;
  return { total, verdict: unknown ? 'indeterminate' : 'pass', band: null, deductions };
}

// ─── school-hygiene: two areas, by-kind deductions, the tool corner's 1–3 points ──────────────

const AREA = new Map();
for (const [a, area, items] of [
  [0, 'classroom', ['walls', 'floor', 'desks', 'blackboard', 'lectern', 'glass', 'doors-windows', 'lights', 'tool-corner']],
  [1, 'environment', ['ground', 'lawn-roads', 'building-surrounds', 'outer-walls', 'handrails', 'stairs-steps']],
]) {
  AREA.set(area, a);
  for (const item of items) {
    AREA.set(item, a);
    AREA.set(`${area}.${item}`, a);
  }
}
const BY_KIND = { random: 10000, scheduled: 20000 };
const BY_LEVEL = { county: 30000, city: 40000, province: 50000, national: 60000 };

export function scoreSchoolHygiene(record) {
  let classroom = false;
  let environment = false;
  let tool = 0;
  for (const f of record.findings) {
    if (AREA.get(f.item) === 0) {
      classroom = true;
      if (f.points !== undefined && (f.item === 'tool-corner' || f.item === 'classroom.tool-corner')) tool += Math.round(f.points * S) * (f.count ?? 1);
    } else environment = true;
  }
  const deductions = [];
  let total = 1_000_000;
  let unknown = false;
  if (tool > 0) {
    deductions.push(['tool-corner', -tool]);
    total -= tool;
  }
  if (classroom || environment) {
    const kind = record.kind;
    const points = kind === 'event' ? BY_LEVEL[record.level] : BY_KIND[kind];
    if (points === undefined) unknown = true;
    else {
      if (classroom) deductions.push(['classroom', -points]);
      if (environment) deductions.push(['environment', -points]);
      total -= (classroom ? points : 0) + (environment ? points : 0);
    }
  }
  return { total, verdict: unknown ? 'indeterminate' : 'pass', band: null, deductions };
}
