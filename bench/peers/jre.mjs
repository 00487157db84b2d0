/**
 * The standard scored with json-rules-engine 7, the way its users score with it (its issue #57,
 * "Score on Rules"): one rule per deduction rule of the standard, the points in `event.params`, one
 * `engine.run(facts)` per record, and everything a rules engine does not do — multiplying by counts,
 * totals, rule caps, item and category floors, 注2 evidence — by hand around it.
 *
 * The rules are written out from the parsed standard once (what a user would type in JSON). A rule
 * looks like:
 *
 *   { name: 'leadership#0',
 *     conditions: { all: [{ fact: 'orgRolesInPlace', operator: 'lessThan', value: 4 }] },
 *     event: { type: 'per-shortfall', params: { scope: 0, points: 5000, required: 4, fact: 'orgRolesInPlace' } } }
 */
import { Engine } from 'json-rules-engine';
import { exactIndicator, flatten, scaled, settle, stepsBelow, tally } from './model.mjs';


export function makeJre(standard) {
  const model = flatten(standard);
  const engine = new Engine([], { allowUndefinedFacts: true });
  const root = (c) => ('all' in c || 'any' in c ? c : { all: [c] });
  for (const [name, condition] of Object.entries(model.conditions)) engine.setCondition(name, root(condition));

  model.scopes.forEach((sc, s) => {
    sc.rules.forEach((rule, r) => {
      const name = `${sc.id}#${r}`;
      const found = sc.isItem
        ? { fact: 'findingCount', path: `$.${sc.id}`, operator: 'greaterThan', value: 0 }
        : { fact: 'areaFindings', path: `$.${sc.id}`, operator: 'greaterThan', value: 0 };
      const params = { scope: s, effect: rule.effect ?? 'deduct' };
      let conditions;
      switch (rule.kind) {
        case 'per-shortfall':
          conditions = { all: [{ fact: rule.of.fact, operator: 'lessThan', value: rule.required }] };
          Object.assign(params, { points: scaled(rule.points), required: rule.required, fact: rule.of.fact });
          break;
        case 'per-step':
          conditions = { all: [{ fact: 'indicatorRates', path: `$.${rule.of.indicator}`, operator: 'lessThan', value: rule.target }] };
          Object.assign(params, { points: scaled(rule.points), target: rule.target, step: rule.step, partial: rule.partial, indicator: rule.of.indicator });
          break;
        case 'bonus':
          conditions = { all: [{ fact: rule.of.fact, operator: 'greaterThanInclusive', value: rule.above + 1 }] };
          Object.assign(params, { points: scaled(rule.points), above: rule.above, fact: rule.of.fact, effect: 'award' });
          break;
        case 'threshold': {
          const outside = [];
          if (rule.min !== undefined) outside.push({ fact: rule.of.fact, operator: rule.inclusive ? 'lessThan' : 'lessThanInclusive', value: rule.min });
          if (rule.max !== undefined) outside.push({ fact: rule.of.fact, operator: rule.inclusive ? 'greaterThan' : 'greaterThanInclusive', value: rule.max });
          conditions = { any: outside };
          params.points = rule.points !== undefined ? scaled(rule.points) : sc.max;
          break;
        }
        case 'fixed':
          conditions = rule.when !== undefined ? root(rule.when) : { all: [found] };
          params.points = scaled(rule.points);
          break;
        case 'per-occurrence':
          conditions = { all: [found] };
          if (typeof rule.points === 'number') params.points = scaled(rule.points);
          else params.ranged = true;
          break;
        case 'judgement':
          conditions = { all: [found] };
          break;
        case 'by-kind':
          conditions = { all: [found] };
          params.table = Object.fromEntries(
            Object.entries(rule.points).map(([k, v]) => [k, typeof v === 'number' ? scaled(v) : Object.fromEntries(Object.entries(v).map(([l, p]) => [l, scaled(p)]))]),
          );
          break;
        case 'not-applicable':
          conditions = root(rule.when);
          break;
        default:
          throw new Error(`jre peer: rule kind ${rule.kind} not implemented`);
      }
      if (rule.cap !== undefined) params.cap = scaled(rule.cap);
      engine.addRule({ name, conditions, event: { type: rule.kind, params } });
    });
  });

  const n = model.scopes.length;
  const indicatorIds = [...model.indicatorPercent.keys()];

  return async function scoreWithJre(record) {
    const t = tally(model, record);
    const findingCount = {};
    const areaFindings = {};
    for (let s = 0; s < n; s++) if (t.count[s] > 0) findingCount[model.scopes[s].id] = t.count[s];
    model.categories.forEach((c, ci) => {
      if (t.area[ci] > 0) areaFindings[c.id] = t.area[ci];
    });
    const exact = {};
    const indicatorRates = {};
    for (const id of indicatorIds) {
      const ratio = exactIndicator(record.indicators?.[id], model.indicatorPercent.get(id));
      if (ratio === undefined) continue;
      exact[id] = ratio;
      indicatorRates[id] = ratio[0] / ratio[1] / 10_000;
    }
    const facts = record.facts ?? {};
    const { events } = await engine.run({ ...facts, findingCount, areaFindings, indicatorRates, kind: record.kind, level: record.level });

    const deducted = new Array(n).fill(0);
    const awarded = new Array(n).fill(0);
    const skipped = new Array(n).fill(false);
    for (const { type, params: p } of events) {
      let amount;
      switch (type) {
        case 'not-applicable':
          skipped[p.scope] = true;
          continue;
        case 'per-shortfall':
          amount = p.points * (p.required - Math.floor(facts[p.fact]));
          break;
        case 'per-step':
          amount = p.points * stepsBelow(exact[p.indicator], p.target, p.step, p.partial);
          break;
        case 'bonus':
          amount = p.points * (Math.floor(facts[p.fact]) - p.above);
          break;
        case 'per-occurrence':
          amount = p.ranged ? t.ranged[p.scope] : p.points * t.count[p.scope];
          break;
        case 'judgement':
          amount = t.judged[p.scope];
          break;
        case 'by-kind': {
          const entry = p.table[record.kind];
          amount = typeof entry === 'number' ? entry : entry?.[record.level] ?? 0;
          break;
        }
        default: // fixed, threshold
          amount = p.points;
      }
      if (p.cap !== undefined && amount > p.cap) amount = p.cap;
      if (p.effect === 'award') awarded[p.scope] += amount;
      else deducted[p.scope] += amount;
    }
    const { total, deductions } = settle(model, deducted, awarded, skipped, t);
    return { total, verdict: 'pass', band: null, deductions };
  };
}
