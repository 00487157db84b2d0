/**
 * The school fixture's report in a real browser (Debian's Chromium through playwright-core), checked
 * as a person would: the rows per grade, who holds the red flag, the Chinese names on screen, an A4
 * page that does not scroll sideways, no console errors, nothing fetched, a PDF page per grade, and a
 * 一票否决 printed on its row.
 * Without Chromium the suite is skipped with a warning — and fails in CI (CI=true), which installs it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM, printPdf } from '../../src/cli/report.js';
import { renderReportHtml } from '../../src/report/html.js';
import { buildReport } from '../../src/report/report.js';
import { ROOT } from '../support/built.js';
import { runCli } from '../support/cli.js';
import { vetoCards, vetoLeague, vetoStandard } from '../support/veto-league.js';
import { SCHOOL_ARGS } from './school.js';

const CHROMIUM = process.env.SCORESHEET_CHROMIUM || DEFAULT_CHROMIUM;
const playwright = await import('playwright-core').catch(() => undefined);
const missing = !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM} (apt-get install chromium fonts-wqy-microhei)` : !playwright ? 'playwright-core is not installed (npm ci)' : undefined;

if (missing) {
  if (process.env.CI === 'true') {
    it('has a browser to test the report in (CI installs chromium in .ci/run)', () => {
      expect.fail(`browser tests cannot run in CI: ${missing}`);
    });
  } else {
    console.warn(`\n  SKIPPED test/report/browser.test.ts: ${missing}\n`);
  }
}

/** Pages in a PDF: its page objects (/Type /Page, not /Pages). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;

interface RankJson {
  awards: { period: string; group: string; award: string; holders: string[] }[];
}

describe.skipIf(missing !== undefined)('the school report in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scoresheet-browser-'));
  const units = parseYaml(readFileSync(join(ROOT, 'fixtures/school/units.yaml'), 'utf8')) as { id: string; name: string; group: { grade: string } }[];
  const nameOf = new Map(units.map((u) => [u.name, u.id]));
  const WEEK = '2024-W11'; // 第3周
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];
  let reportUrl: string;

  beforeAll(async () => {
    const made = await runCli(['report', ...SCHOOL_ARGS, '--at', WEEK, '-o', join(dir, 'report.html'), '--lang', 'zh-CN']);
    expect([made.code, made.stderr]).toEqual([0, '']);
    reportUrl = pathToFileURL(join(dir, 'report.html')).href;
    browser = await playwright!.chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(reportUrl, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows one league table per grade with its 10 classes', async () => {
    const tables = page.locator('#league table.league');
    await expect(tables.count()).resolves.toBe(3);
    const headings = await page.locator('#league .group-page h3').allInnerTexts();
    expect(headings).toEqual(['高一', '高二', '高三']);
    for (let i = 0; i < 3; i++) await expect(tables.nth(i).locator('tbody tr').count()).resolves.toBe(10);
    await expect(page.locator('#league th[scope="col"]').first().innerText()).resolves.toBe('名次');
  });

  it("marks the week's red-flag holders as `rank --format json` names them", async () => {
    const rank = await runCli(['rank', ...SCHOOL_ARGS, '--format', 'json']);
    const expected = (JSON.parse(rank.stdout) as RankJson).awards.filter((a) => a.period === WEEK && a.award === 'red-flag');
    expect(expected.map((a) => a.group)).toEqual(['高一', '高二', '高三']);
    const tables = page.locator('#league table.league');
    for (let i = 0; i < 3; i++) {
      const flagged = tables.nth(i).locator('tbody tr', { hasText: '流动红旗' });
      const names = await flagged.locator('th[scope="row"]').allInnerTexts();
      expect(names.map((n) => nameOf.get(n.trim())), expected[i]!.group).toEqual(expected[i]!.holders);
      expect(names.length).toBeGreaterThan(0);
      await expect(flagged.first().locator('svg.flag').count()).resolves.toBe(1);
    }
  });

  it('renders the Chinese names as text a person reads', async () => {
    const text = await page.locator('body').innerText();
    for (const u of units) expect(text).toContain(u.name);
    for (const word of ['评比栏', '红榜', '黑榜', '流动红旗', '扣分最多的项目', '2024-W11（第3周）']) expect(text).toContain(word);
    // Collapsed: a unit's deductions are not on screen until it is opened (no script needed).
    expect(text).not.toContain('卫生工具摆放不齐');
    await page.locator('details.unit summary').first().click();
    await expect(page.locator('details.unit').first().locator('svg.chart').isVisible()).resolves.toBe(true);
    await expect(page.locator('details.unit').first().innerText()).resolves.toContain('000:471–475');
  });

  it('fits an A4 page: no horizontal overflow in print at 794px, nor on screen with every unit open', async () => {
    const fits = 'document.documentElement.scrollWidth <= document.documentElement.clientWidth';
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await expect(page.evaluate(fits)).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
    await expect(page.evaluate(fits)).resolves.toBe(true);
  });

  it('prints one A4 page per grade', async () => {
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdfPages(pdf)).toBe(3);
  });

  it('prints the 一票否决 and its reason on the vetoed row of the 评比栏 (what the PDF shows)', async () => {
    const vetoed = await browser.newPage();
    await vetoed.setContent(renderReportHtml(buildReport(vetoLeague(), vetoStandard, { scorecards: vetoCards })));
    await vetoed.emulateMedia({ media: 'print' });
    const row = vetoed.locator('#league table.league tbody tr', { hasText: '高一(1)班' });
    await expect(row.locator('.veto').isVisible()).resolves.toBe(true);
    await expect(row.locator('.veto').innerText()).resolves.toBe('一票否决：教室内吸烟');
    await expect(vetoed.locator('#league .veto').count()).resolves.toBe(1);
    await vetoed.close();
  });

  it('prints a single-week report as one PDF page per grade through `report --format pdf`', async () => {
    // Only week 3's inspections: a report of one period.
    const all = parseYaml(readFileSync(join(ROOT, 'fixtures/school/records.yaml'), 'utf8')) as { date: string }[];
    const week = all.filter((r) => r.date >= '2024-03-11' && r.date <= '2024-03-17');
    writeFileSync(join(dir, 'week3.yaml'), stringify(week));
    const args = SCHOOL_ARGS.filter((a) => a !== 'fixtures/school/records.yaml');
    const out = await runCli(['report', ...args, join(dir, 'week3.yaml'), '--format', 'pdf', '-o', join(dir, 'week3.pdf'), '--lang', 'zh-CN']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    const pdf = readFileSync(join(dir, 'week3.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(3);
  });

  it('printPdf takes the page as lines, once through, and leaves no file of its own behind', async () => {
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('scoresheet-pdf-'));
    const lines = (function* () {
      yield '<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>';
      for (let i = 0; i < 3; i++) yield `<p style="break-after: page">第 ${i + 1} 页</p>`;
      yield '</body></html>';
    })();
    expect(await printPdf(lines, join(dir, 'lines.pdf'), CHROMIUM)).toBeUndefined();
    expect(pdfPages(readFileSync(join(dir, 'lines.pdf')))).toBe(3);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('scoresheet-pdf-'))).toEqual(before);
  });

  it('reads the same with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const off = await context.newPage();
    await off.goto(reportUrl);
    await expect(off.locator('#league table.league tbody tr').count()).resolves.toBe(30);
    await off.locator('details.unit summary').nth(3).click();
    await expect(off.locator('details.unit').nth(3).locator('svg.chart').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('logged no console error and fetched nothing but the file itself', () => {
    expect(problems).toEqual([]);
    expect(requests).toEqual([reportUrl]);
  });
});
