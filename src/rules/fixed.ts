/**
 * 未公示的扣0.5分: a fixed deduction (or award) once, when the item is found not met or a condition holds.
 * `points: null` is a value the source does not give: when the rule fires, the item's points are
 * unknown and the scorecard is indeterminate (never a silent 0); when it does not fire, nothing happens.
 */
import { z } from 'zod';
import { ConditionSchema } from '../condition-schema.js';
import { PointsValue, ruleBase } from '../common-schema.js';
import { pointsOf } from '../points.js';
import { deductOrAward, defineRuleKind, generateWhen } from './kind.js';

export const fixed = defineRuleKind({
  kind: 'fixed',
  description: 'a fixed number of points once, when the item has a finding (or `when` holds); `points: null` = unknown, indeterminate when it fires',
  schema: z.strictObject({
    kind: z.literal('fixed'),
    ...ruleBase,
    /** The points; null when the source leaves them unknown (a finding then makes the scorecard indeterminate). */
    points: PointsValue.nullable(),
    effect: z.enum(['deduct', 'award']).default('deduct'),
    /** Trigger on a condition over the record's facts instead of on a finding. */
    when: ConditionSchema.optional(),
  }),
  effect: deductOrAward,
  // With `when`, a condition over the record's facts triggers it: it may fire with no finding.
  runsWithoutFinding: (rule) => rule.when !== undefined,
  findingFields: (rule) => (rule.when === undefined ? ['count'] : []),
  generate(rule, g) {
    const s = g.scope;
    let code: string;
    if (rule.when) {
      const when = generateWhen(rule.when, g);
      code = `${when.code}if (!${when.holds}) ${g.exit}\n`;
    } else {
      code = `if (${s}.findings.length === 0) ${g.exit}\n`;
    }
    if (rule.points === null) {
      return code + `${s}.indeterminate({ messageId: ${g.constant('line.fixed_unknown')}, data: { effect: ${g.constant(rule.effect)} } });\n`;
    }
    const messageId = g.constant(rule.effect === 'award' ? 'line.fixed_award' : 'line.fixed');
    const detail = `${s}.findingIndices.length > 0 ? { finding: ${s}.findingIndices[0] } : undefined`;
    const method = rule.effect === 'award' ? 'award' : 'deduct';
    return code + `${s}.${method}(${g.number(pointsOf(rule.points))}, { messageId: ${messageId}, data: { points: ${g.number(rule.points)}${g.text} } }, ${detail});\n`;
  },
  compile(rule, context) {
    const points = rule.points === null ? null : pointsOf(rule.points);
    const when = rule.when ? context.condition(rule.when) : undefined;
    const messageId = rule.effect === 'award' ? 'line.fixed_award' : 'line.fixed';
    return {
      score(scope) {
        if (when) {
          const holds = when.test(scope);
          if (holds === null) {
            for (const r of when.explain(scope.facts()).reasons) scope.indeterminate(r);
            return;
          }
          if (!holds) return;
        } else if (scope.findings.length === 0) {
          return;
        }
        if (points === null) return scope.indeterminate({ messageId: 'line.fixed_unknown', data: { effect: rule.effect } });
        const detail = scope.findingIndices.length > 0 ? { finding: scope.findingIndices[0]! } : undefined;
        // A fresh reason for each line: the line owns it (see RuleScope.deduct).
        const reason = { messageId, data: { points: rule.points } };
        if (rule.effect === 'award') scope.award(points, reason, detail);
        else scope.deduct(points, reason, detail);
      },
    };
  },
});
