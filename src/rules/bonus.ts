/** 每多报告一条奖励0.2分，最高奖励2分: points awarded per unit above a count, usually with a cap. */
import { z } from 'zod';
import { PointsValue, QuantitySource, ruleBase } from '../common-schema.js';
import { pointsOf, timesPoints } from '../points.js';
import { AWARDS, defineRuleKind } from './kind.js';

export const bonus = defineRuleKind({
  kind: 'bonus',
  description: 'points awarded for each unit of a quantity above `above` (default 0); an unclaimed bonus awards nothing',
  schema: z.strictObject({
    kind: z.literal('bonus'),
    ...ruleBase,
    points: PointsValue,
    above: z.number().int().nonnegative().default(0),
    of: QuantitySource.optional(),
  }),
  effect: () => AWARDS,
  // With `of`, the quantity is read from the record: a bonus may be due with no finding.
  runsWithoutFinding: (rule) => rule.of !== undefined,
  findingFields: (rule) => (rule.of === undefined ? ['count'] : []),
  generate(rule, g) {
    const s = g.scope;
    const [quantity, extra] = [g.local(), g.local()];
    return `${rule.of === undefined ? `if (${s}.findings.length === 0) ${g.exit}` : ''}
const ${quantity} = ${g.quantity(rule.of)};
if (typeof ${quantity} !== 'number') ${g.exit}
const ${extra} = Math.floor(${quantity}) - ${g.number(rule.above)};
if (${extra} <= 0) ${g.exit}
${s}.award(${g.helper('timesPoints')}(${g.number(pointsOf(rule.points))}, ${extra}), { messageId: ${g.constant('line.bonus')}, data: { extra: ${extra}, above: ${g.number(rule.above)}, points: ${g.number(rule.points)}${g.text} } });
`;
  },
  compile(rule, context) {
    const quantityOf = context.quantity(rule.of);
    const points = pointsOf(rule.points);
    return {
      score(scope) {
        // A bonus must be claimed: with no quantity recorded there is nothing to award (not an unknown).
        if (rule.of === undefined && scope.findings.length === 0) return;
        const quantity = quantityOf(scope);
        if (typeof quantity !== 'number') return;
        const extra = Math.floor(quantity) - rule.above;
        if (extra <= 0) return;
        scope.award(timesPoints(points, extra), {
          messageId: 'line.bonus',
          data: { extra, above: rule.above, points: rule.points },
        });
      },
    };
  },
});
