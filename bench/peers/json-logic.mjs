/**
 * The standard scored with json-logic-js 2: one expression per item (and per category with rules of
 * its own), each computing the item's signed points in exact ten-thousandths — the rules, their caps,
 * not-applicable, 注2 evidence and the item's floor — applied to a per-record data object. Category
 * floors and the total are summed by hand around it.
 *
 * json-logic has no floor and no let: a floor is x − x % 1, and a shared sub-expression is written
 * (and evaluated) again where it is used, as a json-logic user would have to.
 */
import jsonLogic from 'json-logic-js';
import { exactIndicator, flatten, scaled, settle, tally } from './model.mjs';

const BUILTIN_FACTS = new Set(['kind', 'level', 'date', 'unit']);
const v = (path, dflt) => (dflt === undefined ? { var: path } : { var: [path, dflt] });
const floor = (x) => ({ '-': [x, { '%': [x, 1] }] });
const OPS = { equal: '===', notEqual: '!==', lessThan: '<', lessThanInclusive: '<=', greaterThan: '>', greaterThanInclusive: '>=' };

/** A condition in json-rules-engine's language (the standard's) as json-logic. */
function condition(c, named) {
  if ('all' in c) return { and: c.all.map((x) => condition(x, named)) };
  if ('any' in c) return { or: c.any.map((x) => condition(x, named)) };
  if ('not' in c) return { '!': condition(c.not, named) };
  if ('condition' in c) return condition(named[c.condition], named);
  const op = OPS[c.operator];
  if (op === undefined || c.path !== undefined) throw new Error(`json-logic peer: operator ${c.operator} not implemented`);
  return { [op]: [v(BUILTIN_FACTS.has(c.fact) ? c.fact : `f.${c.fact}`), c.value] };
}

/** The amount one rule gives (≥ 0), as json-logic. */
function amount(rule, sc, named) {
  const id = sc.id;
  const found = sc.isItem ? { '>': [v(`n.${id}`, 0), 0] } : { '>': [v(`a.${id}`, 0), 0] };
  switch (rule.kind) {
    case 'per-shortfall':
      return { max: [0, { '*': [scaled(rule.points), { '-': [rule.required, floor(v(`f.${rule.of.fact}`, 0))] }] }] };
    case 'bonus':
      return { max: [0, { '*': [scaled(rule.points), { '-': [floor(v(`f.${rule.of.fact}`, 0)), rule.above] }] }] };
    case 'per-step': {
      // shortfall = target·D − N, in scaled units; steps = ⌊shortfall / (step·D)⌋
      const N = v(`ind.${rule.of.indicator}.0`);
      const D = v(`ind.${rule.of.indicator}.1`);
      const shortfall = { '-': [{ '*': [scaled(rule.target), D] }, N] };
      const size = { '*': [scaled(rule.step), D] };
      const whole = { '/': [{ '-': [shortfall, { '%': [shortfall, size] }] }, size] };
      const steps = rule.partial === 'ceil' ? { '+': [whole, { if: [{ '>': [{ '%': [shortfall, size] }, 0] }, 1, 0] }] } : whole;
      return { if: [{ '>': [shortfall, 0] }, { '*': [scaled(rule.points), steps] }, 0] };
    }
    case 'threshold': {
      const value = v(`f.${rule.of.fact}`);
      const outside = [];
      if (rule.min !== undefined) outside.push({ [rule.inclusive ? '<' : '<=']: [value, rule.min] });
      if (rule.max !== undefined) outside.push({ [rule.inclusive ? '>' : '>=']: [value, rule.max] });
      return { if: [{ or: outside }, rule.points !== undefined ? scaled(rule.points) : sc.max, 0] };
    }
    case 'fixed':
      return { if: [rule.when !== undefined ? condition(rule.when, named) : found, scaled(rule.points), 0] };
    case 'per-occurrence':
      return typeof rule.points === 'number' ? { '*': [scaled(rule.points), v(`n.${id}`, 0)] } : v(`r.${id}`, 0);
    case 'judgement':
      return v(`j.${id}`, 0);
    case 'by-kind': {
      const branches = [];
      for (const [kind, p] of Object.entries(rule.points)) {
        if (typeof p === 'number') branches.push({ '===': [v('kind'), kind] }, scaled(p));
        else {
          const levels = [];
          for (const [level, q] of Object.entries(p)) levels.push({ '===': [v('level'), level] }, scaled(q));
          branches.push({ '===': [v('kind'), kind] }, { if: [...levels, 0] });
        }
      }
      return { if: [found, { if: [...branches, 0] }, 0] };
    }
    default:
      throw new Error(`json-logic peer: rule kind ${rule.kind} not implemented`);
  }
}

