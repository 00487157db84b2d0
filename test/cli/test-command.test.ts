/** `scoresheet test`: runner-style output, exit codes, coverage, JUnit XML. */
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { expectsSomething } from '../../src/testing/cases.js';
import { ROOT } from '../support/built.js';
import { runCli } from '../support/cli.js';

function workspace(tests: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'scoresheet-test-'));
  mkdirSync(join(dir, 'tests'));
  copyFileSync(join(ROOT, 'standards/school-hygiene.yaml'), join(dir, 'school-hygiene.yaml'));
  writeFileSync(join(dir, 'tests/school-hygiene.test.yaml'), tests);
  return dir;
}

const RECORD = '{ unit: { id: c }, date: 2024-03-04, kind: scheduled, findings: [ { item: floor } ] }';

describe('scoresheet test', () => {
  it('passes the shipped school standard with full coverage', async () => {
    const r = await runCli(['test', 'standards/school-hygiene.yaml', '--coverage']);
    expect(r.stdout).toMatch(/^7 passed, 0 failed$/m);
    expect(r.code).toBe(0);
  });

  it('passes every shipped standard with full coverage (what `npm run demo` runs)', async () => {
    const r = await runCli(['test', 'standards', '--coverage']);
    expect(r.stdout).toMatch(/^\d{3} passed, 0 failed$/m);
    expect(r.stdout).not.toContain('✗');
    expect(r.code).toBe(0);
  });

  it('fails a wrong expectation with expected vs actual, the case position, and exit 1', async () => {
    const dir = workspace(`cases:\n  - name: wrong total\n    record: ${RECORD}\n    expect: { total: 99, verdict: pass }\n`);
    const r = await runCli(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`✗ wrong total  (${join(dir, 'tests/school-hygiene.test.yaml')}:2)`);
    expect(r.stdout).toContain('total: expected 99, got 98');
    expect(r.stdout).toMatch(/^0 passed, 1 failed$/m);
  });

  it('reports every problem of a malformed test file at once, each with file:line:col and its path, and exits 2', async () => {
    const dir = workspace(`cases:\n  - name: ok\n    record: ${RECORD}\n    expect: { total: 98 }\n  - name: typo\n    recrd: {}\n    expect: { total: 1 }\n  - name: no expectation\n    record: ${RECORD}\n`);
    const r = await runCli(['test', dir]);
    expect(r.code).toBe(2);
    const file = join(dir, 'tests/school-hygiene.test.yaml');
    expect(r.stderr).toContain(`${file}:5:5  error  test_file  cases[1].record: missing required key "record"`);
    expect(r.stderr).toContain(`${file}:6:5  error  test_file  cases[1]: unknown key(s): recrd`);
    expect(r.stderr).toContain(`${file}:8:5  error  test_file  cases[2].expect: missing required key "expect"`);
  });

  it('fails a case whose record file is missing or broken, saying where, and runs the others', async () => {
    const dir = workspace(`cases:\n  - name: missing\n    record: nope.yaml\n    expect: { total: 98 }\n  - name: broken\n    record: bad.yaml\n    expect: { total: 98 }\n  - name: fine\n    record: ${RECORD}\n    expect: { total: 98 }\n`);
    writeFileSync(join(dir, 'tests/bad.yaml'), 'unit: { id: c\ndate: [\n');
    const r = await runCli(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`cannot read the record ${join(dir, 'tests/nope.yaml')}: ENOENT`);
    expect(r.stdout).toMatch(new RegExp(`cannot read the record ${join(dir, 'tests/bad.yaml').replace(/[.]/g, '\\.')}:2:1: `));
    expect(r.stdout).toMatch(/^1 passed, 2 failed$/m);
  });

  it('treats a case that expects nothing as an error, not a pass', async () => {
    expect(expectsSomething({})).toBe(false);
    expect(expectsSomething({ lines: [] })).toBe(false);
    const dir = workspace(`cases:\n  - name: asserts nothing\n    record: ${RECORD}\n    expect: {}\n`);
    const r = await runCli(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('the case expects nothing');
  });

  it('lists what no case exercises under --coverage and fails', async () => {
    const dir = workspace(`cases:\n  - name: only the classroom\n    record: ${RECORD}\n    expect: { total: 98 }\n`);
    const r = await runCli(['test', dir, '--coverage']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('categories[0].items[8].rules[0]  tool-corner: per-occurrence');
    expect(r.stdout).toContain('categories[1].rules[0]  environment: by-kind');
    expect((await runCli(['test', dir])).code).toBe(0);
  });

  it('writes JUnit XML that parses, with one testcase per case and its failure', async () => {
    const dir = workspace(`cases:\n  - name: right\n    record: ${RECORD}\n    expect: { total: 98 }\n  - name: wrong\n    record: ${RECORD}\n    expect: { total: 97 }\n`);
    const r = await runCli(['test', dir, '--format', 'junit']);
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(r.stdout);
    const cases = xml.testsuites.testsuite.testcase;
    expect(cases.map((c: Record<string, unknown>) => c['@_name'])).toEqual(['right', 'wrong']);
    expect(cases[1].failure['#text']).toContain('total: expected 97, got 98');
  });

  it('exits 2 when the standard under test is invalid', async () => {
    const dir = workspace(`cases:\n  - name: x\n    record: ${RECORD}\n    expect: { total: 98 }\n`);
    writeFileSync(join(dir, 'school-hygiene.yaml'), 'id: x\nversion: 1\n');
    expect((await runCli(['test', dir])).code).toBe(2);
  });

  it('refuses a case\'s standard: outside the roots at its line:col, without reading it, and runs a record beside the test file', async () => {
    const dir = workspace(`cases:\n  - name: fine\n    record: record.yaml\n    expect: { total: 98 }\n  - name: escapes\n    standard: /etc/passwd\n    record: ${RECORD}\n    expect: { total: 98 }\n`);
    writeFileSync(join(dir, 'tests/record.yaml'), RECORD);
    const r = await runCli(['test', dir]);
    expect(r.stderr).toContain(`${join(dir, 'tests/school-hygiene.test.yaml')}:6:15  error  test_file  cases[1].standard: the standard "/etc/passwd" is outside the folders a test file may name`);
    expect(r.stdout + r.stderr).not.toContain('root:x:0');
    expect(r.stdout).toContain('✓ fine');
    expect(r.code).toBe(2);
  });
});
