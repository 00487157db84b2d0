/** Did-you-mean: the closest candidate by edit distance, when it is close enough to be a typo. */

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/** The default typo budget: a third of the input's length, at least 1 and at most 3 edits. */
export const typoLimit = (input: string): number => Math.min(3, Math.max(1, Math.floor(input.length / 3)));

/**
 * The candidate nearest to `input` (case-insensitively; the first on a tie), if within `limit(input)`
 * edits ({@link typoLimit} unless given).
 */
export function suggest(
  input: string,
  candidates: Iterable<string>,
  limit: (input: string) => number = typoLimit,
): string | undefined {
  const budget = limit(input);
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = input.toLowerCase();
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= budget ? best : undefined;
}
