/**
 * The codebase's contracts, checked on its source (issue 15): one module owns the scale of points,
 * a rule kind's file is the one place that knows it, and imports run with the flow, without cycles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `src/`-relative path with forward slashes: `score/score.ts`. */
const name = (file: string) => relative(SRC, file).split('\\').join('/');

/** The code of a file without its comments (a comment may mention 10000 or a rule kind). */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Lines of `src/` (outside the files `allowed` accepts) that match `pattern`, as `file:line: text`. */
function offending(pattern: RegExp, allowed: (file: string) => boolean): string[] {
  const hits: string[] = [];
  for (const file of sourceFiles()) {
    if (allowed(name(file))) continue;
    code(file)
      .split('\n')
      .forEach((line, i) => {
        if (pattern.test(line)) hits.push(`${name(file)}:${i + 1}: ${line.trim()}`);
      });
  }
  return hits;
}

describe('points own their scale', () => {
  it('no module but points.ts writes the scale (10_000) or scales by it', () => {
    expect(offending(/\b10_?000\b(?![_\d])|[*/]\s*POINT_SCALE\b/, (file) => file === 'points.ts')).toEqual([]);
  });

  it('no module keeps a local helper that reads a decimal as points', () => {
    expect(offending(/\bconst\s+(exact|scaled)\s*=/, (file) => file === 'points.ts')).toEqual([]);
  });
});

describe('rule kinds own themselves', () => {
  const kindNames = readdirSync(join(SRC, 'rules'))
    .map((file) => /kind:\s*'([a-z-]+)'/.exec(readFileSync(join(SRC, 'rules', file), 'utf8'))?.[1])
    .filter((kind): kind is string => kind !== undefined);

  it('finds the kinds it guards', () => {
    expect(kindNames).toEqual(expect.arrayContaining(['fixed', 'not-applicable', 'per-occurrence', 'threshold']));
  });

  it('no file outside src/rules/ switches on a rule kind or compares one', () => {
    const literal = `['"\`](?:${kindNames.join('|')})['"\`]`;
    // A kind's name in a `case`, beside a comparison, or on a line about kinds (a set of them).
    const pattern = new RegExp(`\\bcase\\s+${literal}|${literal}\\s*[!=]==?|[!=]==?\\s*${literal}|kind.*${literal}|${literal}.*kind|switch\\s*\\(\\s*[\\w.?]*\\bkind\\s*\\)`, 'i');
    expect(offending(pattern, (file) => file.startsWith('rules/'))).toEqual([]);
  });
});

describe('the rule registry', () => {
  it('builds the rule schema from the kinds, one option per kind', async () => {
    const { RULE_KINDS, RuleSchema } = await import('../src/rules/index.js');
    expect(RuleSchema.options).toEqual(Object.values(RULE_KINDS).map((kind) => kind.schema));
  });
});
