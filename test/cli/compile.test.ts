/** `scoresheet compile --emit js`: the generated source of each edition, called in-process. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCompile } from '../../src/cli/compile.js';
import { compileStandard, parseStandard } from '../../src/index.js';
import { ROOT } from '../support/built.js';

async function compile(standards: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCompile({ standards, emit: 'js', lang: 'en' }, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('scoresheet compile --emit js', () => {
  it("prints the function compileStandard generates for the standard, ending with its sourceURL", async () => {
    const file = join(ROOT, 'standards/school-hygiene.yaml');
    const result = await compile([file]);
    expect(result).toMatchObject({ code: 0, err: '' });
    const loaded = parseStandard(readFileSync(file, 'utf8'), { file });
    if (!loaded.ok) throw new Error('school-hygiene does not load');
    const scorer = compileStandard(loaded.standard);
    expect(result.out).toBe(scorer.source!.trimEnd());
    expect(result.out).toMatch(/^'use strict';\n/);
    expect(result.out.split('\n').at(-1)).toBe(`//# sourceURL=scoresheet/${encodeURIComponent(scorer.ref)}.js`);
  });

  it('prints one function per standard of a directory', async () => {
    const result = await compile([join(ROOT, 'standards')]);
    expect(result.code).toBe(0);
    expect(result.out.match(/^\/\/# sourceURL=scoresheet\//gm)?.length).toBeGreaterThanOrEqual(8);
  });

  it('exits 2 with the diagnostics of a standard that does not load', async () => {
    const result = await compile([join(ROOT, 'standards/no-such-standard.yaml')]);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain('file_not_found');
  });
});
