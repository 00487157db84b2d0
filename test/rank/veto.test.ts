/**
 * 一票否决 in the league: a unit vetoed in the period holds no award and is not on the 红榜 (unless
 * the award's or the boards' `exclude` says otherwise), and every league format shows the veto and
 * its reason on the unit's row. The fixture is test/support/veto-league.ts: a vetoed 100, a failed
 * (not vetoed) 100, then 99 and 97.
 */
import { describe, expect, it } from 'vitest';
import { formatLeagueMarkdown, formatLeagueText, leagueCsvRows } from '../../src/report/league.js';
import { RankingSchema } from '../../src/standard/ranking-schema.js';
import { inspect, vetoCards, vetoLeague, vetoStandard } from '../support/veto-league.js';

const holders = (league: ReturnType<typeof vetoLeague>) => league.awards.map((a) => ({ holders: a.holders, excluded: a.excluded, none: a.none }));
const boards = (league: ReturnType<typeof vetoLeague>) => league.boards.map((b) => ({ top: b.top, bottom: b.bottom }));

describe('awards and the 红榜 with vetoes', () => {
  it('ranks the vetoed unit by its score, but gives the red flag and the 红榜 to the best unit without a veto, and puts it first on the 黑榜 (default exclude: [veto])', () => {
    const league = vetoLeague();
    expect(league.tables[0]!.groups[0]!.rows.map((r) => [r.result.unit.id, r.rank, r.result.score, r.vetoes.length])).toEqual([
      ['a', 1, 100, 1],
      ['b', 1, 100, 0],
      ['c', 3, 99, 0],
      ['d', 4, 97, 0],
    ]);
    expect(holders(league)).toEqual([{ holders: ['b'], excluded: ['a'], none: undefined }]);
    // 黑榜, worst first: a (vetoed), then d and c by score; b lost no points.
    expect(boards(league)).toEqual([{ top: ['b'], bottom: ['a'] }]);
  });

  it('also passes over a unit with a failed inspection under exclude: [veto, fail]', () => {
    const league = vetoLeague(['veto', 'fail']);
    expect(holders(league)).toEqual([{ holders: ['c'], excluded: ['a', 'b'], none: undefined }]);
    expect(boards(league)).toEqual([{ top: ['c'], bottom: ['a'] }]);
  });

  it('excludes nobody under exclude: [] (the score alone decides, as before)', () => {
    const league = vetoLeague([]);
    expect(holders(league)).toEqual([{ holders: ['a', 'b'], excluded: undefined, none: undefined }]);
    expect(boards(league)).toEqual([{ top: ['a', 'b'], bottom: ['d'] }]);
  });

  it('gives the flag to nobody, and says why, when only excluded units reach its minimum', () => {
    const league = vetoLeague(undefined, [vetoCards[0]!, inspect('e', {}, 6)]);
    expect(holders(league)).toEqual([{ holders: [], excluded: ['a'], none: 'excluded' }]);
    expect(boards(league)).toEqual([{ top: ['e'], bottom: ['a'] }]);
    expect(formatLeagueText(league, vetoStandard, 'en')).toContain('red flag: not awarded: the units that qualified are excluded (a veto or a failed inspection this period)');
    expect(formatLeagueText(league, vetoStandard, 'zh-CN')).toContain('流动红旗: 达到条件的单位本期均有一票否决或不合格检查，不授予');
  });

  it('defaults exclude to [veto] for awards and boards, and refuses an unknown reason', () => {
    const ranking = RankingSchema.parse({ awards: [{ id: 'flag', name: { en: 'flag' }, period: 'week' }], boards: { top: 3 } });
    expect(ranking.awards[0]!.exclude).toEqual(['veto']);
    expect(ranking.boards!.exclude).toEqual(['veto']);
    expect(RankingSchema.safeParse({ awards: [{ id: 'flag', name: { en: 'flag' }, period: 'week', exclude: ['late'] }] }).success).toBe(false);
  });
});

describe('the veto on the row, in every league format', () => {
  const league = vetoLeague();
  const rowOf = (text: string, name: string) => text.split('\n').find((l) => l.includes(name)) ?? '';

  it('text: the vetoed row carries 一票否决 and its reason (zh-CN and en); the others do not', () => {
    expect(rowOf(formatLeagueText(league, vetoStandard, 'zh-CN'), '高一(1)班')).toMatch(/^\s+1 {2}高一\(1\)班\s+100\s+1 {2}— +一票否决：教室内吸烟$/);
    expect(rowOf(formatLeagueText(league, vetoStandard, 'en'), '高一(1)班')).toMatch(/one-vote veto: smoking in the classroom$/);
    expect(rowOf(formatLeagueText(league, vetoStandard, 'zh-CN'), '高一(2)班')).toMatch(/流动红旗$/);
    expect(formatLeagueText(league, vetoStandard, 'zh-CN').match(/一票否决/g)).toHaveLength(1);
  });

  it('md: the same on the table row', () => {
    expect(rowOf(formatLeagueMarkdown(league, vetoStandard, 'zh-CN'), '高一(1)班')).toBe('| 1 | 高一(1)班 | 100 | 1 | — | 一票否决：教室内吸烟 |');
    expect(rowOf(formatLeagueMarkdown(league, vetoStandard, 'en'), '高一(1)班')).toBe('| 1 | 高一(1)班 | 100 | 1 | — | one-vote veto: smoking in the classroom |');
  });

  it('csv: a veto column, with the reason on the vetoed row and empty on the others', () => {
    const rows = leagueCsvRows(league, vetoStandard, 'zh-CN');
    expect(rows[0]!.at(-1)).toBe('一票否决');
    expect(rows.slice(1).map((r) => [r[3], r.at(-2), r.at(-1)])).toEqual([
      ['a', '', '一票否决：教室内吸烟'],
      ['b', '流动红旗', ''],
      ['c', '', ''],
      ['d', '', ''],
    ]);
    expect(leagueCsvRows(league, vetoStandard, 'en')[0]!.at(-1)).toBe('veto');
  });

  it('json (what `rank --format json` prints): the row lists its veto with the reason as a message, the award whom it passed over', () => {
    const json = JSON.parse(JSON.stringify(league)) as { tables: { groups: { rows: { result: { unit: { id: string } }; vetoes: unknown[] }[] }[] }[]; awards: unknown[] };
    const rows = json.tables[0]!.groups[0]!.rows;
    expect(rows[0]!.vetoes).toEqual([
      expect.objectContaining({ type: 'veto', rule: 'outcomes.vetoes[0]', date: '2024-03-04', record: 'w10-a', reason: { messageId: 'line.veto', data: { name: { 'zh-CN': '教室内吸烟', en: 'smoking in the classroom' } } } }),
    ]);
    expect(rows.slice(1).map((r) => r.vetoes)).toEqual([[], [], []]);
    expect(json.awards).toEqual([expect.objectContaining({ holders: ['b'], excluded: ['a'] })]);
  });

  it('names a veto once however many inspections of the period it fired in', () => {
    const again = { ...vetoCards[0]!, record: 'w10-a2', date: '2024-03-05' };
    const row = vetoLeague(undefined, [...vetoCards, again]).tables[0]!.groups[0]!.rows.find((r) => r.result.unit.id === 'a')!;
    expect([row.result.vetoes, row.vetoes.length]).toEqual([2, 1]);
  });
});
