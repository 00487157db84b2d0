/**
 * `score` reads in bounded memory and loses nothing it can read (issue 14, item 18): a record or a
 * file over its limit is refused with a code, the records around it are scored; problems go to
 * stderr as they are found, the first --max-problems of them; text output is written as records
 * arrive. The memory itself is measured at full size by `npm run check:hostile`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { cliEnv } from '../support/built.js';
import { runCli } from '../support/cli.js';

const SCHOOL = ['--standard', 'standards/school-hygiene.yaml'];
const tmp = mkdtempSync(join(tmpdir(), 'scoresheet-bounded-'));
const record = (id: string, name = `class ${id}`) => JSON.stringify({ id, unit: { id: 'g1-01', name }, date: '2024-03-04', kind: 'random', findings: [] });

describe('score: a record or a file over its limit', () => {
  it('refuses an NDJSON line longer than --max-record-bytes on its line, and scores the lines around it', async () => {
    const file = join(tmp, 'long-line.ndjson');
    const long = JSON.stringify({ id: 'big', unit: { id: 'g1-01' }, date: '2024-03-04', kind: 'random', findings: [], note: 'x'.repeat(5000) });
    writeFileSync(file, [record('a'), long, record('b')].join('\n') + '\n');
    const r = await runCli(['score', file, ...SCHOOL, '--format', 'ndjson', '--max-record-bytes', '4k']);
    expect(r.stderr).toBe(`${file}:2:1  error  record_too_large  [#1]: the record is longer than 4096 bytes (--max-record-bytes), so it is left out unread\n`);
    expect(r.stdout.trim().split('\n').map((line) => JSON.parse(line).record)).toEqual(['a', 'b']);
    expect(r.code).toBe(1);
  });

  it('refuses a CSV record longer than --max-record-bytes on its row, and scores the rows around it', async () => {
    const file = join(tmp, 'long-cell.csv');
    writeFileSync(file, `unit.id,date,kind,finding.item,finding.note\ng1-01,2024-03-04,random,,\ng1-02,2024-03-04,random,tool-corner,"${'x'.repeat(70_000)}"\ng1-03,2024-03-04,random,,\n`);
    const r = await runCli(['score', file, ...SCHOOL, '--format', 'ndjson', '--max-record-bytes', '64k']);
    expect(r.stderr).toBe(`${file}:3:1  error  record_too_large  [#1]: the record is longer than 65536 bytes (--max-record-bytes), so it is left out unread\n`);
    expect(r.stdout.trim().split('\n').map((line) => JSON.parse(line).unit.id)).toEqual(['g1-01', 'g1-03']);
    expect(r.code).toBe(1);
  });

  it('refuses a JSON file larger than --max-file-bytes, and scores the next source', async () => {
    const big = join(tmp, 'big.json');
    const small = join(tmp, 'small.ndjson');
    writeFileSync(big, JSON.stringify(Array.from({ length: 200 }, (_, i) => JSON.parse(record(`j${i}`)))));
    writeFileSync(small, record('n1') + '\n');
    const r = await runCli(['score', big, small, ...SCHOOL, '--format', 'ndjson', '--max-file-bytes', '16k', '--lang', 'zh-CN']);
    expect(r.stderr).toBe(`${big}:1:1  error  file_too_large  [#0]: 文件超过 16384 字节（--max-file-bytes）；JSON 和 YAML 须整体读取：请拆分文件，或改用逐行读取的 NDJSON\n`);
    expect(r.stdout.trim().split('\n').map((line) => JSON.parse(line).record)).toEqual(['n1']);
    expect(r.code).toBe(1);
  });

  it('reads a UTF-8 file with one stray byte as UTF-8: that line is invalid_encoding at its byte offset, the others keep their Chinese', async () => {
    const file = join(tmp, 'stray-byte.ndjson');
    writeFileSync(file, Buffer.concat([Buffer.from(record('a', '高一(1)班') + '\n'), Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), Buffer.from(record('b', '高一(2)班') + '\n')]));
    const r = await runCli(['score', file, ...SCHOOL, '--format', 'ndjson']);
    const offset = Buffer.byteLength(record('a', '高一(1)班') + '\n') + 1;
    expect(r.stderr).toBe(`${file}:2:1  error  invalid_encoding  [#1]: byte 0xff at line 2 (byte ${offset} of the file) is not UTF-8, the file's encoding\n`);
    expect(r.stdout.trim().split('\n').map((line) => JSON.parse(line).unit.name)).toEqual(['高一(1)班', '高一(2)班']);
    expect(r.code).toBe(1);
  });
});

describe('score: problems as they are found', () => {
  it('prints the first --max-problems on stderr, then how many more there were', async () => {
    const lines = ['not json 1', record('a'), 'not json 2', 'not json 3', 'not json 4'];
    const r = await runCli(['score', '-', ...SCHOOL, '--input-format', 'ndjson', '--max-problems', '2'], { input: lines.join('\n') + '\n' });
    const problems = r.stderr.trim().split('\n');
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^<stdin>:1:1  error  record_syntax  \[#0\]/);
    expect(problems[1]).toMatch(/^<stdin>:3:1  error  record_syntax  \[#2\]/);
    expect(problems[2]).toBe('2 more problem(s) not shown (--max-problems 2)');
    expect(r.stdout).toContain('scored 1, rejected 4');
    expect(r.code).toBe(1);
  });

  it('writes a text scorecard as soon as its record has arrived, before the input ends', async () => {
    // stdin held open: the second record is written only once the first one's scorecard is out.
    const stdin = new PassThrough();
    let stdout = '';
    let sawFirst = () => {};
    const first = new Promise<void>((resolve) => (sawFirst = resolve));
    const write = (chunk: string | Uint8Array) => {
      stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      if (stdout.includes('#first')) sawFirst();
    };
    const done = main(['score', '-', ...SCHOOL, '--input-format', 'ndjson'], { stdin, stdout: { write }, stderr: { write: () => undefined }, env: cliEnv() });
    stdin.write(record('first') + '\n');
    await first;
    expect(stdout).not.toContain('#second');
    stdin.end(record('second') + '\n');
    expect(await done).toBe(0);
    expect(stdout).toContain('#second');
    expect(stdout).toContain('scored 2, rejected 0');
  }, 15_000);
});

describe('rank and report: problems as they are found, none held beyond --max-problems', () => {
  const RANK = ['--period', 'week'];
  const junk = [record('a'), ...Array.from({ length: 50 }, (_, i) => `not json ${i}`), record('b')].join('\n') + '\n';

  it('rank prints the first --max-problems on stderr, then how many more there were, and exits 1 as before', async () => {
    const r = await runCli(['rank', '-', ...SCHOOL, ...RANK, '--input-format', 'ndjson', '--max-problems', '3'], { input: junk });
    const problems = r.stderr.trim().split('\n');
    expect(problems).toHaveLength(4);
    expect(problems.slice(0, 3).map((p) => p.slice(0, p.indexOf(']') + 1))).toEqual(['<stdin>:2:1  error  record_syntax  [#1]', '<stdin>:3:1  error  record_syntax  [#2]', '<stdin>:4:1  error  record_syntax  [#3]']);
    expect(problems[3]).toBe('47 more problem(s) not shown (--max-problems 3)');
    expect(r.stdout).toContain('class a');
    expect(r.code).toBe(1);
  });

  it('rank --format json lists the problems printed and says how many more there were', async () => {
    const r = await runCli(['rank', '-', ...SCHOOL, ...RANK, '--input-format', 'ndjson', '--max-problems', '3', '--format', 'json'], { input: junk });
    const json = JSON.parse(r.stdout);
    expect(json.rejected.map((d: { line: number }) => d.line)).toEqual([2, 3, 4]);
    expect(json.rejectedNotListed).toBe(47);
    expect(r.code).toBe(1);
  });

  it('report counts every rejected record in the report, and prints only the first --max-problems', async () => {
    const r = await runCli(['report', '-', ...SCHOOL, ...RANK, '--input-format', 'ndjson', '--max-problems', '3', '--format', 'md', '--lang', 'en'], { input: junk });
    expect(r.stderr.trim().split('\n')).toHaveLength(4);
    expect(r.stdout).toContain('50 record(s) could not be scored and are left out.');
    expect(r.code).toBe(1);
  });
});
