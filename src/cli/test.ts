/**
 * `scoresheet test [standards… | dirs]`: runs each standard's cases from `tests/<name>.test.yaml`
 * beside it. Output like a test runner, a closing `N passed, N failed` line; exit 0 / 1 / 2.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatDiagnostic } from '../diagnostics.js';
import type { Locale } from '../messages/types.js';
import { compileStandard, type Scorer } from '../score/compile.js';
import { loadStandard } from '../standard/load.js';
import { coverageTargets, parseTestFile, runCase, type CaseResult } from '../testing/cases.js';
import { toJunit } from '../testing/junit.js';
import type { Output } from './io.js';
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

/** Pairs of (standard file, test file) named by the arguments. */
async function discover(paths: readonly string[]): Promise<{ pairs: { standard: string; tests: string }[]; missing: string[] }> {
  const pairs: { standard: string; tests: string }[] = [];
  const missing: string[] = [];
  const addStandard = (file: string) => {
    const tests = join(dirname(file), 'tests', basename(file).replace(/\.ya?ml$/, '.test.yaml'));
    if (existsSync(tests)) pairs.push({ standard: file, tests });
    else missing.push(file);
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      for (const f of (await readdir(path)).filter((f) => f.endsWith('.yaml')).sort()) addStandard(join(path, f));
    } else if (path.endsWith('.test.yaml')) {
      const text = await readFile(path, 'utf8').catch(() => '');
      const named = (parseYaml(text) as { standard?: string } | null)?.standard;
      pairs.push({ standard: named ? resolve(dirname(path), named) : join(dirname(path), '..', basename(path).replace('.test.yaml', '.yaml')), tests: path });
    } else {
      addStandard(path);
    }
  }
  return { pairs, missing };
}

export async function runTests(paths: readonly string[], options: TestCliOptions, out: Output): Promise<number> {
  const { pairs, missing } = await discover(paths.length > 0 ? paths : ['standards']);
  const suites: Suite[] = [];
  let couldNotRun = false;
  for (const { standard, tests } of pairs) {
    const loaded = await loadStandard(standard, standardLoadOptions(options));
    if (!loaded.ok) {
      for (const d of loaded.diagnostics) out.err(formatDiagnostic(d));
      couldNotRun = true;
      continue;
    }
    const parsed = parseTestFile(await readFile(tests, 'utf8'));
    if (!parsed.ok) {
      for (const e of parsed.errors) out.err(`${tests}:${e.line}:${e.column}  error  test_file  ${e.path ? `${e.path}: ` : ''}${e.message}`);
      couldNotRun = true;
      continue;
    }
    const scorer = compileStandard(loaded.standard);
    const others = new Map<string, Scorer>();
    const results: CaseResult[] = [];
    for (const testCase of parsed.cases) {
      let record: unknown = testCase.record;
      if (typeof testCase.record === 'string') {
        // A record file that cannot be read or parsed fails its case, with where and why, and the run goes on.
        const path = resolve(dirname(tests), testCase.record);
        try {
          record = parseYaml(await readFile(path, 'utf8'));
        } catch (error) {
          const e = error as Error & { linePos?: { line: number; col: number }[] };
          const at = e.linePos?.[0] ? `:${e.linePos[0].line}:${e.linePos[0].col}` : '';
          results.push({ name: testCase.name, file: tests, line: testCase.line, passed: false, mismatches: [], exercised: [], error: `cannot read the record ${path}${at}: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` });
          continue;
        }
      }
      let caseScorer = scorer;
      if (testCase.standard !== undefined) {
        const path = resolve(dirname(tests), testCase.standard);
        if (!others.has(path)) {
          const other = await loadStandard(path, standardLoadOptions(options));
          if (!other.ok) {
            for (const d of other.diagnostics) out.err(formatDiagnostic(d));
            couldNotRun = true;
            continue;
          }
          others.set(path, compileStandard(other.standard));
        }
        caseScorer = others.get(path)!;
      }
      results.push(runCase(caseScorer, testCase, record, tests));
    }
    const exercised = new Set(results.flatMap((r) => r.exercised));
    const uncovered = coverageTargets(scorer).filter((t) => !exercised.has(t.id));
    suites.push({ name: loaded.standard.id, standard, file: tests, results, uncovered });
  }

  const passed = suites.reduce((n, s) => n + s.results.filter((r) => r.passed).length, 0);
  const failed = suites.reduce((n, s) => n + s.results.filter((r) => !r.passed).length, 0);
  const uncovered = options.coverage ? suites.reduce((n, s) => n + s.uncovered.length, 0) : 0;

  if (options.format === 'junit') out.out(toJunit(suites));
  else if (options.format === 'json') out.out(JSON.stringify({ suites, passed, failed, missing }, null, 2));
  else {
    for (const suite of suites) {
      out.out(`${suite.file}  (${suite.name})`);
      for (const r of suite.results) {
        if (r.passed) {
          out.out(`  ✓ ${r.name}`);
          continue;
        }
        out.out(`  ✗ ${r.name}  (${r.file}:${r.line})`);
        if (r.error) out.out(`      ${r.error}`);
        for (const m of r.mismatches) out.out(`      ${m.what}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
      }
      if (options.coverage && suite.uncovered.length > 0) {
        out.out(`  coverage: ${suite.uncovered.length} rule(s) or outcome(s) no case exercises:`);
        for (const t of suite.uncovered) out.out(`    - ${t.id}  ${t.label}`);
      }
    }
    if (uncovered > 0) out.out(`coverage: ${uncovered} rule(s) or outcome(s) no case exercises (listed above)`);
    for (const m of missing) out.out(`no test cases for ${m} (expected ${join(dirname(m), 'tests', basename(m).replace(/\.ya?ml$/, '.test.yaml'))})`);
    out.out(`${passed} passed, ${failed} failed`);
  }
  if (couldNotRun || suites.length === 0) return 2;
  return failed > 0 || uncovered > 0 || (options.coverage && missing.length > 0) ? 1 : 0;
}
