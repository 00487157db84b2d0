/** League tables as text, Markdown, CSV and JSON: pure data → string. */
import { periodLabel } from '../aggregate/periods.js';
import { localizedText, renderMessage } from '../messages/render.js';
import { wordsOf } from '../messages/locales.js';
import type { Locale } from '../messages/locales.js';
import type { Message } from '../messages/types.js';
import type { GroupAwards } from '../rank/awards.js';
import type { League, LeftOutCard } from '../rank/league.js';
import type { TableRow } from '../rank/rank.js';
import type { Standard } from '../standard/schema.js';
import { mdCell, mdFootnote, mdRow } from './markdown.js';
import { formatTable } from './table.js';
import { pushAll } from '../collections.js';
import { boardDisplay, boardNumber, type BoardDisplay } from './display.js';
import { MAX_POINTS, roundPoints } from '../points.js';

export function changeMark(change: number | null): string {
  if (change === null) return '—';
  if (change > 0) return `↑${change}`;
  if (change < 0) return `↓${-change}`;
  return '→';
}

/** Why nobody holds an award, in words. */
export function notAwarded(none: NonNullable<GroupAwards['none']>, locale: Locale): string {
  return renderMessage({ messageId: `league.none_${none}` }, locale);
}

/** A row's 一票否决 mark: each veto's reason (一票否决：发生食品安全事故), '' when it has none. */
export function vetoMark(vetoes: readonly { readonly reason: Message }[], locale: Locale): string {
  return vetoes.map((v) => renderMessage(v.reason, locale)).join(wordsOf(locale).league.separator);
}

/** An inspection left out of the league (in no period), in words: #r7 高一(3)班 2024-04-05: in a holiday of term 2024-spring. */
export function leftOutText(card: LeftOutCard, locale: Locale): string {
  const [inspection, why] = leftOutParts(card, locale);
  return wordsOf(locale).league.leftOut.line(inspection, why);
}

/** A left-out inspection (#r7 高一(3)班 2024-04-05) and why it is in no period, in words. */
function leftOutParts(card: LeftOutCard, locale: Locale): [inspection: string, why: string] {
  const w = wordsOf(locale).league.leftOut;
  const why = card.why.reason === 'holiday' ? w.why.holiday(card.why.term, card.why.holiday && localizedText(card.why.holiday, locale)) : w.why[card.why.reason];
  return [w.inspection(card.record, card.unit.name ?? card.unit.id, card.date), why];
}

/** How many left-out inspections a note under the tables names; the rest are counted. */
export const LEFT_OUT_LISTED = 10;

/** The note under a league's tables: how many inspections are in no period, the first of them, and how many more. */
export function leftOutNote(leftOut: readonly LeftOutCard[], locale: Locale): { readonly title: string; readonly lines: readonly string[] } | undefined {
  if (leftOut.length === 0) return undefined;
  const w = wordsOf(locale).league.leftOut;
  const lines = leftOut.slice(0, LEFT_OUT_LISTED).map((c) => leftOutText(c, locale));
  if (leftOut.length > LEFT_OUT_LISTED) lines.push(w.more(leftOut.length - LEFT_OUT_LISTED));
  return { title: w.note(leftOut.length), lines };
}

/** The note under Markdown tables: a quoted title, then the inspections as a list; '' when none is left out. */
export function leftOutMarkdown(leftOut: readonly LeftOutCard[], locale: Locale): string {
  const note = leftOutNote(leftOut, locale);
  return note === undefined ? '' : [`> ${mdCell(note.title)}`, '', ...note.lines.map((l) => `- ${mdCell(l)}`)].join('\n');
}

/** Warnings printed past this many left-out inspections become one line with their count and the first of them. */
export const LEFT_OUT_WARNED = 5;

/**
 * The warning lines `rank` and `report` (or, with `of: 'assessment'`, `assess`) print on stderr: one per
 * left-out inspection, or one line past a handful.
 */
export function leftOutWarnings(leftOut: readonly LeftOutCard[], locale: Locale, of: 'league' | 'assessment' = 'league'): string[] {
  const words = wordsOf(locale);
  const w = of === 'league' ? words.league.leftOut : words.assess.leftOut;
  if (leftOut.length <= LEFT_OUT_WARNED) {
    return leftOut.map((c) => {
      const [inspection, why] = leftOutParts(c, locale);
      return w.warning(inspection, why);
    });
  }
  return [w.warnings(leftOut.length, LEFT_OUT_WARNED, leftOut.slice(0, LEFT_OUT_WARNED).map((c) => leftOutText(c, locale)).join(words.league.leftOut.sep))];
}

