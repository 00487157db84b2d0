/**
 * docs/errors.md stays in step with the code: one `## <code>` entry per diagnostic code, each with the
 * cases in test/cases that assert it, and each example standard gives exactly the diagnostic shown.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, formatDiagnostic, INPUT_DIAGNOSTIC_CODES, RECORD_DIAGNOSTIC_CODES, STANDARD_DIAGNOSTIC_CODES, type DiagnosticCode } from '../src/diagnostics.js';
import { parseStandard } from '../src/standard/load.js';
import { loadStandard } from '../src/standard/load-file.js';
import { CASES_DIR, coveredCodes, readCaseFile, readSkips } from './cases/harness.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ERRORS_MD = readFileSync(join(ROOT, 'docs', 'errors.md'), 'utf8');
const [DOC, REST] = ERRORS_MD.split(/^# Record diagnostics$/m) as [string, string];
const [RECORD_DOC, INPUT_DOC] = REST.split(/^# Input diagnostics$/m) as [string, string | undefined];

interface Entry {
  readonly code: string;
  readonly body: string;
}

/** `## <code>` sections of the document, in order. */
function entries(markdown: string): Entry[] {
  const out: Entry[] = [];
  const parts = markdown.split(/^## /m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf('\n');
    out.push({ code: part.slice(0, newline).trim(), body: part.slice(newline + 1) });
  }
  return out;
}

interface Fence {
  /** `file=<name>` after the language: one file of a multi-file example (an overlay and its base). */
  readonly file?: string;
  readonly text: string;
}

const fences = (body: string, lang: string): Fence[] =>
  [...body.matchAll(new RegExp('^```' + lang + '(?: file=(\\S+))?\\n([\\s\\S]*?)^```$', 'gm'))].map((m) => ({
    ...(m[1] !== undefined ? { file: m[1] } : {}),
    text: m[2]!,
  }));

