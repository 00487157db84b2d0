/**
 * What an assessment prints or pins up says which inspections it did not count (in no period: a holiday,
 * between terms), under the table, in the reader's language, as a league's notes do; and every text in
 * it stays text (Markdown and HTML escape a unit's name).
 */
import { describe, expect, it } from 'vitest';
import { assessScorecards, type AssessmentResult } from '../../src/assess/assess.js';
import { renderAssessment } from '../../src/assess/render.js';
import type { Stages } from '../../src/assess/schema.js';
import { compileStandard } from '../../src/compile/standard.js';
import { scoreRecord } from '../../src/score/batch.js';
import { loadStandard } from '../../src/standard/load-file.js';
import { runCli } from '../support/cli.js';

const NAME = '![x](http://tracker) <b>*';

async function assessed(dates: readonly string[]): Promise<AssessmentResult> {
  const loaded = await loadStandard('standards/community-red-flag.yaml');
  if (!loaded.ok) throw new Error('community-red-flag does not load');
  const scorer = compileStandard(loaded.standard);
  const cards = dates.map((date, i) => {
    const r = scoreRecord(scorer, { id: `r${i}`, kind: 'weekly', date, standard: 'community-red-flag', unit: { id: 'u', name: NAME }, findings: [] });
    if (!r.ok) throw new Error('record rejected');
    return r.scorecard;
  });
  const stages: Stages = {
    assess: 'stages',
    id: 's',
    name: { en: 'S', 'zh-CN': '评' },
    assumptions: [],
    standard: 'community-red-flag.yaml',
    final: 'last',
    stages: [{ id: 'weekly', name: { en: 'weekly' }, kinds: ['weekly'] }, { id: 'street', name: { en: 'street' }, kinds: ['street-quarterly'] }],
  };
  const calendar = { terms: [{ id: 'spring', from: '2024-02-26', to: '2024-07-05', holidays: [{ from: '2024-04-04', to: '2024-04-06' }] }] };
  return assessScorecards(stages, new Map([['s', loaded.standard]]), cards, { period: 'term', calendar });
}

describe('an assessment notes the inspections it left out', () => {
  it('text, in English and Chinese: the count and each inspection with why, under the table', async () => {
    const result = await assessed(['2024-03-04', '2024-04-05', '2024-08-01']);
    const en = renderAssessment(result, { format: 'text', locale: 'en' });
    expect(en).toContain('2 inspections are in no period of the calendar and left out of these tables:');
    expect(en).toContain(`  #r1 ${NAME} 2024-04-05: in a holiday of term spring`);
    expect(en).toContain(`  #r2 ${NAME} 2024-08-01: outside every term`);
    expect(en.indexOf('left out of these tables')).toBeGreaterThan(en.indexOf('spring'));
    const zh = renderAssessment(result, { format: 'text', locale: 'zh-CN' });
    expect(zh).toContain('2 次检查不在校历的任何周期内，未计入上表：');
    expect(zh).toContain(`#r2 ${NAME} 2024-08-01：不在任何学期内`);
  });

  it('Markdown: a quoted note and a list, every name escaped', async () => {
    const md = renderAssessment(await assessed(['2024-03-04', '2024-04-05']), { format: 'md', locale: 'en' });
    expect(md).toContain('> 1 inspection is in no period of the calendar and left out of these tables:\n\n- #r1 ![x\\](http://tracker) &lt;b&gt;\\* 2024-04-05: in a holiday of term spring');
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(md).not.toContain('<b>');
  });

  it('HTML: a note, escaped', async () => {
    const html = renderAssessment(await assessed(['2024-03-04', '2024-04-05']), { format: 'html', locale: 'zh-CN' });
    expect(html).toContain('<div class="left-out" role="note"><p>1 次检查不在校历的任何周期内，未计入上表：</p><ul><li>#r1 ![x](http://tracker) &lt;b&gt;* 2024-04-05：在学期 spring 的假期内</li></ul></div>');
    expect(html).not.toContain('<b>');
  });

  it('no note when every inspection is counted; CSV stays the table alone', async () => {
    const result = await assessed(['2024-03-04']);
    for (const format of ['text', 'md', 'html'] as const) expect(renderAssessment(result, { format, locale: 'en' })).not.toContain('left out');
    const csv = renderAssessment(await assessed(['2024-03-04', '2024-04-05']), { format: 'csv', locale: 'en' });
    expect(csv).not.toContain('left out');
  });

  it('Markdown escapes a unit\'s name in the explanations too (an undecided final)', async () => {
    const md = renderAssessment(await assessed(['2024-03-04']), { format: 'md', locale: 'en' });
    expect(md).toContain('- ![x\\](http://tracker) &lt;b&gt;\\*, spring: indeterminate: no result for street');
    expect(md).not.toMatch(/(?<!\\)\]\(/);
  });

  it('scoresheet assess: the note on stdout, and stderr says "left out of the assessment" (not "of the league"), in either language', async () => {
    // --period term without a calendar: every inspection is in no period.
    const args = ['assess', '--standard', 'standards/assessments/gd-village-stages.yaml', '--period', 'term', 'fixtures/gd-village-stages/records.yaml'];
    const en = await runCli(args);
    expect(en.code).toBe(0);
    expect(en.stderr).toMatch(/^warning: 8 inspections are in no period of the calendar and are left out of the assessment; the first 5: #lg-self-2011 龙岗村 2011-08-28: in no term \(no calendar\);/);
    expect(en.stdout).toContain('8 inspections are in no period of the calendar and left out of these tables:\n  #lg-self-2011 龙岗村 2011-08-28: in no term (no calendar)');
    const zh = await runCli([...args, '--lang', 'zh-CN']);
    expect(zh.stderr).toMatch(/^警告：8 次检查不在校历的任何周期内，未计入考评；前 5 次：/);
    expect(zh.stdout).toContain('8 次检查不在校历的任何周期内，未计入上表：');
  });
});

describe('an assessment says why a result is missing', () => {
  it('a stage whose period score was refused as beyond the exact range says so, in both languages', async () => {
    const result = await assessed(['2024-03-04']);
    if (result.assess !== 'stages') throw new Error('a staged assessment');
    const refused = {
      ...result,
      results: result.results.map((r) => ({ ...r, final: null, missing: ['street'], stages: r.stages.map((s) => (s.stage === 'street' ? { ...s, result: null, missing: 'too_large' as const } : s)) })),
    };
    expect(renderAssessment(refused, { format: 'text', locale: 'en' })).toContain('beyond the exact range of points');
    expect(renderAssessment(refused, { format: 'text', locale: 'zh-CN' })).toContain('超出可精确计算的范围');
  });
});
