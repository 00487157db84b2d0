/** 酌情扣分: the inspector decides the points within bounds, and must say why in a note. */
import { z } from 'zod';
import { PointsValue, ruleBase } from '../common-schema.js';
import { pointsOf } from '../points.js';
import { checkRanges, chosenPointsProblem, defineRuleKind, deductOrAward, lacksEvidence } from './kind.js';

export const judgement = defineRuleKind({
  kind: 'judgement',
  description: "points decided by the inspector within [min, max]; the finding must carry `points` and a `note`",
  schema: z.strictObject({
    kind: z.literal('judgement'),
    ...ruleBase,
    min: PointsValue.default(0),
    max: PointsValue,
    effect: z.enum(['deduct', 'award']).default('deduct'),
  }),
  effect: deductOrAward,
  runsWithoutFinding: () => false,
  findingFields: () => ['points', 'note'],
  check: checkRanges,
  generate(rule, g) {
    const s = g.scope;
    const [findings, i, finding] = [g.local(), g.local(), g.local()];
    const messageId = g.constant(rule.effect === 'award' ? 'line.judgement_award' : 'line.judgement');
    const method = rule.effect === 'award' ? 'award' : 'deduct';
    return `const ${findings} = ${s}.findings;
for (let ${i} = 0; ${i} < ${findings}.length; ${i}++) {
  const ${finding} = ${findings}[${i}];
  if (${finding}.points === undefined) continue;
  ${s}.${method}(${g.helper('pointsOf')}(${finding}.points), { messageId: ${messageId}, data: { points: ${finding}.points, note: ${finding}.note${g.text} } }, { finding: ${s}.findingIndices[${i}], note: ${finding}.note });
}
`;
  },
  compile(rule) {
    const messageId = rule.effect === 'award' ? 'line.judgement_award' : 'line.judgement';
    return {
      checkFinding(finding) {
        // A finding that only records missing written material (无书面材料) needs no points: the item's
        // evidence requirement decides what it costs.
        if (finding.points === undefined && lacksEvidence(finding)) return undefined;
        if (finding.points === undefined) {
          return { code: 'points_required', field: 'points', message: { messageId: 'record.points_required', data: { min: rule.min, max: rule.max } } };
        }
        const outside = chosenPointsProblem(finding.points, rule.min, rule.max);
        if (outside !== undefined) return outside;
        if (finding.note === undefined || finding.note.trim() === '') {
          return { code: 'note_required', field: 'note', message: { messageId: 'record.note_required', ...(rule.effect === 'award' ? { data: { effect: 'award' } } : {}) } };
        }
        return undefined;
      },
      score(scope) {
        const findings = scope.findings;
        for (let i = 0; i < findings.length; i++) {
          const finding = findings[i]!;
          if (finding.points === undefined) continue; // an evidence-only finding (see checkFinding)
          const reason = { messageId, data: { points: finding.points, note: finding.note } };
          const detail = { finding: scope.findingIndices[i]!, note: finding.note! };
          if (rule.effect === 'award') scope.award(pointsOf(finding.points!), reason, detail);
          else scope.deduct(pointsOf(finding.points!), reason, detail);
        }
      },
    };
  },
});
