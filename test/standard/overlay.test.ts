/** Overlays: override, add, remove; every diagnostic points into the file that set the value. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStandard, loadStandard, scoreRecord } from '../../src/index.js';

const BASE = `id: base
version: "1"
name: { zh-CN: 基础标准 }
scoring: { mode: deduct, base: 100 }
kinds: [ { id: random }, { id: scheduled } ]
categories:
  - id: room
    name: { zh-CN: 教室 }
    rules:
      - { kind: by-kind, id: area, points: { random: 1, scheduled: 2 } }
    items:
      - id: floor
        name: { zh-CN: 地面 }
      - id: corner
        name: { zh-CN: 卫生工具角 }
        rules: [ { kind: per-occurrence, id: each, points: { min: 1, max: 3 } } ]
      - id: lights
        name: { zh-CN: 灯管 }
`;

function files(overlay: string, base = BASE): string {
  const dir = mkdtempSync(join(tmpdir(), 'overlay-'));
  writeFileSync(join(dir, 'base.yaml'), base);
  writeFileSync(join(dir, 'overlay.yaml'), overlay);
  return dir;
}

const HEAD = 'id: county\nversion: "1"\nname: { zh-CN: 县级 }\nextends: base.yaml\n';

describe('overlays', () => {
  it('overrides a rule, adds an item, removes an item, and names the chain in the provenance', async () => {
    const dir = files(
      HEAD +
        `categories:
  room:
    rules:
      area: { points: { scheduled: 3 } }
    items:
      corner:
        rules:
          each: { points: { max: 4 } }
add:
  items:
    room:
      - { id: dispenser, name: { zh-CN: 饮水机 }, rules: [ { kind: per-occurrence, points: 1 } ] }
remove:
  items: [ lights ]
`,
    );
    const loaded = await loadStandard(join(dir, 'overlay.yaml'));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const items = loaded.standard.categories[0]!.items.map((i) => i.id);
    expect(items).toEqual(['floor', 'corner', 'dispenser']);
    const scorer = compileStandard(loaded.standard);
    const result = scoreRecord(scorer, { unit: { id: 'c' }, date: '2024-03-04', kind: 'scheduled', findings: [{ item: 'corner', points: 4, note: '工具不全' }, { item: 'dispenser' }] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Monday area 3 (overridden) + tool corner 4 (range widened to 1–4) + dispenser 1 = 8.
    expect(result.scorecard.total).toBe(92);
    expect(result.scorecard.provenance.chain).toEqual(['county@1', 'base@1']);
    expect(scoreRecord(scorer, { unit: { id: 'c' }, date: '2024-03-04', kind: 'random', findings: [{ item: 'lights' }] }).ok).toBe(false);
  });

  it('reports an override of an item the base does not have, at its position in the overlay, with a did-you-mean', async () => {
    const dir = files(HEAD + 'categories:\n  room:\n    items:\n      cornr: { max: 3 }\n');
    const loaded = await loadStandard(join(dir, 'overlay.yaml'));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.diagnostics.map((d) => [d.code, d.file.endsWith('overlay.yaml'), d.line, d.column, d.message])).toEqual([
      ['unknown_override', true, 8, 14, 'the overlay changes item "cornr", which the base standard does not have (did you mean "corner"?)'],
    ]);
  });

  it('points a bad value set by the overlay into the overlay file', async () => {
    const dir = files(HEAD + 'categories:\n  room:\n    rules:\n      area: { points: { scheduled: three } }\n');
    const loaded = await loadStandard(join(dir, 'overlay.yaml'));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const d = loaded.diagnostics[0]!;
    expect([d.file.endsWith('overlay.yaml'), d.line, d.column]).toEqual([true, 8, 36]);
  });

  it('points a bad value the base set, and the overlay did not touch, into the base file', async () => {
    const dir = files(HEAD + 'categories:\n  room:\n    items:\n      floor: { max: 2 }\n', BASE.replace('id: lights', 'id: lights\n        maxx: 1'));
    const loaded = await loadStandard(join(dir, 'overlay.yaml'));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.diagnostics.map((d) => [d.code, d.file.endsWith('base.yaml'), d.line, d.column])).toEqual([["unknown_key", true, 18, 9]]);
  });

  it('reports a base that is no standard (empty, a list) at the overlay\'s extends:, never a silent failure', async () => {
    for (const base of ['', '- a\n- b\n']) {
      const dir = files(HEAD, base);
      const loaded = await loadStandard(join(dir, 'overlay.yaml'));
      if (loaded.ok) throw new Error('an overlay of no standard must not load');
      expect(loaded.diagnostics.map((d) => [d.code, d.line, d.column, d.path])).toEqual([['invalid_type', 4, 10, ['extends']]]);
    }
  });

  it('reports standards that extend each other in a cycle', async () => {
    const dir = files(HEAD, 'id: base\nversion: "1"\nextends: overlay.yaml\n');
    const loaded = await loadStandard(join(dir, 'overlay.yaml'));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['extends_cycle']);
  });
});
