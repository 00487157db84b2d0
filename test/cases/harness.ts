/**
 * The bad-standard case runner's machinery (yaml-test-suite style): every `test/cases/<area>/<name>.yaml`
 * holds one bad standard and the exact diagnostics it must give. `test/cases.test.ts` runs them;
 * `test/errors-doc.test.ts` reads which codes they cover. Kept out of the test file so both can import it
 * without registering each other's tests.
 *
 * A case file:
 *
 * ```yaml
 * note: what the case shows
 * standard: |            # the bad standard (line:col in want_diagnostics are 1-based within this text)
 *   id: demo
 * generate: { repeat: 45000, line: "# padding" }   # optional: append `line` + "\n" × repeat (for file_too_large)
 * file: no-such-standard.yaml                        # instead of `standard`: run loadStandard on this path (relative to the case file)
 * files:                                             # optional: more files (an overlay's base); `standard` is then written as
 *   base.yaml: |                                     #   standard.yaml beside them in a fresh directory and read with loadStandard,
 *     id: base                                       #   and a want may say which file it points into: `file: base.yaml`
 * want_diagnostics:                                  # required, at least one
 *   - { code: unknown_key, line: 13, column: 13, path: "categories[0].items[0].rules[0].pointz",
 *       severity: error, message_includes: 'did you mean "points"?' }   # severity defaults to error
 * ```
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { DIAGNOSTIC_CODES, formatPath, sortDiagnostics, type Diagnostic, type DiagnosticCode } from '../../src/diagnostics.js';
import type { Locale } from '../../src/messages/locales.js';
import { parseStandard, type LoadResult } from '../../src/standard/load.js';
import { loadStandard } from '../../src/standard/load-file.js';

export const CASES_DIR = dirname(fileURLToPath(import.meta.url));
export const SKIP_FILE = 'skip.yaml';
/** With `files:`, the standard is written under this name beside them. */
export const MAIN_FILE = 'standard.yaml';

const WantSchema = z.strictObject({
  code: z.enum(DIAGNOSTIC_CODES),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** The path rendered with formatPath; "" for the root. */
  path: z.string(),
  severity: z.enum(['error', 'warning']).optional(),
  /** A part of the rendered (English) message that must appear: the did-you-mean, the first definition's line:col. */
  message_includes: z.string().min(1).optional(),
  /** With `files:`, the file the diagnostic points into (default standard.yaml). */
  file: z.string().min(1).optional(),
});
export type Want = z.output<typeof WantSchema>;

export const CaseSchema = z
  .strictObject({
    note: z.string({ error: 'a case needs a `note` saying what it shows' }).min(1),
    standard: z.string().min(1).optional(),
    file: z.string().min(1).optional(),
    generate: z.strictObject({ repeat: z.number().int().positive(), line: z.string() }).optional(),
    files: z.record(z.string().regex(/^[\w.-]+$/, 'a plain file name'), z.string()).optional(),
    want_diagnostics: z
      .array(WantSchema, {
        error: (iss) => (iss.input === undefined ? 'a case must assert something: want_diagnostics is missing' : undefined),
      })
      .min(1, 'a case must assert something: want_diagnostics is empty'),
  })
  .refine((c) => (c.standard === undefined) !== (c.file === undefined), { message: 'a case has exactly one of `standard` or `file`' })
  .refine((c) => c.generate === undefined || c.standard !== undefined, { message: '`generate` extends `standard`; it needs one' })
  .refine((c) => c.files === undefined || (c.standard !== undefined && !Object.hasOwn(c.files, MAIN_FILE)), {
    message: `\`files\` go with \`standard\` (written as ${MAIN_FILE}), and none of them is named ${MAIN_FILE}`,
  })
  .refine((c) => c.files !== undefined || c.want_diagnostics.every((w) => w.file === undefined), {
    message: 'a want names its `file` only in a case with `files`',
  });
export type Case = z.output<typeof CaseSchema>;

