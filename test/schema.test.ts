/**
 * The JSON Schemas in schema/ and the zod ScorecardSchema:
 * (a) the committed schema files are exactly what scripts/write-schema.mjs generates now;
 * (b) scorecards the scorer produces match ScorecardSchema (and scorecard.schema.json), and the
 *     schema mirrors the TypeScript Scorecard type;
 * (c) the standard schema describes the standard format: every top-level key, every rule kind,
 *     the recursive condition language; it accepts what the loader accepts and rejects typos;
 * (d) read by ajv, it rejects every bad standard of the corpus (test/cases, test/hostile) that the
 *     loader rejects for its shape, and the ones only the loader can catch are listed with why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { InspectionRecordSchema, type InspectionRecordInput } from '../src/record-schema.js';
import { RULE_KIND_NAMES, RULE_KINDS, RuleSchema } from '../src/rules/index.js';
import { compileStandard } from '../src/compile/standard.js';
import { scoreRecord } from '../src/score/batch.js';
import type { Scorecard } from '../src/score/scorecard.js';
import { ScorecardSchema } from '../src/score/scorecard-schema.js';
import { ID_PATTERN } from '../src/common-schema.js';
import { CONDITION_JSON_SCHEMA_DEFS, ConditionSchema } from '../src/condition-schema.js';
import { parseStandard } from '../src/standard/load.js';
import { StandardSchema } from '../src/standard/schema.js';
import { listCases, readCaseFile } from './cases/harness.js';

type JsonSchema = Record<string, unknown>;
interface Generator {
  SCHEMA_FILES: string[];
  buildSchemas(lib: Record<string, unknown>): Record<string, JsonSchema>;
  serialize(schema: JsonSchema): string;
}

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
// The generator is plain JavaScript (it runs on the built dist); it is handed the src modules here.
const generator = (await import(new URL('../scripts/write-schema.mjs', import.meta.url).href)) as Generator;
const generated = generator.buildSchemas({
  z,
  StandardSchema,
  InspectionRecordSchema,
  ScorecardSchema,
  ConditionSchema,
  CONDITION_JSON_SCHEMA_DEFS,
  RuleSchema,
  RULE_KINDS,
});

const committed = (name: string): JsonSchema => JSON.parse(readFileSync(root(`schema/${name}`), 'utf8')) as JsonSchema;


/**
 * The JSON Schemas are read by a validator independent of zod (zod's fromJSONSchema would read back
 * what zod wrote):
 * ajv, draft 2020-12, with `format: date` as RFC 3339's full-date, a day on the calendar (as
 * ajv-formats checks it).
 */
const isCalendarDate = (text: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};
const ajv = new Ajv2020({ allErrors: true, formats: { date: isCalendarDate } });
const validateStandard = ajv.compile(committed('standard.schema.json'));

