/**
 * Several outcomes per scorecard (issue 18 item 2): named dimensions (a grade and an action), each with
 * its bands (by kind where needed, conditional on the scored facts), shown in every scorecard format.
 * The single `bands:` of old is the default dimension, still the scorecard's `band`.
 */
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/diagnostics.js';
import { renderMessage } from '../../src/messages/render.js';
import { compileStandard, parseStandard, renderScorecard, scoreRecord, type Scorecard, type Standard } from '../../src/index.js';
import { scoreBothWays } from '../support/both-paths.js';

const STANDARD = `id: dims
version: "1"
name: { en: Dimensions, zh-CN: 多维结果 }
scoring: { mode: deduct, base: 100 }
kinds: [ { id: scheduled }, { id: spot } ]
categories:
  - id: critical
    name: { en: Critical }
    max: 40
    items:
      - { id: pests, name: { en: Pests }, max: 40, rules: [ { kind: per-occurrence, points: 5 } ] }
  - id: general
    name: { en: General }
    max: 60
    items:
      - { id: floor, name: { en: Floor }, max: 30, rules: [ { kind: per-occurrence, points: 10 } ] }
      - id: signs
        name: { en: Signs }
        max: 30
        rules: [ { kind: fixed, points: 4, when: { fact: signs_missing, operator: equal, value: true } } ]
outcomes:
  bands:
    - { id: good, name: { en: Good, zh-CN: 良好 }, min: 90 }
    - { id: fair, name: { en: Fair, zh-CN: 合格 }, min: 60, below: 90 }
    - { id: poor, name: { en: Poor, zh-CN: 不合格 }, below: 60 }
  dimensions:
    - id: grade
      name: { en: Grade, zh-CN: 等次 }
      bands:
        - { id: good, name: { en: A, zh-CN: 甲 }, min: 95 }
        - { id: fair, name: { en: B, zh-CN: 乙 }, below: 95 }
    - id: action
      name: { en: Action, zh-CN: 处理 }
      bands:
        - { id: close, name: { en: Close, zh-CN: 停业整顿 }, verdict: fail, when: { fact: category, path: critical.any, operator: equal, value: true } }
        - { id: reinspect-spot, name: { en: Re-inspect, zh-CN: 复查 }, below: 90, kinds: [ spot ] }
        - { id: reinspect, name: { en: Re-inspect, zh-CN: 复查 }, below: 80, kinds: [ scheduled ] }
        - { id: none, name: { en: None, zh-CN: 无 } }
`;

function load(text = STANDARD): Standard {
  const loaded = parseStandard(text, { file: 'dims.yaml' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics.map((d) => [d.code, formatPath(d.path), d.message])));
  return loaded.standard;
}

const score = (record: unknown, text = STANDARD): Scorecard => scoreBothWays(load(text), record);

const base = { unit: { id: 'u' }, date: '2024-03-04', kind: 'scheduled', facts: { signs_missing: false }, findings: [] as unknown[] };
const dims = (card: Scorecard) => Object.fromEntries((card.dimensions ?? []).map((d) => [d.id, d.band?.id ?? null]));

