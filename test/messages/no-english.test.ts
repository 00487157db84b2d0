/**
 * No English under zh-CN (issue 15, item 3): what a library or the system says when it fails —
 * JSON.parse, the yaml parser, TextDecoder, zod, csv-parse, Node's file calls — reaches a person in
 * the catalogue's words (a message id and its data), never as the library's English sentence. Each
 * input below goes through the CLI in-process under --lang zh-CN; what it prints may name files,
 * codes, paths, options and the input it quotes, and nothing else in Latin letters.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStandard, loadStandard, parseStandard, scoreRecord } from '../../src/index.js';
import { parseCalendar } from '../../src/entries/league.js';
import { agreementReport, formatAgreement } from '../../src/entries/import.js';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'no-english-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const STANDARD = 'standards/school-hygiene.yaml';

/** An English sentence: a word of four letters or more, then one of three or more. */
const SENTENCE = /[A-Za-z]{4,} [a-z]{3,}/;

/**
 * What is left of the output once what may be Latin is taken out: the diagnostic's place and code
 * (`file:line:col  error  code  path:`), paths and file names, quoted input, snake_case codes, --options,
 * and the closing `N passed, N failed` line CI parsers read.
 */
function words(output: string): string {
  return output
    .split('\n')
    .filter((line) => !/^\d+ passed, \d+ failed$/.test(line))
    .join('\n')
    .replace(/\S*\/\S*/g, ' ') // paths (and the file:line:col before them)
    .replace(/"[^"\n]*"|'[^'\n]*'|`[^`\n]*`|「[^」\n]*」/g, ' ') // quoted input
    .replace(/\b(error|warning)\b/g, ' ')
    .replace(/\b[a-z]+(_[a-z0-9]+)+\b/g, ' ') // codes
    .replace(/--[a-z-]+( [a-z0-9.-]+)?/g, ' ') // options and their values
    .replace(/\[#\d+\][^:：]*[:：]/g, ' '); // a record's index and field
}

async function zh(args: readonly string[], input?: string | Buffer): Promise<string> {
  const r = await runCli([...args, '--lang', 'zh-CN'], input === undefined ? {} : { input });
  return `${r.stdout}\n${r.stderr}`;
}

function expectNoEnglish(output: string): void {
  expect(output.trim(), 'the command said something').not.toBe('');
  const left = words(output);
  expect(left.match(SENTENCE)?.[0], `English left in:\n${output}`).toBeUndefined();
}

const record = (fields: string) => `{"unit": {"id": "g1-3"}, "date": "2024-03-04", "kind": "scheduled", "findings": []${fields}}`;

describe('library and system text is said from the catalogue under zh-CN', () => {
  it.each([
    ['cut short', '{"unit": {"id": "g1-3"}, "date": '],
    ['an unexpected token', '{"unit": {"id": "g1-3"}, "date": tru}'],
    ['an unterminated string', '{"unit": {"id": "g1-3'],
    ['a bad escape', '{"unit": {"id": "g1\\q"}}'],
    ['something after the value', `${record('')} 1`],
  ])("JSON.parse's message (an NDJSON line %s: record_syntax)", async (_, line) => {
    const out = await zh(['score', '--standard', STANDARD, file('bad.ndjson', `${line}\n`)]);
    expect(out).toContain('record_syntax');
    expect(out).toContain('JSON 语法错误');
    expectNoEnglish(out);
  });

  it('the yaml parser (a JSON file, a YAML file of records, an alias with no anchor)', async () => {
    for (const [name, text] of [
      ['bad.json', '[{"unit": {"id": "u"}, "date": ]'],
      ['bad.yaml', '- unit: {id: u\n  date: [\n'],
      ['alias.yaml', '- unit: *nowhere\n  date: 2024-03-04\n  findings: []\n'],
    ] as const) {
      const out = await zh(['score', '--standard', STANDARD, file(name, text)]);
      expect(out).toContain('record_syntax');
      expectNoEnglish(out);
    }
  });

  it('the yaml parser on a standard (a syntax error, a duplicate key) and on a calendar file', async () => {
    const syntax = await zh(['check', file('broken.yaml', 'id: x\nname: [\n')]);
    expect(syntax).toContain('yaml_syntax');
    expectNoEnglish(syntax);
    const duplicate = await zh(['check', file('twice.yaml', 'id: x\nid: y\n')]);
    expect(duplicate).toContain('yaml_duplicate_key');
    expectNoEnglish(duplicate);
    const calendar = parseCalendar('terms: [\n', { file: 'terms.yaml', locale: 'zh-CN' });
    expect(calendar.ok).toBe(false);
    if (!calendar.ok) expectNoEnglish(calendar.diagnostics.map((d) => d.message).join('\n'));
  });

  it("TextDecoder's refusal (bytes not UTF-8: a JSON file, standard input, an NDJSON line)", async () => {
    const bytes = Buffer.concat([Buffer.from('[{"unit": {"id": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}}]')]);
    const json = await zh(['score', '--standard', STANDARD, file('gbk.json', bytes)]);
    expect(json).toContain('UTF-8');
    expectNoEnglish(json);
    expectNoEnglish(await zh(['score', '--standard', STANDARD, '--format', 'json', '-'], bytes));
    expectNoEnglish(await zh(['score', '--standard', STANDARD, file('gbk.ndjson', Buffer.concat([bytes.subarray(1, -1), Buffer.from('\n')]))]));
  });

  it("zod's own messages (a record the record schema refuses)", async () => {
    const out = await zh(['score', '--standard', STANDARD, file('zod.ndjson', '{"unit": {"id": ""}, "date": "2024-03-04", "findings": [{"item": "floor", "count": -1}], "extra": 1}\n')]);
    expect(out).toContain('record_invalid');
    expectNoEnglish(out);
  });

  it('csv-parse (a quote never closed) and a file that is not there', async () => {
    const csv = await zh(['score', '--standard', STANDARD, file('open-quote.csv', 'unit.id,date,finding.item\ng1-3,2024-03-04,"floor\n')]);
    expect(csv).toContain('record_syntax');
    expectNoEnglish(csv);
    const missing = await zh(['score', '--standard', STANDARD, join(dir, 'nowhere.ndjson')]);
    expectNoEnglish(missing);
    const standard = await zh(['check', join(dir, 'nowhere.yaml')]);
    expect(standard).toContain('file_not_found');
    expectNoEnglish(standard);
    // A side file (a calendar, a score sheet) names the system's reason too, not only that it failed.
    for (const args of [['rank', '--standard', STANDARD, '--period', 'week', '--calendar', join(dir, 'nowhere-calendar.yaml'), 'fixtures/school/records.yaml'], ['draft', join(dir, 'nowhere.xlsx')]]) {
      const side = await zh(args);
      expect(side).toContain('file_not_found  无法读取文件：文件或目录不存在');
      expectNoEnglish(side);
    }
  });

  it("the test runner: a case expecting nothing, a record zod refuses, a record file yaml cannot read, an unwanted line", async () => {
    file('bad-record.yaml', 'unit: {id: u\n');
    const tests = file(
      'school-hygiene.test.yaml',
      [
        `standard: ${join(process.cwd(), STANDARD)}`,
        'cases:',
        '  - name: 没有期望',
        '    record: { unit: { id: g1-3 }, date: 2024-03-04, findings: [] }',
        '    expect: {}',
        '  - name: 记录无效',
        '    record: { unit: { id: "" }, date: 2024-03-04, findings: [ { item: floor, count: -1 } ] }',
        '    expect: { total: 100 }',
        '  - name: 历史记录无效',
        '    history: [ { unit: { id: g1-3 }, date: 2024-02-30, findings: [] } ]',
        '    record: { unit: { id: g1-3 }, date: 2024-03-04, findings: [] }',
        '    expect: { total: 100 }',
        '  - name: 记录文件无法解析',
        '    record: bad-record.yaml',
        '    expect: { total: 100 }',
        '  - name: 不应有的行',
        '    record: { unit: { id: g1-3 }, date: 2024-03-04, kind: scheduled, findings: [ { item: floor } ] }',
        '    expect: { notLines: [ { item: classroom } ] }',
        '',
      ].join('\n'),
    );
    const out = await zh(['test', '--allow-root', process.cwd(), tests]);
    expect(out).toContain('0 passed, 5 failed');
    expect(out).toContain('不应有的行：');
    expect(out).toContain('没有任何期望');
    expectNoEnglish(out);
  });

  it("an overlay's extends: that is not a path, or given to parseStandard (no file to resolve it from)", () => {
    for (const text of ['extends: 5\n', 'extends: base.yaml\n']) {
      const r = parseStandard(text, { file: 'overlay.yaml', locale: 'zh-CN' });
      if (r.ok) throw new Error('an overlay without its base must not load');
      expectNoEnglish(r.diagnostics.map((d) => d.message).join('\n'));
    }
  });

  it("a schema's own refinement (a rectify: late: that says no cost) is a message id, not English", async () => {
    // The overlay beside its base, with one late: that says nothing.
    file('community-red-flag.yaml', readFileSync('standards/community-red-flag.yaml'));
    const overlay = file('late.yaml', readFileSync('standards/community-red-flag-rectification.yaml', 'utf8').replace('late: { points: 1 }', 'late: {}'));
    const r = await loadStandard(overlay, { locale: 'zh-CN' });
    if (r.ok) throw new Error('a late: without a cost must not load');
    expect(r.diagnostics.map((d) => d.messageId)).toContain('schema.late_cost');
    expectNoEnglish(r.diagnostics.map((d) => d.message).join('\n'));
  });

  it("scoreRecord's diagnostics in zh-CN say zod's problems in Chinese", async () => {
    const loaded = await loadStandard(STANDARD);
    if (!loaded.ok) throw new Error('the standard does not load');
    const result = scoreRecord(compileStandard(loaded.standard), { unit: { id: '' }, date: '2024-03-04', findings: [{ item: 'floor', count: 0.5 }] }, { locale: 'zh-CN' });
    if (result.ok) throw new Error('scored');
    expectNoEnglish(result.diagnostics.map((d) => d.message).join('\n'));
  });

  it("import lives --compare's agreement table is worded by the catalogues", async () => {
    const loaded = await loadStandard(STANDARD);
    if (!loaded.ok) throw new Error('the standard does not load');
    for (const format of ['text', 'md'] as const) expectNoEnglish(formatAgreement(agreementReport([], loaded.standard, 'zh-CN'), format, 'zh-CN'));
    expect(formatAgreement(agreementReport([], loaded.standard), 'text')).toContain('agreement with the official score');
  });

  it("commander's usage errors (a missing option, a bad choice, an unknown option or command)", async () => {
    for (const args of [['rank'], ['score', '--standard', STANDARD, '--fail-on', 'nope'], ['score', '--standard', STANDARD, '--bogus'], ['frob']]) {
      const r = await runCli([...args, '--lang', 'zh-CN']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^错误：/);
      expectNoEnglish(r.stderr);
    }
    expect((await runCli(['rank'])).stderr).toBe("error: required option '--standard <file|dir>' not specified\n");
  });

  it('the English catalogue still gives the library its own words', async () => {
    const r = await runCli(['score', '--standard', STANDARD, file('cut.ndjson', '{"unit": \n')]);
    expect(r.stderr).toContain('Unexpected end of JSON input');
  });
});
