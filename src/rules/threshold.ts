/**
 * 道路硬底化率 ≥ 90%: a bound on an indicator, inclusive unless stated (以上 = inclusive), as
 * pass/fail or as points. A bound written as `null` is one the source leaves unset: indeterminate.
 */
import { z } from 'zod';
import { ExactDecimal, PointsValue, QuantitySource, ruleBase } from '../common-schema.js';
import { compareRatio, pointsOf, type Points } from '../points.js';
import { formatQuantity } from './format.js';
import { checkRanges, defineRuleKind } from './kind.js';

/** Bounds are exact decimals, compared exactly with the quantity as written (see compareRatio). */
const Bound = ExactDecimal;

/** What both the interpreter and the generated code need: the points unmet costs, the bounds as shown, the quantity's name. */
function thresholdParts(
  rule: { readonly of: QuantitySource; readonly min?: number | null; readonly max?: number | null; readonly inclusive: boolean; readonly points?: number },
  max: Points | undefined,
): { points: Points | undefined; expected: string; name: string } {
  const expected = [
    rule.min !== undefined ? `${rule.inclusive ? '≥' : '>'} ${rule.min ?? '?'}` : '',
    rule.max !== undefined ? `${rule.inclusive ? '≤' : '<'} ${rule.max ?? '?'}` : '',
  ].filter(Boolean).join(', ');
  return { points: rule.points !== undefined ? pointsOf(rule.points) : max, expected, name: 'indicator' in rule.of ? rule.of.indicator : rule.of.fact };
}

export const threshold = defineRuleKind({
  kind: 'threshold',
  description: 'a minimum and/or maximum on a quantity; unmet fails the inspection or costs points',
  schema: z
    .strictObject({
      kind: z.literal('threshold'),
      ...ruleBase,
      of: QuantitySource,
      min: Bound.nullable().optional(),
      max: Bound.nullable().optional(),
      /** Whether the bounds themselves meet the requirement (以上/以下 = inclusive). */
      inclusive: z.boolean().default(true),
      /** `fail`: unmet fails the inspection; `points`: unmet costs `points` (default: the item's maximum). */
      effect: z.enum(['fail', 'points']).default('fail'),
      points: PointsValue.optional(),
    })
    .refine((r) => r.min !== undefined || r.max !== undefined, {
      message: 'schema.threshold_bound',
      params: { code: 'missing_key', messageId: 'schema.threshold_bound' },
    }),
  // Pass/fail unless it costs points: an unmet requirement then takes them.
  effect: (rule) => ({ deducts: rule.effect === 'points', awards: false }),
  runsWithoutFinding: () => true,
  findingFields: () => [],
  check: checkRanges,
  generate(rule, g) {
    const s = g.scope;
    const { points, expected, name } = thresholdParts(rule, g.max);
    const indicatorName = 'indicator' in rule.of ? g.indicatorNames.get(rule.of.indicator) : undefined;
    const named = indicatorName !== undefined ? `, quantityName: ${g.constant(indicatorName)}` : '';
    const quantity = g.constant(name);
    if (rule.min === null || rule.max === null) {
      return `${s}.indeterminate({ messageId: ${g.constant('line.threshold_unset')}, data: { quantity: ${quantity}${named} } });\n`;
    }
    const [ratio, actual, reason] = [g.local(), g.local(), g.local()];
    const met: string[] = [];
    const op = (inclusive: string, strict: string) => (rule.inclusive ? inclusive : strict);
    if (rule.min !== undefined) met.push(`${g.helper('compareRatio')}(${ratio}, ${g.number(rule.min)}) ${op('>=', '>')} 0`);
    if (rule.max !== undefined) met.push(`${g.helper('compareRatio')}(${ratio}, ${g.number(rule.max)}) ${op('<=', '<')} 0`);
    const detail = `{ expected: ${g.constant(expected)}, actual: ${actual} }`;
    const unmet =
      rule.effect === 'fail'
        ? `${s}.unmet(${reason}, ${detail});`
        : points === undefined
          ? `${s}.indeterminate({ messageId: ${g.constant('line.threshold_no_points')}, data: { quantity: ${quantity}${named} } });`
          : `${s}.deduct(${g.number(points)}, ${reason}, ${detail});`;
    return `const ${ratio} = ${g.ratio(rule.of)};
if (!('numerator' in ${ratio})) { ${s}.indeterminate(${ratio}); ${g.exit} }
if (${met.map((m) => `(${m})`).join(' && ')}) ${g.exit}
const ${actual} = ${g.helper('formatQuantity')}(${ratio});
const ${reason} = { messageId: ${g.constant('line.threshold')}, data: { quantity: ${quantity}, expected: ${g.constant(expected)}, actual: ${actual}${named}${rule.effect === 'points' ? g.text : ''} } };
${unmet}
`;
  },
  compile(rule, context) {
    const ratioOf = context.ratio(rule.of);
    const { points, expected, name } = thresholdParts(rule, context.max);
    // Reasons name an indicator as the standard does (道路硬底化率), keeping its id for programs.
    const indicatorName = 'indicator' in rule.of ? context.indicatorNames.get(rule.of.indicator) : undefined;
    // Set on the fresh data, as its last key: a spread's copy with the key added costs ~1 µs on V8 (Node 20).
    const named = (data: Record<string, unknown>) => {
      if (indicatorName !== undefined) data.quantityName = indicatorName;
      return data;
    };
    return {
      score(scope) {
        if (rule.min === null || rule.max === null) {
          return scope.indeterminate({ messageId: 'line.threshold_unset', data: named({ quantity: name }) });
        }
        const ratio = ratioOf(scope);
        if (!('numerator' in ratio)) return scope.indeterminate(ratio);
        let met = true;
        if (rule.min !== undefined) {
          const c = compareRatio(ratio, rule.min);
          met &&= rule.inclusive ? c >= 0 : c > 0;
        }
        if (rule.max !== undefined) {
          const c = compareRatio(ratio, rule.max);
          met &&= rule.inclusive ? c <= 0 : c < 0;
        }
        if (met) return;
        const actual = formatQuantity(ratio);
        const reason = { messageId: 'line.threshold', data: named({ quantity: name, expected, actual }) };
        if (rule.effect === 'fail') return scope.unmet(reason, { expected, actual });
        if (points === undefined) {
          return scope.indeterminate({ messageId: 'line.threshold_no_points', data: named({ quantity: name }) });
        }
        scope.deduct(points, reason, { expected, actual });
      },
    };
  },
});
