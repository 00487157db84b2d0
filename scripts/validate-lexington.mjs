#!/usr/bin/env node
/**
 * Reproduces the Lexington-Fayette County (KY) official inspection scores end to end: imports the
 * LIVES feed with the built CLI (`scoresheet import lives`), scores every inspection against
 * standards/ky-food-establishment.yaml, and prints the agreement table and the band counts.
 *
 * Usage: `npm run validate:lexington` (builds first), or `node scripts/validate-lexington.mjs [--format md|json]`.
 * The data is read from ../shared/data/lexington-ky beside the repository root, or from
 * $SCORESHEET_LEXINGTON_DIR. Exit 0: no score differs; 1: some differ; 2: could not run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const DIR = resolve(process.env.SCORESHEET_LEXINGTON_DIR ?? join(ROOT, '..', 'shared', 'data', 'lexington-ky'));
const STANDARD = join(ROOT, 'standards', 'ky-food-establishment.yaml');

if (!existsSync(CLI)) {
  console.error('dist/cli.js is missing: run `npm run build` first (npm run validate:lexington does)');
  process.exit(2);
}
if (!existsSync(join(DIR, 'inspections.csv'))) {
  console.error(`the Lexington LIVES data is not in ${DIR}: provide ../shared/data/lexington-ky or set SCORESHEET_LEXINGTON_DIR`);
  process.exit(2);
}

console.log(`Lexington-Fayette County, KY: ${DIR}\nscored against ${STANDARD}\n`);
const result = spawnSync(process.execPath, [CLI, 'import', 'lives', DIR, '--standard', STANDARD, '--compare', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 2);
