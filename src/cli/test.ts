/**
 * `scoresheet test [standards… | dirs]`: runs each standard's cases from `tests/<name>.test.yaml`
 * beside it. Output like a test runner, a closing `N passed, N failed` line; exit 0 / 1 / 2.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatDiagnostic, makeDiagnostic, type DiagnosticPath } from '../diagnostics.js';
import type { Message } from '../messages/types.js';
import { allowedRoots, readInRoots, readSideFile, type FileProblem } from '../files.js';
import { wordsOf } from '../messages/locales.js';
import { renderMessage } from '../messages/render.js';
import type { Locale } from '../messages/locales.js';
import { compileStandard, type Scorer } from '../compile/standard.js';
import { MAX_STANDARD_BYTES, type LoadResult } from '../standard/load.js';
import { loadNamedStandard, loadStandard } from '../standard/load-file.js';
import { coverageTargets, parseTestFile, runCase, type CaseResult } from '../testing/cases.js';
import { toJunit } from '../testing/junit.js';
import { yamlFilesIn, type Output } from './io.js';
import { standardLoadOptions } from './standards.js';

export interface TestCliOptions {
  readonly format: 'text' | 'json' | 'junit';
  readonly coverage: boolean;
  readonly lang: Locale;
  /** --allow-root: folders where `extends:` may also find a base. */
  readonly allowRoot?: readonly string[];
}

interface Suite {
  name: string;
  standard: string;
  file: string;
  results: CaseResult[];
  uncovered: { id: string; label: string }[];
}

/**
 * The test files named by the arguments, each with the standard the command line (or its folder) gives
 * it; a test file named on its own runs against its `standard:`, or `../<name>.yaml` by default.
 */
async function discover(paths: readonly string[]): Promise<{ pairs: { standard?: string; tests: string }[]; missing: string[] }> {
  const pairs: { standard?: string; tests: string }[] = [];
  const missing: string[] = [];
  const addStandard = (file: string) => {
    const tests = join(dirname(file), 'tests', basename(file).replace(/\.ya?ml$/, '.test.yaml'));
    if (existsSync(tests)) pairs.push({ standard: file, tests });
    else missing.push(file);
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) for (const file of await yamlFilesIn(path)) addStandard(file);
    else if (path.endsWith('.test.yaml')) pairs.push({ tests: path });
    else addStandard(path);
  }
  return { pairs, missing };
}

/** A path the test file names that leads nowhere allowed, said in the caller's words (never the file's content). */
function pathProblem(problem: FileProblem, what: 'standard' | 'record', ref: string, file: string): Message {
  if (problem.reason === 'missing') return { messageId: 'test.cannot_read', data: { what, file, reason: problem.code, detail: problem.detail } };
  const id = problem.reason === 'outside' ? 'test.outside_roots' : problem.reason === 'not_file' ? 'test.not_file' : 'test.too_large';
  return { messageId: id, data: { what, ref, ...(problem.reason === 'too_large' ? { limit: problem.limit } : {}) } };
}

