/** A CSV map from its YAML text, for tests: the map, or the test stops with its problems. */
import { parseMapping, type CsvMapping } from '../../src/records/mapping.js';

export function csvMap(text: string, file = 'm.yaml'): CsvMapping {
  const result = parseMapping(text, file);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.mapping;
}
