/** Loading the standards a command scores against: files or directories, diagnostics printed on failure. */
import { formatDiagnostic } from '../diagnostics.js';
import { localizedText } from '../messages/render.js';
import type { Locale } from '../messages/locales.js';
import { compileStandard, type Scorer } from '../score/compile.js';
import { StandardSet } from '../score/editions.js';
import { loadStandard, type LoadOptions } from '../standard/load.js';
import { expandStandardPaths, type Output } from './io.js';
import type { ItemNames } from '../report/text.js';

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

/** id → display name for every item and category of every loaded standard. */
export function itemNamer(set: StandardSet, locale: Locale): ItemNames {
  const names = new Map<string, string>();
  const kinds = new Map<string, string>();
  const levels = new Map<string, string>();
  for (const scorer of set.scorers) {
    for (const category of scorer.standard.categories) {
      names.set(category.id, localizedText(category.name, locale));
      for (const item of category.items) names.set(item.id, localizedText(item.name, locale));
    }
    for (const kind of scorer.standard.kinds) if (kind.name) kinds.set(kind.id, localizedText(kind.name, locale));
    for (const level of scorer.standard.levels) if (level.name) levels.set(level.id, localizedText(level.name, locale));
  }
  return Object.assign((id: string) => names.get(id) ?? id, {
    kind: (id: string) => kinds.get(id) ?? id,
    level: (id: string) => levels.get(id) ?? id,
  });
}
