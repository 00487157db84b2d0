// Regenerates docs/school-league.png: the school fixture's 评比栏 (the latest week, 高一) as Chromium
// shows it. Run after `npx tsup`: node test/report/screenshot.mjs. Needs /usr/bin/chromium and playwright-core.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const html = join(mkdtempSync(join(tmpdir(), 'scoresheet-shot-')), 'report.html');
const args = ['report', '--standard', 'standards/school-hygiene.yaml', '--period', 'week', '--group-by', 'grade', '--units', 'fixtures/school/units.yaml', '--roster', 'fixtures/school/roster.yaml', '--calendar', 'fixtures/school/calendar.yaml', 'fixtures/school/records.yaml', '-o', html, '--lang', 'zh-CN'];
const cli = spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args], { cwd: root, encoding: 'utf8' });
if (cli.status !== 0) throw new Error(`report exited ${cli.status}: ${cli.stderr}`);
const browser = await chromium.launch({ executablePath: process.env.SCORESHEET_CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 860, height: 1000 } });
await page.goto(pathToFileURL(html).href);
// The report's header and the first grade's table with its boards.
const top = await page.locator('header.top').boundingBox();
const group = await page.locator('#league .group-page').first().boundingBox();
await page.screenshot({ path: join(root, 'docs/school-league.png'), clip: { x: 0, y: top.y, width: 860, height: group.y + group.height - top.y + 12 } });
await browser.close();
console.log('docs/school-league.png');
