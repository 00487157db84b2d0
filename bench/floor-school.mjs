// bench/floor-school.mjs (npm run build first): what a perfect compiler could reach on school-hygiene under
// issue 16's own timed loop. A hand-written function checks and copies the record (plain objects, known keys,
// types, a cached date check), scores it as the hand-written baseline does, and builds the full scorecard;
// it is checked JSON-equal to scoreRecord's first. Not part of npm run bench: an analysis (bench/README.md).
import { readFileSync } from 'node:fs';
import { compileStandard, parseStandard, scoreRecord } from '../dist/index.js';
import { InspectionRecordSchema } from '../dist/schemas.js';
import { generateSchool } from './generate.mjs';
import { scoreSchoolHygiene } from './baseline.mjs';
const file = new URL('../standards/school-hygiene.yaml', import.meta.url);
const standard = parseStandard(readFileSync(file, 'utf8'), { file: 'standards/school-hygiene.yaml' }).standard;
const scorer = compileStandard(standard);
const n = 100000;
const records = generateSchool(n).map((r) => InspectionRecordSchema.parse(r));
// constants taken from the standard, as a compiler would
const probe = scoreRecord(scorer, { unit: { id: 'x' }, date: '2024-03-04', kind: 'random', findings: [{ item: 'floor' }, { item: 'ground' }, { item: 'tool-corner', points: 1 }] }).scorecard;
const provenance = probe.provenance, ref = probe.standard;
const [toolLine, classLine, envLine] = probe.lines;
const catNames = probe.categories.map((c) => c.name);
const kindNames = {}; for (const k of standard.kinds ?? []) kindNames[k.id] = k.name;
const levelNames = {}; for (const k of standard.levels ?? []) levelNames[k.id] = k.name;
const AREA = new Map();
for (const [a, area, items] of [[0, 'classroom', ['walls', 'floor', 'desks', 'blackboard', 'lectern', 'glass', 'doors-windows', 'lights', 'tool-corner']], [1, 'environment', ['ground', 'lawn-roads', 'building-surrounds', 'outer-walls', 'handrails', 'stairs-steps']]]) {
  AREA.set(area, a); for (const i of items) { AREA.set(i, a); AREA.set(`${area}.${i}`, a); }
}
const BY = { random: 1, scheduled: 2 }, BY_LEVEL = { county: 3, city: 4, province: 5, national: 6 };
const dates = new Map();
const isDate = (d) => { if (typeof d !== 'string') return false; let ok = dates.get(d); if (ok === undefined) { ok = /^\d{4}-\d{2}-\d{2}$/.test(d); dates.set(d, ok); } return ok; };
const plain = (v) => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
function check(raw) {
  if (!plain(raw)) return undefined;
  let keys = 0; for (const k in raw) keys++;
  const { id, standard: st, unit, date, kind, level, inspector, findings } = raw;
  if (keys !== (id !== undefined) + (st !== undefined) + 1 + 1 + (kind !== undefined) + (level !== undefined) + (inspector !== undefined) + (findings !== undefined)) return undefined;
  if (!plain(unit) || typeof unit.id !== 'string') return undefined;
  const g = unit.group; let group;
  if (g !== undefined) { if (!plain(g)) return undefined; group = {}; for (const k in g) { const v = g[k]; if (typeof v !== 'string') return undefined; group[k] = v; } }
  if (!isDate(date)) return undefined;
  const fs = new Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]; if (!plain(f) || typeof f.item !== 'string') return undefined;
    let c = 0; for (const k in f) c++;
    const { item, points, note } = f;
    if (c !== 1 + (points !== undefined) + (note !== undefined)) return undefined;
    fs[i] = points === undefined ? (note === undefined ? { item } : { item, note }) : note === undefined ? { item, points } : { item, points, note };
  }
  return { id, standard: st, unit: group === undefined ? { id: unit.id } : { id: unit.id, group }, date, kind, level, inspector, findings: fs };
}
function ideal(raw) {
  const r = check(raw); if (r === undefined) return undefined;
  let classroom = -1, environment = -1, tool = 0, toolAt = -1;
  const fs = r.findings;
  for (let i = 0; i < fs.length; i++) {
    const f = fs[i]; const a = AREA.get(f.item); if (a === undefined) return undefined;
    if (a === 0) { if (classroom < 0) classroom = i; if (f.points !== undefined && (f.item === 'tool-corner' || f.item === 'classroom.tool-corner')) { tool += f.points; if (toolAt < 0) toolAt = i; } }
    else if (environment < 0) environment = i;
  }
  const lines = [];
  let c0 = 0, c1 = 0;
  if (tool > 0) { lines.push({ type: 'deduction', item: toolLine.item, category: toolLine.category, rule: toolLine.rule, points: -tool, reason: { messageId: toolLine.reason.messageId, data: { count: 1, points: tool, text: toolLine.reason.data.text } }, source: toolLine.source, finding: toolAt }); c0 -= tool; }
  const p = r.kind === 'event' ? BY_LEVEL[r.level] : BY[r.kind];
  const data = (l) => r.level === undefined ? { kind: r.kind, level: null, points: p, kindName: kindNames[r.kind], text: l.reason.data.text } : { kind: r.kind, level: r.level, points: p, kindName: kindNames[r.kind], levelName: levelNames[r.level], text: l.reason.data.text };
  if (classroom >= 0) { lines.push({ type: 'deduction', item: classLine.item, category: classLine.category, rule: classLine.rule, points: -p, reason: { messageId: classLine.reason.messageId, data: data(classLine) }, source: classLine.source, finding: classroom }); c0 -= p; }
  if (environment >= 0) { lines.push({ type: 'deduction', item: envLine.item, category: envLine.category, rule: envLine.rule, points: -p, reason: { messageId: envLine.reason.messageId, data: data(envLine) }, source: envLine.source, finding: environment }); c1 -= p; }
  return { standard: ref, record: r.id, unit: r.unit, date: r.date, kind: r.kind, level: r.level, inspector: r.inspector, mode: 'deduct', base: 100, lines,
    categories: [{ id: 'classroom', name: catNames[0], points: c0 }, { id: 'environment', name: catNames[1], points: c1 }], total: 100 + c0 + c1, complete: true, band: null, outcomes: [], verdict: 'pass', reasons: [], provenance };
}
// Same work? The cards' JSON, record by record. The rest are records with several tool-corner findings, which
// scoresheet lines one by one and this sums into one line: less work here, so the floor is if anything low.
let same = 0, checked = 0;
for (let i = 0; i < 20000; i++) { const a = ideal(records[i]); if (a === undefined) continue; checked++; const b = scoreRecord(scorer, records[i]).scorecard; if (JSON.stringify(a) === JSON.stringify(b)) same++; }
console.log(`ideal = scoreRecord (JSON) on ${same} of ${checked} records`);
if (same < 0.95 * checked) throw new Error('the ideal function no longer builds the cards scoreRecord builds: fix it before reading its timing');
let sink = 0; const res = { base: [], ideal: [], check: [], ours: [] };
for (let round = 0; round < 9; round++) {
  let t = performance.now(); for (let i = 0; i < n; i++) sink += scoreSchoolHygiene(records[i]).total; res.base.push(performance.now() - t);
  t = performance.now(); for (let i = 0; i < n; i++) sink += ideal(records[i]).total; res.ideal.push(performance.now() - t);
  t = performance.now(); for (let i = 0; i < n; i++) sink += check(records[i]).findings.length; res.check.push(performance.now() - t);
  t = performance.now(); for (let i = 0; i < n; i++) sink += scoreRecord(scorer, records[i]).ok ? 1 : 0; res.ours.push(performance.now() - t);
}
const med = (a) => a.sort((x, y) => x - y)[4] * 1000 / n;
const b = med(res.base), id = med(res.ideal), ck = med(res.check), o = med(res.ours);
console.log(`µs/record: hand-written ${b.toFixed(3)}, check+copy alone ${ck.toFixed(3)}, ideal (check + score + full card) ${id.toFixed(3)} → ${(b / id).toFixed(2)}× hand-written; scoreRecord ${o.toFixed(3)} → ${(b / o).toFixed(2)}×`);
