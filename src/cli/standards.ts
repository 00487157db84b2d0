/** Loading the standards a command scores against: files or directories, diagnostics printed on failure. */
import { formatDiagnostic } from '../diagnostics.js';
import { localizedText } from '../messages/render.js';
import { wordsOf, type Locale } from '../messages/locales.js';
import { compileStandard, type Scorer } from '../compile/standard.js';
import { StandardSet } from '../score/editions.js';
import type { LoadOptions } from '../standard/load.js';
import { loadStandard } from '../standard/load-file.js';
import { expandStandardPaths, type Output } from './io.js';
import { namesOf, type ItemNames } from '../report/text.js';

/** How a command loads standards: its language, and the folders its --allow-root flags name. */
export function standardLoadOptions(options: { readonly lang: Locale; readonly allowRoot?: readonly string[] }): LoadOptions {
  return { locale: options.lang, ...(options.allowRoot ? { allowRoots: options.allowRoot } : {}) };
}

/** Loads and compiles every standard; undefined (after printing why) when any is invalid. */
export async function loadStandardSet(paths: readonly string[], options: LoadOptions, out: Output): Promise<StandardSet | undefined> {
  const expanded = await expandStandardPaths(paths);
  if ('error' in expanded) {
    out.err(expanded.error);
    return undefined;
  }
  const scorers: Scorer[] = [];
  let failed = false;
  for (const file of expanded.paths) {
    const result = await loadStandard(file, options);
    if (!result.ok) {
      failed = true;
      for (const d of result.diagnostics) out.err(formatDiagnostic(d));
      continue;
    }
    scorers.push(compileStandard(result.standard));
  }
  return failed ? undefined : new StandardSet(scorers);
}

/**
 * The one standard (one edition) a command that builds a sheet or a page for it takes (template,
 * form); undefined, after saying why, when the path does not load or holds several.
 */
export async function loadOneStandard(path: string, options: { readonly lang: Locale; readonly allowRoot?: readonly string[] }, out: Output): Promise<Scorer | undefined> {
  const set = await loadStandardSet([path], standardLoadOptions(options), out);
  if (!set) return undefined;
  if (set.scorers.length !== 1) {
    out.err(wordsOf(options.lang).cli.templateNeedsOne(path, set.scorers.length, set.scorers.map((s) => s.ref).join(', ')));
    return undefined;
  }
  return set.scorers[0]!;
}

/** id → display name for every item and category of every loaded standard. */
export function itemNamer(set: StandardSet, locale: Locale): ItemNames {
  return namesOf(set.scorers.map((s) => s.standard), locale);
}