/**
 * The warning lines `rank` and `report` print on stderr for period scores refused as beyond the exact
 * range of points (`too_large`, aggregate.ts), units' and a roll-up's groups': one per score, or one line
 * past a handful. Their rows say `unranked` in the tables; this says so where a script or a person looks.
 */
export function tooLargeWarnings(league: League, locale: Locale): string[] {
  const w = wordsOf(locale).league.tooLarge;
  const refused: string[] = [];
  const collect = (results: League['results'], prefix: string) => {
    for (const r of results) if (r.unscored === 'too_large') refused.push(w.score(prefix + (r.unit.name ?? r.unit.id), periodLabel(r.period, locale)));
  };
  collect(league.results, '');
  if (league.rollup !== undefined) collect(league.rollup.results, `${rollupTitle(league.rollup, locale)} `);
  if (refused.length <= LEFT_OUT_WARNED) return refused.map((score) => w.warning(score, MAX_POINTS));
  return [w.warnings(refused.length, MAX_POINTS, LEFT_OUT_WARNED, refused.slice(0, LEFT_OUT_WARNED).join(w.sep))];
}

function unitName(row: TableRow): string {
  const u = row.result.unit;
  return u.name ?? u.id;
}

function awardNames(league: League, standard: Standard, period: string, unit: string, locale: Locale): string {
  const names = league.awards
    .filter((a) => a.period === period && a.holders.includes(unit))
    .map((a) => {
      const award = standard.ranking?.awards.find((x) => x.id === a.award);
      return award ? localizedText(award.name, locale) : a.award;
    });
  pushAll(names, sharedAwards(league, standard, period, unit, locale));
  return names.join(', ');
}

/** The group awards a member shares (同奖), each with its group: 好乡邻旗舰联盟（随A1）. */
export function sharedAwards(league: League, standard: Standard, period: string, unit: string, locale: Locale): string[] {
  const rollup = league.rollup;
  if (rollup === undefined) return [];
  const awards = standard.ranking?.rollups.find((r) => r.id === rollup.id)?.awards ?? [];
  return rollup.shared
    .filter((s) => s.period === period && s.members.includes(unit))
    .map((s) => {
      const award = awards.find((x) => x.id === s.award);
      return wordsOf(locale).league.shared(award ? localizedText(award.name, locale) : s.award, s.group);
    });
}

/**
 * Each group of the roll-up with its members' names (in the latest period it has), groups in table
 * order; a member without a score says why beside its name (its group's score is null for it).
 */
function membersOf(league: League, locale: Locale): [string, string[]][] {
  const w = wordsOf(locale).league;
  const names = new Map(league.results.map((r) => [r.unit.id, r.unit.name ?? r.unit.id]));
  const latest = new Map<string, string[]>();
  for (const g of league.rollup?.results ?? []) {
    latest.set(g.unit.id, g.members.map((m) => (m.unscored === undefined ? names.get(m.id) ?? m.id : w.memberWhy(names.get(m.id) ?? m.id, w.unscored[m.unscored]))));
  }
  return [...latest.entries()];
}

/** A roll-up's heading: 联盟（成员平均分）. */
export function rollupTitle(rollup: NonNullable<League['rollup']>, locale: Locale): string {
  const w = wordsOf(locale).league;
  return w.rollup(localizedText(rollup.name, locale), w.aggregates[rollup.aggregate]);
}

/**
 * A roll-up as a league of its own (groups as units, its awards as the standard's), titled with the
 * roll-up's name, so every format prints its tables as it prints the units'.
 */
export function rollupAsLeague(league: League, standard: Standard, locale: Locale): { league: League; standard: Standard; title: string } | undefined {
  const rollup = league.rollup;
  if (rollup === undefined) return undefined;
  const title = rollupTitle(rollup, locale);
  const awards = standard.ranking?.rollups.find((r) => r.id === rollup.id)?.awards ?? [];
  const { rollup: _units, leftOut: _leftOut, ...plain } = league;
  return {
    league: { ...plain, results: rollup.results, tables: rollup.tables, awards: rollup.awards, boards: [], warnings: [], streaks: [], groupBy: rollup.within ?? '' },
    standard: { ...standard, name: { 'zh-CN': title, en: title }, ranking: { ...standard.ranking!, awards, rollups: [] } },
    title,
  };
}



