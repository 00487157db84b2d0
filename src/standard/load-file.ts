/**
 * Standards read from files: `loadStandard` (a path), `loadNamedStandard` (a path another file names) and
 * the file reader `extends:` uses. The parsing itself is load.ts's, which has no Node imports.
 */
import { isUtf8 } from 'node:buffer';
import { makeDiagnostic, type CodedProblem } from '../diagnostics.js';
import { allowedRoots, readBounded, readInRoots, type FileProblem } from '../files.js';
import { START } from '../positions.js';
import { MAX_STANDARD_BYTES, parseSource, type BadUtf8, type BaseResolver, type LoadOptions, type LoadResult } from './load.js';

/**
 * Reads and parses a standard file. A missing, oversized or unreadable file is a diagnostic, not an
 * exception; a base named by `extends:` is read only from a regular file inside the allowed roots.
 * The file named may be a pipe (/dev/stdin): the caller chose it; it is read bounded all the same.
 *
 * @example
 * ```ts
 * import { formatDiagnostic, loadStandard, shippedStandard } from 'scoresheet';
 *
 * const loaded = await loadStandard(shippedStandard('school-hygiene'), { locale: 'zh-CN' });
 * if (!loaded.ok) console.error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
 * ```
 */
export async function loadStandard(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const locale = options.locale ?? 'en';
  const read = readBounded(path, { limit: MAX_STANDARD_BYTES, regularOnly: false });
  if ('problem' in read) {
    const problem = readProblem(read.problem, path);
    const d = makeDiagnostic({ code: problem.code, file: path, ...START, path: [], data: problem.data }, locale);
    return { ok: false, diagnostics: [d], file: path };
  }
  return parseSource({ key: read.key, ...decodeUtf8(read.bytes), file: path }, { file: path, locale, resolveBase: fileBaseResolver(path, options.allowRoots) });
}

/**
 * Loads a standard that another file names (a test file's `standard:`), as `extends:` finds a base: only
 * a regular file inside the roots (the working directory's tree, the naming file's folder's tree,
 * `allowRoots`), read bounded, and never quoted when it is not a standard. A path that leads nowhere
 * allowed is `{ problem }`, for the caller to place in the naming file.
 */
export function loadNamedStandard(ref: string, fromFile: string, options: LoadOptions = {}): LoadResult | { readonly problem: FileProblem } {
  const read = readInRoots(ref, fromFile, allowedRoots(fromFile, options.allowRoots), MAX_STANDARD_BYTES);
  if ('problem' in read) return read;
  const locale = options.locale ?? 'en';
  return parseSource({ key: read.key, ...decodeUtf8(read.bytes), file: read.file, named: false }, { file: read.file, locale, resolveBase: fileBaseResolver(read.file, options.allowRoots) });
}

/** `extends: ../school-hygiene.yaml` is relative to the extending file, and must stay inside the roots of the standard loaded (`file`). */
function fileBaseResolver(file: string, allowRoots: readonly string[] | undefined): BaseResolver {
  const roots = allowedRoots(file, allowRoots);
  return (ref, fromFile) => {
    const read = readInRoots(ref, fromFile, roots, MAX_STANDARD_BYTES);
    if ('problem' in read) return { problem: readProblem(read.problem, ref) };
    return { key: read.key, ...decodeUtf8(read.bytes), file: read.file };
  };
}

/** A file problem as the diagnostic a standard (or the base its `extends:` names as `ref`) gives. */
export function readProblem(problem: FileProblem, ref: string): CodedProblem {
  switch (problem.reason) {
    case 'missing':
      return { code: 'file_not_found', data: { reason: problem.code, detail: problem.detail } };
    case 'not_file':
      return { code: 'extends_not_file', data: { ref } };
    case 'too_large':
      return { code: 'file_too_large', data: { ...(problem.bytes === undefined ? {} : { bytes: problem.bytes }), limit: problem.limit } };
    case 'outside':
      return { code: 'extends_outside_roots', data: { ref, resolved: problem.resolved } };
  }
}

/** Bytes → text; where they are not UTF-8, the first place and how many there are. */
function decodeUtf8(bytes: Buffer): { text: string; badUtf8?: BadUtf8 } {
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return { text };
  const bad = invalidUtf8Offsets(bytes);
  const first = bad[0]!;
  // The bytes before the first bad one are UTF-8, so they decode to the same prefix of `text`.
  const textOffset = bytes.subarray(0, first).toString('utf8').length;
  return { text, badUtf8: { textOffset, byte: bytes[first]!.toString(16).toUpperCase().padStart(2, '0'), count: bad.length } };
}

/** Offsets of the first byte of each ill-formed sequence (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
function invalidUtf8Offsets(bytes: Uint8Array): number[] {
  const bad: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const [length, low, high] = b < 0x80 ? [1, 0, 0] : b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf] : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf] : b === 0xf0 ? [4, 0x90, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
    let ok = length > 0;
    for (let k = 1; ok && k < length; k++) {
      const c = bytes[i + k];
      ok = c !== undefined && c >= (k === 1 ? low : 0x80) && c <= (k === 1 ? high : 0xbf);
    }
    if (ok) {
      i += length;
    } else {
      bad.push(i);
      i++;
    }
  }
  return bad;
}
