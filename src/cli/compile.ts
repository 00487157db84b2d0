/**
 * `scoresheet compile --emit js <standard…>`: the JavaScript each standard (each edition) compiles to,
 * as compileStandard generates it (docs/compiled.md), one function after another, each ending with its
 * `//# sourceURL=scoresheet/<id>@<version>.js`. Exit 0: printed; 2: a standard that does not load.
 */
import type { Locale } from '../messages/locales.js';
import type { Output } from './io.js';
import { loadStandardSet, standardLoadOptions } from './standards.js';

export interface CompileCommandOptions {
  readonly standards: readonly string[];
  readonly emit: 'js';
  readonly lang: Locale;
  /** --allow-root: folders where `extends:` may also find a base. */
  readonly allowRoot?: readonly string[];
}

export async function runCompile(options: CompileCommandOptions, out: Output): Promise<number> {
  const set = await loadStandardSet(options.standards, standardLoadOptions(options), out);
  if (!set) return 2;
  // compileStandard generates the source even where this runtime may not run it (it then interprets).
  for (const scorer of set.scorers) out.out(scorer.source!.trimEnd());
  return 0;
}
