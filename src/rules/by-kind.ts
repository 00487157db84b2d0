/**
 * 随查1分, 周一定期2分, 重大活动 县3/市4/省5/国家6: points looked up by the inspection's kind (and,
 * for event checks, its level), once per inspection when the item or area has any finding.
 */
import { z } from 'zod';
import { Id, PointsValue, ruleBase } from '../common-schema.js';
import { pointsOf, pointsToNumber, type Points } from '../points.js';
import { DEDUCTS, defineRuleKind } from './kind.js';

/** The table resolved once: kind → points, or kind → level → points. */
function pointsTable(rule: { readonly points: Readonly<Record<string, number | Readonly<Record<string, number>>>> }): Map<string, Points | Map<string, Points>> {
  const table = new Map<string, Points | Map<string, Points>>();
  for (const [kind, value] of Object.entries(rule.points)) {
    table.set(kind, typeof value === 'number' ? pointsOf(value) : new Map(Object.entries(value).map(([l, p]) => [l, pointsOf(p)])));
  }
  return table;
}

export const byKind = defineRuleKind({
  kind: 'by-kind',
  description: "points by the inspection's kind (and event level), once per inspection when the item or area fails",
  schema: z.strictObject({
    kind: z.literal('by-kind'),
    ...ruleBase,
    points: z.record(Id, z.union([PointsValue, z.record(Id, PointsValue)])),
  }),
  effect: () => DEDUCTS,
  runsWithoutFinding: () => false,
  findingFields: () => ['count'],
  check(rule, checks) {
    if (typeof rule.points !== 'object' || rule.points === null || Array.isArray(rule.points)) return;
    for (const [kind, value] of Object.entries(rule.points)) {
      checks.reference(['points', kind], 'kind', kind);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        for (const level of Object.keys(value)) checks.reference(['points', kind, level], 'level', level);
      }
    }
  },
  generate(rule, g) {
    const s = g.scope;
    const [kind, level, entry, points, data, kindName, levelName, shown] = [g.local(), g.local(), g.local(), g.local(), g.local(), g.local(), g.local(), g.local()];
    return `if (${s}.findings.length === 0) ${g.exit}
const ${kind} = ${s}.record.kind, ${level} = ${s}.record.level;
const ${entry} = ${kind} === undefined ? undefined : ${g.constant(pointsTable(rule))}.get(${kind});
if (${entry} === undefined) { ${s}.indeterminate({ messageId: ${g.constant('line.by_kind_unknown')}, data: { kind: ${kind} ?? '' } }); ${g.exit} }
const ${points} = typeof ${entry} === 'number' ? ${entry} : ${level} === undefined ? undefined : ${entry}.get(${level});
if (${points} === undefined) { ${s}.indeterminate({ messageId: ${g.constant('line.by_kind_unknown_level')}, data: { kind: ${kind}, level: ${level} ?? '' } }); ${g.exit} }
const ${kindName} = ${g.constant(g.kindNames)}.get(${kind});
const ${levelName} = ${level} === undefined ? undefined : ${g.constant(g.levelNames)}.get(${level});
const ${shown} = ${g.helper('pointsToNumber')}(${points});
// The interpreter's data, key for key and in its order, as one literal of the four shapes it can take.
const ${data} = ${kindName} !== undefined
  ? (${levelName} !== undefined ? { kind: ${kind}, level: ${level}, points: ${shown}, kindName: ${kindName}, levelName: ${levelName}${g.text} } : { kind: ${kind}, level: ${level} ?? null, points: ${shown}, kindName: ${kindName}${g.text} })
  : (${levelName} !== undefined ? { kind: ${kind}, level: ${level}, points: ${shown}, levelName: ${levelName}${g.text} } : { kind: ${kind}, level: ${level} ?? null, points: ${shown}${g.text} });
${s}.deduct(${points}, { messageId: ${g.constant('line.by_kind')}, data: ${data} }, { finding: ${s}.findingIndices[0] });
`;
  },
  compile(rule, context) {
    const table = pointsTable(rule);
    return {
      score(scope) {
        if (scope.findings.length === 0) return;
        const { kind, level } = scope.record;
        const entry = kind === undefined ? undefined : table.get(kind);
        if (entry === undefined) {
          return scope.indeterminate({ messageId: 'line.by_kind_unknown', data: { kind: kind ?? '' } });
        }
        let points: Points | undefined;
        if (typeof entry === 'number') points = entry;
        else points = level === undefined ? undefined : entry.get(level);
        if (points === undefined) {
          return scope.indeterminate({ messageId: 'line.by_kind_unknown_level', data: { kind: kind!, level: level ?? '' } });
        }
        const data: Record<string, unknown> = { kind: kind!, level: level ?? null, points: pointsToNumber(points) };
        // The names the standard gives (周一定期检查, 县级) are what a reason shows; the ids stay for programs.
        const kindName = context.kindNames.get(kind!);
        const levelName = level === undefined ? undefined : context.levelNames.get(level);
        if (kindName !== undefined) data.kindName = kindName;
        if (levelName !== undefined) data.levelName = levelName;
        scope.deduct(points, { messageId: 'line.by_kind', data }, { finding: scope.findingIndices[0]! });
      },
    };
  },
});
