/**
 * A damaged workbook is refused with why, in the reader's language: under zh-CN a zip cut short, XML
 * inside that does not parse, or a part missing are said in Chinese (it was "无法解析" for each, and the
 * zip reader's English sentence after a truncated file); the English catalogue keeps exceljs's words.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const STANDARD = 'standards/school-hygiene.yaml';
let dir: string;
const broken: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xlsx-broken-'));
  const made = await runCli(['template', '--standard', STANDARD, '--layout', 'wide', '--format', 'xlsx', '-o', join(dir, 'tpl')]);
  expect(made.code).toBe(0);
  const good = readFileSync(join(dir, 'tpl', readdirSync(join(dir, 'tpl')).find((f) => f.endsWith('.xlsx'))!));
  const variant = async (name: string, change: (zip: JSZip) => void) => {
    const zip = await JSZip.loadAsync(good);
    change(zip);
    writeFileSync((broken[name] = join(dir, `${name}.xlsx`)), await zip.generateAsync({ type: 'nodebuffer' }));
  };
  await variant('xml', (zip) => zip.file('xl/styles.xml', '<styleSheet><<'));
  await variant('structure', (zip) => zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99999</v></c></row></sheetData>'));
  writeFileSync((broken['truncated'] = join(dir, 'truncated.xlsx')), good.subarray(0, Math.floor(good.length / 2)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const score = (file: string, lang: string) => runCli(['score', '--standard', STANDARD, '--lang', lang, file]);

describe('a damaged workbook', () => {
  it.each([
    ['xml', '工作簿内部的 XML 已损坏'],
    ['structure', '工作簿缺少必需的部分或结构已损坏'],
    ['truncated', '压缩包已损坏或不完整'],
  ])('%s: said in Chinese under zh-CN, no English of the library', async (name, words) => {
    const r = await score(broken[name]!, 'zh-CN');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
    expect(r.stderr).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/);
  });

  it('the English catalogue keeps what exceljs and the zip reader said', async () => {
    expect((await score(broken['xml']!, 'en')).stderr).toContain('disallowed character');
    expect((await score(broken['structure']!, 'en')).stderr).toContain('Cannot set properties of undefined');
    expect((await score(broken['truncated']!, 'en')).stderr).toContain('Corrupted zip');
  });
});
