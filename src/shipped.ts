/** Where the standards shipped in the package (standards/*.yaml) are, wherever the package is installed. */
import { fileURLToPath } from 'node:url';

/**
 * The path of a shipped standard inside the installed package (`standards/<name>.yaml`), for
 * `loadStandard`. The names are those of standards/README.md: `school-hygiene`, `hygiene-supervision-2013`,
 * `gd-hygiene-village`, `ky-food-establishment`, …
 *
 * @example
 * ```ts
 * import { loadStandard, shippedStandard } from 'scoresheet';
 *
 * const loaded = await loadStandard(shippedStandard('school-hygiene'));
 * console.log(loaded.ok); // true
 * ```
 */
export function shippedStandard(name: string): string {
  // This file is src/shipped.ts in the repository and part of dist/*.js in the package: both one folder below standards/.
  return fileURLToPath(new URL(`../standards/${name}.yaml`, import.meta.url));
}