describe('outcome dimensions', () => {
  it('a clean record: band, grade and action each decided', () => {
    const card = score(base);
    expect(card.band?.id).toBe('good');
    expect(dims(card)).toEqual({ grade: 'good', action: 'none' });
    expect(card.verdict).toBe('pass');
  });

  it('bands by kind: the same total asks for a re-inspection after a spot check, not after a scheduled one', () => {
    const findings = [{ item: 'floor', count: 1 }, { item: 'signs' }];
    expect(dims(score({ ...base, facts: { signs_missing: false }, findings: [{ item: 'floor', count: 2 }] }))).toEqual({ grade: 'fair', action: 'none' });
    expect(dims(score({ ...base, kind: 'spot', facts: { signs_missing: false }, findings: [{ item: 'floor', count: 2 }] }))).toEqual({ grade: 'fair', action: 'reinspect-spot' });
    expect(findings).toHaveLength(2);
  });

  it('a conditional band reads the scored facts: any critical finding closes, and its fail verdict counts', () => {
    const card = score({ ...base, findings: [{ item: 'pests', count: 2 }] });
    expect(card.band?.id).toBe('good');
    expect(card.reasons.map((r) => renderMessage(r, 'zh-CN'))).toEqual(['处理：停业整顿']);
    expect(dims(card)).toEqual({ grade: 'fair', action: 'close' });
    expect(card.verdict).toBe('fail');
    expect(card.reasons.map((r) => r.rule)).toEqual(['outcomes.dimensions[1].bands[0]']);
  });

  it('an undecided band that could fail makes the verdict indeterminate, not pass', () => {
    const text = STANDARD.replace('path: critical.any, operator: equal, value: true', 'path: general.points, operator: lessThan, value: 40');
    const card = score({ ...base, facts: {}, findings: [] }, text);
    expect(dims(card).action).toBeNull();
    expect(card.verdict).toBe('indeterminate');
    expect(card.reasons.some((r) => r.messageId === 'verdict.indeterminate_band_when')).toBe(true);
  });

  it('a standard without dimensions gives no `dimensions` key: scorecards of old are unchanged', () => {
    const text = STANDARD.slice(0, STANDARD.indexOf('  dimensions:'));
    const card = score(base, text);
    expect('dimensions' in card).toBe(false);
  });

  it('shows every dimension in text, Markdown and CSV', () => {
    const standard = load();
    const result = scoreRecord(compileStandard(standard), { ...base, findings: [{ item: 'pests', count: 2 }] });
    if (!result.ok) throw new Error('not scored');
    const card = result.scorecard;
    expect(renderScorecard(card, standard, { format: 'text' })).toMatch(/Band Good\s+Grade B\s+Action Close\s+Verdict/i);
    expect(renderScorecard(card, standard, { format: 'text', locale: 'zh-CN' })).toContain('等次 乙');
    expect(renderScorecard(card, standard, { format: 'md' })).toContain(' · Grade B · Action Close · ');
    const csv = renderScorecard(card, standard, { format: 'csv' }).split('\n').map((l) => l.split(','));
    const header = csv[0]!;
    expect(header.slice(header.indexOf('band'), header.indexOf('band') + 4)).toEqual(['band', 'Grade', 'Action', 'verdict']);
    expect(csv[1]!.slice(header.indexOf('band'), header.indexOf('band') + 3)).toEqual(['Good', 'B', 'Close']);
    expect(JSON.parse(renderScorecard(card, standard, { format: 'json' })).dimensions).toEqual(card.dimensions);
  });
});

describe('the standard check', () => {
  const codes = (text: string) => {
    const loaded = parseStandard(text, { file: 'dims.yaml' });
    return (loaded.ok ? loaded.warnings : loaded.diagnostics).map((d) => [d.code, formatPath(d.path)]);
  };

  it('band ids are unique per dimension: the same id in two dimensions is fine, twice in one is not', () => {
    expect(codes(STANDARD).filter(([c]) => c !== 'band_gap' && c !== 'band_overlap')).toEqual([]);
    const twice = STANDARD.replace('- { id: fair, name: { en: B, zh-CN: 乙 }, below: 95 }', '- { id: good, name: { en: B, zh-CN: 乙 }, below: 95 }');
    expect(codes(twice)).toContainEqual(['duplicate_id', 'outcomes.dimensions[0].bands[1].id']);
  });

  it('dimension ids are unique; a band kind and a scored fact are checked in a dimension too', () => {
    expect(codes(STANDARD.replace('- id: action', '- id: grade'))).toContainEqual(['duplicate_id', 'outcomes.dimensions[1].id']);
    expect(codes(STANDARD.replace('kinds: [ spot ]', 'kinds: [ spott ]'))).toContainEqual(['unknown_reference', 'outcomes.dimensions[1].bands[1].kinds[0]']);
    expect(codes(STANDARD.replace('path: critical.any', 'path: critcal.any'))).toContainEqual(['unknown_reference', 'outcomes.dimensions[1].bands[0].when.path']);
  });

  it('gaps within a dimension are reported at its own path', () => {
    const gap = STANDARD.replace('- { id: fair, name: { en: B, zh-CN: 乙 }, below: 95 }', '- { id: fair, name: { en: B, zh-CN: 乙 }, below: 90 }');
    expect(codes(gap)).toContainEqual(['band_gap', 'outcomes.dimensions[0].bands[0]']);
  });
});
