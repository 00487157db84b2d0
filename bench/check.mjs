/**
 * Same work, checked: before anything is timed, every implementation scores every record and must
 * agree with scoresheet on the total, the verdict, the band and the list of (item, points) — each
 * item's (or area's) signed points, after caps and floors, in exact ten-thousandths.
 */

const SCALE = 10_000;

/** A scoresheet Scorecard in the form every implementation returns. */
export function fromScorecard(card) {
  const byItem = new Map();
  for (const line of card.lines) {
    if (line.item === undefined || line.points === 0) continue;
    byItem.set(line.item, (byItem.get(line.item) ?? 0) + Math.round(line.points * SCALE));
  }
  const deductions = [];
  for (const [item, points] of byItem) if (points !== 0) deductions.push([item, points]);
  return { total: Math.round(card.total * SCALE), verdict: card.verdict, band: card.band?.id ?? null, deductions };
}

/** Scores with scoresheet, returning the comparable form (throws on a rejected record). */
export function scoresheetImplementation(scoreRecord, scorer) {
  return (record) => {
    const result = scoreRecord(scorer, record);
    if (!result.ok) throw new Error(`scoresheet rejected the record: ${JSON.stringify(result.diagnostics)}`);
    return fromScorecard(result.scorecard);
  };
}

const points = (p) => String(p / SCALE);
const list = (deductions) => '[' + deductions.map(([item, p]) => `${item} ${p > 0 ? '+' : ''}${points(p)}`).join(', ') + ']';
const sorted = (deductions) => [...deductions].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** The differences between two results, as readable strings (empty when they agree). */
export function differences(expected, actual, [first, second] = ['expected', 'actual']) {
  const out = [];
  if (expected.total !== actual.total) out.push(`total: ${first} ${points(expected.total)}, ${second} ${points(actual.total)}`);
  if (expected.verdict !== actual.verdict) out.push(`verdict: ${first} ${expected.verdict}, ${second} ${actual.verdict}`);
  if ((expected.band ?? null) !== (actual.band ?? null)) out.push(`band: ${first} ${expected.band}, ${second} ${actual.band}`);
  const a = sorted(expected.deductions);
  const b = sorted(actual.deductions);
  const same = a.length === b.length && a.every(([item, p], i) => b[i][0] === item && b[i][1] === p);
  if (!same) {
    const only = (x, y) => x.filter(([item, p]) => !y.some(([i2, p2]) => i2 === item && p2 === p));
    out.push(`(item, points): ${first} ${list(a)}, ${second} ${list(b)} — only ${first}: ${list(only(a, b))}, only ${second}: ${list(only(b, a))}`);
  }
  return out;
}

/**
 * Scores every record with every implementation and compares each with the first (the reference).
 * `implementations`: [{ name, score(record) → result | Promise<result> }]. Returns the mismatches
 * (at most `limit` are described) and how many records were compared.
 */
export async function checkImplementations(records, implementations, { limit = 5, label = (r, i) => (r.id !== undefined ? `${r.id} (#${i})` : `#${i}`) } = {}) {
  const [reference, ...others] = implementations;
  const mismatches = [];
  let count = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const expected = await reference.score(record);
    for (const impl of others) {
      let actual;
      try {
        actual = await impl.score(record);
      } catch (error) {
        actual = { error: error.message };
      }
      const diff = actual.error !== undefined ? [`threw: ${actual.error}`] : differences(expected, actual, [reference.name, impl.name]);
      if (diff.length === 0) continue;
      count++;
      if (mismatches.length < limit) mismatches.push({ record: label(record, i), index: i, implementation: impl.name, reference: reference.name, differences: diff });
    }
  }
  return { ok: count === 0, checked: records.length, mismatchCount: count, mismatches };
}

/** A readable report of a failed check. */
export function formatMismatches(result, workload = '') {
  const lines = [`${workload ? workload + ': ' : ''}${result.mismatchCount} result(s) differ from ${result.mismatches[0]?.reference ?? 'the reference'} (of ${result.checked} records):`];
  for (const m of result.mismatches) {
    lines.push(`  record ${m.record}: ${m.implementation} differs from ${m.reference}: ${m.differences.join('; ')}`);
  }
  if (result.mismatchCount > result.mismatches.length) lines.push(`  … and ${result.mismatchCount - result.mismatches.length} more`);
  return lines.join('\n');
}
