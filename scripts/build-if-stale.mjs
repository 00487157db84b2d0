#!/usr/bin/env node
/**
 * `npm test`'s pretest: builds dist/ with tsup unless it is already newer than everything it is built
 * from (src/, standards/, package.json, tsup.config.ts). CI runs `npm run build` just before `npm test`,
 * and building twice cost ~10 s of every run; a fresh clone, or any edited source, still builds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OUTPUTS = ['dist/cli.js', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/browser.js', 'dist/pages/form.global.js', 'dist/pages/playground.global.js', 'dist/playground.html'];
const INPUTS = ['src', 'standards', 'package.json', 'package-lock.json', 'tsup.config.ts', 'tsconfig.json'];

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const built = OUTPUTS.every((f) => existsSync(f)) ? Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs)) : -Infinity;
const sources = Math.max(...INPUTS.filter((f) => existsSync(f)).map(newest));
if (built > sources) process.exit(0);
// Run by npm, so node_modules/.bin (tsup) is on the PATH.
const result = spawnSync('tsup', ['--silent'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
const playground = spawnSync(process.execPath, ['scripts/build-playground.mjs'], { stdio: 'inherit' });
process.exit(playground.status ?? 1);
