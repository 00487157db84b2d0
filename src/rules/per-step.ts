/** 每下降2%扣0.5分: points for each step a rate falls below its target; the standard says how a partial step counts. */
import { z } from 'zod';
import { ExactDecimal, exactDecimal, PointsValue, QuantitySource, ruleBase } from '../common-schema.js';
import { formatQuantity } from './format.js';
import { pointsOf, stepsBelow, timesPoints } from '../points.js';
import { DEDUCTS, defineRuleKind } from './kind.js';


export const perStep = defineRuleKind({
  kind: 'per-step',
  description: 'points for each step (e.g. 2 %) a quantity falls below its target',
  schema: z.strictObject({
    kind: z.literal('per-step'),
    ...ruleBase,
    /** Exact decimals: a step finer than 0.0001 (1e-11) is refused at check, never a division by zero when scoring. */
    target: ExactDecimal,
    step: exactDecimal(z.number().positive()),
    points: PointsValue,
    /** `floor`: only complete steps count (4.9 % below in 2 % steps = 2); `ceil`: a started step counts (= 3). */
    partial: z.enum(['floor', 'ceil']),
    of: QuantitySource.optional(),
  }),
  effect: () => DEDUCTS,
  runsWithoutFinding: () => true,
  findingFields: (rule) => (rule.of === undefined ? ['value'] : []),
  generate(rule, g) {
    const s = g.scope;
    const [ratio, steps, actual] = [g.local(), g.local(), g.local()];
    return `const ${ratio} = ${g.ratio(rule.of)};
if (!('numerator' in ${ratio})) { ${s}.indeterminate(${ratio}); ${g.exit} }
const ${steps} = ${g.helper('stepsBelow')}(${ratio}, ${g.number(rule.target)}, ${g.number(rule.step)}, ${g.constant(rule.partial)});
if (${steps} === 0) ${g.exit}
const ${actual} = ${g.helper('formatQuantity')}(${ratio});
${s}.deduct(${g.helper('timesPoints')}(${g.number(pointsOf(rule.points))}, ${steps}), { messageId: ${g.constant('line.per_step')}, data: { target: ${g.number(rule.target)}, actual: ${actual}, step: ${g.number(rule.step)}, steps: ${steps}, points: ${g.number(rule.points)}${g.text} } }, { expected: ${g.constant(`≥ ${rule.target}`)}, actual: ${actual} });
`;
  },
  compile(rule, context) {
    const ratioOf = context.ratio(rule.of);
    const points = pointsOf(rule.points);
    pointsOf(rule.step); // a standard that was not validated fails here, at compile, never while scoring
    const expected = `≥ ${rule.target}`;
    return {
      score(scope) {
        const ratio = ratioOf(scope);
        if (!('numerator' in ratio)) return scope.indeterminate(ratio);
        const steps = stepsBelow(ratio, rule.target, rule.step, rule.partial);
        if (steps === 0) return;
        const actual = formatQuantity(ratio);
        scope.deduct(timesPoints(points, steps), {
          messageId: 'line.per_step',
          data: { target: rule.target, actual, step: rule.step, steps, points: rule.points },
        }, { expected, actual });
      },
    };
  },
});
