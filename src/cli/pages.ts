/**
 * `scoresheet form --standard S [--units U] -o form.html` and `scoresheet playground -o playground.html`:
 * one self-contained HTML file each — the page's script (dist/pages/*.global.js: the library and the
 * page, built by tsup), its style and its data inlined, under its own Content-Security-Policy: nothing
 * but those inline scripts and styles (allowed by their sha256) and data: images.
 * Exit 0: written; 2: a bad standard or units file, a missing build, a file that cannot be written.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { wordsOf, type Locale } from '../messages/locales.js';
import { localizedText } from '../messages/render.js';
import { FORM_CSS, PLAYGROUND_CSS } from '../pages/styles.js';
import { escapeXml } from '../report/svg.js';
import type { FormData } from '../pages/form.js';
import type { PlaygroundData } from '../pages/playground.js';
import { shippedStandard } from '../shipped.js';
import { loadRoster } from './inputs.js';
import type { Output } from './io.js';
import { loadOneStandard } from './standards.js';

export interface FormOptions {
  readonly standard: string;
  readonly units?: string;
  readonly output: string;
  readonly lang: Locale;
  readonly allowRoot?: readonly string[];
}

export interface PlaygroundOptions {
  readonly output: string;
  readonly lang: Locale;
}

/** The built script of a page: beside the CLI in the package (dist/pages/), or dist/ of the repository when run from src/. */
function pageScript(name: 'form' | 'playground'): { script: string } | { missing: string } {
  const candidates = [new URL(`./pages/${name}.global.js`, import.meta.url), new URL(`../../dist/pages/${name}.global.js`, import.meta.url)].map((u) => fileURLToPath(u));
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) return { missing: candidates[candidates.length - 1]! };
  // `</script` inside the script would end its element early; `<\/script` means the same to JavaScript.
  return { script: readFileSync(found, 'utf8').replace(/<\/(script)/gi, '<\\/$1') };
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** JSON inside `<script type="application/json">`: no `<` at all, so no `</script>` or `<!--` can appear. */
const jsonBlock = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** A page: its CSP allows exactly its inline script and style (by hash), data: images, nothing else. */
export function pageHtml(options: { title: string; lang: Locale; css: string; data: unknown; script: string; noscript: string }): string {
  const csp = [`default-src 'none'`, `script-src ${sha256(options.script)}`, `style-src ${sha256(options.css)}`, `img-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  return [
    '<!doctype html>',
    `<html lang="${escapeXml(options.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeXml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(options.title)}</title>`,
    `<style>${options.css}</style>`,
    '</head>',
    '<body>',
    `<div id="app"><noscript>${escapeXml(options.noscript)}</noscript></div>`,
    `<script type="application/json" id="scoresheet-data">${jsonBlock(options.data)}</script>`,
    `<script>${options.script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

async function write(path: string, html: string, lang: Locale, out: Output): Promise<number> {
  try {
    await writeFile(path, html, 'utf8');
  } catch (error) {
    out.err(wordsOf(lang).cli.cannotWrite(path, (error as Error).message));
    return 2;
  }
  return 0;
}

export async function runForm(options: FormOptions, out: Output): Promise<number> {
  const scorer = await loadOneStandard(options.standard, options, out);
  if (!scorer) return 2;
  const roster = await loadRoster(options.units ? { units: options.units } : {}, options.lang);
  if ('error' in roster) {
    out.err(roster.error);
    return 2;
  }
  const page = pageScript('form');
  if ('missing' in page) {
    out.err(wordsOf(options.lang).cli.pageScriptMissing(page.missing));
    return 2;
  }
  const standard = scorer.standard;
  const data: FormData = { locale: options.lang, standard, units: (roster.units ?? []).map((u) => ({ id: u.id, ...(u.name !== undefined ? { name: u.name } : {}), ...(u.group !== undefined ? { group: u.group } : {}) })) };
  const w = wordsOf(options.lang).page;
  const html = pageHtml({ title: `${w.form} · ${localizedText(standard.name, options.lang)}`, lang: options.lang, css: FORM_CSS, data, script: page.script, noscript: w.form });
  return write(options.output, html, options.lang, out);
}

export async function runPlayground(options: PlaygroundOptions, out: Output): Promise<number> {
  const page = pageScript('playground');
  if ('missing' in page) {
    out.err(wordsOf(options.lang).cli.pageScriptMissing(page.missing));
    return 2;
  }
  const folder = dirname(shippedStandard('school-hygiene'));
  const standards: Record<string, string> = {};
  const records: Record<string, string> = {};
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort()) {
    const text = readFileSync(join(folder, file), 'utf8');
    standards[file] = text;
    records[file] = sampleRecord(text);
  }
  const initial = standards['school-hygiene.yaml'] !== undefined ? 'school-hygiene.yaml' : Object.keys(standards)[0]!;
  const data: PlaygroundData = { locale: options.lang, standards, records, initial };
  const w = wordsOf(options.lang).page;
  return write(options.output, pageHtml({ title: w.playground, lang: options.lang, css: PLAYGROUND_CSS, data, script: page.script, noscript: w.playground }), options.lang, out);
}

/** A record to start from: a unit, a date, the standard's first kind (and level), nothing found. */
function sampleRecord(text: string): string {
  const kind = /^kinds:\s*\n\s*-\s*id:\s*([\w-]+)/m.exec(text)?.[1];
  const level = /^levels:\s*\n\s*-\s*id:\s*([\w-]+)/m.exec(text)?.[1];
  return stringify({ unit: { id: 'u1' }, date: '2024-03-04', ...(kind ? { kind } : {}), ...(kind === 'event' && level ? { level } : {}), findings: [] });
}
