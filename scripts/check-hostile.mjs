#!/usr/bin/env node
/**
 * The big attacks of issue 14 (items 17–18) at full size, each through the built CLI as a child
 * process, with its time and peak resident memory (node --require bench/maxrss.cjs reports the
 * child's process.resourceUsage().maxRSS). test/hostile/ runs the same attacks at bounded sizes and
 * asserts their results; this script is where their cost is measured (the numbers go in the note).
 *
 * Usage: `npm run check:hostile` (builds first), or `node scripts/check-hostile.mjs [--only name,…]`.
 * Inputs are generated into a temporary folder (junk is generated straight into the child's stdin).
 * Exit 0: every attack ended with its expected exit status and code, and no stack trace; 1: not.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeNdjson } from '../bench/ndjson.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const MAXRSS = join(ROOT, 'bench', 'maxrss.cjs');
const DIR = join(tmpdir(), 'scoresheet-check-hostile');
const MB = 1024 * 1024;
const SCHOOL = ['--standard', join(ROOT, 'standards', 'school-hygiene.yaml')];
const only = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? process.argv[i + 1].split(',') : undefined;
})();

/** Writes `bytes` of `fill()` chunks to a stream, honouring backpressure. */
async function pour(stream, bytes, fill) {
  for (let sent = 0; sent < bytes; ) {
    const chunk = fill(Math.min(MB, bytes - sent));
    sent += chunk.length;
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}

/** A file made once and kept in DIR (the generated records take a while). */
async function made(name, write) {
  const path = join(DIR, name);
  if (existsSync(path)) return path;
  mkdirSync(DIR, { recursive: true });
  const out = createWriteStream(path + '.part');
  await write(out);
  out.end();
  await once(out, 'finish');
  const { renameSync } = await import('node:fs');
  renameSync(path + '.part', path);
  return path;
}

/** stdin: `head`, then `bytes` of "x", then `tail`: a record with one huge value. */
const huge = (head, bytes, tail) => async (stream) => {
  stream.write(head);
  await pour(stream, bytes, (n) => Buffer.alloc(n, 0x78));
  stream.write(tail);
};
const records = (count) => made(`school-${count}.ndjson`, (out) => writeNdjson(out, { standard: 'school', count }));
const junk = (n) => randomBytes(n);
const GOOD = '{"unit":{"id":"g1-01"},"date":"2024-03-04","kind":"random","findings":[]}';

/** The attacks: the CLI's arguments, what is poured into stdin, and the exit status and code expected. */
const ATTACKS = [
  { name: 'junk-1g-stdin-text', what: '1 GB of random bytes on stdin as NDJSON, default (text) output', args: () => ['score', '-', ...SCHOOL, '--input-format', 'ndjson'], stdin: (s) => pour(s, 1024 * MB, junk), exit: 1, code: 'record_syntax' },
  { name: 'junk-200m-stdin-ndjson', what: '200 MB of random bytes on stdin, streamed (--format ndjson)', args: () => ['score', '-', ...SCHOOL, '--input-format', 'ndjson', '--format', 'ndjson'], stdin: (s) => pour(s, 200 * MB, junk), exit: 1, code: 'record_syntax' },
  { name: 'junk-200m-stdin-csv', what: 'a CSV header, then 200 MB of random bytes on stdin, default output', args: () => ['score', '-', ...SCHOOL, '--input-format', 'csv'], stdin: async (s) => (s.write('unit.id,date,kind,finding.item,finding.points\n'), pour(s, 200 * MB, junk)), exit: 1, code: 'invalid_encoding' },
  { name: 'csv-field-100m', what: 'a CSV record with one 100 MB quoted field', args: () => ['score', '-', ...SCHOOL, '--input-format', 'csv'], stdin: huge('unit.id,date,kind,finding.item,finding.note\ng1-01,2024-03-04,random,tool-corner,"', 100 * MB, '"\n'), exit: 1, code: 'record_too_large' },
  { name: 'ndjson-line-200m', what: 'an NDJSON line of 200 MB, then a good record', args: () => ['score', '-', ...SCHOOL, '--input-format', 'ndjson'], stdin: huge(`{"unit":{"id":"g1-01"},"date":"2024-03-04","kind":"random","findings":[],"note":"`, 200 * MB, `"}\n${GOOD}\n`), exit: 1, code: 'record_too_large' },
  { name: 'rank-160k', what: 'rank over 160,000 records (past the old stack overflow at ~150,000)', args: async () => ['rank', await records(160_000), ...SCHOOL, '--period', 'week', '--group-by', 'grade'], exit: 0 },
  { name: 'report-160k', what: 'report over 160,000 records', args: async () => ['report', await records(160_000), ...SCHOOL, '--period', 'week', '--group-by', 'grade', '--format', 'md'], exit: 0 },
  { name: 'score-1m', what: 'score over 1,000,000 records, default (text) output', args: async () => ['score', await records(1_000_000), ...SCHOOL], exit: 0 },
  { name: 'rank-1m', what: 'rank over 1,000,000 records', args: async () => ['rank', await records(1_000_000), ...SCHOOL, '--period', 'week', '--group-by', 'grade'], exit: 0 },
  { name: 'xlsx-million-empty-rows', what: 'a workbook of 15 KB whose sheet has a million empty rows below its record (issue 19): read row by row', args: () => ['score', join(ROOT, 'test/hostile/xlsx-million-empty-rows.xlsx'), ...SCHOOL], exit: 0 },
  { name: 'xlsx-zip-bomb', what: 'a workbook of 70 KB whose sheet unpacks to 64 MiB (issue 19): refused before exceljs unpacks it', args: () => ['score', join(ROOT, 'test/hostile/xlsx-zip-bomb.xlsx'), ...SCHOOL], exit: 2, code: 'unreadable_input' },
  { name: 'report-1m', what: 'report over 1,000,000 records (HTML)', args: async () => ['report', await records(1_000_000), ...SCHOOL, '--period', 'week', '--group-by', 'grade', '--format', 'html'], exit: 0 },
];

/** Runs one attack: exit status, seconds, peak RSS (MB), bytes of stdout, and stderr's head and tail. */
async function run(attack) {
  const args = await attack.args();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--require', MAXRSS, CLI, ...args], { cwd: ROOT, stdio: [attack.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  let outBytes = 0;
  child.stdout.on('data', (chunk) => (outBytes += chunk.length));
  let head = '';
  let tail = '';
  child.stderr.on('data', (chunk) => {
    const text = chunk.toString();
    if (head.length < 4000) head += text;
    tail = (tail + text).slice(-4000);
  });
  if (attack.stdin) {
    child.stdin.on('error', () => {}); // the CLI may stop reading before the end (a file over its limit)
    attack.stdin(child.stdin).then(() => child.stdin.end(), () => {});
  }
  const [code] = await once(child, 'close');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /bench:maxrss-kb=(\d+)/.exec(tail);
  return { code, seconds, rssMb: rss ? Number(rss[1]) / 1024 : NaN, outBytes, stderr: head + (tail.startsWith(head.slice(-100)) ? '' : '\n…\n' + tail) };
}

let failed = 0;
console.log('| attack | exit | time | peak RSS | stdout | what |');
console.log('|:--|--:|--:|--:|--:|:--|');
for (const attack of ATTACKS) {
  if (only && !only.includes(attack.name)) continue;
  const r = await run(attack);
  const problems = [];
  if (r.code !== attack.exit) problems.push(`exit ${r.code}, expected ${attack.exit}`);
  if (attack.code && !r.stderr.includes(`  ${attack.code}  `)) problems.push(`no ${attack.code} on stderr`);
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(r.stderr)) problems.push('a stack trace');
  if (problems.length > 0) failed++;
  const out = r.outBytes >= MB ? `${(r.outBytes / MB).toFixed(1)} MB` : `${r.outBytes} B`;
  console.log(`| ${attack.name} | ${r.code} | ${r.seconds.toFixed(1)} s | ${r.rssMb.toFixed(0)} MB | ${out} | ${attack.what}${problems.length ? ` — **FAILED: ${problems.join('; ')}**` : ''} |`);
  if (problems.length > 0) console.error(r.stderr);
}
process.exitCode = failed > 0 ? 1 : 0;
