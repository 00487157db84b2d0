/** Placeholder: filled in by the lexington workload. */
export async function run(ctx) {
  return { rows: [], notes: [] };
}
