#!/usr/bin/env node
/**
 * The records issue's 100,000-row run: a generated long CSV sheet (school-hygiene, UTF-8 with BOM)
 * in which 10 % of the rows are bad, scored by the built CLI, checked two ways:
 *   1. every bad row is reported, on its own row number, with the code its fault calls for, and
 *      nothing else is reported;
 *   2. every good inspection's scorecard is identical to the one the same sheet without the bad rows
 *      gives.
 *
 * Usage: `npm run check:bad-rows` (builds first), or `node scripts/csv-bad-rows.mjs [--rows N] [--seed S]`.
 * Exit 0: both hold; 1: they do not; 2: could not run. The sheets are written to a temporary folder.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { prng } from '../bench/generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const ROWS = Number(arg('rows', '100000'));
const SEED = Number(arg('seed', '20240304'));

const HEADER = ['记录编号', '单位编号', '单位名称', '日期', '检查类型', '活动级别', '检查人', '检查项', '次数', '分值', '说明'];
const ITEMS = ['墙壁（教室、走廊）', '地面（教室、走廊）', '黑板', '玻璃', '地面（环境卫生）', '楼梯扶手'];
const GRADES = ['高一', '高二', '高三'];
/** Each kind of bad row: how it is written, and the code and field it must be reported with. */
const FAULTS = [
  { make: (row) => ({ ...row, 日期: '2024-02-30' }), code: 'invalid_date', field: 'date' },
  { make: (row) => ({ ...row, 检查项: 'tool-coner' }), code: 'unknown_item', field: 'findings[0].item' },
  { make: (row) => ({ ...row, 检查项: '卫生工具角', 次数: '1', 分值: '4' }), code: 'points_out_of_range', field: 'findings[0].points' },
  { make: (row) => ({ ...row, 次数: 'abc' }), code: 'not_whole_number', field: 'findings[0].count' },
  { make: (row) => ({ ...row, 次数: '1.5' }), code: 'not_whole_number', field: 'findings[0].count' },
  { make: (row) => ({ ...row, 检查类型: '周三检查' }), code: 'unknown_kind', field: 'kind' },
];

/** Rows of inspections; a bad inspection has exactly one row (one fault, reported once). */
function generate(rows, seed) {
  const rand = prng(seed);
  const inspections = [];
  let count = 0;
  for (let i = 0; count < rows; i++) {
    const grade = rand.int(0, 2);
    const cls = rand.int(1, 10);
    const day = rand.int(4, 29);
    const monday = rand.chance(0.3);
    const base = {
      记录编号: `r${i}`,
      单位编号: `g${grade + 1}-${String(cls).padStart(2, '0')}`,
      单位名称: `${GRADES[grade]}(${cls})班`,
      日期: `2024-03-${String(day).padStart(2, '0')}`,
      检查类型: monday ? '周一定期检查' : '不定时随查',
      活动级别: '',
      检查人: monday ? '德育处' : '学生会卫生部',
      检查项: '',
      次数: '',
      分值: '',
      说明: '',
    };
    // A good inspection averages about 1.5 rows: one inspection in 7 bad makes about one row in 10 bad.
    const bad = rand.chance(0.145);
    if (bad) {
      const fault = rand.int(0, FAULTS.length - 1);
      inspections.push({ id: base.记录编号, fault, rows: [FAULTS[fault].make({ ...base, 检查项: rand.pick(ITEMS), 次数: '1' })] });
      count += 1;
      continue;
    }
    const findings = rand.int(0, 2);
    const rowsOf = findings === 0 ? [base] : Array.from({ length: findings }, () => ({ ...base, 检查项: rand.pick(ITEMS), 次数: String(rand.int(1, 2)) }));
    if (rand.chance(0.2)) rowsOf.push({ ...base, 检查项: '卫生工具角', 次数: '1', 分值: String(rand.pick([1, 1.5, 2, 3])), 说明: '工具摆放不齐' });
    inspections.push({ id: base.记录编号, fault: undefined, rows: rowsOf });
    count += rowsOf.length;
  }
  return inspections;
}

function sheet(inspections) {
  const records = inspections.flatMap((i) => i.rows.map((r) => HEADER.map((h) => r[h])));
  return '\uFEFF' + stringify([HEADER, ...records]);
}

