/**
 * docs/assessments.md stays true: every YAML example is an assessment file that parses without a problem, and
 * every output it shows is what `scoresheet assess` prints for the shipped files, line for line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAssessment } from '../src/assess/load.js';
import { runCli } from './support/cli.js';

const DOC = readFileSync('docs/assessments.md', 'utf8');
const fences = (lang: string) => [...DOC.matchAll(new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```$', 'gm'))].map((m) => m[1]!);

describe('docs/assessments.md', () => {
  it('every YAML example parses as an assessment, one of each kind', () => {
    const examples = fences('yaml');
    expect(examples.length).toBe(2);
    const kinds = examples.map((text) => {
      const r = parseAssessment(text, { file: 'example.yaml' });
      expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toEqual([]);
      return r.ok ? r.assessment.assess : undefined;
    });
    expect(kinds).toEqual(['composite', 'stages']);
  });

  it('every output shown is what the CLI prints for the shipped assessments', async () => {
    const composite = await runCli(['assess', '--standard', 'standards/assessments/civilised-community.yaml', '--period', 'year', 'fixtures/harmonious-community-stars/records.yaml', 'fixtures/civilised-community/hygiene.yaml', '--lang', 'en']);
    const stages = await runCli(['assess', '--standard', 'standards/assessments/gd-village-stages.yaml', '--period', 'year', 'fixtures/gd-village-stages/records.yaml', '--lang', 'zh-CN']);
    const printed = `${composite.stdout}\n${stages.stdout}`.split('\n');
    const shown = fences('text');
    expect(shown.length).toBe(3);
    for (const block of shown) {
      const lines = block.trimEnd().split('\n');
      const at = printed.indexOf(lines[0]!);
      expect(at, lines[0]).toBeGreaterThanOrEqual(0);
      expect(printed.slice(at, at + lines.length)).toEqual(lines);
    }
  });
});
