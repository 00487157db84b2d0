// bench/floor-2013.mjs (npm run build first): what a perfect compiler could reach on the 2013 form under issue
// 16's own timed loop, as floor-school.mjs does for the school standard. A hand-written function checks and
// copies the record (plain objects, known keys, types, a cached date check, the facts into one literal), scores
// it with the hand-written baseline's arithmetic, and builds the full scorecard, every line; it is checked
// JSON-equal to scoreRecord's first. Then it is timed (CPU, rounds alternated) against the hand-written
// baseline, scoreRecord, json-rules-engine and json-logic-js, and its pieces one by one. Not part of npm run
// bench: an analysis (bench/README.md, "The 2013 form's floor"). `node bench/floor-2013.mjs [records] [rounds] [zod|json]`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileStandard, parseStandard, scoreRecord } from '../dist/index.js';
import { InspectionRecordSchema } from '../dist/schemas.js';
import { generate2013 } from './generate.mjs';
import { scoreHygiene2013 } from './baseline.mjs';
import { makeJre } from './peers/jre.mjs';
import { makeJsonLogic } from './peers/json-logic.mjs';

const file = 'standards/hygiene-supervision-2013.yaml';
const standard = parseStandard(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'), { file }).standard;
const scorer = compileStandard(standard);
const S = 10_000; // the baseline's exact ten-thousandths
// zod's output, as the bench gives it (its facts, 27 keys added one by one, are a dictionary-mode object); with
// `json`, the same records through JSON.parse(JSON.stringify(…)) (fast-mode facts). One kind per process: a
// loop that has seen both has polymorphic property loads, and neither kind's time.
const factsKind = process.argv[4] ?? 'zod';
const makeRecords = (n) => generate2013(n).map((r) => (factsKind === 'json' ? JSON.parse(JSON.stringify(InspectionRecordSchema.parse(r))) : InspectionRecordSchema.parse(r)));

// ─── constants taken from the standard, as a compiler would ───────────────────────────────────
const probe = scoreRecord(scorer, generate2013(1)[0]).scorecard;
const REF = probe.standard, PROVENANCE = probe.provenance;
const CATS = standard.categories.map((c) => ({ id: c.id, name: c.name, max: c.max * S, bonusMax: c.bonusMax === undefined ? Infinity : c.bonusMax * S }));
const ITEMS = standard.categories.flatMap((c, ci) => c.items.map((it, ii) => {
  const path = `categories[${ci}].items[${ii}]`;
  return { id: it.id, cat: c.id, c: ci, path, source: it.source, max: it.max * S, bonusMax: it.bonusMax === undefined ? Infinity : it.bonusMax * S, maxNumber: it.max,
    rules: it.rules.map((r, ri) => ({ path: `${path}.rules[${ri}]`, source: r.source ?? it.source, text: r.reason, quantity: r.of?.fact, expected: r.required !== undefined ? `≥ ${r.required}` : r.target !== undefined ? `≥ ${r.target}` : r.max !== undefined ? `≤ ${r.max}` : undefined })) };
}));
const INDEX = new Map();
ITEMS.forEach((it, i) => { INDEX.set(it.id, i); INDEX.set(`${it.cat}.${it.id}`, i); });

// ─── check + copy: the record schema for what these records hold ──────────────────────────────
const plain = (v) => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const nonEmpty = (v) => typeof v === 'string' && v.length > 0;
const finite = (v) => typeof v === 'number' && Number.isFinite(v);
const dates = new Map();
const isDate = (d) => {
  if (typeof d !== 'string') return false;
  let ok = dates.get(d);
  if (ok === undefined) {
    const t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d), y = +t?.[1], m = +t?.[2], day = +t?.[3];
    ok = t !== null && m >= 1 && m <= 12 && day >= 1 && day <= (m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]);
    dates.set(d, ok);
  }
  return ok;
};
const count = (o) => { let c = 0; for (const k in o) c++; return c; };
// Ids (kind, level) are few: each checked against the pattern once.
const ids = new Map();
const isId = (v) => { if (typeof v !== 'string') return false; let ok = ids.get(v); if (ok === undefined) ids.set(v, (ok = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u.test(v))); return ok; };
/** `checkSymbols`: also refuse symbol keys in facts and indicators (what zod refuses); off, the floor checks less. */
let checkSymbols = true;

