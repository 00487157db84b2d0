#!/usr/bin/env node
/**
 * The prebuilt playground shipped in the package (dist/playground.html, docs/browser.md): written by the
 * built CLI after tsup, with every shipped standard selectable; Chinese first.
 */
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['dist/cli.js', 'playground', '-o', 'dist/playground.html', '--lang', 'zh-CN'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
