/**
 * The offline inspection form in Chromium (issue 20), at a phone's portrait size (390×844), from file://:
 * an inspector's session — unit, kind, date, findings, the total changing after each — exported as
 * NDJSON and CSV that `scoresheet score` scores to the same total, band and lines the page showed;
 * the draft kept over a reload; nothing requested off the page; code generation refused by the CSP and
 * the interpreter scoring (once tried, not a flood of reports); no serious accessibility violation.
 * Then the 2013 form: points outside an item's range, and a judgement without a note, refused with the
 * library's own words.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileStandard, loadStandard, renderMessage, scoreRecord } from '../../src/index.js';
import { wordsOf } from '../../src/messages/locales.js';
import { signedPoints } from '../../src/report/text.js';
import type { Scorecard } from '../../src/score/scorecard.js';
import { axeViolations, CHROMIUM, CHROMIUM_ARGS, leaving, missing, noteMissing, playwright } from '../support/chromium.js';
import { runCli } from '../support/cli.js';

/** Waiting for the page to update: generous on a loaded machine; no test asserts a time. */
const WAIT = { timeout: 30_000 };

noteMissing('test/browser/form.test.ts');

const SCHOOL = 'standards/school-hygiene.yaml';
const w = wordsOf('zh-CN');

describe.skipIf(missing !== undefined)('the inspection form on a phone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scoresheet-form-'));
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const console: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const made = await runCli(['form', '--standard', SCHOOL, '--units', 'fixtures/school/units.yaml', '-o', join(dir, 'form.html'), '--lang', 'zh-CN']);
    expect([made.code, made.stderr]).toEqual([0, '']);
    browser = await playwright!.chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true });
    // Content-Security-Policy violations as the page reports them (an init script is outside the page's CSP).
    await context.addInitScript(() => {
      const seen: string[] = [];
      (globalThis as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(dir, 'form.html')).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const total = () => page.locator('#live-total').innerText();

  it('plays a session: the total changes after each finding, and the exports score the same in the CLI', async () => {
    await page.selectOption('select[name=unit]', 'g1-01');
    await page.selectOption('select[name=kind]', 'scheduled');
    await page.fill('input[name=date]', '2024-03-04');
    await page.fill('input[name=inspector]', '德育处');
    await expect.poll(total, WAIT).toBe('100');
    const totals = ['100'];
    await page.fill('input[name="tool-corner.points"]', '2');
    await expect.poll(total, WAIT).not.toBe(totals.at(-1));
    totals.push(await total());
    await page.fill('input[name="ground.count"]', '1');
    await expect.poll(total, WAIT).not.toBe(totals.at(-1));
    totals.push(await total());
    // 周一定期检查: each failed area costs 2, the tool corner its 2 on top.
    expect(totals).toEqual(['100', '96', '94']);

    // What the page shows: every line (item, type, points, reason), the total, band and verdict.
    const shown = await page.locator('#scorecard tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent)));
    const summary = { total: await page.locator('#total').innerText(), band: await page.locator('#band').innerText(), verdict: await page.locator('#verdict').innerText() };
    expect(shown.length).toBeGreaterThanOrEqual(2);

    await page.click('#finish');
    await expect.poll(() => page.locator('#finished-count').innerText(), WAIT).toBe(w.page.finished(1));
    const ndjson = await downloaded('#export-ndjson', 'ndjson');
    const csv = await downloaded('#export-csv', 'csv');

    const loaded = await loadStandard(SCHOOL);
    if (!loaded.ok) throw new Error('school standard');
    const names = new Map(loaded.standard.categories.flatMap((c) => [[c.id, c.name['zh-CN']!] as const, ...c.items.map((i) => [i.id, i.name['zh-CN']!] as const)]));
    for (const file of [ndjson, csv]) {
      const scored = await runCli(['score', '--standard', SCHOOL, '--format', 'json', file]);
      expect([scored.code, scored.stderr], file).toEqual([0, '']);
      const [card] = (JSON.parse(scored.stdout) as { scorecards: Scorecard[] }).scorecards;
      expect({ total: String(card!.total), band: card!.band ? card!.band.name['zh-CN'] : w.scorecard.none, verdict: w.verdict[card!.verdict] }).toEqual(summary);
      expect(card!.lines.map((l) => [l.item !== undefined ? names.get(l.item) : w.scorecard.none, w.lineType[l.type], signedPoints(l.points), renderMessage(l.reason, 'zh-CN')])).toEqual(shown);
      expect(card!.unit).toEqual({ id: 'g1-01', name: '高一(1)班', group: { grade: '高一' } });
    }
  });

  async function downloaded(button: string, ext: string): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const path = join(dir, `export.${ext}`);
    await download.saveAs(path);
    expect(readFileSync(path, 'utf8').length).toBeGreaterThan(0);
    return path;
  }

  it('keeps the draft over a reload (local storage)', async () => {
    await page.selectOption('select[name=unit]', 'g1-02');
    await page.fill('input[name="tool-corner.points"]', '1.5');
    await page.reload({ waitUntil: 'load' });
    await expect(page.inputValue('select[name=unit]')).resolves.toBe('g1-02');
    await expect(page.inputValue('input[name="tool-corner.points"]')).resolves.toBe('1.5');
    await expect(page.locator('#finished-count').innerText()).resolves.toBe(w.page.finished(1));
  });

  it('requests nothing off the page, and code generation is refused once, not on every keystroke', async () => {
    expect(leaving(requests)).toEqual([]);
    expect(errors).toEqual([]);
    expect(console.filter((m) => m.startsWith('error'))).toEqual([]);
    // compileStandard tries `new Function` once, is refused, and the interpreter scores (the session above).
    await expect(page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations)).resolves.toEqual(['script-src eval']);
  });

  it('has large touch targets and fits the phone width', async () => {
    const narrow = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(narrow).toBe(true);
    const heights = await page.locator('input:not([type=checkbox]), select, button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe.skipIf(missing !== undefined)('the form refuses what the library refuses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scoresheet-form-2013-'));
  const STANDARD = 'standards/hygiene-supervision-2013.yaml';
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const made = await runCli(['form', '--standard', STANDARD, '-o', join(dir, 'form.html'), '--lang', 'zh-CN']);
    expect([made.code, made.stderr]).toEqual([0, '']);
    browser = await playwright!.chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(pathToFileURL(join(dir, 'form.html')).href, { waitUntil: 'load' });
    await page.fill('input[name=unit]', 'clinic-1');
    await page.fill('input[name=date]', '2024-03-04');
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The library's words for a finding on `leadership`, as scoreRecord gives them. */
  async function libraryProblems(finding: Record<string, unknown>): Promise<string[]> {
    const loaded = await loadStandard(STANDARD);
    if (!loaded.ok) throw new Error('2013 standard');
    const result = scoreRecord(compileStandard(loaded.standard), { unit: { id: 'clinic-1' }, date: '2024-03-04', findings: [{ item: 'leadership', ...finding }] });
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.diagnostics.map((d) => renderMessage({ messageId: d.messageId, ...(d.data ? { data: d.data } : {}) }, 'zh-CN'));
  }

  const itemError = () => page.locator('[data-item=leadership] .error').innerText();

  it('refuses points outside the item’s range with the library’s message', async () => {
    const expected = await libraryProblems({ points: 5, note: '缺协管员' });
    await page.fill('input[name="leadership.note"]', '缺协管员');
    await page.fill('input[name="leadership.points"]', '5');
    await expect.poll(itemError, WAIT).toBe(expected.join(''));
    await expect(page.locator('#finish').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#problems').innerText()).resolves.toContain(expected[0]);
  });

  it('refuses a judgement without a note with the library’s message', async () => {
    const expected = await libraryProblems({ points: 1 });
    await page.fill('input[name="leadership.note"]', '');
    await page.fill('input[name="leadership.points"]', '1');
    await expect.poll(itemError, WAIT).toBe(expected.join(''));
    await page.fill('input[name="leadership.note"]', '缺协管员');
    await expect.poll(itemError, WAIT).toBe('');
    await expect(page.locator('#finish').isDisabled()).resolves.toBe(false);
  });
});
