/**
 * The shipped assessments through `scoresheet assess`, in-process: the civilised-community composite of two
 * shipped standards and the Guangdong village's stages (fixtures/*'s README works each number out by hand).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const COMPOSITE = ['assess', '--standard', 'standards/assessments/civilised-community.yaml', '--period', 'year', 'fixtures/harmonious-community-stars/records.yaml', 'fixtures/civilised-community/hygiene.yaml'];
const STAGES = ['assess', '--standard', 'standards/assessments/gd-village-stages.yaml', '--period', 'year', 'fixtures/gd-village-stages/records.yaml'];

interface Json {
  results: { unit: { id: string }; total?: number | null; band?: { id: string } | null; missing?: string[]; lines?: { part: string; result: number | null; contribution: number | null }[]; stages?: { stage: string; result: number | null }[]; final?: number | null; flags?: unknown[]; rank: number | null }[];
}

describe('scoresheet assess: the civilised-community composite', () => {
  it('weighs each community\'s two part results exactly; the community with no hygiene check is indeterminate, not 0', async () => {
    const r = await runCli([...COMPOSITE, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.results.map((x) => [x.unit.id, x.total, x.band?.id ?? null, x.rank])).toEqual([
      ['chengdong', 93.8, 'civilised', 1],
      ['chengxi', 76.7, 'not-yet', 3],
      ['hekou', 90.367, 'civilised', 2],
      ['xincun', null, null, null],
    ]);
    expect(out.results[2]!.lines!.map((l) => [l.part, l.result, l.contribution])).toEqual([
      ['harmony', 89.5, 53.7],
      ['hygiene', 0.3333, 36.667],
    ]);
    expect(out.results[3]).toMatchObject({ missing: ['hygiene'] });
  });

  it('explains every total line by line in Chinese', async () => {
    const r = await runCli([...COMPOSITE, '--lang', 'zh-CN']);
    expect(r.stdout).toContain('河口社区，2011：90.367（文明社区）');
    expect(r.stdout).toMatch(/社区卫生每周检查\s+0\.3333\s+4 → 0\s+40\s+36\.667/);
    expect(r.stdout).toContain('新村社区，2011：不确定：社区卫生每周检查无结果');
  });

  it('csv: one row per unit and period, a column per part', async () => {
    const r = await runCli([...COMPOSITE, '--format', 'csv']);
    expect(r.stdout.replace(/^\uFEFF/, '').split('\n').slice(0, 2)).toEqual([
      'period,rank,unit id,unit,Ten-star harmonious community,Weekly hygiene checks,total,band',
      '2011,1,chengdong,城东社区,98,0.5,93.8,Civilised community',
    ]);
  });

  it('a record that names no standard of the composite is rejected: exit 1', async () => {
    const record = JSON.stringify({ id: 'x', standard: 'school-hygiene', unit: { id: 'chengdong' }, date: '2011-10-01', findings: [] });
    const r = await runCli([...COMPOSITE, '-', '--input-format', 'ndjson', '--format', 'json'].filter((a) => !a.endsWith('.yaml') || a.includes('assessments')), { input: record + '\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown_standard');
    expect((JSON.parse(r.stdout) as Json).results).toEqual([]);
  });

  it('an assessment file with a problem: exit 2, the problem with its position', async () => {
    const r = await runCli(['assess', '--standard', 'standards/school-hygiene.yaml', '--period', 'year']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/school-hygiene\.yaml:\d+:\d+ {2}error {2}missing_key {2}required key "assess" is missing/);
  });
});

describe('scoresheet assess: the Guangdong village\'s stages', () => {
  it('the three stages side by side, the city\'s result final, the inflated self-assessment flagged', async () => {
    const r = await runCli([...STAGES, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.results.map((x) => [x.unit.id, x.stages!.map((s) => s.result), x.final, x.flags, x.rank])).toEqual([
      ['dingshen', [1, 0, null], null, [], null],
      ['houhuan', [0, 3, 2], 2, [{ from: 'village', to: 'town', difference: 3, inflated: true }], 2],
      ['longgang', [1, 1, 1], 1, [], 1],
    ]);
  });

  it('text: the columns of the Kunshan table, the flag in words', async () => {
    const r = await runCli([...STAGES, '--lang', 'zh-CN']);
    expect(r.stdout).toMatch(/村自评\s+镇复核\s+市考核\s+最终结果（以末级为准）\s+差异/);
    expect(r.stdout).toContain('村自评 → 镇复核：+3（村自评虚高）');
    expect(r.stdout).toContain('丁沈村，2011：不确定：市考核无结果');
  });

  it('md: the same table, each flag in words', async () => {
    const r = await runCli([...STAGES, '--format', 'md', '--lang', 'zh-CN']);
    expect(r.stdout).toContain('| 2011 | 2 | houhuan | 后环社区 | 0 | 3 | 2 | 2 | 村自评 → 镇复核：+3（村自评虚高） |');
  });

  it('html: one self-contained page, the flagged row marked, every text escaped', async () => {
    const r = await runCli([...STAGES, '--format', 'html', '--lang', 'zh-CN']);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(r.stdout).toContain('<tr class="flagged"><td>2011</td><td class="n">2</td><td>houhuan</td><td>后环社区</td>');
    expect(r.stdout).toContain('<td>村自评 → 镇复核：+3（村自评虚高）</td>');
    expect(r.stdout).not.toMatch(/<(script|link|img)\b/);
  });

  it('final: weighted, from the same records: Σ share × stage result; a stage missing leaves it indeterminate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assess-weighted-'));
    try {
      const text = readFileSync('standards/assessments/gd-village-stages.yaml', 'utf8')
        .replace('standard: ../gd-hygiene-village.yaml', `standard: ${resolve('standards/gd-hygiene-village.yaml')}`)
        .replace('kinds: [self-check]', 'kinds: [self-check]\n    weight: 0.2')
        .replace('kinds: [guidance]', 'kinds: [guidance]\n    weight: 0.3')
        .replace('kinds: [acceptance]', 'kinds: [acceptance]\n    weight: 0.5')
        .replace('final: last', 'final: weighted');
      writeFileSync(join(dir, 'weighted.yaml'), text);
      const r = await runCli(['assess', '--standard', join(dir, 'weighted.yaml'), '--period', 'year', 'fixtures/gd-village-stages/records.yaml', '--format', 'json']);
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout) as Json;
      // 后环社区 0 × 0.2 + 3 × 0.3 + 2 × 0.5 = 1.9; 龙岗村 1; 丁沈村 has no 市考核
      expect(out.results.map((x) => [x.unit.id, x.final])).toEqual([
        ['dingshen', null],
        ['houhuan', 1.9],
        ['longgang', 1],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
