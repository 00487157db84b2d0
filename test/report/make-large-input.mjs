// Synthetic large input for the report (docs/reports.md): 3,300 inspections for the school hygiene
// standard — 6 grades × 10 classes, 20 weeks, a Monday scheduled check every week and 35 random
// checks per class (Wednesdays, and Fridays in 15 of the weeks): 60 × (20 + 35) = 3,300.
// Deterministic (seeded). Usage: node test/report/make-large-input.mjs DIR → DIR/records.ndjson, DIR/units.yaml
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function makeLargeInput() {
  let seed = 20240226;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const grades = ['初一', '初二', '初三', '高一', '高二', '高三'];
  const units = grades.flatMap((g, gi) =>
    Array.from({ length: 10 }, (_, i) => ({ id: `c${gi + 1}-${String(i + 1).padStart(2, '0')}`, name: `${g}(${i + 1})班`, group: { grade: g } })),
  );
  const start = Date.UTC(2024, 1, 26); // a Monday
  const day = (week, weekday) => new Date(start + (week * 7 + weekday) * 86400000).toISOString().slice(0, 10);
  const classroom = ['walls', 'floor', 'desks', 'blackboard', 'lectern', 'glass', 'doors-windows', 'lights'];
  const environment = ['ground', 'lawn-roads', 'building-surrounds', 'outer-walls', 'handrails', 'stairs-steps'];
  const records = [];
  for (let week = 0; week < 20; week++) {
    const rounds = [
      { date: day(week, 0), kind: 'scheduled', inspector: '德育处（周一定期检查）' },
      { date: day(week, 2), kind: 'random', inspector: '德育处（不定时随查）' },
    ];
    if (week % 4 !== 3) rounds.push({ date: day(week, 4), kind: 'random', inspector: '年级主任（不定时随查）' });
    for (const round of rounds) {
      for (const unit of units) {
        const findings = [];
        if (random() < 0.25) findings.push({ item: pick(classroom), note: '检查不合格' });
        if (random() < 0.1) findings.push({ item: pick(environment), note: '责任区不合格' });
        if (random() < 0.05) findings.push({ item: 'tool-corner', points: 1 + Math.floor(random() * 3), note: '卫生工具摆放不齐' });
        records.push({ id: `${round.date}-${round.kind}-${unit.id}`, unit, date: round.date, kind: round.kind, inspector: round.inspector, findings });
      }
    }
  }
  return { records, units };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node test/report/make-large-input.mjs DIR');
    process.exit(2);
  }
  const { records, units } = makeLargeInput();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'records.ndjson'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(join(dir, 'units.yaml'), units.map((u) => `- { id: ${u.id}, name: "${u.name}", group: { grade: ${u.group.grade} } }`).join('\n') + '\n');
  console.log(`${records.length} inspections, ${units.length} units → ${dir}`);
}
