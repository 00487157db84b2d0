/**
 * The playground in Chromium (issue 20): for a sample of the bad-standard corpus (test/cases) the page
 * shows the same code and line:col as `scoresheet check`, updated as the text changes (no reload; the
 * test waits for the update, it times nothing); typing into a good standard shows its new problem; the
 * whole state is in the URL's hash, so the link opens the same page; nothing leaves the page; no
 * serious accessibility violation.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { axeViolations, CHROMIUM, CHROMIUM_ARGS, leaving, missing, noteMissing, playwright } from '../support/chromium.js';
import { runCli } from '../support/cli.js';

/** Waiting for the page to update: generous on a loaded machine; no test asserts a time. */
const WAIT = { timeout: 30_000 };

noteMissing('test/browser/playground.test.ts');

const SAMPLE = [
  'multi/several-errors',
  'multi/duplicate-key-and-schema-error',
  'multi/errors-and-warnings',
  'conditions/unknown-operator',
  'references/duplicate-item-id',
  'bands/gap',
  'schema/misspelt-rule-key',
  'ranges/inverted-points-range',
];

interface Shown {
  code: string;
  at: string;
  text: string;
}

describe.skipIf(missing !== undefined)('the playground', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scoresheet-playground-'));
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const made = await runCli(['playground', '-o', join(dir, 'playground.html'), '--lang', 'en']);
    expect([made.code, made.stderr]).toEqual([0, '']);
    browser = await playwright!.chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(dir, 'playground.html')).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const shown = (): Promise<Shown[]> =>
    page.locator('#diagnostics li').evaluateAll((items) => items.map((li) => ({ code: (li as HTMLElement).dataset.code!, at: `${(li as HTMLElement).dataset.line}:${(li as HTMLElement).dataset.column}`, text: li.textContent ?? '' })));

  /** What `scoresheet check` says of `text`: code, line:col and message, in order. */
  async function check(name: string, text: string, lang = 'en'): Promise<{ code: string; at: string; message: string }[]> {
    const file = join(dir, `${name.replace('/', '-')}.yaml`);
    writeFileSync(file, text);
    const r = await runCli(['check', file, '--format', 'json', '--lang', lang]);
    const report = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; line: number; column: number; message: string }[] }[] };
    return report.files[0]!.diagnostics.map((d) => ({ code: d.code, at: `${d.line}:${d.column}`, message: d.message }));
  }

  it('opens on a shipped standard with no problems and its record scored', async () => {
    await expect.poll(() => page.locator('#diagnostics-status').innerText(), WAIT).toBe('No problems.');
    await expect(page.locator('#scorecard').innerText()).resolves.toMatch(/total/);
  });

  it('shows, for each sampled bad standard, the code, line:col and message check gives', async () => {
    for (const name of SAMPLE) {
      const text = (parseYaml(readFileSync(`test/cases/${name}.yaml`, 'utf8')) as { standard: string }).standard;
      const expected = await check(name, text);
      expect(expected.length, name).toBeGreaterThan(0);
      await page.fill('#standard', text);
      await expect.poll(async () => (await shown()).map((d) => ({ code: d.code, at: d.at })), { message: name, ...WAIT }).toEqual(expected.map((d) => ({ code: d.code, at: d.at })));
      const texts = (await shown()).map((d) => d.text);
      expected.forEach((d, i) => expect(texts[i], name).toContain(d.message));
    }
  });

  it('updates as the author types into a good standard, and speaks Chinese when asked', async () => {
    await page.selectOption('#shipped', 'school-hygiene.yaml');
    await expect.poll(() => page.locator('#diagnostics-status').innerText(), WAIT).toBe('No problems.');
    await page.click('#standard');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nbogus: 1');
    const text = await page.inputValue('#standard');
    const expected = await check('typed', text);
    expect(expected.map((d) => d.code)).toEqual(['unknown_key']);
    await expect.poll(async () => (await shown()).map((d) => `${d.code} ${d.at}`), WAIT).toEqual(expected.map((d) => `${d.code} ${d.at}`));
    const zh = await check('typed', text, 'zh-CN');
    await page.selectOption('#language', 'zh-CN');
    await expect.poll(async () => (await shown())[0]?.text ?? '', WAIT).toContain(zh[0]!.message);
  });

  it('keeps the whole state in the hash: the link opens the same standard, record and problems', async () => {
    const link = page.url();
    expect(link).toContain('#');
    const copy = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await copy.goto(link, { waitUntil: 'load' });
      await expect(copy.inputValue('#standard')).resolves.toBe(await page.inputValue('#standard'));
      await expect(copy.inputValue('#record')).resolves.toBe(await page.inputValue('#record'));
      await expect(copy.inputValue('#language')).resolves.toBe('zh-CN');
      await expect.poll(() => copy.locator('#diagnostics li').count(), WAIT).toBe(1);
    } finally {
      await copy.close();
    }
  });

  it('requests nothing off the page and throws nothing', () => {
    expect(leaving(requests)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });
});
