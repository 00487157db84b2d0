/** 未发生突发公共卫生事件的不扣分: the item does not apply when a condition holds; its other rules are skipped. */
import { z } from 'zod';
import { ConditionSchema } from '../condition-schema.js';
import { ruleBase } from '../common-schema.js';
import { defineRuleKind, generateWhen, NO_EFFECT } from './kind.js';

export const notApplicable = defineRuleKind({
  kind: 'not-applicable',
  description: 'the item (or category) is not scored when `when` holds; unknown → indeterminate',
  schema: z.strictObject({
    kind: z.literal('not-applicable'),
    ...ruleBase,
    when: ConditionSchema,
  }),
  effect: () => NO_EFFECT,
  runsWithoutFinding: () => true,
  decidesApplicability: true,
  findingFields: () => [],
  generate(rule, g) {
    const when = generateWhen(rule.when, g);
    return `${when.code}if (${when.holds}) ${g.scope}.notApplicable({ messageId: ${g.constant('line.not_applicable')}${g.text === '' ? '' : `, data: { ${g.text.slice(2)} }`} });\n`;
  },
  compile(rule, context) {
    const when = context.condition(rule.when);
    return {
      score(scope) {
        const holds = when.test(scope);
        if (holds === null) {
          for (const r of when.explain(scope.facts()).reasons) scope.indeterminate(r);
          return;
        }
        if (holds) scope.notApplicable({ messageId: 'line.not_applicable' });
      },
    };
  },
});
