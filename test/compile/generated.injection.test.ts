/**
 * Nothing from a standard or a record becomes code: a standard whose version, names, reasons, sources,
 * facts and paths are written to break out of a string, a template or a comment, and records whose
 * facts, notes and names do the same, score identically through the generated code and the
 * interpreter, none of those strings appears in the generated source, and nothing they say runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileStandard, parseStandard, scoreRecord } from '../../src/index.js';

const CANARY = '__scoresheetInjectionCanary';
const HOSTILE = [
  `'); globalThis.${CANARY} = 1; ('`,
  `"); globalThis.${CANARY} = 2; ("`,
  `\`; globalThis.${CANARY} = 3; \``,
  '`',
  `\${globalThis.${CANARY} = 4}`,
  '${x}',
  `\u2028globalThis.${CANARY} = 5;\u2029`,
  `*/ globalThis.${CANARY} = 6; /*`,
  `\nglobalThis.${CANARY} = 7;//`,
  `'); process.exit(1); ('`,
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
] as const;

const name = (i: number) => ({ 'zh-CN': HOSTILE[i % HOSTILE.length]!, en: HOSTILE[(i + 3) % HOSTILE.length]! });

/** One item per hostile fact name: per-shortfall on the fact, a threshold on it at a path, a fixed rule when it equals 1. */
const standard = {
  format: 1,
  id: 'hostile',
  version: `1\n${HOSTILE.join(' ')}`,
  name: name(0),
  scoring: { mode: 'deduct', base: 100 },
  kinds: [{ id: 'random', name: name(1) }],
  levels: [{ id: 'county', name: name(2) }],
  conditions: { hostile: { fact: HOSTILE[0], operator: 'equal', value: HOSTILE[1] } },
  categories: [
    {
      id: 'facts',
      name: name(3),
      source: HOSTILE[4],
      items: HOSTILE.map((fact, i) => ({
        id: `f${i}`,
        name: name(i),
        max: 10,
        source: HOSTILE[(i + 5) % HOSTILE.length],
        rules: [
          { kind: 'per-shortfall', required: 3, points: 1, of: { fact }, reason: name(i + 1), source: HOSTILE[(i + 2) % HOSTILE.length] },
          { kind: 'threshold', of: { fact, path: 'deep.value' }, min: 5, effect: 'points', points: 0.5, reason: name(i + 2) },
          { kind: 'fixed', points: 2, when: { fact, operator: 'equal', value: 1 }, reason: name(i + 3) },
          { kind: 'per-occurrence', points: { min: 1, max: 3 }, reason: name(i + 4) },
        ],
      })),
    },
    {
      id: 'kinds',
      name: name(4),
      items: [{ id: 'k1', name: name(5), rules: [{ kind: 'by-kind', points: { random: 1 } }, { kind: 'not-applicable', when: { condition: 'hostile' } }] }],
    },
  ],
};

/** Records giving each hostile fact a value (a number, a string, an object at the path, nothing), hostile notes and names. */
function records(): unknown[] {
  return [0, 1, 2, 3].map((variant) => ({
    unit: { id: HOSTILE[variant]!, name: HOSTILE[variant + 1]!, group: { [HOSTILE[variant + 2]!]: HOSTILE[variant + 3]! } },
    date: '2024-03-04',
    kind: 'random',
    inspector: HOSTILE[variant + 4]!,
    facts: Object.fromEntries(
      HOSTILE.filter((_, i) => (i + variant) % 4 !== 0).map((fact, i) => [
        fact,
        variant === 0 ? i % 5 : variant === 1 ? HOSTILE[i]! : variant === 2 ? { deep: { value: i } } : 1,
      ]),
    ),
    findings: HOSTILE.map((note, i) => ({ item: `f${i}`, points: 1 + (i % 3), note })).filter((_, i) => i % (variant + 1) === 0),
  }));
}

describe('hostile strings in a standard and its records', () => {
  beforeAll(() => {
    (globalThis as Record<string, unknown>)[CANARY] = 0;
  });
  afterAll(() => {
    delete (globalThis as Record<string, unknown>)[CANARY];
  });

  const loaded = parseStandard(stringify(standard), { file: 'hostile.yaml' });

  it('load as a standard', () => {
    expect(loaded.ok ? [] : loaded.diagnostics.map((d) => d.message)).toEqual([]);
  });

  it('never appear in the generated source', () => {
    if (!loaded.ok) throw new Error('not loaded');
    const scorer = compileStandard(loaded.standard);
    expect(scorer.generated).toBeTypeOf('function');
    // The code; the sourceURL comment (its last line) is checked apart.
    const [source, url] = scorer.source!.trimEnd().split(/\n(?=\/\/# sourceURL=)/) as [string, string];
    for (const text of HOSTILE) {
      // `constructor`, `toString` are words our own code may use; the rest must not be found at all.
      if (/^\w+$/.test(text)) continue;
      expect(source).not.toContain(text);
    }
    expect(source).not.toContain('\u2028');
    expect(source).not.toContain('process.exit');
    expect(source).not.toContain(CANARY);
    // The version reaches the source only URI-encoded, on the sourceURL comment's line, which nothing ends early.
    expect(url).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(url).toBe(`//# sourceURL=scoresheet/${encodeURIComponent(`hostile@${standard.version}`)}.js`);
    expect(new Function(`${url}\nreturn 1`)()).toBe(1);
  });

  it('score the same through the generated code and the interpreter, and run nothing', () => {
    if (!loaded.ok) throw new Error('not loaded');
    const generated = compileStandard(loaded.standard);
    const interpreted = compileStandard(loaded.standard, { codegen: false });
    let lines = 0;
    for (const record of records()) {
      const viaCode = scoreRecord(generated, structuredClone(record));
      const viaWalk = scoreRecord(interpreted, structuredClone(record));
      expect(viaCode).toStrictEqual(viaWalk);
      expect(JSON.stringify(viaCode)).toBe(JSON.stringify(viaWalk));
      if (viaCode.ok) lines += viaCode.scorecard.lines.length;
    }
    expect(lines).toBeGreaterThan(20);
    expect((globalThis as Record<string, unknown>)[CANARY]).toBe(0);
  });
});
