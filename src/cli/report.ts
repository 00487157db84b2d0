/**
 * `scoresheet report --standard S --period P [records…] --format html|md|pdf [-o FILE]`: the league of
 * `rank` as a report people look at — one self-contained HTML file, Markdown for a chat or a wiki, or
 * a PDF printed by headless Chromium. Exit codes as `rank`: 0 every record scored; 1 some rejected;
 * 2 could not run (bad input, no Chromium or playwright-core for PDF).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Readable } from 'node:stream';
import { reportHtmlLines } from '../report/html.js';
import { display } from './rank.js';
import { buildReport } from '../report/report.js';
import { reportMarkdownLines } from '../report/report-markdown.js';
import { SCORESHEET_VERSION } from '../version.js';
import { writeOutputFile, type Output } from './io.js';
import { leagueWorkbook } from '../report/xlsx.js';
import { leftOutWarnings, tooLargeWarnings } from '../report/league.js';
import { loadLeagueInput, type LeagueInputOptions } from './league-input.js';
import { outLines, writeLines } from './write-lines.js';
import { wordsOf } from '../messages/locales.js';
import { renderMessage } from '../messages/render.js';
import type { Message } from '../messages/types.js';
import { systemFailure } from '../messages/library.js';

export type ReportFormat = 'html' | 'md' | 'pdf' | 'xlsx';

export interface ReportCliOptions extends LeagueInputOptions {
  readonly format: ReportFormat;
  /** The file to write; standard output when absent (not for pdf). */
  readonly output?: string;
  /** The period key the report is as of (default: the latest). */
  readonly at?: string;
  /** How many of the costliest items to list. */
  readonly top?: number;
  /** Chromium for --format pdf (SCORESHEET_CHROMIUM); DEFAULT_CHROMIUM when absent. */
  readonly chromium?: string;
}

/** Where the PDF printer looks for Chromium: Debian's package, or SCORESHEET_CHROMIUM. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run', '--disable-component-update', '--disable-sync'];

export async function runReport(inputs: readonly string[], options: ReportCliOptions, out: Output, stdin: Readable): Promise<number> {
  if (options.format === 'pdf' && !options.output) {
    out.err(wordsOf(options.lang).cli.pdfNeedsOutput);
    return 2;
  }
  if (options.format === 'xlsx' && !options.output) {
    out.err(wordsOf(options.lang).cli.xlsxNeedsOutput);
    return 2;
  }
  // Each scorecard goes to the league as it is scored (only the vetoes traced: the report reads its
  // lines from the cards); of the cards with lines only what the report shows is held (a ReportCard, identical lines shared).
  const input = await loadLeagueInput(inputs, options, out, stdin, { hold: false, inspected: true, traced: 'vetoes' });
  if (input === 2) return 2;
  const { standard, league, inspected, rejected, calendar, ledger } = input;
  // Inspections in no period (a holiday, between terms) are a warning, not a failure: the exit code stays.
  for (const line of leftOutWarnings(league.leftOut ?? [], options.lang)) out.err(line);
  // A score refused as beyond the exact range shows as an unranked row: said here too, as a warning.
  for (const line of tooLargeWarnings(league, options.lang)) out.err(line);
  // The problems were printed as they were found; the report says how many records were left out.
  const rejectedRecords = rejected.records;
  if (options.at !== undefined && !league.tables.some((t) => t.period.key === options.at)) {
    out.err(wordsOf(options.lang).cli.noSuchPeriod(options.at, league.tables.map((t) => t.period.key).join(', ')));
    return 2;
  }
  const report = buildReport(league, standard, {
    inspected,
    ...(calendar ? { calendar } : {}),
    ...(options.at !== undefined ? { at: options.at } : {}),
    ...(options.top !== undefined ? { top: options.top } : {}),
    rejected: rejectedRecords,
    generator: `scoresheet ${SCORESHEET_VERSION}`,
    ...(ledger && { ledger }),
  });

  if (options.format === 'xlsx') {
    // The league's tables as a workbook: one sheet per period and group (report/xlsx.ts).
    if (!(await writeOutputFile(options.output!, await leagueWorkbook(league, standard, options.lang), out, wordsOf(options.lang).cli.cannotWrite))) return 2;
    return rejectedRecords > 0 ? 1 : 0;
  }
  const shown = { lang: options.lang, ...display(options) };
  // The page in pieces (lines), written as they come: a large run's report is never one string.
  const lines = options.format === 'md' ? reportMarkdownLines(report, shown) : reportHtmlLines(report, shown);
  if (options.format === 'pdf') {
    const printed = await printPdf(lines, options.output!, options.chromium);
    if (printed !== undefined) {
      out.err(renderMessage(printed, options.lang));
      return 2;
    }
  } else if (options.output) {
    try {
      await writeLines(options.output, lines);
    } catch (error) {
      out.err(wordsOf(options.lang).cli.cannotWrite(options.output, renderMessage({ messageId: 'library.system', data: systemFailure(error) }, options.lang)));
      return 2;
    }
  } else {
    await outLines(out, lines);
  }
  return rejectedRecords > 0 ? 1 : 0;
}

/**
 * Prints an HTML page (its lines) to an A4 PDF with headless Chromium; the reason when it cannot (a
 * catalogue message), undefined when done. The page reaches Chromium as a file written a batch of lines
 * at a time, so this process never holds it as one string.
 */
export async function printPdf(lines: Iterable<string>, path: string, chromium?: string): Promise<Message | undefined> {
  const executablePath = chromium || DEFAULT_CHROMIUM;
  if (!existsSync(executablePath)) {
    return { messageId: 'pdf.no_chromium', data: { path: executablePath } };
  }
  // Loaded only here, so the library and every other format work without it. The name is held in a
  // variable so the bundler leaves the import to run time instead of bundling playwright-core.
  const name = 'playwright-core';
  let playwright: typeof import('playwright-core');
  try {
    playwright = (await import(name)) as typeof import('playwright-core');
  } catch {
    return { messageId: 'pdf.no_playwright' };
  }
  let browser: import('playwright-core').Browser | undefined;
  const dir = await mkdtemp(join(tmpdir(), 'scoresheet-pdf-'));
  try {
    const page = join(dir, 'report.html');
    await writeLines(page, lines);
    browser = await playwright.chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    await tab.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
    return undefined;
  } catch (error) {
    return { messageId: 'pdf.failed', data: { path: executablePath, detail: (error as Error).message } };
  } finally {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  }
}