function finding(f) {
  if (!plain(f)) return undefined;
  const { item, count: c, points, note, evidence } = f;
  if (count(f) !== 1 + (c !== undefined) + (points !== undefined) + (note !== undefined) + (evidence !== undefined) || !nonEmpty(item)) return undefined;
  if (c === undefined && points === undefined && evidence === undefined) return note === undefined ? { item } : typeof note === 'string' ? { item, note } : undefined;
  const out = { item };
  if (c !== undefined) { if (!Number.isSafeInteger(c) || c <= 0) return undefined; out.count = c; }
  if (points !== undefined) { if (!finite(points) || points < 0 || Math.round(points * S) / S !== points) return undefined; out.points = points; }
  if (note !== undefined) { if (typeof note !== 'string') return undefined; out.note = note; }
  if (evidence !== undefined) {
    if (typeof evidence === 'boolean') out.evidence = evidence;
    else if (!Array.isArray(evidence)) return undefined;
    else { const e = new Array(evidence.length); for (let i = 0; i < e.length; i++) { const x = evidence[i]; if (typeof x !== 'string') return undefined; e[i] = x; } out.evidence = e; }
  }
  return out;
}
function indicators(v) {
  if (!plain(v) || (checkSymbols && Object.getOwnPropertySymbols(v).length > 0)) return undefined;
  const out = {};
  for (const k in v) {
    const x = v[k];
    if (k === '__proto__') return undefined;
    if (finite(x)) out[k] = x;
    else if (!plain(x)) return undefined;
    else {
      const { value, numerator: a, denominator: b } = x, keys = count(x);
      if (value !== undefined && keys === 1 && finite(value)) out[k] = { value };
      else if (keys === 2 && Number.isSafeInteger(a) && a >= 0 && Number.isSafeInteger(b) && b >= 1 && a <= 1e13 && b <= 1e13) out[k] = { numerator: a, denominator: b };
      else return undefined;
    }
  }
  return out;
}
// The facts the form reads, in the order it reads them (the generator writes them so): records whose facts
// come in this order get one literal (a fast-mode object, read by named loads); any other, key by key.
const FACT_KEYS = [];
for (const c of standard.categories) for (const it of c.items) for (const r of it.rules) {
  const fact = r.of?.fact ?? r.when?.fact ?? (r.when?.condition !== undefined ? standard.conditions[r.when.condition].fact : undefined);
  if (fact !== undefined && !FACT_KEYS.includes(fact)) FACT_KEYS.push(fact);
}
function facts(v) {
  if (!plain(v) || (checkSymbols && Object.getOwnPropertySymbols(v).length > 0)) return undefined;
  // Object.keys, not for…in: on zod's dictionary-mode facts for…in checks each key again (1.02 against 0.86 µs).
  const keys = Object.keys(v);
  let inOrder = keys.length === FACT_KEYS.length;
  for (let i = 0; inOrder && i < keys.length; i++) inOrder = keys[i] === FACT_KEYS[i];
  if (inOrder) {
    return { orgRolesInPlace: v.orgRolesInPlace, officeRulesPosted: v.officeRulesPosted, staffTrainingHeld: v.staffTrainingHeld, supervisionsHeld: v.supervisionsHeld,
      assessmentMethodExists: v.assessmentMethodExists, chefTrainingHeld: v.chefTrainingHeld, outreachSessions: v.outreachSessions, outreachSectors: v.outreachSectors,
      baselineSectors: v.baselineSectors, licenceAssistance: v.licenceAssistance, healthChecksOrganised: v.healthChecksOrganised, ledgersRegistered: v.ledgersRegistered,
      diseasePatrols: v.diseasePatrols, occupationalConsultations: v.occupationalConsultations, tapWaterTests: v.tapWaterTests, illegalPracticeVisits: v.illegalPracticeVisits,
      seriousHarmCases: v.seriousHarmCases, monthlyReportsFiled: v.monthlyReportsFiled, cluesReported: v.cluesReported, valuableClues: v.valuableClues,
      emergencyOccurred: v.emergencyOccurred, concealedEmergencyReports: v.concealedEmergencyReports, creationTask: v.creationTask, hygieneTownsJoined: v.hygieneTownsJoined,
      hygieneVillagesJoined: v.hygieneVillagesJoined, modelStreetsJoined: v.modelStreetsJoined, modelShopsJoined: v.modelShopsJoined };
  }
  const out = {};
  for (const k of keys) { if (k === '__proto__') return undefined; out[k] = v[k]; }
  return out;
}
/** The record as InspectionRecordSchema.parse gives it, or undefined (not this floor's: round, supersedes, follows, parties, …). */
export function check(raw) {
  if (!plain(raw)) return undefined;
  const { id, standard: st, unit, date, kind, level, inspector, findings: fs, indicators: ind, facts: fa } = raw;
  if (count(raw) !== (id !== undefined) + (st !== undefined) + 2 + (kind !== undefined) + (level !== undefined) + (inspector !== undefined) + (fs !== undefined) + (ind !== undefined) + (fa !== undefined)) return undefined;
  if ((id !== undefined && !nonEmpty(id)) || (st !== undefined && !nonEmpty(st)) || (inspector !== undefined && !nonEmpty(inspector))) return undefined;
  if ((kind !== undefined && !isId(kind)) || (level !== undefined && !isId(level)) || !isDate(date) || !plain(unit)) return undefined;
  const { id: uid, name, group } = unit;
  if (group !== undefined || count(unit) !== 1 + (name !== undefined) || !nonEmpty(uid) || (name !== undefined && !nonEmpty(name))) return undefined;
  let findings = [];
  if (fs !== undefined) {
    if (!Array.isArray(fs)) return undefined;
    findings = new Array(fs.length);
    for (let i = 0; i < fs.length; i++) if ((findings[i] = finding(fs[i])) === undefined) return undefined;
  }
  const i2 = ind === undefined ? undefined : indicators(ind);
  const f2 = fa === undefined ? undefined : facts(fa);
  if ((ind !== undefined && i2 === undefined) || (fa !== undefined && f2 === undefined)) return undefined;
  return { id, standard: st, unit: name === undefined ? { id: uid } : { id: uid, name }, date, kind, level, inspector, findings, indicators: i2, facts: f2 };
}