/** One scope's expression: its signed points (awards − deductions), capped and floored. */
export function scopeExpression(sc, named) {
  const deductions = [];
  const awards = [];
  const notApplicable = [];
  for (const rule of sc.rules) {
    if (rule.kind === 'not-applicable') {
      notApplicable.push(condition(rule.when, named));
      continue;
    }
    let a = amount(rule, sc, named);
    if (rule.cap !== undefined) a = { min: [scaled(rule.cap), a] };
    if (rule.kind === 'bonus' || rule.effect === 'award') awards.push(a);
    else deductions.push(a);
  }
  let d = deductions.length === 0 ? 0 : deductions.length === 1 ? deductions[0] : { '+': deductions };
  let a = awards.length === 0 ? 0 : awards.length === 1 ? awards[0] : { '+': awards };
  if (sc.isItem && sc.max !== undefined && d !== 0) d = { min: [sc.max, d] };
  if (sc.isItem && sc.bonusMax !== undefined && a !== 0) a = { min: [sc.bonusMax, a] };
  let net = a === 0 ? { '-': [d] } : { '-': [a, d] };
  if (sc.evidenceRequired) net = { if: [v(`ev.${sc.id}`, false), -sc.max, net] };
  if (notApplicable.length > 0) net = { if: [notApplicable.length === 1 ? notApplicable[0] : { or: notApplicable }, 0, net] };
  return net;
}

export function makeJsonLogic(standard) {
  const model = flatten(standard);
  const named = model.conditions;
  const n = model.scopes.length;
  const expressions = model.scopes.map((sc) => (sc.rules.length > 0 || sc.evidenceRequired ? scopeExpression(sc, named) : null));
  const indicatorIds = [...model.indicatorPercent.keys()];
  const zeros = new Array(n).fill(0);
  const none = new Array(n).fill(false);

  return function scoreWithJsonLogic(record) {
    const t = tally(model, record);
    const data = { f: record.facts ?? {}, kind: record.kind, level: record.level, date: record.date, unit: record.unit.id, ind: {}, n: {}, a: {}, r: {}, j: {}, ev: {} };
    for (const id of indicatorIds) {
      const ratio = exactIndicator(record.indicators?.[id], model.indicatorPercent.get(id));
      if (ratio !== undefined) data.ind[id] = ratio;
    }
    for (let s = 0; s < n; s++) {
      if (t.count[s] === 0) continue;
      const id = model.scopes[s].id;
      data.n[id] = t.count[s];
      data.r[id] = t.ranged[s];
      data.j[id] = t.judged[s];
      if (t.noEvidence[s]) data.ev[id] = true;
    }
    model.categories.forEach((c, ci) => {
      if (t.area[ci] > 0) data.a[c.id] = t.area[ci];
    });
    // Each expression gives a scope's signed points; split them so settle() can floor categories.
    const deducted = zeros.slice();
    const awarded = zeros.slice();
    for (let s = 0; s < n; s++) {
      const e = expressions[s];
      if (e === null) continue;
      const net = jsonLogic.apply(e, data);
      if (net < 0) deducted[s] = -net;
      else awarded[s] = net;
    }
    // The expressions already applied evidence, not-applicable and item floors: settle() only sums.
    const { total, deductions } = settle(model, deducted, awarded, none, { noEvidence: none });
    return { total, verdict: 'pass', band: null, deductions };
  };
}
