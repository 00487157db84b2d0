/** 每处扣2分 / 每次扣1-3分: points for each occurrence, fixed or chosen by the inspector within a range. */
import { z } from 'zod';
import { PointsRange, PointsValue, ruleBase } from '../common-schema.js';
import { pointsOf, timesPoints } from '../points.js';
import { chosenPointsProblem, deductOrAward, defineRuleKind, lacksEvidence } from './kind.js';

export const perOccurrence = defineRuleKind({
  kind: 'per-occurrence',
  description: "points for each occurrence (a finding's count); a range means the inspector chooses, within it",
  schema: z.strictObject({
    kind: z.literal('per-occurrence'),
    ...ruleBase,
    points: z.union([PointsValue, PointsRange]),
    effect: z.enum(['deduct', 'award']).default('deduct'),
  }),
  effect: deductOrAward,
  runsWithoutFinding: () => false,
  // Fixed points need only how many times; a range needs the inspector's points.
  findingFields: (rule) => [typeof rule.points === 'number' ? 'count' : 'points'],
  generate(rule, g) {
    const s = g.scope;
    const range = typeof rule.points !== 'number';
    const [findings, i, finding, count, index] = [g.local(), g.local(), g.local(), g.local(), g.local()];
    const each = range ? `${g.helper('pointsOf')}(${finding}.points)` : g.number(pointsOf(rule.points as number));
    const shown = range ? `${finding}.points` : g.number(rule.points as number);
    const messageId = g.constant(rule.effect === 'award' ? 'line.per_occurrence_award' : 'line.per_occurrence');
    const method = rule.effect === 'award' ? 'award' : 'deduct';
    return `const ${findings} = ${s}.findings;
for (let ${i} = 0; ${i} < ${findings}.length; ${i}++) {
  const ${finding} = ${findings}[${i}];
  ${range ? `if (${finding}.points === undefined) continue;` : ''}
  const ${count} = ${finding}.count ?? 1;
  const ${index} = ${s}.findingIndices[${i}];
  ${s}.${method}(${g.helper('timesPoints')}(${each}, ${count}), { messageId: ${messageId}, data: { count: ${count}, points: ${shown}${g.text} } }, ${finding}.note !== undefined ? { finding: ${index}, note: ${finding}.note } : { finding: ${index} });
}
`;
  },
  compile(rule) {
    const range = typeof rule.points === 'number' ? undefined : rule.points;
    const fixedPoints = typeof rule.points === 'number' ? pointsOf(rule.points) : 0;
    const messageId = rule.effect === 'award' ? 'line.per_occurrence_award' : 'line.per_occurrence';
    return {
      checkFinding(finding) {
        if (!range) return undefined;
        // An evidence-only finding (无书面材料) needs no points; the item's evidence requirement decides.
        if (finding.points === undefined && lacksEvidence(finding)) return undefined;
        if (finding.points === undefined) {
          return { code: 'points_required', field: 'points', message: { messageId: 'record.points_required', data: { min: range.min, max: range.max } } };
        }
        return chosenPointsProblem(finding.points, range.min, range.max);
      },
      score(scope) {
        const findings = scope.findings;
        for (let i = 0; i < findings.length; i++) {
          const finding = findings[i]!;
          if (range && finding.points === undefined) continue; // an evidence-only finding (see checkFinding)
          const count = finding.count ?? 1;
          const each = range ? pointsOf(finding.points!) : fixedPoints;
          const reason = { messageId, data: { count, points: range ? finding.points : rule.points } };
          const detail = finding.note !== undefined
            ? { finding: scope.findingIndices[i]!, note: finding.note }
            : { finding: scope.findingIndices[i]! };
          if (rule.effect === 'award') scope.award(timesPoints(each, count), reason, detail);
          else scope.deduct(timesPoints(each, count), reason, detail);
        }
      },
    };
  },
});