// ─── scoring and lines: the baseline's arithmetic, each rule's line as scoreRecord writes it ──────────
let L; // the card's lines
let d = 0, a = 0; // the item's points taken and given so far (ten-thousandths)
let unknown = false; // a fact missing or not a number: not this floor's (scoreRecord says indeterminate)
const head = new Int32Array(27), tail = new Int32Array(27), next = new Int32Array(1024), noEvidence = new Uint8Array(27);

function push(type, it, ru, signed, reason) { L.push({ type, item: it.id, category: it.cat, rule: ru.path, points: signed / S, reason, source: ru.source }); }
function quantity(v) { if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) { unknown = true; return 0; } return v; }
function shortfall(it, r, required, p, v) {
  const ru = it.rules[r], x = quantity(v), short = Math.max(0, required - Math.floor(x));
  if (short === 0 || unknown) return;
  d += p * short;
  L.push({ type: 'deduction', item: it.id, category: it.cat, rule: ru.path, points: -(p * short) / S, reason: { messageId: 'line.per_shortfall', data: { required, actual: x, shortfall: short, points: p / S, text: ru.text } }, source: ru.source, expected: ru.expected, actual: String(x) });
}
/** A ratio as a percent to 2 decimals, "83.68" (String() of a fraction is slow: the digits by hand, as scoresheet prints them). */
function percent(value) {
  const h = Math.round(value * 100), whole = Math.floor(h / 100), cents = h - whole * 100;
  return cents === 0 ? String(whole) : whole + (cents % 10 === 0 ? '.' + cents / 10 : cents < 10 ? '.0' + cents : '.' + cents);
}
/** The baseline's stepsBelow, with the quantity as scoreRecord prints it. */
function perStep(it, r, target, step, p, given) {
  const ru = it.rules[r];
  if (given === undefined) { unknown = true; return; }
  let num, den = 1;
  if (typeof given === 'number') num = Math.round(given * S); else if (given.value !== undefined) num = Math.round(given.value * S); else { num = Math.round(given.numerator * 100 * S); den = given.denominator; }
  const short = target * S * den - num;
  const steps = short <= 0 ? 0 : Math.floor(short / (step * S * den));
  if (steps === 0) return;
  const actual = typeof given === 'number' ? String(given) : given.value !== undefined ? String(given.value) : percent((given.numerator * 100) / den);
  d += p * steps;
  L.push({ type: 'deduction', item: it.id, category: it.cat, rule: ru.path, points: -(p * steps) / S, reason: { messageId: 'line.per_step', data: { target, actual, step, steps, points: p / S, text: ru.text } }, source: ru.source, expected: ru.expected, actual });
}
function threshold(it, r, max, p, v) {
  const ru = it.rules[r], x = quantity(v);
  if (x <= max || unknown) return;
  d += p;
  const actual = String(x);
  L.push({ type: 'deduction', item: it.id, category: it.cat, rule: ru.path, points: -p / S, reason: { messageId: 'line.threshold', data: { quantity: ru.quantity, expected: ru.expected, actual, text: ru.text } }, source: ru.source, expected: ru.expected, actual });
}
function bonus(it, r, above, p, v) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return; // scoreRecord gives nothing either
  const ru = it.rules[r], extra = Math.floor(v) - above;
  if (extra <= 0) return;
  a += p * extra;
  push('award', it, ru, p * extra, { messageId: 'line.bonus', data: { extra, above, points: p / S, text: ru.text } });
}
/** A fixed deduction on a finding against the item (`found`), or on a `when` fact equal to false (a missing fact: unknown). */
function fixed(it, r, p, k, found, fact) {
  if (found ? head[k] < 0 : fact !== false) { if (!found && fact === undefined) unknown = true; return; }
  const ru = it.rules[r];
  d += p;
  const line = { type: 'deduction', item: it.id, category: it.cat, rule: ru.path, points: -p / S, reason: { messageId: 'line.fixed', data: { points: p / S, text: ru.text } }, source: ru.source };
  if (head[k] >= 0) line.finding = head[k];
  L.push(line);
}
function occurrences(it, r, p, k, findings) {
  const ru = it.rules[r];
  for (let f = head[k]; f >= 0; f = next[f]) {
    const { count = 1, note } = findings[f];
    d += p * count;
    const line = { type: 'deduction', item: it.id, category: it.cat, rule: ru.path, points: -(p * count) / S, reason: { messageId: 'line.per_occurrence', data: { count, points: p / S, text: ru.text } }, source: ru.source, finding: f };
    if (note !== undefined) line.note = note;
    L.push(line);
  }
}
function judgements(it, r, k, findings, award) {
  const ru = it.rules[r];
  for (let f = head[k]; f >= 0; f = next[f]) {
    const { points, note } = findings[f];
    if (points === undefined) continue;
    const p = Math.round(points * S);
    if (award) a += p; else d += p;
    L.push({ type: award ? 'award' : 'deduction', item: it.id, category: it.cat, rule: ru.path, points: award ? p / S : -p / S, reason: { messageId: award ? 'line.judgement_award' : 'line.judgement', data: { points, note, text: ru.text } }, source: ru.source, finding: f, note });
  }
}
function capRule(it, r, cap, before, beforeAward) {
  const ru = it.rules[r];
  if (d - before > cap) { const x = d - before - cap; d -= x; L.push({ type: 'capped', item: it.id, category: it.cat, rule: ru.path, points: x / S, reason: { messageId: 'line.cap_rule', data: { cap: cap / S } }, source: ru.source }); }
  if (a - beforeAward > cap) { const x = a - beforeAward - cap; a -= x; L.push({ type: 'capped', item: it.id, category: it.cat, rule: ru.path, points: -x / S, reason: { messageId: 'line.cap_rule_award', data: { cap: cap / S } }, source: ru.source }); }
}
/** The item's floor (扣完为止) and bonus cap. */
function limit(it) {
  if (d > it.max) { const x = d - it.max; d = it.max; L.push({ type: 'capped', item: it.id, category: it.cat, rule: it.path, points: x / S, reason: { messageId: 'line.floor_item', data: { max: it.maxNumber } }, source: it.source }); }
  if (a > it.bonusMax) { const x = a - it.bonusMax; a = it.bonusMax; L.push({ type: 'capped', item: it.id, category: it.cat, rule: it.path, points: -x / S, reason: { messageId: 'line.cap_item_bonus', data: { cap: it.bonusMax / S } }, source: it.source }); }
}
/** Starts item k: true when it is scored on (注2: no written material shown, the item scores nothing). */
function begin(k) {
  d = 0; a = 0;
  if (noEvidence[k] === 0) return true;
  const it = ITEMS[k];
  d = it.max;
  if (it.max > 0) L.push({ type: 'deduction', item: it.id, category: it.cat, rule: it.path, points: -it.max / S, reason: { messageId: 'line.evidence_missing', data: { points: it.maxNumber } }, source: it.source });
  return false;
}
/** Not applicable (fact equal to false): the item's line, and nothing else is scored. */
function notApplicable(it, fact) {
  if (fact === undefined) { unknown = true; return false; }
  if (fact !== false) return true;
  push('not_applicable', it, it.rules[0], 0, { messageId: 'line.not_applicable', data: { text: it.rules[0].text } });
  return false;
}
/** The category's points: its max less what its items took, plus what they gave. */
function category(c, dSum, aSum) {
  const cat = CATS[c];
  if (dSum > cat.max || aSum > cat.bonusMax) unknown = true; // cannot happen on this form (its items' maxima add up to the category's); not this floor's
  return { id: cat.id, name: cat.name, points: (cat.max - dSum + aSum) / S, max: cat.max / S };
}
const D = new Float64Array(7), A = new Float64Array(7); // each category's points taken and given
/** Ends item k: its floor and bonus cap (`done`), or not (`skip`: not applicable, no written material); its points to its category. */
function done(k) { limit(ITEMS[k]); skip(k); }
function skip(k) { D[ITEMS[k].c] += d; A[ITEMS[k].c] += a; }

