/**
 * Keeps docs/standard-format.md and docs/scorecard.md honest: every YAML example is validated, every
 * rule kind has a validated example, and every scorecard (and line table) shown is what the code
 * produces today.
 *
 * Conventions in the docs (the first comment lines of a ```yaml block say what it is):
 * - a whole standard (top-level `id:` and `categories:`) must load with parseStandard, without warnings;
 * - `# rule`               → one rule, validated with RuleSchema;
 * - `# condition`          → one condition, validated with ConditionSchema;
 * - `# record`             → one inspection record, validated with InspectionRecordSchema;
 * - `# part of a standard` → some top-level keys of a standard, validated with StandardSchema.partial();
 * - `# wrong…`             → a mistake the docs show: it must NOT validate;
 * - `# overlay`            → an overlay whose `extends:` names a file in standards/; it must load;
 * - `# test cases`         → a standard's test file, parsed with parseTestFile;
 * - `# example standard: NAME` / `# example record: NAME` name a block for the generated parts:
 *   `<!-- example scorecard: STANDARD RECORD -->` followed by a ```json block, and
 *   `<!-- example table: STANDARD RECORD [en|zh-CN] -->` … `<!-- end example table -->`.
 *
 * When the code changes a scorecard on purpose, regenerate the generated parts with
 *   UPDATE_DOCS=1 npx vitest run test/docs-format.test.ts
 * and read the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseTestFile } from '../src/testing/cases.js';
import { renderMessage } from '../src/messages/render.js';
import type { Locale } from '../src/messages/locales.js';
import { InspectionRecordSchema } from '../src/record-schema.js';
import { RULE_KIND_NAMES, RuleSchema } from '../src/rules/index.js';
import { compileStandard } from '../src/compile/standard.js';
import { scoreRecord } from '../src/score/batch.js';
import type { Scorecard } from '../src/score/scorecard.js';
import { ScorecardSchema } from '../src/score/scorecard-schema.js';
import { ConditionSchema, DATE_OPERATORS, DECORATORS, OPERATORS } from '../src/condition-schema.js';
import { parseStandard } from '../src/standard/load.js';
import { StandardSchema, type Standard } from '../src/standard/schema.js';

const DOCS = ['standard-format.md', 'scorecard.md'] as const;
const FORMAT_DOC = 'standard-format.md';
const UPDATE = process.env.UPDATE_DOCS === '1';

const docPath = (name: string) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url));

interface Block {
  readonly doc: string;
  readonly lang: string;
  readonly text: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** Leading `# …` comment lines, without the `#`. */
  readonly comments: readonly string[];
  /** The last non-blank line before the fence (for `<!-- … -->` markers). */
  readonly before: string;
  /** Offsets of the block body in the document, for regeneration. */
  readonly start: number;
  readonly end: number;
}

function blocksOf(doc: string, text: string): Block[] {
  const out: Block[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let before = '';
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]!);
    if (!open) {
      if (lines[i]!.trim() !== '') before = lines[i]!.trim();
      offset += lines[i]!.length + 1;
      continue;
    }
    const start = offset + lines[i]!.length + 1;
    let j = i + 1;
    let end = start;
    while (j < lines.length && !/^```\s*$/.test(lines[j]!)) end += lines[j++]!.length + 1;
    if (j >= lines.length) throw new Error(`${doc}:${i + 1}: code block is not closed`);
    const body = text.slice(start, end);
    const comments: string[] = [];
    for (const l of body.split('\n')) {
      if (!l.startsWith('#')) break;
      comments.push(l.replace(/^#\s?/, '').trim());
    }
    out.push({ doc, lang: open[1]!, text: body, line: i + 1, comments, before, start, end });
    for (let k = i; k <= j; k++) offset += lines[k]!.length + 1;
    before = '```';
    i = j;
  }
  return out;
}

const docs = new Map<string, string>(DOCS.map((d) => [d, readFileSync(docPath(d), 'utf8')]));
const blocks = [...docs].flatMap(([doc, text]) => blocksOf(doc, text));
const yamlBlocks = blocks.filter((b) => b.lang === 'yaml');
const where = (b: Block) => `${b.doc}:${b.line}`;

const isWholeStandard = (b: Block) => /^id:/m.test(b.text) && /^categories:/m.test(b.text) && !/^extends:/m.test(b.text);
const marker = (b: Block, name: string) => b.comments.some((c) => c === name || c.startsWith(`${name}:`) || c.startsWith(`${name} `));
const exampleName = (b: Block, what: 'standard' | 'record') =>
  b.comments.map((c) => new RegExp(`^example ${what}: (\\S+)$`).exec(c)?.[1]).find((n) => n !== undefined);

