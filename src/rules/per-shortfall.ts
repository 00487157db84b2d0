/** 一年不少于4次，每少一次扣1分: points for each unit short of a required count. */
import { z } from 'zod';
import { PointsValue, QuantitySource, ruleBase } from '../common-schema.js';
import { pointsOf, timesPoints } from '../points.js';
import { DEDUCTS, defineRuleKind } from './kind.js';

export const perShortfall = defineRuleKind({
  kind: 'per-shortfall',
  description: 'points for each unit the achieved count falls short of the required count',
  schema: z.strictObject({
    kind: z.literal('per-shortfall'),
    ...ruleBase,
    required: z.number().int().nonnegative(),
    points: PointsValue,
    /** Where the achieved count comes from; default: the finding's `value`. */
    of: QuantitySource.optional(),
  }),
  effect: () => DEDUCTS,
  runsWithoutFinding: () => true,
  findingFields: (rule) => (rule.of === undefined ? ['value'] : []),
  generate(rule, g) {
    const s = g.scope;
    const [actual, shortfall] = [g.local(), g.local()];
    const name = rule.of === undefined ? 'value' : 'indicator' in rule.of ? rule.of.indicator : rule.of.fact;
    const wrongType = `{ messageId: ${g.constant('condition.wrong_type')}, data: { fact: ${g.constant(name)}, operator: ${g.constant('per-shortfall')}, expected: ${g.constant('a count of 0 or more')}, actual: String(${actual}) } }`;
    return `const ${actual} = ${g.quantity(rule.of)};
if (typeof ${actual} !== 'number') { ${s}.indeterminate(${actual}); ${g.exit} }
if (${actual} < 0) { ${s}.indeterminate(${wrongType}); ${g.exit} }
const ${shortfall} = Math.max(0, ${g.number(rule.required)} - Math.floor(${actual}));
if (${shortfall} === 0) ${g.exit}
${s}.deduct(${g.helper('timesPoints')}(${g.number(pointsOf(rule.points))}, ${shortfall}), { messageId: ${g.constant('line.per_shortfall')}, data: { required: ${g.number(rule.required)}, actual: ${actual}, shortfall: ${shortfall}, points: ${g.number(rule.points)}${g.text} } }, { expected: ${g.constant(`≥ ${rule.required}`)}, actual: String(${actual}) });
`;
  },
  compile(rule, context) {
    const quantity = context.quantity(rule.of);
    const points = pointsOf(rule.points);
    const expected = `≥ ${rule.required}`;
    return {
      score(scope) {
        const actual = quantity(scope);
        if (typeof actual !== 'number') return scope.indeterminate(actual);
        // A negative count is not a count: −1 held must not be "5 short of 4" (more than the rule can cost).
        if (actual < 0) {
          const name = rule.of === undefined ? 'value' : 'indicator' in rule.of ? rule.of.indicator : rule.of.fact;
          return scope.indeterminate({
            messageId: 'condition.wrong_type',
            data: { fact: name, operator: 'per-shortfall', expected: 'a count of 0 or more', actual: String(actual) },
          });
        }
        const shortfall = Math.max(0, rule.required - Math.floor(actual));
        if (shortfall === 0) return;
        scope.deduct(timesPoints(points, shortfall), {
          messageId: 'line.per_shortfall',
          data: { required: rule.required, actual, shortfall, points: rule.points },
        }, { expected, actual: String(actual) });
      },
    };
  },
});
