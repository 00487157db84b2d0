/** Placeholder: filled in by the league workload. */
export async function run(ctx) {
  return { rows: [], notes: [] };
}
