/**
 * `report` feeds each scorecard to a LeagueBuilder as it is scored and holds a ReportCard of each card
 * with lines only (what the report shows of an inspection), and writes its page in pieces; the report
 * model builds each unit's inspections when read and takes the costliest items from those cards, not from
 * the league's traced lines (a correction without lines still takes out the card it supersedes: r10). Each is checked against the straightforward version on
 * every fixture case and on generated school records: the page from whole scorecards, made as one
 * string, is the same to the byte as what `report` prints and writes to a file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../bench/generate.mjs';
import { loadLeagueInput, type LeagueInputOptions } from '../../src/cli/league-input.js';
import { renderReportHtml, reportHtmlLines } from '../../src/report/html.js';
import { buildReport, reportCard, type Report } from '../../src/report/report.js';
import { renderReportMarkdown, reportMarkdownLines } from '../../src/report/report-markdown.js';
import { SCORESHEET_VERSION } from '../../src/version.js';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'scoresheet-report-stream-'));
const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));

// Awards by kinds, exclusions by veto and band, a record that supersedes another; a second standard for --also.
const perOccurrence = (id: string) => ({ id, name: { en: id }, rules: [{ kind: 'per-occurrence', points: 1 }] });
// JSON is YAML: the standards as data.
const CLASSES = file('classes.yaml', JSON.stringify({
  id: 'classes', version: '1', name: { en: 'Class hygiene' }, scoring: { mode: 'deduct', base: 100 },
  kinds: [{ id: 'daily', name: { en: 'Daily' } }, { id: 'weekly', name: { en: 'Weekly' } }],
  categories: [{ id: 'room', name: { en: 'Classroom' }, items: [perOccurrence('floor'), perOccurrence('fire')] }],
  outcomes: { vetoes: [{ id: 'fire', name: { en: 'Fire' }, item: 'fire' }], bands: [{ id: 'good', name: { en: 'Good' }, min: 99 }, { id: 'poor', name: { en: 'Poor' }, below: 99 }] },
  ranking: {
    aggregate: 'mean',
    awards: [
      { id: 'flag', name: { en: 'Flag' }, period: 'week', exclude: ['veto', { bands: ['poor'] }] },
      { id: 'weekly-flag', name: { en: 'Weekly flag' }, period: 'week', kinds: ['weekly'], exclude: [{ standard: 'canteen', verdict: 'fail' }] },
    ],
  },
}));
const CANTEEN = file('canteen.yaml', JSON.stringify({
  id: 'canteen', version: '1', name: { en: 'Canteen' }, scoring: { mode: 'deduct', base: 100 },
  categories: [{ id: 'kitchen', name: { en: 'Kitchen' }, items: [{ id: 'fridge', name: { en: 'Fridge' }, rules: [{ kind: 'threshold', of: { fact: 'fridgeC' }, max: 8 }] }] }],
}));
const RECORDS = file('records.yaml', `
- { id: r1, standard: classes, unit: { id: a }, date: 2024-03-04, kind: daily, findings: [] }
- { id: r2, standard: classes, unit: { id: b }, date: 2024-03-04, kind: daily, findings: [ { item: floor, count: 3, note: "纸屑 <b>" } ] }
- { id: r3, standard: classes, unit: { id: c }, date: 2024-03-05, kind: weekly, findings: [ { item: fire } ] }
- { id: r4, standard: classes, unit: { id: a }, date: 2024-03-06, kind: weekly, findings: [ { item: floor } ] }
- { id: r5, standard: classes, unit: { id: b }, date: 2024-03-06, kind: weekly, findings: [] }
- { id: r6, standard: classes, unit: { id: b }, date: 2024-03-07, kind: daily, supersedes: r2, findings: [ { item: floor } ] }
- { id: k1, standard: canteen, unit: { id: a }, date: 2024-03-05, facts: { fridgeC: 11 } }
- { id: r7, standard: classes, unit: { id: c }, date: 2024-03-12, kind: weekly, findings: [] }
- { id: r8, standard: classes, unit: { id: a }, date: 2024-03-12, kind: daily, findings: [ { item: floor }, { item: fire } ] }
- { id: r9, standard: classes, unit: { id: a }, date: 2024-03-12, kind: daily, findings: [ { item: floor } ] }
- { id: r10, standard: classes, unit: { id: a }, date: 2024-03-13, kind: daily, supersedes: r9, findings: [] }
`);
// Inspections in no period of the calendar (left out), one of them superseded.
const HOLIDAYS = file('holidays.ndjson', [
  { id: 'h1', unit: { id: 'g1-01', group: { grade: '高一' } }, date: '2024-03-04', kind: 'scheduled', findings: [{ item: 'tool-corner', points: 2 }] },
  { id: 'h2', unit: { id: 'g1-02', group: { grade: '高一' } }, date: '2024-04-05', kind: 'scheduled', findings: [] },
  { id: 'h3', unit: { id: 'g1-03', group: { grade: '高一' } }, date: '2024-08-01', kind: 'scheduled', findings: [] },
  { id: 'h4', unit: { id: 'g1-03', group: { grade: '高一' } }, date: '2024-08-02', kind: 'scheduled', supersedes: 'h3', findings: [] },
].map((r) => JSON.stringify(r)).join('\n') + '\n');

type Case = [string, Omit<LeagueInputOptions, 'lang'> & { at?: string }, string[]];
const SCHOOL = { standards: ['standards/school-hygiene.yaml'], period: 'week', groupBy: 'grade', units: 'fixtures/school/units.yaml', roster: 'fixtures/school/roster.yaml' } as const;
const CASES: Case[] = [
  ['school, roster and units', SCHOOL, ['fixtures/school/records.yaml']],
  ['school, as of an earlier week', { ...SCHOOL, at: '2024-W12' }, ['fixtures/school/records.yaml']],
  ['school with its calendar', { ...SCHOOL, period: 'term', calendar: 'fixtures/school/calendar.yaml' }, ['fixtures/school/records.yaml']],
  ['school, inspections in no term left out', { standards: ['standards/school-hygiene.yaml'], period: 'term', calendar: 'fixtures/school/calendar.yaml' }, [HOLIDAYS]],
  ['school, CSV and NDJSON sources as one stream', { standards: ['standards/school-hygiene.yaml'], period: 'week' }, ['fixtures/csv/school-week.ndjson', 'fixtures/csv/school-week.json']],
  ['school month, bands by kind', { standards: ['standards/school-hygiene-month.yaml'], period: 'month' }, ['fixtures/school-hygiene-month/records.yaml']],
  ['awards by kinds, vetoes, supersedes (the canteen record rejected)', { standards: [CLASSES], period: 'week' }, [RECORDS]],
  ['--also (the canteen cards to addElsewhere)', { standards: [CLASSES], also: [CANTEEN], period: 'week' }, [RECORDS]],
  ['community red flag by month', { standards: ['standards/community-red-flag.yaml'], period: 'month', groupBy: 'community', units: 'fixtures/community-red-flag/units.yaml' }, ['fixtures/community-red-flag/weekly.yaml']],
  ['community red flag, a roll-up', { standards: ['standards/community-red-flag.yaml'], period: 'quarter', rollUp: 'alliances' }, ['fixtures/community-red-flag/communities.yaml']],
  ['rectification deadlines: the ledger', { standards: ['standards/community-red-flag-rectification.yaml'], period: 'week' }, ['fixtures/community-red-flag-rectification/records.yaml']],
  ['re-inspection cycles', { standards: ['test/history/fixtures/cycle.yaml'], period: 'month' }, ['test/history/fixtures/cycle-records.yaml']],
  ['charges to several parties', { standards: ['standards/urban-management-enforcement.yaml'], period: 'month' }, ['fixtures/urban-management-enforcement/records.yaml']],
];

const quiet = { out: () => {}, err: () => {} };
const empty = () => Readable.from([]);

/** The report as before: every scorecard held whole, the model built at once, the page one string. */
async function heldReport(inputs: readonly string[], options: Case[1]): Promise<Report> {
  const { at, ...rest } = options;
  const input = await loadLeagueInput(inputs, { lang: 'en', ...rest }, quiet, empty());
  if (input === 2) throw new Error('could not load');
  return buildReport(input.league, input.standard, {
    scorecards: input.scorecards,
    ...(input.calendar ? { calendar: input.calendar } : {}),
    ...(at !== undefined ? { at } : {}),
    rejected: input.rejected.records,
    generator: `scoresheet ${SCORESHEET_VERSION}`,
    ...(input.ledger && { ledger: input.ledger }),
  });
}

