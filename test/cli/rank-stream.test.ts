/**
 * `rank` feeds its league as records are scored (a LeagueBuilder, the scorecards never all held); `report`
 * holds them. Both paths of loadLeagueInput give the same league on the fixtures, and `rank --format json`
 * is written in pieces that make the same text as one JSON.stringify.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadLeagueInput, type LeagueInputOptions } from '../../src/cli/league-input.js';
import { SameUnits } from '../../src/rank/league.js';
import { jsonPieces } from '../../src/report/json-pieces.js';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'scoresheet-rank-stream-'));
const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));

// Awards by kinds, a band exclusion and a veto exclusion; records that supersede others (the same kind).
const CLASSES = file('classes.yaml', `
id: classes
version: "1"
name: { en: Class hygiene }
scoring: { mode: deduct, base: 100 }
kinds: [ { id: daily, name: { en: Daily } }, { id: weekly, name: { en: Weekly } } ]
categories:
  - id: room
    name: { en: Classroom }
    items:
      - { id: floor, name: { en: Floor }, rules: [ { kind: per-occurrence, points: 1 } ] }
      - { id: fire, name: { en: Fire }, rules: [ { kind: per-occurrence, points: 1 } ] }
  - { id: kitchen, name: { en: Kitchen }, items: [ { id: fridge, name: { en: Fridge }, rules: [ { kind: threshold, of: { fact: fridgeC }, max: 8 } ] } ] }
outcomes:
  vetoes: [ { id: fire, name: { en: Fire }, item: fire } ]
  bands: [ { id: good, name: { en: Good }, min: 99 }, { id: poor, name: { en: Poor }, below: 99 } ]
ranking:
  aggregate: mean
  awards:
    - { id: flag, name: { en: Flag }, period: week, exclude: [veto, { bands: [poor] }] }
    - { id: weekly-flag, name: { en: Weekly flag }, period: week, kinds: [weekly], exclude: [{ standard: canteen, verdict: fail }] }
`);
// The same without the award by kinds: a league rank streams.
const FLAGS = file('flags.yaml', readFileSync(CLASSES, 'utf8').replace(/\n    - \{ id: weekly-flag.*\n/, '\n'));
// Another standard, whose failed checks exclude from the weekly flag: the classes' kitchen alone.
const CANTEEN = file('canteen.yaml', readFileSync(CLASSES, 'utf8').replace('id: classes', 'id: canteen').replace(/\n {2}- id: room[\s\S]*?(?=\n {2}- \{ id: kitchen)/, '').replace(/\noutcomes:[\s\S]*$/, '\n'));
const RECORDS = file('records.yaml', `
- { id: r1, standard: classes, unit: { id: a }, date: 2024-03-04, kind: daily, facts: { fridgeC: 4 }, findings: [] }
- { id: r2, standard: classes, unit: { id: b }, date: 2024-03-04, kind: daily, facts: { fridgeC: 4 }, findings: [ { item: floor, count: 3 } ] }
- { id: r3, standard: classes, unit: { id: c }, date: 2024-03-05, kind: weekly, facts: { fridgeC: 4 }, findings: [ { item: fire } ] }
- { id: r4, standard: classes, unit: { id: a }, date: 2024-03-06, kind: weekly, facts: { fridgeC: 4 }, findings: [] }
- { id: r5, standard: classes, unit: { id: b }, date: 2024-03-06, kind: weekly, facts: { fridgeC: 4 }, findings: [] }
- { id: r6, standard: classes, unit: { id: b }, date: 2024-03-07, kind: daily, supersedes: r2, facts: { fridgeC: 4 }, findings: [] }
- { id: k1, standard: canteen, unit: { id: a }, date: 2024-03-05, facts: { fridgeC: 11 } }
- { id: k2, standard: canteen, unit: { id: b }, date: 2024-03-05, facts: { fridgeC: 11 } }
- { id: k3, standard: canteen, unit: { id: b }, date: 2024-03-06, supersedes: k2, facts: { fridgeC: 5 } }
- { id: r7, standard: classes, unit: { id: c }, date: 2024-03-12, kind: weekly, facts: { fridgeC: 12 }, findings: [] }
- { id: r8, standard: classes, unit: { id: a }, date: 2024-03-12, kind: daily, facts: { fridgeC: 4 }, findings: [ { item: floor } ] }
`);
// Corrections across standards: a canteen check supersedes a class record, a class record a canteen check.
const CROSS = file('cross.yaml', `
- { id: k4, standard: canteen, unit: { id: b }, date: 2024-03-08, supersedes: r5, facts: { fridgeC: 4 } }
- { id: r9, standard: classes, unit: { id: a }, date: 2024-03-08, kind: weekly, supersedes: k1, facts: { fridgeC: 4 }, findings: [ { item: fire } ] }
- { id: r10, standard: classes, unit: { id: c }, date: 2024-03-13, kind: daily, facts: { fridgeC: 4 }, findings: [] }
- { id: k5, standard: canteen, unit: { id: c }, date: 2024-03-13, supersedes: r10, facts: { fridgeC: 4 } }
`);
// Exclusions the results say (a veto) alone: a league whose builder keeps cells, not cards.
const CELLS = file('cells.yaml', readFileSync(FLAGS, 'utf8').replace('exclude: [veto, { bands: [poor] }]', 'exclude: [veto]'));

// Inspections in no period of the calendar (left out, t2-calendar), one of them superseded.
const HOLIDAYS = file('holidays.ndjson', [
  { id: 'h1', unit: { id: 'g1-01', group: { grade: '高一' } }, date: '2024-03-04', kind: 'scheduled', findings: [] },
  { id: 'h2', unit: { id: 'g1-02', group: { grade: '高一' } }, date: '2024-04-05', kind: 'scheduled', findings: [] },
  { id: 'h3', unit: { id: 'g1-03', group: { grade: '高一' } }, date: '2024-08-01', kind: 'scheduled', findings: [] },
  { id: 'h4', unit: { id: 'g1-03', group: { grade: '高一' } }, date: '2024-08-02', kind: 'scheduled', supersedes: 'h3', findings: [] },
].map((r) => JSON.stringify(r)).join('\n') + '\n');
const SCHOOL = { standards: ['standards/school-hygiene.yaml'], period: 'week', groupBy: 'grade', units: 'fixtures/school/units.yaml', roster: 'fixtures/school/roster.yaml' } as const;
const CASES: [string, Omit<LeagueInputOptions, 'lang'>, string[]][] = [
  ['school, roster and units', SCHOOL, ['fixtures/school/records.yaml']],
  ['school with its calendar', { ...SCHOOL, period: 'term', calendar: 'fixtures/school/calendar.yaml' }, ['fixtures/school/records.yaml']],
  ['school, inspections in no term left out', { standards: ['standards/school-hygiene.yaml'], period: 'term', calendar: 'fixtures/school/calendar.yaml' }, [HOLIDAYS]],
  ['school, CSV and NDJSON sources as one stream', { standards: ['standards/school-hygiene.yaml'], period: 'week' }, ['fixtures/csv/school-week.ndjson', 'fixtures/csv/school-week.json']],
  ['school month, bands by kind', { standards: ['standards/school-hygiene-month.yaml'], period: 'month' }, ['fixtures/school-hygiene-month/records.yaml']],
  ['exclusions by veto and band, supersedes (the canteen records rejected)', { standards: [FLAGS], period: 'week' }, [RECORDS]],
  ['awards by kinds', { standards: [CLASSES], period: 'week' }, [RECORDS]],
  ['community red flag by month (awards by kinds)', { standards: ['standards/community-red-flag.yaml'], period: 'month', groupBy: 'community', units: 'fixtures/community-red-flag/units.yaml' }, ['fixtures/community-red-flag/weekly.yaml']],
  ['community red flag, a roll-up', { standards: ['standards/community-red-flag.yaml'], period: 'quarter', rollUp: 'alliances' }, ['fixtures/community-red-flag/communities.yaml']],
  // The --also standards' cards go to the builder as another standard's (addElsewhere).
  ['awards by kinds, exclusions, supersedes, --also', { standards: [CLASSES], also: [CANTEEN], period: 'week' }, [RECORDS]],
  ['--also', { standards: [FLAGS], also: [CANTEEN], period: 'week' }, [RECORDS]],
  ['--also, corrections across standards', { standards: [CLASSES], also: [CANTEEN], period: 'week' }, [RECORDS, CROSS]],
  ['--also, corrections across standards, a league of cells', { standards: [CELLS], also: [CANTEEN], period: 'week' }, [RECORDS, CROSS]],
  ['--also, corrections across standards first, a league of cells', { standards: [CELLS], also: [CANTEEN], period: 'week' }, [CROSS, RECORDS]],
];

const quiet = { out: () => {}, err: () => {} };
const empty = () => Readable.from([]);

describe('rank’s league, fed as records are scored', () => {
  it.each(CASES)('is the held path’s league: %s', async (_name, options, inputs) => {
    const opts = { lang: 'en', ...options } as LeagueInputOptions;
    const held = await loadLeagueInput(inputs, opts, quiet, empty());
    const streamed = await loadLeagueInput(inputs, opts, quiet, empty(), { hold: false, watch: ['fail', 'indeterminate'] });
    if (held === 2 || streamed === 2) throw new Error('could not load');
    expect(held.league.tables.length).toBeGreaterThan(0);
    if (inputs[0] === HOLIDAYS) expect(held.league.leftOut?.map((c) => c.record)).toEqual(['h2', 'h4']);
    expect(JSON.stringify(streamed.league)).toBe(JSON.stringify(held.league));
    expect(streamed.scorecards).toBeUndefined();
    expect([...streamed.verdicts].sort()).toEqual([...new Set(held.scorecards.map((c) => c.verdict))].filter((v) => v === 'fail' || v === 'indeterminate').sort());
    expect(streamed.rejected).toEqual(held.rejected);
  });

  it('a record superseded by one of another kind stays out of the award by kinds (streamed: buildLeague drops superseded cards first)', async () => {
    const records = file('kind-corrected.yaml', `
- { id: w1, standard: classes, unit: { id: a }, date: 2024-03-04, kind: weekly, facts: { fridgeC: 4 }, findings: [] }
- { id: w2, standard: classes, unit: { id: b }, date: 2024-03-04, kind: weekly, facts: { fridgeC: 4 }, findings: [ { item: floor, count: 5 } ] }
- { id: w3, standard: classes, unit: { id: a }, date: 2024-03-05, kind: daily, supersedes: w1, facts: { fridgeC: 4 }, findings: [] }
`);
    const r = await runCli(['rank', '--standard', CLASSES, '--period', 'week', records, '--format', 'json']);
    const awards = JSON.parse(r.stdout).awards as { award: string; holders: string[] }[];
    expect(awards.find((a) => a.award === 'weekly-flag')?.holders).toEqual(['b']);
  });

  it('gives one object for units the same to the letter, and keeps apart those that differ (SameUnits, which the builder and report keep)', () => {
    const units = new SameUnits();
    const unit = (grade: string, name?: string) => (name === undefined ? { id: 'a', group: { grade } } : { id: 'a', name, group: { grade } });
    const given = [unit('1'), unit('1'), unit('2'), unit('2'), unit('2', 'A'), { group: { grade: '2' }, id: 'a' }].map((u) => units.of(u));
    expect(given[1]).toBe(given[0]);
    expect(given[3]).toBe(given[2]);
    expect(given[2]).not.toBe(given[0]);
    expect(given[2]).toEqual({ id: 'a', group: { grade: '2' } });
    // Another key, or the same keys in another order (other JSON), is another unit.
    expect(given[4]).not.toBe(given[2]);
    expect(given[5]).not.toBe(given[2]);
    expect(JSON.stringify(given[5])).toBe('{"group":{"grade":"2"},"id":"a"}');
  });

  it('--fail-on counts a failed record only while no other record supersedes it', async () => {
    const failed = file('failed.yaml', '- { id: f1, standard: canteen, unit: { id: a }, date: 2024-03-05, facts: { fridgeC: 11 } }\n');
    const corrected = file('corrected.yaml', '- { id: f2, standard: canteen, unit: { id: a }, date: 2024-03-06, supersedes: f1, facts: { fridgeC: 5 } }\n');
    const args = ['rank', '--standard', CANTEEN, '--period', 'week', '--fail-on', 'fail'];
    expect((await runCli([...args, failed])).code).toBe(1);
    expect((await runCli([...args, failed, corrected])).code).toBe(0);
    expect((await runCli([...args, corrected, failed])).code).toBe(0);
  });
});

describe('jsonPieces', () => {
  it('makes JSON.stringify(value, null, 2) line for line', async () => {
    const withGetter = Object.defineProperty({ a: 1 }, 'lines', { get: () => [{ x: 'a\nb' }], enumerable: true });
    const values: Record<string, unknown>[] = [
      {},
      { a: undefined, f: () => 1 },
      { a: [], b: {}, c: null, d: 'x\u2028"y"\n', e: [undefined, [], [[1, { z: [] }]], { y: undefined }] },
      { only: [1] },
      { nested: { list: [1, 2, { deep: ['a'] }] }, last: [withGetter, withGetter] },
      { s: Symbol('s'), gone: { toJSON: () => undefined }, date: new Date(0), kept: { toJSON: () => ['x'] } },
    ];
    for (const value of values) expect([...jsonPieces(value)].join('\n')).toBe(JSON.stringify(value, null, 2));
    // Each element of an array member is made into text once: never the whole member first (a large run's results).
    let made = 0;
    const counted = { toJSON: () => ++made };
    expect([...jsonPieces({ results: [counted, counted, counted] })].join('\n')).toBe('{\n  "results": [\n    1,\n    2,\n    3\n  ]\n}');
    expect(made).toBe(3);
    const r = await runCli(['rank', '--standard', CLASSES, '--also', CANTEEN, '--period', 'week', RECORDS, '--format', 'json']);
    const league = await loadLeagueInput([RECORDS], { lang: 'en', standards: [CLASSES], also: [CANTEEN], period: 'week' }, quiet, empty(), { hold: false });
    if (league === 2) throw new Error('could not load');
    expect(r.stdout).toBe(`${JSON.stringify({ ...league.league, rejected: [] }, null, 2)}\n`);
    // -o: written as it is made, the same text (control characters escaped as on stdout).
    const out = join(dir, 'league.json');
    const written = await runCli(['rank', '--standard', CLASSES, '--also', CANTEEN, '--period', 'week', RECORDS, '--format', 'json', '-o', out]);
    expect([written.code, written.stdout]).toEqual([r.code, '']);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
  });
});