export function score(r) {
  const findings = r.findings, F = r.facts ?? {}, I = r.indicators ?? {};
  if (findings.length > next.length) return undefined;
  L = []; unknown = false;
  head.fill(-1); noEvidence.fill(0);
  for (let f = 0; f < findings.length; f++) {
    const k = INDEX.get(findings[f].item);
    if (k === undefined) return undefined;
    if (head[k] < 0) head[k] = f; else next[tail[k]] = f;
    tail[k] = f; next[f] = -1;
    const e = findings[f].evidence;
    if (e === false || (Array.isArray(e) && e.length === 0)) noEvidence[k] = 1;
  }
  const it = ITEMS;
  D.fill(0); A.fill(0);
  let before, beforeA;
  // organisation
  if (begin(0)) { shortfall(it[0], 0, 4, 5000, F.orgRolesInPlace); judgements(it[0], 1, 0, findings, false); done(0); } else skip(0);
  if (begin(1)) { occurrences(it[1], 0, 10000, 1, findings); done(1); } else skip(1);
  if (begin(2)) { fixed(it[2], 0, 5000, 2, true); done(2); } else skip(2);
  if (begin(3)) { fixed(it[3], 0, 5000, 3, true); shortfall(it[3], 1, 10, 1000, F.officeRulesPosted); done(3); } else skip(3);
  // training-supervision
  if (begin(4)) { fixed(it[4], 0, 20000, 4, false, F.staffTrainingHeld); judgements(it[4], 1, 4, findings, false); done(4); } else skip(4);
  if (begin(5)) { shortfall(it[5], 0, 4, 10000, F.supervisionsHeld); judgements(it[5], 1, 5, findings, false); done(5); } else skip(5);
  if (begin(6)) { fixed(it[6], 0, 10000, 6, false, F.assessmentMethodExists); judgements(it[6], 1, 6, findings, false); done(6); } else skip(6);
  if (begin(7)) { fixed(it[7], 0, 10000, 7, true); done(7); } else skip(7);
  if (begin(8)) { occurrences(it[8], 0, 5000, 8, findings); done(8); } else skip(8);
  // publicity
  if (begin(9)) { occurrences(it[9], 0, 10000, 9, findings); done(9); } else skip(9);
  if (begin(10)) { fixed(it[10], 0, 20000, 10, false, F.chefTrainingHeld); judgements(it[10], 1, 10, findings, false); done(10); } else skip(10);
  if (begin(11)) { shortfall(it[11], 0, 8, 5000, F.outreachSessions); shortfall(it[11], 1, 7, 10000, F.outreachSectors); done(11); } else skip(11);
  // baseline-licensing
  if (begin(12)) { shortfall(it[12], 0, 5, 10000, F.baselineSectors); judgements(it[12], 1, 12, findings, false); done(12); } else skip(12);
  if (begin(13)) { fixed(it[13], 0, 10000, 13, false, F.licenceAssistance); fixed(it[13], 1, 10000, 13, false, F.healthChecksOrganised); fixed(it[13], 2, 10000, 13, false, F.ledgersRegistered); judgements(it[13], 3, 13, findings, false); done(13); } else skip(13);
  if (begin(14)) { occurrences(it[14], 0, 10000, 14, findings); perStep(it[14], 1, 98, 5, 5000, I.staffCertificateRate); done(14); } else skip(14);
  // patrols
  if (begin(15)) {
    before = d; beforeA = a; perStep(it[15], 0, 100, 2, 5000, I.patrolCompletionRate); capRule(it[15], 0, 100000, before, beforeA);
    before = d; beforeA = a; occurrences(it[15], 1, 1000, 15, findings); capRule(it[15], 1, 50000, before, beforeA);
    done(15);
  } else skip(15);
  if (begin(16)) { perStep(it[16], 0, 100, 10, 5000, I.foodGradingRate); done(16); } else skip(16);
  if (begin(17)) { shortfall(it[17], 0, 4, 10000, F.diseasePatrols); done(17); } else skip(17);
  if (begin(18)) { shortfall(it[18], 0, 6, 5000, F.occupationalConsultations); done(18); } else skip(18);
  if (begin(19)) { shortfall(it[19], 0, 60, 2000, F.tapWaterTests); done(19); } else skip(19);
  if (begin(20)) {
    shortfall(it[20], 0, 24, 5000, F.illegalPracticeVisits); occurrences(it[20], 1, 10000, 20, findings);
    threshold(it[20], 2, 0, 20000, F.seriousHarmCases); threshold(it[20], 3, 1, 20000, F.seriousHarmCases); threshold(it[20], 4, 2, 20000, F.seriousHarmCases);
    done(20);
  } else skip(20);
  // reporting
  if (begin(21)) { occurrences(it[21], 0, 5000, 21, findings); shortfall(it[21], 1, 12, 10000, F.monthlyReportsFiled); done(21); } else skip(21);
  if (begin(22)) {
    before = d; beforeA = a; shortfall(it[22], 0, 6, 20000, F.cluesReported); capRule(it[22], 0, 120000, before, beforeA);
    before = d; beforeA = a; bonus(it[22], 1, 6, 2000, F.cluesReported); capRule(it[22], 1, 20000, before, beforeA);
    before = d; beforeA = a; bonus(it[22], 2, 0, 5000, F.valuableClues); capRule(it[22], 2, 50000, before, beforeA);
    done(22);
  } else skip(22);
  d = a = 0;
  if (notApplicable(it[23], F.emergencyOccurred) && begin(23)) { occurrences(it[23], 1, 20000, 23, findings); threshold(it[23], 2, 0, 50000, F.concealedEmergencyReports); done(23); } else skip(23);
  // other-tasks
  d = a = 0;
  if (notApplicable(it[24], F.emergencyOccurred) && begin(24)) { occurrences(it[24], 1, 10000, 24, findings); done(24); } else skip(24);
  d = a = 0;
  if (notApplicable(it[25], F.creationTask) && begin(25)) {
    fixed(it[25], 1, 20000, 25, true); bonus(it[25], 2, 0, 10000, F.hygieneTownsJoined); bonus(it[25], 3, 0, 5000, F.hygieneVillagesJoined);
    bonus(it[25], 4, 0, 10000, F.modelStreetsJoined); bonus(it[25], 5, 0, 5000, F.modelShopsJoined); done(25);
  } else skip(25);
  if (begin(26)) { judgements(it[26], 0, 26, findings, true); done(26); } else skip(26);
  if (unknown) return undefined;
  const categories = new Array(7);
  let total = 100 * S;
  for (let c = 0; c < 7; c++) { categories[c] = category(c, D[c], A[c]); total += A[c] - D[c]; }
  return unknown || total > 115 * S ? undefined : { lines: L, categories, total: total / S };
}
export function ideal(raw) {
  const r = check(raw); if (r === undefined) return undefined;
  const s = score(r); if (s === undefined) return undefined;
  return { standard: REF, record: r.id, unit: r.unit, date: r.date, kind: r.kind, level: r.level, inspector: r.inspector, mode: 'deduct', base: 100, lines: s.lines,
    categories: s.categories, total: s.total, complete: true, band: null, outcomes: [], verdict: 'pass', reasons: [], provenance: PROVENANCE };
}

