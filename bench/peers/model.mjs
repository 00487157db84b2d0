/**
 * What the json-rules-engine and json-logic-js peers share: the standard flattened into scopes
 * (items, then each category's own rules), exact point arithmetic, and the per-record tallies of
 * findings that both need before they can run (a rules engine sees facts, not findings).
 *
 * Everything here is plain JavaScript that a user of those libraries would write around them.
 */

/** Points as integer ten-thousandths, as scoresheet holds them: 0.1 + 0.2 is exactly 3000. */
export const SCALE = 10_000;
export const scaled = (v) => Math.round(v * SCALE);

export const lacksEvidence = (f) => f.evidence === false || (Array.isArray(f.evidence) && f.evidence.length === 0);

/**
 * An indicator as an exact ratio [N, D] of scaled units: value = N / (D · SCALE). A percent given as
 * numerator/denominator counts is numerator · 100 / denominator.
 */
export function exactIndicator(given, percent) {
  if (given === undefined) return undefined;
  if (typeof given === 'number') return [scaled(given), 1];
  if ('value' in given) return [scaled(given.value), 1];
  return [scaled(given.numerator * (percent ? 100 : 1)), given.denominator];
}

/** Whole steps of `step` by which an exact ratio falls below `target` (all integers below 2^53: exact). */
export function stepsBelow(ratio, target, step, partial) {
  const [n, d] = ratio;
  const shortfall = scaled(target) * d - n;
  if (shortfall <= 0) return 0;
  const size = scaled(step) * d;
  const whole = Math.floor(shortfall / size);
  return partial === 'ceil' && whole * size !== shortfall ? whole + 1 : whole;
}

/**
 * The standard as scopes: for each category, its items in order, then the category itself (its
 * own rules and its findings). Only what the two standards use is supported; anything else throws,
 * so a peer never silently scores something differently.
 */
export function flatten(standard) {
  if (standard.scoring.mode !== 'deduct') throw new Error('peer: only deduct mode is implemented');
  const o = standard.outcomes;
  if (o.vetoes.length || o.prerequisites.length || o.bands.length || o.derived.length) {
    throw new Error('peer: vetoes, prerequisites, bands and derived outcomes are not implemented');
  }
  const evidenceDefault = standard.scoring.evidence === 'required';
  const scopes = [];
  const categories = [];
  /** finding.item → [scope index, category index] */
  const targets = new Map();
  standard.categories.forEach((c, ci) => {
    const members = [];
    for (const item of c.items) {
      const s = scopes.length;
      scopes.push(scope(item, ci, true, item.evidence !== undefined ? item.evidence === 'required' : evidenceDefault));
      members.push(s);
      targets.set(item.id, [s, ci]);
      targets.set(`${c.id}.${item.id}`, [s, ci]);
    }
    const own = scopes.length;
    scopes.push(scope(c, ci, false, false));
    if (!targets.has(c.id)) targets.set(c.id, [own, ci]);
    categories.push({
      id: c.id,
      max: c.max !== undefined ? scaled(c.max) : undefined,
      bonusMax: c.bonusMax !== undefined ? scaled(c.bonusMax) : undefined,
      items: members,
      own,
    });
  });
  const base = standard.scoring.base !== undefined ? scaled(standard.scoring.base) : categories.reduce((s, c) => s + (c.max ?? 0), 0);
  return {
    scopes,
    categories,
    targets,
    base,
    totalMax: standard.scoring.max !== undefined ? scaled(standard.scoring.max) : undefined,
    totalMin: standard.scoring.min !== undefined ? scaled(standard.scoring.min) : undefined,
    indicatorPercent: new Map(standard.indicators.map((i) => [i.id, i.unit === 'percent'])),
    conditions: standard.conditions,
  };
}

function scope(node, category, isItem, evidenceRequired) {
  const rules = [...node.rules.filter((r) => r.kind === 'not-applicable'), ...node.rules.filter((r) => r.kind !== 'not-applicable')];
  for (const r of rules) {
    if ((r.kind === 'per-shortfall' || r.kind === 'bonus') && (r.of === undefined || !('fact' in r.of))) throw new Error(`peer: ${r.kind} needs of: { fact }`);
    if (r.kind === 'threshold' && (r.effect !== 'points' || r.min === null || r.max === null || !('fact' in r.of))) throw new Error('peer: threshold must be effect: points on a fact');
  }
  return {
    id: node.id,
    category,
    isItem,
    max: node.max !== undefined ? scaled(node.max) : undefined,
    bonusMax: node.bonusMax !== undefined ? scaled(node.bonusMax) : undefined,
    evidenceRequired: evidenceRequired && node.max !== undefined,
    rules,
  };
}

/**
 * Per-record tallies, one slot per scope: finding counts (a category's slot counts every finding in
 * it), Σ count × points of ranged findings, Σ judgement points, and whether written material is missing.
 */
export function tally(model, record) {
  const n = model.scopes.length;
  const count = new Array(n).fill(0);
  const area = new Array(model.categories.length).fill(0);
  const ranged = new Array(n).fill(0);
  const judged = new Array(n).fill(0);
  const noEvidence = new Array(n).fill(false);
  for (const f of record.findings) {
    const [s, c] = model.targets.get(f.item);
    const times = f.count ?? 1;
    count[s] += times;
    area[c] += 1;
    if (f.points !== undefined) {
      ranged[s] += scaled(f.points) * times;
      judged[s] += scaled(f.points);
    }
    if (lacksEvidence(f)) noEvidence[s] = true;
  }
  return { count, area, ranged, judged, noEvidence };
}

/**
 * Applies what no rules engine does for you, by hand: not-applicable, then 注2 evidence (the item scores nothing), item
 * floors and bonus caps, category floors and bonus caps, and the total's cap and floor. Returns the
 * result every implementation is compared on.
 */
export function settle(model, deducted, awarded, skipped, t) {
  const deductions = [];
  let total = model.base;
  for (const c of model.categories) {
    let catDeducted = 0;
    let catAwarded = 0;
    for (const s of c.items) {
      const sc = model.scopes[s];
      let d = deducted[s];
      let a = awarded[s];
      if (skipped[s]) {
        // not applicable: decided before anything is charged, even missing written material
        d = 0;
        a = 0;
      } else if (sc.evidenceRequired && t.noEvidence[s]) {
        d = sc.max;
        a = 0;
      }
      if (sc.max !== undefined && d > sc.max) d = sc.max;
      if (sc.bonusMax !== undefined && a > sc.bonusMax) a = sc.bonusMax;
      catDeducted += d;
      catAwarded += a;
      if (a - d !== 0) deductions.push([sc.id, a - d]);
      total += a - d;
    }
    const own = skipped[c.own] ? [0, 0] : [deducted[c.own], awarded[c.own]];
    catDeducted += own[0];
    catAwarded += own[1];
    let net = own[1] - own[0];
    if (c.max !== undefined && catDeducted > c.max) net += catDeducted - c.max;
    if (c.bonusMax !== undefined && catAwarded > c.bonusMax) net -= catAwarded - c.bonusMax;
    if (net !== 0) deductions.push([c.id, net]);
    total += net;
  }
  if (model.totalMax !== undefined && total > model.totalMax) total = model.totalMax;
  if (model.totalMin !== undefined && total < model.totalMin) total = model.totalMin;
  return { total, deductions };
}
