/**
 * `scoresheet form` and `scoresheet playground` write one self-contained HTML file each (issue 20): a
 * Content-Security-Policy that allows only the page's own inline script and style by their sha256, no
 * eval and no inline script by permission; the standard's words never become markup; the page within
 * its budget. What the pages do is tested in Chromium (test/browser/).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { requireBuild, ROOT } from '../support/built.js';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'scoresheet-pages-'));
const KB = 1024;

/** The CSP of a page, directive → sources. */
function csp(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;|&quot;/g, "'");
  return new Map(content.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

/** The text of every executable inline script (not the JSON data block). */
const scripts = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('scoresheet form', () => {
  requireBuild();

  it('writes one page whose CSP allows its own inline script and style by hash, and nothing else', async () => {
    const out = join(dir, 'form.html');
    const r = await runCli(['form', '--standard', 'standards/school-hygiene.yaml', '--units', 'fixtures/school/units.yaml', '-o', out, '--lang', 'zh-CN']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const html = readFileSync(out, 'utf8');
    const policy = csp(html);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('img-src')).toEqual(['data:']);
    expect(policy.get('script-src')).toEqual(scripts(html).map(hash));
    expect(policy.get('style-src')).toEqual([hash(/<style>([\s\S]*?)<\/style>/.exec(html)![1]!)]);
    expect([...policy.values()].flat().join(' ')).not.toMatch(/unsafe|\*|https?:/);
    // The markup outside the script: nothing that loads anything.
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
    expect(markup).not.toMatch(/<(link|iframe|object|embed|img|base)\b|\b(src|href)=/);
    expect(html).toContain('<html lang="zh-CN">');
    const gzip = gzipSync(html, { level: 9 }).length;
    console.log(`form page (school-hygiene, 30 units): ${(html.length / KB).toFixed(0)} KB, ${(gzip / KB).toFixed(0)} KB gzip`);
    expect(gzip).toBeLessThanOrEqual(300 * KB);
  });

  it('never lets the standard write markup: a name holding </script> stays data', async () => {
    const standard = readFileSync('standards/school-hygiene.yaml', 'utf8').replace('name: { zh-CN: 卫生工具角', 'name: { zh-CN: "卫生工具角</script><script>alert(1)</script><img src=x onerror=alert(2)>"');
    expect(standard).toContain('</script><script>alert(1)');
    writeFileSync(join(dir, 'hostile.yaml'), standard);
    const out = join(dir, 'hostile.html');
    const r = await runCli(['form', '--standard', join(dir, 'hostile.yaml'), '-o', out, '--lang', 'zh-CN']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain('alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('\\u003c/script>\\u003cscript>alert(1)');
    expect(scripts(html)).toHaveLength(1);
  });

  it('refuses a standard that does not load, as score does (exit 2)', async () => {
    const r = await runCli(['form', '--standard', join(dir, 'missing.yaml'), '-o', join(dir, 'x.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('file_not_found');
  });
});

describe('scoresheet playground', () => {
  it('ships prebuilt in the package: dist/playground.html (npm run build), Chinese first', () => {
    requireBuild();
    const html = readFileSync(join(ROOT, 'dist/playground.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(csp(html).get('script-src')).toEqual(scripts(html).map(hash));
    expect(html).toContain('school-hygiene.yaml');
  });

  it('writes one page with every shipped standard, within its budget and the same CSP', async () => {
    const out = join(dir, 'playground.html');
    const r = await runCli(['playground', '-o', out, '--lang', 'en']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const html = readFileSync(out, 'utf8');
    expect(csp(html).get('script-src')).toEqual(scripts(html).map(hash));
    expect(csp(html).get('default-src')).toEqual(["'none'"]);
    expect(html).toContain('ky-food-establishment.yaml');
    const gzip = gzipSync(html, { level: 9 }).length;
    console.log(`playground page (${new Set(html.match(/"[\w-]+\.yaml":/g)).size} shipped standards): ${(html.length / KB).toFixed(0)} KB, ${(gzip / KB).toFixed(0)} KB gzip`);
    expect(gzip).toBeLessThanOrEqual(600 * KB);
  });
});