const cliArgs = (options: Case[1]): string[] => [
  ...options.standards.flatMap((s) => ['--standard', s]),
  ...(options.also ?? []).flatMap((s) => ['--also', s]),
  '--period', options.period,
  ...(options.groupBy ? ['--group-by', options.groupBy] : []),
  ...(options.units ? ['--units', options.units] : []),
  ...(options.roster ? ['--roster', options.roster] : []),
  ...(options.calendar ? ['--calendar', options.calendar] : []),
  ...(options.rollUp ? ['--roll-up', options.rollUp] : []),
  ...(options.at ? ['--at', options.at] : []),
];

describe('report, held lean and written in pieces', () => {
  // Each case once printed (Markdown) and once written to a file (HTML), the languages taking turns.
  it.each(CASES.map((c, i) => [...c, i % 2 === 0 ? 'zh-CN' : 'en'] as const))('prints and writes the page made from whole scorecards: %s', async (_name, options, inputs, lang) => {
    const held = await heldReport(inputs, options);
    expect(held.units.length).toBeGreaterThan(0);
    const printed = await runCli(['report', ...cliArgs(options), ...inputs, '--format', 'md', '--lang', lang]);
    expect(printed.code, printed.stderr).toBeLessThan(2);
    expect(printed.stdout).toBe(renderReportMarkdown(held, { lang }));
    const out = join(dir, 'report.html');
    const written = await runCli(['report', ...cliArgs(options), ...inputs, '--format', 'html', '--lang', lang, '-o', out]);
    expect(written.code).toBe(printed.code);
    expect(readFileSync(out, 'utf8')).toBe(renderReportHtml(held, { lang }));
  });

  it.each(CASES)('gives the same pages from a reportCard of each scorecard as from the scorecards: %s', async (_name, options, inputs) => {
    const held = await heldReport(inputs, options);
    const { at, ...rest } = options;
    const input = await loadLeagueInput(inputs, { lang: 'en', ...rest }, quiet, empty());
    if (input === 2) throw new Error('could not load');
    const slim = buildReport(input.league, input.standard, {
      scorecards: input.scorecards.map((c) => reportCard(c)),
      ...(input.calendar ? { calendar: input.calendar } : {}),
      ...(at !== undefined ? { at } : {}),
      rejected: input.rejected.records,
      generator: `scoresheet ${SCORESHEET_VERSION}`,
      ...(input.ledger && { ledger: input.ledger }),
    });
    expect(renderReportHtml(slim, { lang: 'en' })).toBe(renderReportHtml(held, { lang: 'en' }));
    expect(renderReportMarkdown(slim, { lang: 'zh-CN' })).toBe(renderReportMarkdown(held, { lang: 'zh-CN' }));
  });

  it.each(CASES)('takes the same lines from the cards as from the league’s traced lines: %s', async (_name, options, inputs) => {
    const held = await heldReport(inputs, options);
    const { at, ...rest } = options;
    const input = await loadLeagueInput(inputs, { lang: 'en', ...rest }, quiet, empty());
    if (input === 2) throw new Error('could not load');
    // Without scorecards, buildReport reads the league's traced lines (result.lines) for all of it.
    const fromLeague = buildReport(input.league, input.standard, { ...(at !== undefined ? { at } : {}), rejected: input.rejected.records });
    expect(held.costliest).toEqual(fromLeague.costliest);
    expect(held.totals).toEqual(fromLeague.totals);
    const inspections = (r: Report) => r.units.map((u) => u.periods.map((p) => [p.clean, p.detailed.map((i) => ({ record: i.record, date: i.date, lines: i.lines }))]));
    expect(inspections(held)).toEqual(inspections(fromLeague));
  });

  it('gives pieces that join to the page', async () => {
    const held = await heldReport(['fixtures/school/records.yaml'], SCHOOL);
    for (const [lines, render] of [[reportHtmlLines, renderReportHtml], [reportMarkdownLines, renderReportMarkdown]] as const) {
      const pieces = [...lines(held, { lang: 'zh-CN' })];
      expect(pieces.length).toBeGreaterThan(50);
      expect(pieces.join('\n') + '\n').toBe(render(held, { lang: 'zh-CN' }));
    }
  });

  it('is the held page on generated school records (seeds, sizes, as-of weeks)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 120 }), fc.boolean(), async (seed, count, early) => {
        const records = generateSchool(count, seed) as { unit: unknown; date: string }[];
        const path = file(`school-${seed}-${count}.ndjson`, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
        const options: Case[1] = { standards: ['standards/school-hygiene.yaml'], period: 'week', groupBy: 'grade', ...(early ? { at: '2024-W12' } : {}) };
        let held: Report;
        try {
          held = await heldReport([path], options);
        } catch {
          return; // no such week among few records: report says so (exit 2) either way
        }
        const printed = await runCli(['report', ...cliArgs(options), path, '--format', early ? 'md' : 'html', '--lang', 'zh-CN']);
        expect(printed.stdout).toBe((early ? renderReportMarkdown : renderReportHtml)(held, { lang: 'zh-CN' }));
      }),
      { numRuns: 6 },
    );
  });
});
