/**
 * Debian's Chromium through playwright-core for the page tests (test/browser/), as the report's test
 * launches it; `missing` says why it cannot run here (the suite then skips, and fails in CI).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from '../../src/cli/report.js';

export const CHROMIUM = process.env.SCORESHEET_CHROMIUM || DEFAULT_CHROMIUM;
export const playwright = await import('playwright-core').catch(() => undefined);
export const missing = !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM} (apt-get install chromium fonts-wqy-microhei)` : !playwright ? 'playwright-core is not installed (npm ci)' : undefined;
export { CHROMIUM_ARGS };

/** Registers the skip (or, in CI, the failure) for a browser test file without Chromium. */
export function noteMissing(file: string): void {
  if (!missing) return;
  if (process.env.CI === 'true') it('has a browser to test the pages in', () => expect.fail(`browser tests cannot run in CI: ${missing}`));
  else console.warn(`\n  SKIPPED ${file}: ${missing}\n`);
}

/** Requests that left the page: anything but the page's own file and what it made itself (blob:, data:). */
export function leaving(urls: readonly string[]): string[] {
  return urls.filter((u) => !/^(file|blob|data):/.test(u));
}

/** axe-core's serious and critical violations on the page, as `rule: target`. Run through the debugger protocol, which the page's CSP does not govern. */
export async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const found = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.slice(0, 3).join(', ')}`);
}
