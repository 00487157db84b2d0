/** 每下降2%扣0.5分: points for each step a rate falls below its target; the standard says how a partial step counts. */
import { z } from 'zod';
import { PointsValue, QuantitySource, ruleBase } from '../standard/common.js';
import { formatRatio } from './format.js';
import { isExactPoints, pointsOf, stepsBelow, timesPoints } from '../score/points.js';
import { defineRuleKind } from './kind.js';

/** Steps are counted in ten-thousandths: a finer target or step would be rounded (a step of 0.00001 to 0, a division by zero). */
const exact = { message: 'at most 4 decimals (steps are counted exactly)', params: { code: 'too_precise' } };

export const perStep = defineRuleKind({
  kind: 'per-step',
  description: 'points for each step (e.g. 2 %) a quantity falls below its target',
  schema: z.strictObject({
    kind: z.literal('per-step'),
    ...ruleBase,
    target: z.number().refine(isExactPoints, exact),
    step: z.number().positive().refine(isExactPoints, exact),
    points: PointsValue,
    /** `floor`: only complete steps count (4.9 % below in 2 % steps = 2); `ceil`: a started step counts (= 3). */
    partial: z.enum(['floor', 'ceil']),
    of: QuantitySource.optional(),
  }),
  compile(rule, context) {
    const ratioOf = context.ratio(rule.of);
    const points = pointsOf(rule.points);
    const expected = `≥ ${rule.target}`;
    return {
      score(scope) {
        const ratio = ratioOf(scope);
        if (!('numerator' in ratio)) return scope.indeterminate(ratio);
        const steps = stepsBelow(ratio, rule.target, rule.step, rule.partial);
        if (steps === 0) return;
        const actual = formatRatio(ratio);
        scope.deduct(timesPoints(points, steps), {
          messageId: 'line.per_step',
          data: { target: rule.target, actual, step: rule.step, steps, points: rule.points },
        }, { expected, actual });
      },
    };
  },
});