/** Runs `scoresheet score --format ndjson` on a sheet, every problem printed (--max-problems); returns the scorecards by record id and the diagnostic lines. */
function score(file) {
  return new Promise((resolve, reject) => {
    const args = [CLI, 'score', file, '--standard', 'standards/school-hygiene.yaml', '--map', 'fixtures/csv/school-hygiene.long.map.yaml', '--format', 'ndjson', '--max-problems', String(ROWS)];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const cards = new Map();
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      const lines = out.split('\n');
      out = lines.pop();
      for (const line of lines) if (line) {
        const card = JSON.parse(line);
        cards.set(card.record, card);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, cards, diagnostics: err.split('\n').filter((l) => /  error  /.test(l)) }));
  });
}

async function main() {
  const started = Date.now();
  const inspections = generate(ROWS, SEED);
  const dir = mkdtempSync(join(tmpdir(), 'scoresheet-bad-rows-'));
  const dirty = join(dir, 'dirty.csv');
  const clean = join(dir, 'clean.csv');
  writeFileSync(dirty, sheet(inspections));
  writeFileSync(clean, sheet(inspections.filter((i) => i.fault === undefined)));

  // Where each bad row lands: line 1 is the header, then one line per row (no cell spans lines).
  const expected = new Map();
  let line = 1;
  for (const i of inspections) {
    for (const _ of i.rows) line++;
    if (i.fault !== undefined) expected.set(line, FAULTS[i.fault]);
  }
  const rows = line - 1;

  const [d, c] = await Promise.all([score(dirty), score(clean)]);
  const problems = [];
  if (c.code !== 0) problems.push(`the clean sheet exited ${c.code}: ${c.diagnostics.slice(0, 3).join(' | ')}`);
  if (d.code !== 1) problems.push(`the dirty sheet exited ${d.code}, expected 1`);

  // 1. every bad row reported on its row, with its code and field; nothing else reported
  const reported = new Map();
  for (const text of d.diagnostics) {
    const m = /^(.*):(\d+):\d+  error  (\S+)  \[#\d+\] (\S+):/.exec(text);
    if (!m) {
      problems.push(`unreadable diagnostic: ${text}`);
      continue;
    }
    const at = Number(m[2]);
    if (reported.has(at)) problems.push(`row ${at} reported twice`);
    reported.set(at, { code: m[3], field: m[4] });
  }
  let matched = 0;
  for (const [at, fault] of expected) {
    const got = reported.get(at);
    if (!got) problems.push(`bad row ${at} (${fault.code}) not reported`);
    else if (got.code !== fault.code || got.field !== fault.field) problems.push(`row ${at}: expected ${fault.code} ${fault.field}, got ${got.code} ${got.field}`);
    else matched++;
  }
  for (const at of reported.keys()) if (!expected.has(at)) problems.push(`row ${at} reported but is good`);

  // 2. the good inspections score exactly as in the clean sheet
  let identical = 0;
  const good = inspections.filter((i) => i.fault === undefined);
  for (const i of good) {
    const a = d.cards.get(i.id);
    const b = c.cards.get(i.id);
    if (a === undefined || b === undefined) problems.push(`${i.id}: no scorecard in the ${a === undefined ? 'dirty' : 'clean'} sheet`);
    else if (!isDeepStrictEqual(a, b)) problems.push(`${i.id}: its scorecard differs between the sheets`);
    else identical++;
  }
  if (d.cards.size !== good.length) problems.push(`the dirty sheet gave ${d.cards.size} scorecards for ${good.length} good inspections`);

  console.log(`rows ${rows.toLocaleString('en-US')} (${inspections.length.toLocaleString('en-US')} inspections), bad rows ${expected.size.toLocaleString('en-US')} (${((100 * expected.size) / rows).toFixed(1)} %)`);
  console.log(`bad rows reported on their row with the right code and field: ${matched.toLocaleString('en-US')} of ${expected.size.toLocaleString('en-US')}; other rows reported: ${[...reported.keys()].filter((at) => !expected.has(at)).length}`);
  console.log(`good inspections with a scorecard identical to the clean sheet's: ${identical.toLocaleString('en-US')} of ${good.length.toLocaleString('en-US')}`);
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s (both sheets scored at once, by the built CLI)`);
  for (const p of problems.slice(0, 20)) console.log(`  ✗ ${p}`);
  if (problems.length > 20) console.log(`  … and ${problems.length - 20} more`);
  console.log(problems.length === 0 ? 'ok' : `${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exitCode = 2;
});
