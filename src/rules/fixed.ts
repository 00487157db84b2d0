/** 未公示的扣0.5分: a fixed deduction (or award) once, when the item is found not met or a condition holds. */
import { z } from 'zod';
import { ConditionSchema } from '../standard/condition-schema.js';
import { PointsValue, ruleBase } from '../standard/common.js';
import { pointsOf } from '../score/points.js';
import { defineRuleKind } from './kind.js';

export const fixed = defineRuleKind({
  kind: 'fixed',
  description: 'a fixed number of points once, when the item has a finding (or `when` holds)',
  schema: z.strictObject({
    kind: z.literal('fixed'),
    ...ruleBase,
    points: PointsValue,
    effect: z.enum(['deduct', 'award']).default('deduct'),
    /** Trigger on a condition over the record's facts instead of on a finding. */
    when: ConditionSchema.optional(),
  }),
  compile(rule, context) {
    const points = pointsOf(rule.points);
    const when = rule.when ? context.condition(rule.when) : undefined;
    const reason = { messageId: rule.effect === 'award' ? 'line.fixed_award' : 'line.fixed', data: { points: rule.points } };
    return {
      score(scope) {
        if (when) {
          const holds = when.evaluate(scope.facts());
          if (holds === null) {
            for (const r of when.explain(scope.facts()).reasons) scope.indeterminate(r);
            return;
          }
          if (!holds) return;
        } else if (scope.findings.length === 0) {
          return;
        }
        const detail = scope.findingIndices.length > 0 ? { finding: scope.findingIndices[0]! } : undefined;
        if (rule.effect === 'award') scope.award(points, reason, detail);
        else scope.deduct(points, reason, detail);
      },
    };
  },
});