export async function runTests(paths: readonly string[], options: TestCliOptions, out: Output): Promise<number> {
  const { pairs, missing } = await discover(paths.length > 0 ? paths : ['standards']);
  const suites: Suite[] = [];
  let couldNotRun = false;
  const loadOptions = standardLoadOptions(options);
  for (const pair of pairs) {
    const { tests } = pair;
    const testFileError = (at: { line: number; column: number }, path: DiagnosticPath, message: Message) =>
      out.err(formatDiagnostic(makeDiagnostic({ code: 'test_file', file: tests, ...at, path, message }, options.lang)));
    /** The loaded standard; else its problem (at `at`, the test file's `path`) or its diagnostics are reported and the run could not go on. */
    const usable = (loaded: LoadResult | { readonly problem: FileProblem }, at: { line: number; column: number } | undefined, path: DiagnosticPath, ref: string | undefined) => {
      if ('problem' in loaded) testFileError(at!, path, pathProblem(loaded.problem, 'standard', ref!, resolve(dirname(tests), ref!)));
      else if (loaded.ok) return loaded;
      else for (const d of loaded.diagnostics) out.err(formatDiagnostic(d));
      couldNotRun = true;
      return undefined;
    };
    // The test file is the user's choice (named, or beside a standard named): read as a regular file, bounded.
    const read = readSideFile(tests, 'tests', MAX_STANDARD_BYTES, options.lang);
    if ('diagnostic' in read) {
      out.err(formatDiagnostic(read.diagnostic));
      couldNotRun = true;
      continue;
    }
    const parsed = parseTestFile(read.bytes.toString('utf8'), { file: tests, locale: options.lang });
    if (!parsed.ok) {
      for (const d of parsed.diagnostics) out.err(formatDiagnostic(d));
      couldNotRun = true;
      continue;
    }
    // A standard the test file names is read as `extends:` reads a base: inside the roots, bounded, never quoted.
    const loaded = usable(
      pair.standard !== undefined
        ? await loadStandard(pair.standard, loadOptions)
        : parsed.standard !== undefined
          ? loadNamedStandard(parsed.standard, tests, loadOptions)
          : await loadStandard(join(dirname(tests), '..', basename(tests).replace('.test.yaml', '.yaml')), loadOptions),
      parsed.standardAt,
      ['standard'],
      parsed.standard,
    );
    if (loaded === undefined) continue;
    const roots = allowedRoots(tests, options.allowRoot);
    const scorer = compileStandard(loaded.standard);
    const others = new Map<string, Scorer>();
    const results: CaseResult[] = [];
    for (const testCase of parsed.cases) {
      let record: unknown = testCase.record;
      if (typeof testCase.record === 'string') {
        // A record file that cannot be read or parsed fails its case, with where and why, and the run goes on.
        const path = resolve(dirname(tests), testCase.record);
        const fail = (error: string) => results.push({ name: testCase.name, file: tests, line: testCase.line, passed: false, mismatches: [], exercised: [], error });
        const bytes = readInRoots(testCase.record, tests, roots, MAX_STANDARD_BYTES);
        if ('problem' in bytes) {
          fail(renderMessage(pathProblem(bytes.problem, 'record', testCase.record, path), options.lang));
          continue;
        }
        try {
          record = parseYaml(bytes.bytes.toString('utf8'));
        } catch (error) {
          const e = error as Error & { linePos?: { line: number; col: number }[]; code?: string };
          const at = e.linePos?.[0] ? `:${e.linePos[0].line}:${e.linePos[0].col}` : '';
          // yaml's words are English: said from the catalogue by its code, its own words kept for English.
          const detail = renderMessage({ messageId: 'record.yaml_syntax', data: { detail: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), yamlCode: e.code } }, options.lang);
          fail(wordsOf(options.lang).test.cannotReadRecord(`${path}${at}`, detail));
          continue;
        }
      }
      let caseScorer = scorer;
      if (testCase.standard !== undefined) {
        const ref = testCase.standard;
        if (!others.has(ref)) {
          const other = usable(loadNamedStandard(ref, tests, loadOptions), testCase.standardAt, ['cases', testCase.index, 'standard'], ref);
          if (other === undefined) continue;
          others.set(ref, compileStandard(other.standard));
        }
        caseScorer = others.get(ref)!;
      }
      results.push(runCase(caseScorer, testCase, record, tests, options.lang));
    }
    const exercised = new Set(results.flatMap((r) => r.exercised));
    const uncovered = coverageTargets(scorer).filter((t) => !exercised.has(t.id));
    suites.push({ name: loaded.standard.id, standard: loaded.file, file: tests, results, uncovered });
  }

  const passed = suites.reduce((n, s) => n + s.results.filter((r) => r.passed).length, 0);
  const failed = suites.reduce((n, s) => n + s.results.filter((r) => !r.passed).length, 0);
  const uncovered = options.coverage ? suites.reduce((n, s) => n + s.uncovered.length, 0) : 0;

  if (options.format === 'junit') out.out(toJunit(suites));
  else if (options.format === 'json') out.out(JSON.stringify({ suites, passed, failed, missing }, null, 2));
  else {
    const w = wordsOf(options.lang).test;
    for (const suite of suites) {
      out.out(`${suite.file}  (${suite.name})`);
      for (const r of suite.results) {
        if (r.passed) {
          out.out(`  ✓ ${r.name}`);
          continue;
        }
        out.out(`  ✗ ${r.name}  (${r.file}:${r.line})`);
        if (r.error) out.out(`      ${r.error}`);
        for (const m of r.mismatches) out.out(`      ${m.what === 'notLines' ? w.unwantedLine(JSON.stringify(m.expected), JSON.stringify(m.actual)) : w.mismatch(m.what, JSON.stringify(m.expected), JSON.stringify(m.actual))}`);
      }
      if (options.coverage && suite.uncovered.length > 0) {
        out.out(`  ${w.suiteUncovered(suite.uncovered.length)}`);
        for (const t of suite.uncovered) out.out(`    - ${t.id}  ${t.label}`);
      }
    }
    if (uncovered > 0) out.out(w.uncovered(uncovered));
    for (const m of missing) out.out(w.noCases(m, join(dirname(m), 'tests', basename(m).replace(/\.ya?ml$/, '.test.yaml'))));
    const summary = w.summary(passed, failed);
    if (summary) out.out(summary);
    // The closing line stays as it is in every language: CI parsers read it.
    out.out(`${passed} passed, ${failed} failed`);
  }
  if (couldNotRun || suites.length === 0) return 2;
  return failed > 0 || uncovered > 0 || (options.coverage && missing.length > 0) ? 1 : 0;
}