/** Parses and validates a case file's text; throws (naming the case) on bad YAML, unknown keys or no expectations. */
export function readCase(name: string, text: string): Case {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`${name}: the case file is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = CaseSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${name}: bad case file:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The standard text a case describes (with `generate` applied). */
export function caseText(c: Case): string {
  const base = c.standard ?? '';
  return c.generate ? base + `${c.generate.line}\n`.repeat(c.generate.repeat) : base;
}

export interface Run {
  readonly result: LoadResult;
  readonly diagnostics: readonly Diagnostic[];
  /** Each diagnostic's file as a want names it: a name inside the case's directory with `files:`, else undefined. */
  readonly fileOf: (d: Diagnostic) => string | undefined;
  /** The file every diagnostic must carry when the case has no `files:`. */
  readonly expectedFile: string;
}

export async function runCase(c: Case, dir: string, locale: Locale = 'en'): Promise<Run> {
  const done = (result: LoadResult, fileOf: Run['fileOf'], expectedFile: string): Run => ({
    result,
    diagnostics: result.ok ? result.warnings : result.diagnostics,
    fileOf,
    expectedFile,
  });
  if (c.files !== undefined) {
    const tmp = mkdtempSync(join(tmpdir(), 'scoresheet-case-'));
    try {
      for (const [name, text] of Object.entries({ ...c.files, [MAIN_FILE]: caseText(c) })) writeFileSync(join(tmp, name), text);
      const result = await loadStandard(join(tmp, MAIN_FILE), { locale });
      return done(result, (d) => relative(tmp, d.file).split(sep).join('/'), join(tmp, MAIN_FILE));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  if (c.file !== undefined) {
    const file = resolve(dir, c.file);
    return done(await loadStandard(file, { locale }), () => undefined, file);
  }
  return done(parseStandard(caseText(c), { locale }), () => undefined, '<inline>');
}

interface Shown {
  file?: string;
  code: DiagnosticCode;
  line: number;
  column: number;
  path: string;
  severity: 'error' | 'warning';
}

const byPosition = (a: Shown, b: Shown) =>
  (a.file ?? '').localeCompare(b.file ?? '') ||
  a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

const shown = (d: Diagnostic, file: string | undefined): Shown => ({
  ...(file !== undefined ? { file } : {}),
  code: d.code,
  line: d.line,
  column: d.column,
  path: formatPath(d.path),
  severity: d.severity,
});
const expected = (w: Want, c: Case): Shown => ({
  ...(c.files !== undefined ? { file: w.file ?? MAIN_FILE } : {}),
  code: w.code,
  line: w.line,
  column: w.column,
  path: w.path,
  severity: w.severity ?? 'error',
});
const HAN = /\p{Script=Han}/u;

/**
 * The whole check of one case: read it, run it, compare {code, line, column, path, severity} with
 * want_diagnostics exactly (same count; order-insensitive), then the invariants every diagnostic keeps.
 * Throws on the first failure.
 */
export async function checkCase(name: string, text: string, dir: string = CASES_DIR): Promise<void> {
  const c = readCase(name, text);
  const { result, diagnostics, fileOf, expectedFile } = await runCase(c, dir);
  const show = (d: Diagnostic) => shown(d, fileOf(d));
  const wants = c.want_diagnostics.map((w) => expected(w, c)).sort(byPosition);

  expect([...diagnostics].map(show).sort(byPosition), `${name}: diagnostics`).toEqual(wants);

  // Returned sorted (file, line, column, code), rendered, with their file, and ok exactly when no error.
  expect(diagnostics, `${name}: sorted`).toEqual(sortDiagnostics(diagnostics));
  for (const d of diagnostics) {
    if (c.files === undefined) expect(d.file, `${name}: file`).toBe(expectedFile);
    // Its words come from the catalogues: diagnostic.<code>, or a custom issue's own id (condition.*, schema.*).
    expect(d.messageId === `diagnostic.${d.code}` || /^(condition|schema|path|operator)\.[a-z_]+$/.test(d.messageId), `${name}: messageId ${d.messageId}`).toBe(true);
    expect(d.message, `${name}: ${d.code} message is rendered`).not.toMatch(/^(condition|schema|path|operator)\./);
    expect(d.message.trim(), `${name}: ${d.code} has a message`).not.toBe('');
    expect(d.message, `${name}: ${d.code} message is rendered`).not.toMatch(/^diagnostic\./);
  }
  expect(result.ok, `${name}: ok`).toBe(!wants.some((w) => w.severity === 'error'));

  for (const want of c.want_diagnostics) {
    if (want.message_includes === undefined) continue;
    const messages = diagnostics.filter((d) => byPosition(show(d), expected(want, c)) === 0 && d.severity === expected(want, c).severity).map((d) => d.message);
    expect(messages.some((m) => m.includes(want.message_includes!)), `${name}: ${want.code} message ${JSON.stringify(messages)} includes ${JSON.stringify(want.message_includes)}`).toBe(true);
  }

  // The same problems in zh-CN: same codes and places, worded in Chinese.
  const zh = await runCase(c, dir, 'zh-CN');
  expect(zh.diagnostics.map((d) => shown(d, zh.fileOf(d))), `${name}: zh-CN diagnostics`).toEqual(diagnostics.map(show));
  for (const d of zh.diagnostics) expect(d.message, `${name}: ${d.code} in zh-CN`).toMatch(HAN);
}

/** Case files under test/cases, as paths relative to it with "/" separators, sorted. */
export function listCases(dir: string = CASES_DIR): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yaml') && !(at === dir && entry.name === SKIP_FILE)) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** test/cases/skip.yaml: `{ <case path>: reason }`, like yaml-test-suite's skip list. */
export function readSkips(dir: string = CASES_DIR): Record<string, string> {
  const data: unknown = parse(readFileSync(join(dir, SKIP_FILE), 'utf8')) ?? {};
  return z.record(z.string(), z.string().min(1, 'say why the case is skipped')).parse(data);
}

export function readCaseFile(name: string, dir: string = CASES_DIR): Case {
  return readCase(name, readFileSync(join(dir, name), 'utf8'));
}

/** Diagnostic codes asserted by the cases that are not skipped. */
export function coveredCodes(dir: string = CASES_DIR): Map<DiagnosticCode, string[]> {
  const skips = readSkips(dir);
  const covered = new Map<DiagnosticCode, string[]>();
  for (const name of listCases(dir)) {
    if (Object.hasOwn(skips, name)) continue;
    for (const want of readCaseFile(name, dir).want_diagnostics) covered.set(want.code, [...(covered.get(want.code) ?? []), name]);
  }
  return covered;
}