function zodIssues(result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }): string {
  return (result.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');
}

describe('docs: YAML examples', () => {
  it('the docs have YAML examples at all', () => {
    expect(yamlBlocks.length).toBeGreaterThan(20);
  });

  it('every ```yaml block is classified (whole standard, # rule, # condition, # record, # part of a standard, # wrong)', () => {
    const unclassified = yamlBlocks
      .filter((b) => !isWholeStandard(b) && !['rule', 'condition', 'record', 'part of a standard', 'wrong', 'overlay', 'test cases'].some((m) => marker(b, m)))
      .map(where);
    expect(unclassified, 'mark these blocks so the test can check them').toEqual([]);
  });

  for (const b of yamlBlocks.filter(isWholeStandard)) {
    it(`whole standard at ${where(b)} loads without errors or warnings`, () => {
      const result = parseStandard(b.text, { file: where(b) });
      const problems = result.ok ? result.warnings : result.diagnostics;
      expect(problems.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
      expect(result.ok).toBe(true);
    });
  }

  for (const b of yamlBlocks.filter((x) => marker(x, 'overlay'))) {
    it(`overlay at ${where(b)} loads onto its base in standards/`, () => {
      const standards = fileURLToPath(new URL('../standards/', import.meta.url));
      const result = parseStandard(b.text, {
        file: where(b),
        resolveBase: (ref) => ({ text: readFileSync(standards + ref, 'utf8'), file: `standards/${ref}` }),
      });
      expect(result.ok ? [] : result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
    });
  }

  for (const b of yamlBlocks.filter((x) => marker(x, 'test cases'))) {
    it(`test cases at ${where(b)} parse`, () => {
      const r = parseTestFile(b.text);
      expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toEqual([]);
    });
  }

  for (const b of yamlBlocks.filter((x) => marker(x, 'rule'))) {
    it(`rule at ${where(b)} is a valid rule`, () => {
      const r = RuleSchema.safeParse(parse(b.text));
      expect(r.success, zodIssues(r)).toBe(true);
    });
  }

  for (const b of yamlBlocks.filter((x) => marker(x, 'condition'))) {
    it(`condition at ${where(b)} is a valid condition`, () => {
      const r = ConditionSchema.safeParse(parse(b.text));
      expect(r.success, zodIssues(r)).toBe(true);
    });
  }

  for (const b of yamlBlocks.filter((x) => marker(x, 'record'))) {
    it(`record at ${where(b)} is a valid inspection record`, () => {
      const r = InspectionRecordSchema.safeParse(parse(b.text));
      expect(r.success, zodIssues(r)).toBe(true);
    });
  }

  for (const b of yamlBlocks.filter((x) => marker(x, 'part of a standard'))) {
    it(`part of a standard at ${where(b)} is valid`, () => {
      const value = parse(b.text) as Record<string, unknown>;
      expect(typeof value).toBe('object');
      const r = StandardSchema.partial().safeParse(value);
      expect(r.success, zodIssues(r)).toBe(true);
    });
  }

  for (const b of yamlBlocks.filter((x) => marker(x, 'wrong'))) {
    it(`mistake shown at ${where(b)} is really rejected`, () => {
      let value: unknown;
      try {
        value = parse(b.text);
      } catch {
        return; // not even YAML: rejected
      }
      expect(StandardSchema.partial().safeParse(value).success).toBe(false);
    });
  }
});

describe('docs: coverage of the format', () => {
  const formatDoc = docs.get(FORMAT_DOC)!;
  const ruleKinds = yamlBlocks
    .filter((b) => b.doc === FORMAT_DOC && marker(b, 'rule'))
    .map((b) => RuleSchema.safeParse(parse(b.text)))
    .flatMap((r) => (r.success ? [r.data.kind] : []));

  it('every rule kind has a section and at least one validated example', () => {
    for (const kind of RULE_KIND_NAMES) {
      expect(formatDoc, `docs/${FORMAT_DOC} has no "### ${kind}" section`).toMatch(new RegExp(`^### ${kind}$`, 'm'));
      expect(ruleKinds, `docs/${FORMAT_DOC} has no validated "# rule" example of kind ${kind}`).toContain(kind);
    }
  });

  it('every rule example quotes a source (a `source:` key or a quotation just before it)', () => {
    const text = formatDoc;
    for (const b of yamlBlocks.filter((x) => x.doc === FORMAT_DOC && marker(x, 'rule'))) {
      const preceding = text.slice(Math.max(0, b.start - 1200), b.start);
      const quoted = /^> .*[\u4e00-\u9fff]/m.test(preceding) || /^source:/m.test(b.text);
      expect(quoted, `rule example at ${where(b)} has no quoted source`).toBe(true);
    }
  });

  it('every operator and decorator is documented', () => {
    for (const name of [...OPERATORS, ...DATE_OPERATORS, ...DECORATORS]) expect(formatDoc).toContain(`\`${name}\``);
  });

  it('every top-level key of the standard is documented', () => {
    for (const key of Object.keys(StandardSchema.shape)) expect(formatDoc).toMatch(new RegExp(`\`${key}\``));
  });
});

// ---------------------------------------------------------------------------------------------
// Generated parts: scorecards and line tables of named examples
// ---------------------------------------------------------------------------------------------

const namedStandards = new Map<string, Block>();
const namedRecords = new Map<string, Block>();
for (const b of yamlBlocks) {
  const s = exampleName(b, 'standard');
  const r = exampleName(b, 'record');
  if (s !== undefined) namedStandards.set(s, b);
  if (r !== undefined) namedRecords.set(r, b);
}

function scorecardOf(standardName: string, recordName: string): Scorecard {
  const s = namedStandards.get(standardName);
  const r = namedRecords.get(recordName);
  if (s === undefined) throw new Error(`no yaml block marked "# example standard: ${standardName}"`);
  if (r === undefined) throw new Error(`no yaml block marked "# example record: ${recordName}"`);
  const loaded = parseStandard(s.text, { file: where(s) });
  if (!loaded.ok) throw new Error(`example standard ${standardName} does not load`);
  const result = scoreRecord(compileStandard(loaded.standard as Standard), InspectionRecordSchema.parse(parse(r.text)));
  if (!result.ok) throw new Error(`example record ${recordName} is rejected: ${JSON.stringify(result.diagnostics)}`);
  return result.scorecard;
}

/** The scoresheet version changes with every release; the docs need not. */
function comparable(scorecard: unknown): unknown {
  const copy = structuredClone(scorecard) as { provenance?: { scoresheet?: string } };
  if (copy.provenance) copy.provenance.scoresheet = '<version>';
  return copy;
}

function signed(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${-points}`;
  return '0';
}

function lineTable(scorecard: Scorecard, locale: Locale): string {
  const rows = scorecard.lines.map(
    (l, i) => `| ${i} | ${l.type} | ${l.item ?? '—'} | ${signed(l.points)} | \`${l.rule}\` | ${renderMessage(l.reason, locale).replaceAll('|', '\\|')} |`,
  );
  return [`| # | type | item | points | rule | reason (${locale}) |`, '|---|---|---|---|---|---|', ...rows].join('\n') + '\n';
}

interface Generated {
  readonly doc: string;
  readonly what: string;
  readonly start: number;
  readonly end: number;
  readonly documented: string;
  readonly expected: string;
  readonly compare: 'json' | 'text';
}

function generatedParts(): Generated[] {
  const out: Generated[] = [];
  for (const [doc, text] of docs) {
    for (const b of blocks.filter((x) => x.doc === doc)) {
      const m = /^<!-- example scorecard: (\S+) (\S+) -->$/.exec(b.before);
      if (!m) continue;
      expect(b.lang, `${where(b)}: a scorecard example must be a json block`).toBe('json');
      const scorecard = scorecardOf(m[1]!, m[2]!);
      out.push({
        doc,
        what: `scorecard of ${m[1]} + ${m[2]} at ${where(b)}`,
        start: b.start,
        end: b.end,
        documented: b.text,
        expected: JSON.stringify(scorecard, null, 2) + '\n',
        compare: 'json',
      });
    }
    const tableRe = /^<!-- example table: (\S+) (\S+)(?: (en|zh-CN))? -->\n([\s\S]*?)^<!-- end example table -->$/gm;
    for (const m of text.matchAll(tableRe)) {
      const start = m.index + m[0].indexOf('\n') + 1;
      out.push({
        doc,
        what: `line table of ${m[1]} + ${m[2]} in ${doc}`,
        start,
        end: start + m[4]!.length,
        documented: m[4]!,
        expected: lineTable(scorecardOf(m[1]!, m[2]!), (m[3] ?? 'zh-CN') as Locale),
        compare: 'text',
      });
    }
  }
  return out;
}

describe('docs: generated scorecards', () => {
  const parts = generatedParts();

  it('the docs show at least one scorecard and one line table', () => {
    expect(parts.filter((p) => p.compare === 'json').length).toBeGreaterThan(0);
    expect(parts.filter((p) => p.compare === 'text').length).toBeGreaterThan(0);
  });

  if (UPDATE) {
    it('regenerates the generated parts (UPDATE_DOCS=1)', () => {
      for (const doc of DOCS) {
        let text = docs.get(doc)!;
        for (const p of parts.filter((x) => x.doc === doc).sort((a, b) => b.start - a.start)) {
          text = text.slice(0, p.start) + p.expected + text.slice(p.end);
        }
        writeFileSync(docPath(doc), text);
      }
    });
    return;
  }

  for (const p of parts) {
    it(`${p.what} is what the code produces`, () => {
      const hint = 'the docs are out of date: run UPDATE_DOCS=1 npx vitest run test/docs-format.test.ts and review the diff';
      if (p.compare === 'json') expect(comparable(JSON.parse(p.documented)), hint).toEqual(comparable(JSON.parse(p.expected)));
      else expect(p.documented, hint).toBe(p.expected);
    });
  }

  it('every documented scorecard matches ScorecardSchema', () => {
    for (const p of parts.filter((x) => x.compare === 'json')) {
      const r = ScorecardSchema.safeParse(JSON.parse(p.expected));
      expect(r.success, `${p.what}: ${zodIssues(r)}`).toBe(true);
    }
  });
});
