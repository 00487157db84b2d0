/**
 * Reading a file an input named, safely — the one place for it: a standard and the base its `extends:`
 * names, a test file and the standard and records it names, and the side files of the CLI (`--units`,
 * `--roster`, `--calendar`, `--map`).
 *
 * - A read never takes more than its limit + 1 bytes, whatever `stat` says (a device says 0).
 * - A file that must be a regular file is refused before it is opened, and opened non-blocking, so a
 *   FIFO (or one swapped in meanwhile) cannot hang the read and a device cannot fill memory.
 * - A path written inside a file (`extends:`, a test file's `standard:` and `record:`) resolves only
 *   inside the allowed roots, symlinks followed first; whether a file outside them exists is not said.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { makeDiagnostic, type Diagnostic } from './diagnostics.js';
import type { Locale } from './messages/locales.js';
import { START } from './positions.js';
import { systemFailure } from './messages/library.js';

/** Why a file could not be read (or a path named in a file could not be followed). */
export type FileProblem =
  | { readonly reason: 'missing'; readonly detail: string; /** The system's error code (ENOENT…), worded by the catalogues. */ readonly code: string }
  | { readonly reason: 'not_file' }
  | { readonly reason: 'too_large'; readonly bytes?: number; readonly limit: number }
  | { readonly reason: 'outside'; readonly resolved: string };

export interface BoundedReadOptions {
  /** At most this many bytes; one more tells an oversized file apart. */
  readonly limit: number;
  /** Refuse anything but a regular file (a folder, a device, a FIFO) before reading from it. */
  readonly regularOnly: boolean;
  /** The path is a real path already: a link put there since it was resolved is refused (O_NOFOLLOW). */
  readonly noFollow?: boolean;
}

export interface FileBytes {
  readonly bytes: Buffer;
  /** The file's real path (what identifies it, for cycle detection). */
  readonly key: string;
}

const CHUNK = 1024 * 1024;

/** The system's failure: its code for the catalogues, its own (English) words as the detail. */
function systemProblem(error: unknown): { detail: string; code: string } {
  const { reason, detail } = systemFailure(error);
  return { code: reason, detail };
}

/** A file's bytes, bounded, or why not. Never throws. */
export function readBounded(path: string, options: BoundedReadOptions): FileBytes | { problem: FileProblem } {
  const { limit, regularOnly } = options;
  const notFile = { problem: { reason: 'not_file' } } as const;
  let fd: number;
  try {
    if (regularOnly && !statSync(path).isFile()) return notFile;
    const flags = constants.O_RDONLY | (regularOnly ? (constants.O_NONBLOCK ?? 0) : 0) | (options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
    fd = openSync(path, flags);
  } catch (error) {
    return { problem: { reason: 'missing', ...systemProblem(error) } };
  }
  try {
    const info = fstatSync(fd);
    if (regularOnly && !info.isFile()) return notFile;
    if (info.isFile() && info.size > limit) return { problem: { reason: 'too_large', bytes: info.size, limit } };
    const chunks: Buffer[] = [];
    let length = 0;
    for (let n = 1; n > 0 && length <= limit; length += n) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - length));
      n = readSync(fd, chunk, 0, chunk.length, null);
      if (n > 0) chunks.push(chunk.subarray(0, n));
    }
    if (length > limit) return { problem: { reason: 'too_large', limit } };
    return { bytes: Buffer.concat(chunks, length), key: realOrResolved(path) };
  } catch (error) {
    return { problem: { reason: 'missing', ...systemProblem(error) } };
  } finally {
    closeSync(fd);
  }
}

/** The roots a path written in `fromFile` may lead into: the working directory's tree, `fromFile`'s folder's tree, and `extra`. */
export function allowedRoots(fromFile: string, extra: readonly string[] = []): string[] {
  return [process.cwd(), dirname(fromFile), ...extra].map(realOrResolved);
}

export interface Resolved {
  /** As shown in diagnostics: the path as written, joined to the naming file's folder. */
  readonly file: string;
  /** The real path, inside the roots. */
  readonly real: string;
}

/** `ref` as written in `fromFile` (relative to its folder, or absolute), only when it leads inside `roots`. */
export function resolveInRoots(ref: string, fromFile: string, roots: readonly string[]): Resolved | { problem: FileProblem } {
  const file = isAbsolute(ref) ? ref : join(dirname(fromFile), ref);
  const outside = (resolved: string) => !roots.some((root) => within(resolved, root));
  let real: string;
  try {
    // Symlinks are followed before the check, so a link cannot lead out of the roots.
    real = realpathSync(file);
  } catch (error) {
    // Whether a file outside the roots exists is not for the input to find out.
    const resolved = join(realOrResolved(dirname(file)), basename(file));
    if (outside(resolved)) return { problem: { reason: 'outside', resolved } };
    return { problem: { reason: 'missing', ...systemProblem(error) } };
  }
  if (outside(real)) return { problem: { reason: 'outside', resolved: real } };
  return { file, real };
}

/** Reads a file a path written in another file named: inside the roots, regular, bounded. */
export function readInRoots(ref: string, fromFile: string, roots: readonly string[], limit: number): (FileBytes & { file: string }) | { problem: FileProblem } {
  const resolved = resolveInRoots(ref, fromFile, roots);
  if ('problem' in resolved) return resolved;
  const read = readBounded(resolved.real, { limit, regularOnly: true, noFollow: true });
  return 'problem' in read ? read : { ...read, file: resolved.file };
}

export function within(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

export function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Side files of the CLI (and a test file), as `file_too_large` names them. */
export type SideFile = 'calendar' | 'units' | 'roster' | 'map' | 'tests' | 'assessment' | 'score-sheet' | 'feed';

/** Most bytes a `--units` or `--roster` file may have (a list of units or areas, not records). */
export const MAX_ROSTER_BYTES = 16 * 1024 * 1024;

/**
 * A side file named on the command line (the user's choice: no root check), read as a regular file
 * within `limit` bytes; a missing one, a folder, a device, a FIFO or an oversized one is a diagnostic at
 * its 1:1 (`file_not_found`, `file_too_large`).
 */
export function readSideFile(path: string, what: SideFile, limit: number, locale: Locale): { bytes: Buffer } | { diagnostic: Diagnostic } {
  const read = readBounded(path, { limit, regularOnly: true });
  if (!('problem' in read)) return { bytes: read.bytes };
  const p = read.problem;
  const [code, data] =
    p.reason === 'too_large'
      ? (['file_too_large', { ...(p.bytes === undefined ? {} : { bytes: p.bytes }), limit: p.limit, what }] as const)
      : (['file_not_found', p.reason === 'missing' ? { reason: p.code, detail: p.detail } : { notFile: true }] as const);
  return { diagnostic: makeDiagnostic({ code, file: path, ...START, path: [], data }, locale) };
}