/** What `scoresheet check` prints for an example: one file as standard.yaml, or several files loaded from standard.yaml. */
async function diagnosticsOf(examples: Fence[]): Promise<string[]> {
  if (examples.length === 1 && examples[0]!.file === undefined) {
    const result = parseStandard(examples[0]!.text, { file: 'standard.yaml' });
    return (result.ok ? result.warnings : result.diagnostics).map(formatDiagnostic);
  }
  expect(examples.every((e) => e.file !== undefined) && examples.some((e) => e.file === 'standard.yaml'), 'a multi-file example names each file, one of them standard.yaml').toBe(true);
  const dir = mkdtempSync(join(tmpdir(), 'errors-doc-'));
  try {
    for (const e of examples) writeFileSync(join(dir, e.file!), e.text);
    const result = await loadStandard(join(dir, 'standard.yaml'));
    return (result.ok ? result.warnings : result.diagnostics).map((d) => formatDiagnostic(d).split(`${dir}/`).join(''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The cases an entry links to: [`area/name.yaml`](../test/cases/area/name.yaml). */
const linkedCases = (body: string): string[] => [...body.matchAll(/\]\(\.\.\/test\/cases\/([^)\s]+\.yaml)\)/g)].map((m) => m[1]!);

/** Codes that only arise from the file system (or bytes YAML text cannot show); their entries show the diagnostic without a YAML example. */
const FILE_CODES: readonly DiagnosticCode[] = ['file_not_found', 'file_too_large', 'invalid_utf8'];

const ENTRIES = entries(DOC);

describe('docs/errors.md', () => {
  it('has exactly one entry per standard diagnostic code, in the order of STANDARD_DIAGNOSTIC_CODES', () => {
    expect(ENTRIES.map((e) => e.code)).toEqual([...STANDARD_DIAGNOSTIC_CODES]);
  });

  it('names every code of the one registry, DIAGNOSTIC_CODES', () => {
    const named = new Set([...ERRORS_MD.matchAll(/`([a-z0-9_]+)`|^#+ ([a-z0-9_]+)$/gm)].map((m) => m[1] ?? m[2]));
    expect(DIAGNOSTIC_CODES.filter((code) => !named.has(code))).toEqual([]);
  });

  it('fails when a code has no entry (the check itself)', () => {
    const withoutOne = DOC.replace(/^## band_overlap\n/m, '## not_a_code\n');
    const codes = entries(withoutOne).map((e) => e.code);
    expect(STANDARD_DIAGNOSTIC_CODES.filter((code) => !codes.includes(code))).toEqual(['band_overlap']);
  });

  const covered = coveredCodes();
  const skips = readSkips();

  for (const code of STANDARD_DIAGNOSTIC_CODES) {
    describe(code, () => {
      const entry = ENTRIES.find((e) => e.code === code);

      it('has an entry with a meaning, a fix and at least one case', () => {
        expect(entry, `docs/errors.md has no "## ${code}"`).toBeDefined();
        expect(entry!.body).toMatch(/\*\*Fix:\*\* \S/);
        expect(linkedCases(entry!.body).length, `the ${code} entry links no case`).toBeGreaterThan(0);
        expect(covered.get(code), `no case in test/cases asserts ${code}`).toBeDefined();
      });

      it('links only cases that exist, run, and assert this code', () => {
        for (const name of linkedCases(entry?.body ?? '')) {
          expect(existsSync(join(CASES_DIR, name)), `${name} exists`).toBe(true);
          expect(Object.hasOwn(skips, name), `${name} is skipped`).toBe(false);
          expect(readCaseFile(name).want_diagnostics.map((w) => w.code), `${name} asserts ${code}`).toContain(code);
        }
      });

      it('shows exactly the diagnostics its example gives', async () => {
        const yaml = fences(entry?.body ?? '', 'yaml');
        const text = fences(entry?.body ?? '', 'text');
        expect(text, `the ${code} entry shows one diagnostic block`).toHaveLength(1);
        const shown = text[0]!.text.trimEnd().split('\n');
        if (FILE_CODES.includes(code)) {
          expect(yaml).toHaveLength(0);
          expect(shown).toHaveLength(1);
          expect(shown[0]).toMatch(new RegExp(`^\\S+:\\d+:\\d+  error  ${code}  \\S`));
          return;
        }
        expect(yaml.length, `the ${code} entry has an example standard`).toBeGreaterThan(0);
        const lines = await diagnosticsOf(yaml);
        expect(lines).toEqual(shown);
        expect(lines.some((line) => line.includes(`  ${code}  `)), `the example gives ${code}`).toBe(true);
      });
    });
  }
});

describe('docs/errors.md: record diagnostics', () => {
  it('names every record code, and each entry it gives has an example and a fix', () => {
    for (const code of RECORD_DIAGNOSTIC_CODES) expect(RECORD_DOC, `record code ${code}`).toContain(`\`${code}\``);
    const sections = RECORD_DOC.split(/^### /m).slice(1);
    expect(sections.length).toBeGreaterThan(0);
    for (const section of sections) {
      const code = section.slice(0, section.indexOf('\n')).trim();
      expect(RECORD_DIAGNOSTIC_CODES).toContain(code);
      expect(section).toMatch(/\*\*Fix:\*\* \S/);
      expect(section).toMatch(new RegExp(`^\\S+:\\d+:\\d+  error  ${code}  \\[#\\d+\\]`, 'm'));
    }
  });
});

describe('docs/errors.md: input diagnostics', () => {
  it('has one entry per input code, each with the line it prints and a fix', () => {
    const sections = (INPUT_DOC ?? '').split(/^## /m).slice(1);
    expect(sections.map((section) => section.slice(0, section.indexOf('\n')).trim())).toEqual([...INPUT_DIAGNOSTIC_CODES]);
    for (const section of sections) {
      const code = section.slice(0, section.indexOf('\n')).trim();
      expect(section).toMatch(/\*\*Fix:\*\* \S/);
      expect(section).toMatch(new RegExp(`^\\S+:\\d+:\\d+  (error|warning)  ${code}  `, 'm'));
    }
  });
});
