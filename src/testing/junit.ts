/** JUnit XML for `scoresheet test --format junit`, so CI systems show each case. */
import type { CaseResult } from './cases.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toJunit(suites: readonly { name: string; file: string; results: readonly CaseResult[] }[]): string {
  const total = suites.reduce((n, s) => n + s.results.length, 0);
  const failures = suites.reduce((n, s) => n + s.results.filter((r) => !r.passed).length, 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="scoresheet" tests="${total}" failures="${failures}">`];
  for (const suite of suites) {
    const failed = suite.results.filter((r) => !r.passed).length;
    out.push(`  <testsuite name="${escape(suite.name)}" file="${escape(suite.file)}" tests="${suite.results.length}" failures="${failed}">`);
    for (const r of suite.results) {
      out.push(`    <testcase name="${escape(r.name)}" classname="${escape(suite.name)}" file="${escape(r.file)}" line="${r.line}">`);
      if (!r.passed) {
        const detail = r.error ?? r.mismatches.map((m) => `${m.what}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`).join('\n');
        out.push(`      <failure message="${escape(detail.split('\n')[0] ?? '')}">${escape(detail)}</failure>`);
      }
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n');
}