/** The awards a row's unit holds, or why it is unranked. */
export function standing(league: League, standard: Standard, period: string, row: TableRow, locale: Locale): string {
  return row.rank === null ? wordsOf(locale).league.unranked[row.unranked!] : awardNames(league, standard, period, row.result.unit.id, locale);
}

/**
 * Footnotes for a table where equal scores got different places: which units, and what placed them
 * (the tie-breakers, or, when none is given, the order of unit ids of an `ordinal` policy).
 */
export function tieFootnotes(
  rows: readonly { readonly rank: number | null; readonly score: number | null; readonly name: string }[],
  tieBreakers: readonly string[],
  locale: Locale,
  display: BoardDisplay,
): string[] {
  const w = wordsOf(locale).league;
  const ranked = rows.filter((r) => r.rank !== null && r.score !== null);
  const by = (tieBreakers.length > 0 ? tieBreakers : ['order']).map((b) => w.tieBreakers[b] ?? b).join(w.tieThen);
  const notes: string[] = [];
  for (let i = 0; i < ranked.length; ) {
    let j = i + 1;
    while (j < ranked.length && roundPoints(ranked[j]!.score!) === roundPoints(ranked[i]!.score!)) j++;
    const run = ranked.slice(i, j);
    if (run.some((r) => r.rank !== run[0]!.rank)) notes.push(w.tieFootnote(run.map((r) => r.name).join(w.unitSep), boardNumber(run[0]!.score!, display), by));
    i = j;
  }
  return notes;
}

/** tieFootnotes for a league table's group. */
function groupFootnotes(group: { rows: readonly TableRow[] }, standard: Standard, locale: Locale, display: BoardDisplay): string[] {
  const rows = group.rows.map((r) => ({ rank: r.rank, score: r.result.score, name: unitName(r) }));
  return tieFootnotes(rows, standard.ranking?.tieBreakers ?? [], locale, display);
}

/** Rank, unit, score, inspections, change, then its standing and veto mark in one last column. */
function rows(league: League, standard: Standard, period: string, group: { rows: readonly TableRow[] }, locale: Locale, display: BoardDisplay): string[][] {
  return group.rows.map((row) => [
    row.rank === null ? '—' : String(row.rank),
    unitName(row),
    row.result.score === null ? '—' : boardNumber(row.result.score, display),
    String(row.result.inspections),
    changeMark(row.change),
    [standing(league, standard, period, row, locale), vetoMark(row.vetoes, locale)].filter(Boolean).join(wordsOf(locale).league.separator),
  ]);
}

export function formatLeagueText(league: League, standard: Standard, locale: Locale, display: BoardDisplay = boardDisplay(standard)): string {
  const w = wordsOf(locale).league;
  const blocks: string[] = [];
  for (const table of league.tables) {
    for (const group of table.groups) {
      const title = [localizedText(standard.name, locale), periodLabel(table.period, locale, display.weeks), group.group].filter(Boolean).join('  ');
      const lines = [title, ...formatTable([[w.rank, w.unit, w.score, w.inspections, w.change, w.awards], ...rows(league, standard, table.period.key, group, locale, display)], ['right', 'left', 'right', 'right', 'left', 'left'], '  ')];
      for (const note of groupFootnotes(group, standard, locale, display)) lines.push(`  ${note}`);
      for (const a of league.awards.filter((x) => x.period === table.period.key && x.group === group.group && x.none)) {
        const award = standard.ranking?.awards.find((x) => x.id === a.award);
        lines.push(`  ${award ? localizedText(award.name, locale) : a.award}: ${notAwarded(a.none!, locale)}`);
      }
      const board = league.boards.find((b) => b.period === table.period.key && b.group === group.group);
      const name = (id: string) => group.rows.find((r) => r.result.unit.id === id)?.result.unit.name ?? id;
      if (board && board.top.length > 0) lines.push(`  ${w.top}: ${board.top.map(name).join('、')}`);
      if (board && board.bottom.length > 0) lines.push(`  ${w.bottom}: ${board.bottom.map(name).join('、')}`);
      blocks.push(lines.join('\n'));
    }
  }
  const names = new Map(league.results.map((r) => [r.unit.id, r.unit.name ?? r.unit.id]));
  const awardName = (id: string) => {
    const award = standard.ranking?.awards.find((x) => x.id === id);
    return award ? localizedText(award.name, locale) : id;
  };
  const notes: string[] = [];
  for (const warning of league.warnings) notes.push(`${w.warning}: ${names.get(warning.unit) ?? warning.unit} (${warning.periods.join(', ')})`);
  for (const streak of league.streaks) notes.push(`${w.streak}: ${names.get(streak.unit) ?? streak.unit} ${awardName(streak.award)} × ${streak.periods.length} (${streak.periods.join(', ')})`);
  if (notes.length > 0) blocks.push(notes.join('\n'));
  const leftOut = leftOutNote(league.leftOut ?? [], locale);
  if (leftOut) blocks.push([leftOut.title, ...leftOut.lines.map((l) => `  ${l}`)].join('\n'));
  const rollup = rollupAsLeague(league, standard, locale);
  if (rollup) {
    blocks.push(formatLeagueText(rollup.league, rollup.standard, locale));
    blocks.push(membersOf(league, locale).map(([group, names]) => `${w.members} ${group}: ${names.join(wordsOf(locale).html.listSep)}`).join('\n'));
    if (league.rollup!.assumption) blocks.push(`${w.assumption}: ${league.rollup!.assumption}`);
  }
  return blocks.join('\n\n');
}

