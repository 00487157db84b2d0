// Measures the HTML report of a large run (docs/reports.md) with the BUILT CLI (`npx tsup` first),
// then opens the file in headless Chromium and reads its first contentful paint and load time.
// Needs /usr/bin/chromium and playwright-core.
//   node test/report/measure-large.mjs [runs=5]                 3,300 synthetic school inspections
//   node test/report/measure-large.mjs [runs=5] --lexington DIR  the real Lexington LIVES feed, through
//                                                                `scoresheet import lives DIR`
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const argv = process.argv.slice(2);
const lexington = argv.includes('--lexington') ? argv[argv.indexOf('--lexington') + 1] : undefined;
const runs = Number(argv.find((a) => /^\d+$/.test(a)) ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'scoresheet-large-'));
const html = join(dir, 'report.html');
const cliPath = join(root, 'dist/cli.js');
let args;
if (lexington) {
  const imported = spawnSync(process.execPath, [cliPath, 'import', 'lives', lexington, '-o', join(dir, 'records.ndjson')], { encoding: 'utf8' });
  if (imported.status !== 0) throw new Error(`import exited ${imported.status}: ${imported.stderr}`);
  console.log(imported.stderr.trim());
  args = ['report', '--standard', join(root, 'standards/ky-food-establishment.yaml'), '--period', 'month', '--lang', 'en', join(dir, 'records.ndjson'), '-o', html];
} else {
  spawnSync(process.execPath, [join(root, 'test/report/make-large-input.mjs'), dir], { stdio: 'inherit' });
  args = ['report', '--standard', join(root, 'standards/school-hygiene.yaml'), '--period', 'week', '--group-by', 'grade', '--units', join(dir, 'units.yaml'), join(dir, 'records.ndjson'), '-o', html, '--lang', 'zh-CN'];
}
const started = process.hrtime.bigint();
const cli = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
const cliMs = Number(process.hrtime.bigint() - started) / 1e6;
if (cli.status !== 0) throw new Error(`report exited ${cli.status}: ${cli.stderr}`);
console.log(`report.html: ${statSync(html).size} bytes, written in ${Math.round(cliMs)} ms (CLI, end to end)`);

const browser = await chromium.launch({ executablePath: process.env.SCORESHEET_CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run', '--disable-component-update', '--disable-sync'] });
const fcp = [];
const load = [];
for (let i = 0; i < runs; i++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  const t = await page.evaluate(`(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const nav = performance.getEntriesByType('navigation')[0];
    return { fcp: paint ? paint.startTime : null, load: nav ? nav.loadEventEnd : null };
  })()`);
  // Chromium now and then records no paint entry for a file:// load: such a run is left out.
  if (t.fcp) fcp.push(t.fcp);
  if (t.load) load.push(t.load);
  await page.close();
}
await browser.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`first contentful paint: median ${Math.round(median(fcp))} ms (runs: ${fcp.map(Math.round).join(', ')})`);
console.log(`load event end: median ${Math.round(median(load))} ms (runs: ${load.map(Math.round).join(', ')})`);
