/**
 * A school week for awards and roll-ups (issue 18.5–6): classes with `unit.group` { grade, class-set,
 * alliance }, random and scheduled checks, a veto, a failing threshold, bands, and a second standard
 * (a canteen's food safety) whose verdicts can keep a class from the flag.
 */
import { buildLeague, type League, type LeagueOptions } from '../../src/rank/league.js';
import { compileStandard } from '../../src/compile/standard.js';
import { scoreRecord } from '../../src/score/batch.js';
import type { Scorecard } from '../../src/score/scorecard.js';
import type { Award, Rollup } from '../../src/standard/ranking-schema.js';
import { AwardSchema, RollupSchema } from '../../src/standard/ranking-schema.js';
import { parseStandard } from '../../src/standard/load.js';
import type { Standard } from '../../src/standard/schema.js';

const STANDARD = `
id: group-league
version: "1"
name: { zh-CN: 班级卫生, en: Class hygiene }
scoring: { mode: deduct, base: 100 }
kinds:
  - { id: random, name: { zh-CN: 随查, en: random check } }
  - { id: scheduled, name: { zh-CN: 定期检查, en: scheduled check } }
categories:
  - id: room
    name: { zh-CN: 教室, en: Classroom }
    items:
      - { id: floor, name: { zh-CN: 地面, en: Floor }, rules: [ { kind: per-occurrence, points: 1 } ] }
      - { id: air, name: { zh-CN: 通风, en: Ventilation }, rules: [ { kind: threshold, of: { fact: closedHours }, max: 2 } ] }
outcomes:
  vetoes:
    - { id: smoking, name: { zh-CN: 教室内吸烟, en: smoking in the classroom }, when: { fact: smoking, operator: equal, value: true } }
  bands:
    - { id: good, name: { zh-CN: 良好, en: good }, min: 97 }
    - { id: poor, name: { zh-CN: 较差, en: poor }, below: 97 }
ranking:
  aggregate: sum
`;

const CANTEEN = `
id: canteen
version: "1"
name: { zh-CN: 食品安全, en: Food safety }
scoring: { mode: deduct, base: 100 }
categories:
  - id: kitchen
    name: { zh-CN: 后厨, en: Kitchen }
    items:
      - { id: fridge, name: { zh-CN: 冰箱, en: Fridge }, rules: [ { kind: threshold, of: { fact: fridgeC }, max: 8 } ] }
`;

function load(text: string): Standard {
  const parsed = parseStandard(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.standard;
}

export const groupStandard: Standard = load(STANDARD);
export const canteenStandard: Standard = load(CANTEEN);
const scorer = compileStandard(groupStandard);
const canteen = compileStandard(canteenStandard);

export interface Inspection {
  readonly id: string;
  readonly floor?: number;
  readonly kind?: 'random' | 'scheduled';
  readonly facts?: Record<string, unknown>;
  readonly date?: string;
  readonly group?: Record<string, string>;
}

let serial = 0;
/** One inspection of class `id` (in the week of 2024-03-04 unless `date` says otherwise). */
export function inspect(i: Inspection): Scorecard {
  const out = scoreRecord(scorer, {
    id: `r${++serial}-${i.id}`,
    unit: { id: i.id, name: i.id, group: i.group ?? {} },
    date: i.date ?? '2024-03-04',
    kind: i.kind ?? 'random',
    facts: { smoking: false, closedHours: 0, ...i.facts },
    findings: i.floor ? [{ item: 'floor', count: i.floor }] : [],
  } as never);
  if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
  return out.scorecard;
}

/** The canteen's inspection of class `id`'s kitchen duty: fails when the fridge is above 8 °C. */
export function canteenCheck(id: string, fridgeC: number, date = '2024-03-05'): Scorecard {
  const out = scoreRecord(canteen, { id: `c${++serial}-${id}`, unit: { id }, date, facts: { fridgeC } } as never);
  if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
  return out.scorecard;
}

/** The standard with these awards (each parsed, so defaults apply) and roll-ups. */
export function withRanking(awards: readonly Record<string, unknown>[], rollups: readonly Record<string, unknown>[] = []): Standard {
  const parsedAwards: Award[] = awards.map((a) => AwardSchema.parse({ name: { 'zh-CN': '流动红旗', en: 'red flag' }, period: 'week', ...a }));
  const parsedRollups: Rollup[] = rollups.map((r) => RollupSchema.parse(r));
  return { ...groupStandard, ranking: { ...groupStandard.ranking!, awards: parsedAwards, rollups: parsedRollups } };
}

export function league(standard: Standard, cards: readonly Scorecard[], options: Partial<LeagueOptions> = {}): League {
  return buildLeague(standard, cards, { period: 'week', ...options });
}
