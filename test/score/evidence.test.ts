/** 无书面材料该项不得分 meets 未发生…的不扣分: an item that does not apply is never charged. */
import { describe, expect, it } from 'vitest';
import { compileStandard, parseStandard, scoreRecord } from '../../src/index.js';

const loaded = parseStandard(`id: e
version: "1"
name: { zh-CN: 证据 }
scoring: { mode: deduct, evidence: required }
categories:
  - id: c
    name: { zh-CN: 信息报告 }
    max: 5
    items:
      - id: report
        name: { zh-CN: 突发事件报告 }
        max: 5
        rules:
          - { kind: not-applicable, when: { fact: emergencyOccurred, operator: equal, value: false } }
          - { kind: per-occurrence, points: 2 }
`);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
const scorer = compileStandard(loaded.standard);
const score = (facts: Record<string, unknown>) => {
  const r = scoreRecord(scorer, { unit: { id: 'u' }, date: '2024-01-01', facts, findings: [{ item: 'report', evidence: false }] });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.scorecard;
};

describe('evidence and applicability', () => {
  it('does not charge missing material on an item that does not apply', () => {
    const card = score({ emergencyOccurred: false });
    expect(card.total).toBe(5);
    expect(card.lines.map((l) => l.type)).toEqual(['not_applicable']);
  });

  it('charges the whole item when it applies and the material is missing', () => {
    const card = score({ emergencyOccurred: true });
    expect(card.total).toBe(0);
    expect(card.lines.map((l) => [l.type, l.points, l.reason.messageId])).toEqual([['deduction', -5, 'line.evidence_missing']]);
  });

  it('stops at an unknown applicability: one reason, the missing fact, and nothing charged', () => {
    const card = score({});
    expect(card.verdict).toBe('indeterminate');
    expect(card.reasons.map((r) => [r.messageId, r.data?.fact])).toEqual([['condition.missing_fact', 'emergencyOccurred']]);
    expect(card.lines).toEqual([]);
  });
});
