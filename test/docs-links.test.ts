/**
 * Every relative link in the documentation reaches its file, and every #anchor a heading of it
 * (GitHub's heading slugs: lower case, punctuation dropped, spaces as hyphens, repeats numbered).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = ['README.md', 'CHANGELOG.md', 'bench/README.md', 'standards/README.md', 'fixtures/csv/README.md', 'fixtures/school/README.md', ...['standard-format', 'errors', 'records', 'scorecard', 'reports', 'lives', 'compiled', 'assessments', 'browser', 'draft'].map((f) => `docs/${f}.md`)];

const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

function headings(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let code = false;
  for (const line of readFileSync(join(ROOT, file), 'utf8').split('\n')) {
    if (line.startsWith('```')) code = !code;
    const m = code ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

describe('documentation links', () => {
  it.each(DOCS)('%s: every relative link and anchor resolves', (file) => {
    const broken: string[] = [];
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const [, href] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:)/.test(href!)) continue;
      const [path, anchor] = href!.split('#');
      const target = path ? join(dirname(file), path) : file;
      if (!existsSync(join(ROOT, target))) broken.push(`${href} (no such file)`);
      else if (anchor && target.endsWith('.md') && !headings(target).has(anchor)) broken.push(`${href} (no such heading)`);
    }
    expect(broken).toEqual([]);
  });

  it('catches a broken anchor (the slugger is not vacuous)', () => {
    expect(headings('docs/standard-format.md').has('17-sources-quoted-on-this-page')).toBe(true);
    expect(headings('docs/standard-format.md').has('16-sources-quoted-on-this-page')).toBe(false);
  });
});