// Run as a script (imported, it only gives check, score and ideal, to time beside scoresheet's own pieces).
if (process.argv[1] === fileURLToPath(import.meta.url)) await main(Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 9));

async function main(n, rounds) {
  const records = makeRecords(n);
  // ─── same work? ────────────────────────────────────────────────────────────────────────────────────
  let same = 0, handled = 0, firstDiff;
  for (let i = 0; i < n; i++) {
    const x = ideal(records[i]); if (x === undefined) continue;
    handled++;
    const y = JSON.stringify(scoreRecord(scorer, records[i]).scorecard);
    if (JSON.stringify(x) === y) same++; else firstDiff ??= i;
  }
  // The copy too: the checked record JSON-equal to zod's output (facts and all).
  let copies = 0; for (let i = 0; i < 2000; i++) if (JSON.stringify(check(records[i])) === JSON.stringify(records[i])) copies++;
  console.log(`ideal = scoreRecord (JSON) on ${same} of ${n} records (${handled} handled${firstDiff === undefined ? '' : `, first differing #${firstDiff}`}); check(r) = zod's record (JSON) on ${copies} of 2000`);
  if (same < n) { if (firstDiff !== undefined) console.log(JSON.stringify(ideal(records[firstDiff])), '\n', JSON.stringify(scoreRecord(scorer, records[firstDiff]).scorecard)); throw new Error('the ideal function does not build the cards scoreRecord builds: fix it before reading its timing'); }

  // ─── timing: CPU µs a record, rounds alternated, medians ────────────────────────────────────────
  const checked = records.map(check);
  const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
  let sink = 0;
  const loops = {
    'hand-written': () => { for (let i = 0; i < n; i++) sink += scoreHygiene2013(records[i]).total; },
    ideal: () => { for (let i = 0; i < n; i++) sink += ideal(records[i]).total; },
    'check + copy': () => { for (let i = 0; i < n; i++) sink += check(records[i]).findings.length; },
    'check + copy, no symbol check': () => { checkSymbols = false; for (let i = 0; i < n; i++) sink += check(records[i]).findings.length; checkSymbols = true; },
    'score + lines (checked record)': () => { for (let i = 0; i < n; i++) sink += score(checked[i]).total; },
    scoreRecord: () => { for (let i = 0; i < n; i++) sink += scoreRecord(scorer, records[i]).ok ? 1 : 0; },
  };
  const res = {};
  for (let round = 0; round < rounds; round++) for (const [k, f] of Object.entries(loops)) { const t = cpu(); f(); (res[k] ??= []).push((cpu() - t) / n); }
  const med = (k) => { const v = [...res[k]].sort((x, y) => x - y); return v[v.length >> 1]; };
  const base = med('hand-written');
  console.log(`CPU µs a record, medians of ${rounds} alternated rounds, ${n} records (${factsKind} facts):`);
  for (const k of Object.keys(loops)) console.log(`  ${k.padEnd(32)} ${med(k).toFixed(3)} µs  (${(base / med(k)).toFixed(2)}× hand-written)`);

  // The peers on a few thousand records (json-rules-engine is ~500 µs a record), alternated with the ideal and scoreRecord.
  const m = Math.min(n, 2000), jre = makeJre(standard), jsonLogic = makeJsonLogic(standard);
  const peers = { jre: [], jsonLogic: [], ideal: [], scoreRecord: [] };
  for (let round = 0; round < 5; round++) {
    let t = cpu(); for (let i = 0; i < m; i++) sink += (await jre(records[i])).total; peers.jre.push((cpu() - t) / m);
    t = cpu(); for (let i = 0; i < m; i++) sink += jsonLogic(records[i]).total; peers.jsonLogic.push((cpu() - t) / m);
    t = cpu(); for (let r2 = 0; r2 < 20; r2++) for (let i = 0; i < m; i++) sink += ideal(records[i]).total; peers.ideal.push((cpu() - t) / m / 20);
    t = cpu(); for (let r2 = 0; r2 < 20; r2++) for (let i = 0; i < m; i++) sink += scoreRecord(scorer, records[i]).ok ? 1 : 0; peers.scoreRecord.push((cpu() - t) / m / 20);
  }
  const pm = (k) => peers[k].sort((x, y) => x - y)[2];
  console.log(`peers, ${m} records: json-rules-engine ${pm('jre').toFixed(1)} µs, json-logic-js ${pm('jsonLogic').toFixed(2)} µs; ideal ${pm('ideal').toFixed(3)} µs → ${(pm('jre') / pm('ideal')).toFixed(0)}× jre, ${(pm('jsonLogic') / pm('ideal')).toFixed(1)}× json-logic; scoreRecord ${pm('scoreRecord').toFixed(3)} µs → ${(pm('jre') / pm('scoreRecord')).toFixed(0)}× jre, ${(pm('jsonLogic') / pm('scoreRecord')).toFixed(1)}× json-logic`);
  if (sink === 0.5) console.log(sink);
}
