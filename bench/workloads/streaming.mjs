/** Placeholder: filled in by the streaming workload. */
export async function run(ctx) {
  return { rows: [], notes: [] };
}