export function formatLeagueMarkdown(league: League, standard: Standard, locale: Locale, display: BoardDisplay = boardDisplay(standard)): string {
  const w = wordsOf(locale).league;
  const blocks: string[] = [];
  for (const table of league.tables) {
    for (const group of table.groups) {
      const title = [localizedText(standard.name, locale), periodLabel(table.period, locale, display.weeks), group.group].filter(Boolean).join(' · ');
      const header = `| ${w.rank} | ${w.unit} | ${w.score} | ${w.inspections} | ${w.change} | ${w.awards} |\n|---:|---|---:|---:|---|---|`;
      const body = rows(league, standard, table.period.key, group, locale, display).map(mdRow);
      // The footnotes under the table, as a list.
      const notes = groupFootnotes(group, standard, locale, display).map(mdFootnote);
      blocks.push(`### ${mdCell(title)}\n\n${header}\n${body.join('\n')}${notes.length > 0 ? '\n\n' + notes.join('\n') : ''}`);
    }
  }
  const leftOut = leftOutMarkdown(league.leftOut ?? [], locale);
  if (leftOut !== '') blocks.push(leftOut);
  const rollup = rollupAsLeague(league, standard, locale);
  if (rollup) {
    blocks.push(formatLeagueMarkdown(rollup.league, rollup.standard, locale).trimEnd());
    blocks.push(membersOf(league, locale).map(([group, names]) => `- ${mdCell(w.members)} ${mdCell(group)}: ${names.map(mdCell).join(wordsOf(locale).html.listSep)}`).join('\n'));
    if (league.rollup!.assumption) blocks.push(`> ${mdCell(w.assumption)}: ${mdCell(league.rollup!.assumption)}`);
  }
  return blocks.join('\n\n') + '\n';
}

/** One CSV row per unit per period (UTF-8; the CLI adds the BOM). */
export function leagueCsvRows(league: League, standard: Standard, locale: Locale, display: BoardDisplay = boardDisplay(standard)): string[][] {
  const w = wordsOf(locale).league;
  const out: string[][] = [[w.period, w.group, w.rank, 'unit_id', w.unit, w.score, w.inspections, w.change, w.awards, renderMessage({ messageId: 'league.veto_column' }, locale)]];
  for (const table of league.tables) {
    for (const group of table.groups) {
      const cells = rows(league, standard, table.period.key, group, locale, display);
      group.rows.forEach((row, i) => {
        const [rank, name, score, inspections, change] = cells[i]!;
        out.push([table.period.key, group.group, rank!, row.result.unit.id, name!, score!, inspections!, change!, standing(league, standard, table.period.key, row, locale), vetoMark(row.vetoes, locale)]);
      });
    }
  }
  // A roll-up's rows follow, their group column the roll-up's title (and the group they are ranked within).
  const rollup = rollupAsLeague(league, standard, locale);
  if (rollup) for (const row of leagueCsvRows(rollup.league, rollup.standard, locale).slice(1)) out.push([row[0]!, [rollup.title, row[1]].filter(Boolean).join(' · '), ...row.slice(2)]);
  return out;
}
