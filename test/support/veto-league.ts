/**
 * A one-week league where the best score comes with a 一票否决: class a scores 100 but smoked in the
 * classroom (vetoed), b scores 100 but kept the windows shut (fails a threshold, no veto), c 99, d 97.
 */
import { buildLeague, type League } from '../../src/rank/league.js';
import { compileStandard } from '../../src/compile/standard.js';
import { scoreRecord } from '../../src/score/batch.js';
import type { Scorecard } from '../../src/score/scorecard.js';
import type { Award } from '../../src/standard/ranking-schema.js';
import { parseStandard } from '../../src/standard/load.js';
import type { Standard } from '../../src/standard/schema.js';

const STANDARD = `
id: veto-league
version: "1"
name: { zh-CN: 班级卫生, en: Class hygiene }
scoring: { mode: deduct, base: 100 }
categories:
  - id: room
    name: { zh-CN: 教室, en: Classroom }
    items:
      - { id: floor, name: { zh-CN: 地面, en: Floor }, rules: [ { kind: per-occurrence, points: 1 } ] }
      - { id: air, name: { zh-CN: 通风, en: Ventilation }, rules: [ { kind: threshold, of: { fact: closedHours }, max: 2 } ] }
outcomes:
  vetoes:
    - { id: smoking, name: { zh-CN: 教室内吸烟, en: smoking in the classroom }, when: { fact: smoking, operator: equal, value: true } }
ranking:
  aggregate: sum
  awards: [ { id: red-flag, name: { zh-CN: 流动红旗, en: red flag }, period: week, min: 95 } ]
  boards: { top: 1, bottom: 1 }
`;

const parsed = parseStandard(STANDARD);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
export const vetoStandard: Standard = parsed.standard;
const scorer = compileStandard(vetoStandard);

/** Unit `id`'s inspection on 2024-03-04, with these facts and that many floor findings (1 point each). */
export const inspect = (id: string, facts: Record<string, unknown>, floor = 0): Scorecard => {
  const out = scoreRecord(scorer, {
    id: `w10-${id}`,
    unit: { id, name: `高一(${'abcde'.indexOf(id) + 1})班` },
    date: '2024-03-04',
    facts: { smoking: false, closedHours: 0, ...facts },
    findings: floor > 0 ? [{ item: 'floor', count: floor }] : [],
  } as never);
  if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
  return out.scorecard;
};

export const vetoCards: readonly Scorecard[] = [inspect('a', { smoking: true }), inspect('b', { closedHours: 5 }), inspect('c', {}, 1), inspect('d', {}, 3)];

/** The league, with the award's and the boards' `exclude` replaced when given. */
export function vetoLeague(exclude?: Award['exclude'], cards: readonly Scorecard[] = vetoCards): League {
  const ranking = vetoStandard.ranking!;
  const standard: Standard =
    exclude === undefined
      ? vetoStandard
      : { ...vetoStandard, ranking: { ...ranking, awards: ranking.awards.map((a) => ({ ...a, exclude })), boards: { ...ranking.boards!, exclude } } };
  return buildLeague(standard, cards, { period: 'week' });
}