describe('(a) the committed schema files are fresh', () => {
  for (const name of generator.SCHEMA_FILES) {
    it(`schema/${name} is what the generator writes`, () => {
      let text: string;
      try {
        text = readFileSync(root(`schema/${name}`), 'utf8');
      } catch {
        throw new Error(`schema/${name} is missing: run npm run build && npm run schema`);
      }
      expect(text === generator.serialize(generated[name]!), `schema/${name} is stale: run npm run build && npm run schema`).toBe(true);
    });
  }

  it('every $ref in every schema resolves', () => {
    for (const name of generator.SCHEMA_FILES) {
      const schema = generated[name]!;
      const refs: string[] = [];
      const walk = (n: unknown): void => {
        if (Array.isArray(n)) return n.forEach(walk);
        if (typeof n !== 'object' || n === null) return;
        for (const [k, v] of Object.entries(n)) {
          if (k === '$ref' && typeof v === 'string') refs.push(v);
          else walk(v);
        }
      };
      walk(schema);
      for (const ref of refs) {
        expect(ref, `${name}: ${ref}`).toMatch(/^#\/\$defs\/[A-Za-z]+$/);
        expect((schema.$defs as JsonSchema | undefined)?.[ref.slice('#/$defs/'.length)], `${name}: ${ref} does not resolve`).toBeDefined();
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------

/** Every line type, every mode: one small standard per mode, records that touch every rule kind. */
const STANDARD = (mode: 'deduct' | 'accumulate' | 'award') => `
id: schema-test-${mode}
version: "1"
name: { zh-CN: 测试, en: Test }
scoring: { mode: ${mode}, max: 24, min: 0 }
kinds: [ { id: random }, { id: event } ]
levels: [ { id: city } ]
indicators: [ { id: rate, name: { en: Rate }, unit: percent } ]
categories:
  - id: a
    name: { en: A }
    max: 10
    bonusMax: 1
    rules:
      - { kind: by-kind, points: { random: 1, event: { city: 4 } } }
    items:
      - id: fixed
        name: { en: Fixed }
        max: 2
        rules: [ { kind: fixed, points: 0.5, source: 未公示的扣0.5分 } ]
      - id: each
        name: { en: Each }
        max: 3
        rules: [ { kind: per-occurrence, points: { min: 1, max: 3 }, cap: 5, reason: { zh-CN: 每次扣1-3分 } } ]
      - id: short
        name: { en: Short }
        max: 4
        rules: [ { kind: per-shortfall, required: 4, points: 1 } ]
      - id: bonus
        name: { en: Bonus }
        max: 1
        bonusMax: 2
        rules: [ { kind: bonus, above: 6, points: 0.2, cap: 3 } ]
  - id: b
    name: { en: B }
    max: 10
    items:
      - id: step
        name: { en: Step }
        max: 5
        rules: [ { kind: per-step, of: { indicator: rate }, target: 100, step: 2, points: 0.5, partial: floor } ]
      - id: bar
        name: { en: Bar }
        max: 2
        rules: [ { kind: threshold, of: { indicator: rate }, min: 90 } ]
      - id: papers
        name: { en: Papers }
        max: 2
        evidence: required
        rules: [ { kind: judgement, max: 2 } ]
      - id: na
        name: { en: NA }
        max: 3
        rules:
          - { kind: not-applicable, when: { fact: event_happened, operator: equal, value: false } }
          - { kind: per-occurrence, points: 2 }
outcomes:
  vetoes: [ { id: v, name: { en: Veto }, when: { fact: vetoed, operator: equal, value: true } } ]
  prerequisites: [ { id: p, name: { en: Prereq }, require: { fact: eligible, operator: equal, value: true } } ]
  bands:
    - { id: hi, name: { en: High }, min: 10 }
    - { id: lo, name: { en: Low }, below: 10, verdict: fail }
  derived:
    - id: stars
      name: { en: Stars }
      count: { categories: { min: 9 } }
      tiers: [ { id: one, name: { en: One }, min: 1 }, { id: none, name: { en: None }, min: 0, verdict: fail } ]
`;

const RECORDS: InspectionRecordInput[] = [
  { unit: { id: 'u1' }, date: '2024-03-04', findings: [] },
  {
    id: 'r2',
    supersedes: 'r1',
    unit: { id: 'u2', name: '高一(3)班', group: { grade: '高一', class: 3 } },
    date: '2024-03-04',
    kind: 'event',
    level: 'city',
    inspector: '德育处',
    findings: [
      { item: 'fixed' },
      { item: 'a.each', count: 3, points: 2, note: '扫帚散落' },
      { item: 'short', value: 1 },
      { item: 'bonus', value: 30 },
      { item: 'papers', points: 1, note: 'x', evidence: false },
      { item: 'na', count: 2 },
    ],
    indicators: { rate: { numerator: 81, denominator: 100 } },
    facts: { event_happened: true, vetoed: true, eligible: false },
  },
  {
    unit: { id: 'u3' },
    date: '2024-03-05',
    kind: 'random',
    findings: [{ item: 'short', value: 4 }, { item: 'a' }],
    indicators: { rate: 99 },
    facts: { event_happened: false, vetoed: false, eligible: true },
  },
];

const scorecards: Scorecard[] = [];
for (const mode of ['deduct', 'accumulate', 'award'] as const) {
  const loaded = parseStandard(STANDARD(mode));
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  const scorer = compileStandard(loaded.standard);
  for (const raw of RECORDS) {
    const result = scoreRecord(scorer, InspectionRecordSchema.parse(raw));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    scorecards.push(result.scorecard);
  }
}

type DeepWritable<T> = T extends readonly (infer U)[] ? DeepWritable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepWritable<T[K]> } : T;

describe('(b) scorecards match ScorecardSchema', () => {
  it('the test scorecards cover every line type and every verdict', () => {
    const types = new Set(scorecards.flatMap((s) => s.lines.map((l) => l.type)));
    expect([...types].sort()).toEqual(['award', 'capped', 'deduction', 'not_applicable', 'prerequisite_unmet', 'threshold_unmet', 'veto']);
    const verdicts = new Set(scorecards.map((s) => s.verdict));
    expect(verdicts.has('not_eligible') && verdicts.has('fail') && verdicts.has('indeterminate')).toBe(true);
  });

  it('every scorecard parses with ScorecardSchema, unchanged', () => {
    for (const scorecard of scorecards) {
      const json = JSON.parse(JSON.stringify(scorecard)) as unknown;
      const r = ScorecardSchema.safeParse(json);
      expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
      expect(r.data).toEqual(json);
    }
  });

  it('every scorecard validates against schema/scorecard.schema.json', () => {
    const validate = ajv.compile(committed('scorecard.schema.json'));
    for (const scorecard of scorecards) expect(validate(JSON.parse(JSON.stringify(scorecard))), ajv.errorsText(validate.errors)).toBe(true);
  });


  it('ScorecardSchema rejects a scorecard with a field the interfaces do not have', () => {
    const first = scorecards.find((s) => s.lines.length > 0)!;
    expect(ScorecardSchema.safeParse({ ...first, extra: 1 }).success).toBe(false);
    expect(ScorecardSchema.safeParse({ ...first, lines: [{ ...first.lines[0], type: 'penalty' }] }).success).toBe(false);
    expect(ScorecardSchema.safeParse({ ...first, lines: [{ ...first.lines[0], weight: 1 }] }).success).toBe(false);
    expect(ScorecardSchema.safeParse({ ...first, verdict: 'maybe' }).success).toBe(false);
    const { complete: _, ...withoutComplete } = first;
    expect(ScorecardSchema.safeParse(withoutComplete).success).toBe(false);
  });

  it('ScorecardSchema mirrors the Scorecard interfaces (field names and optionality)', () => {
    expectTypeOf<z.output<typeof ScorecardSchema>>().toEqualTypeOf<DeepWritable<Scorecard>>();
  });
});

// ---------------------------------------------------------------------------------------------

describe('(c) the standard schema describes the standard format', () => {
  const schema = committed('standard.schema.json');
  const defs = schema.$defs as Record<string, JsonSchema>;
  const standard = defs.Standard!;

  it('is a draft 2020-12 schema with a title', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toMatch(/standard/);
  });

  it('lists every top-level key of StandardSchema, and no other, each with help text', () => {
    const properties = standard.properties as Record<string, JsonSchema>;
    expect(Object.keys(properties).sort()).toEqual(Object.keys(StandardSchema.shape).sort());
    expect(standard.additionalProperties).toBe(false);
    expect([...(standard.required as string[])].sort()).toEqual(['categories', 'id', 'name', 'scoring', 'version']);
    for (const [key, value] of Object.entries(properties)) {
      expect(typeof (value.description ?? (value.$ref !== undefined ? 'ref' : undefined)), `no description for ${key}`).toBe('string');
    }
  });

  it('has one branch per rule kind, titled and described', () => {
    const branches = (defs.Rule!.oneOf as JsonSchema[]).map((b) => (b.properties as Record<string, JsonSchema>).kind!.const);
    expect([...branches].sort()).toEqual([...RULE_KIND_NAMES].sort());
    for (const b of defs.Rule!.oneOf as JsonSchema[]) {
      const kind = (b.properties as { kind: { const: keyof typeof RULE_KINDS } }).kind.const;
      expect(b.title).toBe(`${kind} rule`);
      expect(b.description).toBe(RULE_KINDS[kind].description);
    }
  });

  it('writes conditions once, as $defs.Condition, and refers to it', () => {
    expect(defs.Condition).toBeDefined();
    expect(JSON.stringify(defs.Rule)).toContain('"$ref":"#/$defs/Condition"');
    expect(JSON.stringify(schema)).not.toContain('"description":"A json-rules-engine condition: { all');
  });

  it('keeps the id pattern (with the u flag, as JSON Schema validators and editors compile it)', () => {
    const pattern = (standard.properties as Record<string, JsonSchema>).id!.pattern as string;
    expect(pattern).toBe(ID_PATTERN.source);
    const re = new RegExp(pattern, 'u');
    for (const id of ['tool-corner', '卫生工具角', 'a_1']) expect(re.test(id)).toBe(true);
    for (const id of ['-x', 'a.b', 'a b', '']) expect(re.test(id)).toBe(false);
  });

  const validate = validateStandard;
  const minimal = {
    id: 'x',
    version: '1',
    name: { 'zh-CN': '测试' },
    scoring: { mode: 'deduct' },
    categories: [{ id: 'c', name: { en: 'C' }, items: [{ id: 'i', name: { en: 'I' }, rules: [{ kind: 'fixed', points: 1, when: { all: [{ fact: 'a', operator: 'not:equal', value: 1 }] } }] }] }],
  };

  it('accepts every standard in standards/ that the loader accepts (and every overlay)', () => {
    const dir = root('standards');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      const raw = parse(text) as Record<string, unknown>;
      if (!('extends' in raw) && !parseStandard(text).ok) continue; // broken on purpose, or someone's work in progress
      expect(validate(raw), `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('rejects what the loader rejects: unknown keys, misspelt kinds and operators, missing texts', () => {
    expect(validate(minimal)).toBe(true);
    const broken = (change: (doc: typeof minimal & Record<string, unknown>) => void) => {
      const doc = structuredClone(minimal) as typeof minimal & Record<string, unknown>;
      change(doc);
      return validate(doc);
    };
    expect(broken((d) => (d.$schema = 'x'))).toBe(false);
    expect(broken((d) => (d.version = 2024.1 as unknown as string))).toBe(false);
    expect(broken((d) => (d.name = {} as typeof d.name))).toBe(false);
    expect(broken((d) => ((d.categories[0]!.items[0]!.rules[0] as Record<string, unknown>).kind = 'fixd'))).toBe(false);
    expect(broken((d) => ((d.categories[0]!.items[0]!.rules[0]!.when.all[0] as Record<string, unknown>).operator = 'gte'))).toBe(false);
    expect(broken((d) => delete (d.categories[0]!.items[0]!.rules[0]!.when.all[0] as Record<string, unknown>).value)).toBe(false);
    expect(broken((d) => ((d.categories[0]!.items[0] as Record<string, unknown>).requirment = 'x'))).toBe(false);
    expect(broken((d) => (d.effective = { from: '2024/01/01' }))).toBe(false);
    expect(broken((d) => (d.outcomes = { vetoes: [{ id: 'v', name: { en: 'v' } }] }))).toBe(false);
    expect(broken((d) => (d.outcomes = { vetoes: [{ id: 'v', name: { en: 'v' }, item: 'i', when: { condition: 'x' } }] }))).toBe(false);
    expect(broken((d) => (d.outcomes = { vetoes: [{ id: 'v', name: { en: 'v' }, item: 'i' }] }))).toBe(true);
    expect(broken((d) => (d.categories[0]!.items[0]!.rules = [{ kind: 'threshold', of: { indicator: 'r' } }] as never))).toBe(false);
    expect(broken((d) => (d.categories[0]!.items[0]!.rules = [{ kind: 'threshold', of: { indicator: 'r' }, min: null }] as never))).toBe(true);
  });

  it('the record schema accepts records and rejects a bad date or an unknown field', () => {
    const validateRecord = ajv.compile(committed('record.schema.json'));
    for (const record of RECORDS) expect(validateRecord(record), ajv.errorsText(validateRecord.errors)).toBe(true);
    expect(validateRecord({ unit: { id: 'u' }, date: '2024/03/04' })).toBe(false);
    expect(validateRecord({ unit: { id: 'u' }, date: '2024-03-04', finding: [] })).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

/** What a bad standard of the corpus is caught by, when a JSON Schema cannot catch it. */
const ONLY_THE_LOADER = {
  text: 'not a YAML document yet: the file is missing, too large, not UTF-8, or its YAML does not parse',
  duplicateKey: 'a duplicate key is the YAML text\'s: once parsed, the document has one value for it and is valid',
  relation: 'a relation between values (bands that leave a gap or overlap, a range whose min exceeds its max, totals that disagree, terms that overlap): JSON Schema checks each value alone',
  reference: 'a cross-reference (an id used but not defined, defined twice, or a cycle of named conditions): JSON Schema has no ids to resolve',
  overlay: 'the overlay itself is valid: the error is in its base, or in finding, reading or resolving the base on the file system',
  path: 'a path\'s grammar (no JSONPath filter, no "..") is the path parser\'s; the schema types a path as a string',
  precision: 'exactness to 0.0001: `multipleOf: 0.0001` on binary floating point rejects exact decimals such as 0.3, so the schema leaves precision to the loader',
} as const;

/**
 * The bad standards of the corpus (test/cases, and the hostile standards) that a JSON Schema
 * validator accepts, or cannot read, while the loader rejects them — each with why. Every other one
 * must be rejected by the committed schema too.
 */
const LOADER_ONLY: Readonly<Record<string, string>> = {
  'cases/bands/gap-exclusive-bounds.yaml': ONLY_THE_LOADER.relation,
  'cases/bands/gap.yaml': ONLY_THE_LOADER.relation,
  'cases/bands/overlap-shared-inclusive-bound.yaml': ONLY_THE_LOADER.relation,
  'cases/bands/overlap.yaml': ONLY_THE_LOADER.relation,
  'cases/calendar/overlapping-terms.yaml': ONLY_THE_LOADER.relation,
  'cases/calendar/term-inside-another.yaml': ONLY_THE_LOADER.relation,
  'cases/conditions/jsonpath-filter.yaml': ONLY_THE_LOADER.path,
  'cases/conditions/jsonpath-recursive-descent-in-value.yaml': ONLY_THE_LOADER.path,
  'cases/io/file-not-found.yaml': ONLY_THE_LOADER.text,
  'cases/io/file-too-large.yaml': ONLY_THE_LOADER.text,
  'cases/io/invalid-utf8.yaml': ONLY_THE_LOADER.text,
  'cases/overlays/error-in-base.yaml': ONLY_THE_LOADER.overlay,
  'cases/overlays/error-in-overlay-value.yaml': ONLY_THE_LOADER.precision,
  'cases/overlays/extends-cycle.yaml': ONLY_THE_LOADER.overlay,
  'cases/overlays/extends-missing-base.yaml': ONLY_THE_LOADER.overlay,
  'cases/overlays/extends-not-a-standard.yaml': ONLY_THE_LOADER.overlay,
  'cases/overlays/extends-not-file.yaml': ONLY_THE_LOADER.overlay,
  'cases/overlays/extends-outside-roots.yaml': ONLY_THE_LOADER.overlay,
  'cases/overlays/extends-self.yaml': ONLY_THE_LOADER.overlay,
  'cases/overlays/extends-without-loader.yaml': ONLY_THE_LOADER.overlay,
  'cases/overlays/remove-unknown-item.yaml': ONLY_THE_LOADER.reference,
  'cases/overlays/unknown-override-item.yaml': ONLY_THE_LOADER.reference,
  'cases/overlays/unknown-override-rule.yaml': ONLY_THE_LOADER.reference,
  'cases/ranges/inverted-band.yaml': ONLY_THE_LOADER.relation,
  'cases/ranges/inverted-effective-dates.yaml': ONLY_THE_LOADER.relation,
  'cases/ranges/inverted-judgement.yaml': ONLY_THE_LOADER.relation,
  'cases/ranges/inverted-points-range.yaml': ONLY_THE_LOADER.relation,
  'cases/ranges/inverted-scoring-limits.yaml': ONLY_THE_LOADER.relation,
  'cases/ranges/inverted-term.yaml': ONLY_THE_LOADER.relation,
  'cases/references/condition-cycle.yaml': ONLY_THE_LOADER.reference,
  'cases/references/condition-self-cycle.yaml': ONLY_THE_LOADER.reference,
  'cases/references/duplicate-item-id-across-categories.yaml': ONLY_THE_LOADER.reference,
  'cases/references/duplicate-item-id.yaml': ONLY_THE_LOADER.reference,
  'cases/references/duplicate-kind-id.yaml': ONLY_THE_LOADER.reference,
  'cases/references/scored-fact-in-rule.yaml': ONLY_THE_LOADER.reference,
  'cases/references/unknown-band-kind.yaml': ONLY_THE_LOADER.reference,
  'cases/references/unknown-award-references.yaml': ONLY_THE_LOADER.reference,
  'cases/references/unknown-indicator.yaml': ONLY_THE_LOADER.reference,
  'cases/references/unknown-kind-in-by-kind.yaml': ONLY_THE_LOADER.reference,
  'cases/references/unknown-level-in-by-kind.yaml': ONLY_THE_LOADER.reference,
  'cases/references/unknown-named-condition.yaml': ONLY_THE_LOADER.reference,
  'cases/references/unknown-veto-item.yaml': ONLY_THE_LOADER.reference,
  'cases/references/veto-item-other-category.yaml': ONLY_THE_LOADER.reference,
  'cases/schema/bad-quantity-path.yaml': ONLY_THE_LOADER.path,
  'cases/schema/too-precise-category-max.yaml': ONLY_THE_LOADER.precision,
  'cases/schema/too-precise-points-1e-20.yaml': ONLY_THE_LOADER.precision,
  'cases/schema/too-precise-points-large.yaml': ONLY_THE_LOADER.precision,
  'cases/schema/too-precise-step.yaml': ONLY_THE_LOADER.precision,
  'cases/schema/too-precise.yaml': ONLY_THE_LOADER.precision,
  'cases/totals/base-mismatch.yaml': ONLY_THE_LOADER.relation,
  'cases/totals/category-bonus-max-mismatch.yaml': ONLY_THE_LOADER.relation,
  'cases/totals/category-max-mismatch.yaml': ONLY_THE_LOADER.relation,
  'cases/yaml/alias-bomb.yaml': ONLY_THE_LOADER.text,
  'cases/yaml/duplicate-key.yaml': ONLY_THE_LOADER.duplicateKey,
  'cases/yaml/syntax-bad-indent.yaml': ONLY_THE_LOADER.text,
  'cases/yaml/syntax-multiple-documents.yaml': ONLY_THE_LOADER.text,
  'cases/yaml/syntax-nested-compact-map.yaml': ONLY_THE_LOADER.text,
  'cases/yaml/syntax-unclosed-flow-map.yaml': ONLY_THE_LOADER.text,
  'cases/yaml/unresolved-alias.yaml': ONLY_THE_LOADER.text,
  'hostile/extends-dev-zero.yaml': ONLY_THE_LOADER.overlay,
  'hostile/extends-etc-passwd.yaml': ONLY_THE_LOADER.overlay,
  'hostile/points-below-resolution.yaml': ONLY_THE_LOADER.precision,
  'hostile/points-fifth-decimal-large.yaml': ONLY_THE_LOADER.precision,
  'hostile/standard-invalid-utf8.yaml': ONLY_THE_LOADER.text,
  'hostile/step-below-resolution.yaml': ONLY_THE_LOADER.precision,
};

/** The bad standards: every case of test/cases, and the standards of the hostile corpus (not its calendars or test files). */
function badStandards(): { name: string; text: string | undefined }[] {
  const cases = listCases().map((name) => ({ name: `cases/${name}`, text: readCaseFile(name).standard }));
  const hostile = readdirSync(root('test/hostile'))
    .filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml') && !f.startsWith('calendar-'))
    .map((f) => ({ name: `hostile/${f}`, text: readFileSync(root(`test/hostile/${f}`), 'utf8') }));
  return [...cases, ...hostile];
}

describe('(d) schema/standard.schema.json against the bad-standard corpus', () => {
  const validate = validateStandard;
  /** The document of a YAML text, as the loader sees it before its schema (duplicate keys aside); undefined when it does not parse. */
  const documentOf = (text: string): unknown => {
    try {
      return parse(text, { uniqueKeys: false });
    } catch {
      return undefined;
    }
  };

  it('rejects every bad standard of the corpus that the loader rejects for its shape; the rest are listed, each with why', () => {
    const corpus = badStandards();
    expect(corpus.length).toBeGreaterThan(100);
    const accepted: string[] = [];
    for (const { name, text } of corpus) {
      const doc = text === undefined || Buffer.byteLength(text) > 1024 * 1024 || /\uFFFD/.test(text) ? undefined : documentOf(text);
      if (doc === undefined || validate(doc)) accepted.push(name);
    }
    expect(accepted.sort()).toEqual(Object.keys(LOADER_ONLY).sort());
  });

  it('rejects a standard for the reason the loader gives: a misspelt operator is not a valid operator', () => {
    const doc = parse(readCaseFile('conditions/unknown-operator.yaml').standard!) as Record<string, unknown>;
    expect(validate(doc)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain('/categories/0/items/0/rules/0/when/operator');
  });
});
