/**
 * Text → YAML Document (with positions) → zod → cross-checks → a Standard, or every diagnostic at once.
 * Only `loadStandard` touches the file system.
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isAlias, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { z } from 'zod';
import {
  DIAGNOSTIC_CODES,
  hasErrors,
  formatPath,
  makeDiagnostic,
  sortDiagnostics,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticPath,
} from '../diagnostics.js';
import type { Locale } from '../messages/types.js';
import { DocumentPositions, START, type Position } from '../positions.js';
import { applyOverlay, Origins, type Located, type PathLocator } from './overlay.js';
import { RULE_KIND_NAMES } from '../rules/index.js';
import { suggest } from '../suggest.js';
import { checkStandard } from './check.js';
import { StandardSchema, type Standard } from './schema.js';

/** Standards are small documents; anything larger is a mistake (or an attack), not a standard. */
export const MAX_STANDARD_BYTES = 1024 * 1024;
/** Aliases a standard may expand; a billion-laughs file stops here with a diagnostic. */
export const MAX_ALIAS_COUNT = 100;

export interface ParseOptions {
  /** Shown in diagnostics; '<inline>' by default. */
  readonly file?: string;
  readonly locale?: Locale;
}

export type LoadResult =
  | { readonly ok: true; readonly standard: Standard; readonly warnings: readonly Diagnostic[]; readonly file: string }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[]; readonly file: string };

/** Reads a base standard named by `extends:` (a path relative to the extending file). */
export type BaseResolver = (ref: string, fromFile: string) => { text: string; file: string } | { error: string };

export interface ParseOptionsWithBase extends ParseOptions {
  /** How `extends:` finds its base; `loadStandard` reads files. Without it an overlay cannot load. */
  readonly resolveBase?: BaseResolver;
}

/** Turns a path of the (possibly merged) document into file:line:col. */
type Locator = PathLocator;

function documentLocator(file: string, positions: DocumentPositions): Locator {
  return {
    atPath: (path) => ({ file, ...positions.atPath(path) }),
    atKey: (path, key) => ({ file, ...positions.atKey(path, key) }),
    sourceText: (path) => positions.sourceText(path),
  };
}

function originLocator(root: unknown, origins: Origins, fallback: Locator): Locator {
  return {
    atPath: (path) => origins.locate(root, path) ?? fallback.atPath(path),
    atKey: (path, key) => origins.locateKey(root, path, key) ?? fallback.atKey(path, key),
    sourceText: (path) => origins.sourceText(root, path),
  };
}

interface Parsed {
  readonly raw: unknown;
  readonly locator: Locator;
  /** `id@version` of this file and every standard it extends, nearest first. */
  readonly chain: readonly string[];
}

/**
 * Parses and validates a standard from YAML text. Never throws on bad input.
 *
 * @example
 * ```ts
 * import { parseStandard } from 'scoresheet';
 *
 * const result = parseStandard('id: t\nversion: "1"\nname: { en: T }\nscoring: { mode: deduct }\ncategories: []\n', { file: 't.yaml' });
 * if (!result.ok) for (const d of result.diagnostics) console.error(`${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
 * ```
 */
export function parseStandard(text: string, options: ParseOptionsWithBase = {}): LoadResult {
  const file = options.file ?? '<inline>';
  const locale = options.locale ?? 'en';
  const diagnostics: Diagnostic[] = [];
  const emit = (code: DiagnosticCode, at: Located, path: DiagnosticPath, data?: Record<string, unknown>, severity?: 'warning') =>
    diagnostics.push(makeDiagnostic({ code, file: at.file, line: at.line, column: at.column, path, ...(data ? { data } : {}), ...(severity ? { severity } : {}) }, locale));
  const fail = (): LoadResult => ({ ok: false, diagnostics: sortDiagnostics(diagnostics), file });

  const parsedDoc = parseDocumentText(text, file, emit, options.resolveBase, [file]);
  if (!parsedDoc) return fail();
  const { raw, locator, chain } = parsedDoc;

  const parsed = StandardSchema.safeParse(raw);
  if (!parsed.success) {
    const mapped = parsed.error.issues.flatMap((issue) => mapIssue(issue, raw, locator));
    // One typo, one error: a key missing beside the unknown key that is its misspelling
    // (`pointz` for `points`) is said by the unknown key's did-you-mean.
    const misspelt = new Set(mapped.filter((d) => d.code === 'unknown_key' && d.data.suggestion).map((d) => formatPath([...d.path.slice(0, -1), d.data.suggestion as string])));
    for (const d of mapped) if (!(d.code === 'missing_key' && misspelt.has(formatPath(d.path)))) emit(d.code, d.at, d.path, d.data);
  }
  for (const finding of checkStandard(raw)) {
    const data: Record<string, unknown> = { ...(finding.data ?? {}) };
    if (finding.firstPath) {
      const first = locator.atPath(finding.firstPath);
      data.first = first.file === locator.atPath(finding.path).file ? `${first.line}:${first.column}` : `${first.file}:${first.line}:${first.column}`;
    }
    if (finding.code === 'numeric_version') data.written = locator.sourceText(finding.path) ?? String(data.value);
    emit(finding.code, locator.atPath(finding.path), finding.path, data, finding.severity === 'warning' ? 'warning' : undefined);
  }

  if (!parsed.success || hasErrors(diagnostics)) return fail();
  const standard = chain.length > 1 ? { ...parsed.data, lineage: [...chain] } : parsed.data;
  return { ok: true, standard, warnings: sortDiagnostics(diagnostics), file };
}

type Emit = (code: DiagnosticCode, at: Located, path: DiagnosticPath, data?: Record<string, unknown>, severity?: 'warning') => void;

/** One file's text → raw value with a locator; an overlay is merged onto its base chain first. */
function parseDocumentText(text: string, file: string, emit: Emit, resolveBase: BaseResolver | undefined, visiting: readonly string[]): Parsed | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_STANDARD_BYTES) {
    emit('file_too_large', { file, ...START }, [], { bytes, limit: MAX_STANDARD_BYTES });
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const positions = new DocumentPositions(doc, lineCounter, text);
  const locator = documentLocator(file, positions);
  let syntaxBroken = false;
  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    syntaxBroken ||= !duplicate;
    emit(duplicate ? 'yaml_duplicate_key' : 'yaml_syntax', { file, ...positions.atOffset(error.pos[0]) }, [], { detail: firstLine(error.message), yamlCode: error.code });
  }
  // A broken document has no trustworthy structure to validate further.
  if (syntaxBroken) return undefined;

  const raw = toJS(doc);
  if (raw === ALIAS_LIMIT) {
    emit('yaml_alias_limit', { file, ...aliasPosition(doc, positions) }, [], { limit: MAX_ALIAS_COUNT });
    return undefined;
  }
  const self = chainEntry(raw);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('extends' in raw)) return { raw, locator, chain: [self] };

  // An overlay: load its base (recursively), then apply this file's changes on top.
  const overlay = raw as Record<string, unknown>;
  const ref = overlay.extends;
  if (typeof ref !== 'string') {
    emit('invalid_type', locator.atPath(['extends']), ['extends'], { expected: 'string (a path to the base standard)', received: typeof ref });
    return undefined;
  }
  if (!resolveBase) {
    emit('file_not_found', locator.atPath(['extends']), ['extends'], { detail: 'an overlay is loaded from a file (loadStandard), which resolves `extends:`' });
    return undefined;
  }
  const base = resolveBase(ref, file);
  if ('error' in base) {
    emit('file_not_found', locator.atPath(['extends']), ['extends'], { detail: base.error });
    return undefined;
  }
  if (visiting.includes(base.file)) {
    emit('extends_cycle', locator.atPath(['extends']), ['extends'], { chain: [...visiting, base.file].join(' → ') });
    return undefined;
  }
  const parent = parseDocumentText(base.text, base.file, emit, resolveBase, [...visiting, base.file]);
  if (!parent) return undefined;
  if (typeof parent.raw !== 'object' || parent.raw === null || Array.isArray(parent.raw)) {
    // A base that is empty, a list or a scalar is no standard to extend: say so at the `extends:`.
    emit('invalid_type', locator.atPath(['extends']), ['extends'], { expected: `a standard (a map) in ${base.file}`, received: describe(parent.raw) });
    return undefined;
  }
  const origins = new Origins();
  const merged = structuredClone(parent.raw) as Record<string, unknown>;
  // The copy has the base's shape, so the base's locator places every value it did not change.
  origins.track(merged, parent.locator, []);
  const problems = applyOverlay(merged, overlay, locator, origins);
  for (const p of problems) emit(p.code, locator.atPath(p.path), p.path, p.data);
  if (problems.length > 0) return undefined;
  return { raw: merged, locator: originLocator(merged, origins, locator), chain: [self, ...parent.chain] };
}

function chainEntry(raw: unknown): string {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return `${String(r.id ?? '?')}@${String(r.version ?? '?')}`;
}

/**
 * Reads and parses a standard file. A missing or oversized file is a diagnostic, not an exception.
 *
 * @example
 * ```ts
 * import { formatDiagnostic, loadStandard, shippedStandard } from 'scoresheet';
 *
 * const loaded = await loadStandard(shippedStandard('school-hygiene'), { locale: 'zh-CN' });
 * if (!loaded.ok) console.error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
 * ```
 */
export async function loadStandard(path: string, options: Omit<ParseOptions, 'file'> = {}): Promise<LoadResult> {
  const locale = options.locale ?? 'en';
  try {
    const info = await stat(path);
    if (info.size > MAX_STANDARD_BYTES) {
      const d = makeDiagnostic({ code: 'file_too_large', file: path, ...START, path: [], data: { bytes: info.size, limit: MAX_STANDARD_BYTES } }, locale);
      return { ok: false, diagnostics: [d], file: path };
    }
    return parseStandard(await readFile(path, 'utf8'), { file: path, locale, resolveBase: readBase });
  } catch (error) {
    const d = makeDiagnostic({ code: 'file_not_found', file: path, ...START, path: [], data: { detail: (error as Error).message } }, locale);
    return { ok: false, diagnostics: [d], file: path };
  }
}

/** `extends: ../school-hygiene.yaml` is relative to the extending file. */
const readBase: BaseResolver = (ref, fromFile) => {
  const file = join(dirname(fromFile), ref);
  try {
    if (statSync(file).size > MAX_STANDARD_BYTES) return { error: `${file} is larger than ${MAX_STANDARD_BYTES} bytes` };
    return { text: readFileSync(file, 'utf8'), file };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

const ALIAS_LIMIT = Symbol('alias limit');

function toJS(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError) return ALIAS_LIMIT;
    throw error;
  }
}

function aliasPosition(doc: Document, positions: DocumentPositions): Position {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset === undefined ? START : positions.atOffset(offset);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

interface MappedIssue {
  code: DiagnosticCode;
  at: Located;
  path: DiagnosticPath;
  data: Record<string, unknown>;
}

/** One zod issue → one or more diagnostics, each placed by the route that fits it. */
function mapIssue(issue: z.core.$ZodIssue, raw: unknown, locator: Locator): MappedIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const at = (code: DiagnosticCode, data: Record<string, unknown> = {}, p: DiagnosticPath = path): MappedIssue => ({
    code,
    at: locator.atPath(p),
    path: p,
    data: { detail: issue.message, ...data },
  });
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        code: 'unknown_key' as const,
        at: locator.atKey(path, key),
        path: [...path, key],
        // A key the format knows elsewhere (tags on a category) is misplaced, not misspelt.
        data: knownKeys().has(key) ? { key, misplaced: true } : { key, suggestion: suggest(key, knownKeys()) },
      }));
    case 'invalid_type': {
      if (path[path.length - 1] === 'version' && path.length === 1 && typeof valueAt(raw, path) === 'number') return []; // numeric_version says it better
      if (valueAt(raw, path) === undefined) return [at('missing_key', { key: path[path.length - 1] ?? '' })];
      return [at('invalid_type', { expected: issue.expected, received: describe(valueAt(raw, path)) })];
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator === 'kind') {
        const value = valueAt(raw, path);
        if (value === undefined) return [at('missing_key', { key: 'kind' })];
        return [at('unknown_rule_kind', { kind: String(value), suggestion: suggest(String(value), RULE_KIND_NAMES), known: RULE_KIND_NAMES.join(', ') })];
      }
      if (valueAt(raw, path) === undefined) return [at('missing_key', { key: path[path.length - 1] ?? '' })];
      // Not a discriminated union (a number or { min, max }): when the value's type fits one branch
      // only, that branch's issues say what is wrong; when it fits none, it is the wrong type.
      const wrongType = (branch: z.core.$ZodIssue[]) => branch.length === 1 && branch[0]!.code === 'invalid_type' && branch[0]!.path.length === 0;
      const fitting = issue.errors.filter((branch) => !wrongType(branch));
      if (issue.errors.length > 0 && fitting.length === 0) {
        const expected = issue.errors.map((branch) => (branch[0] as { expected?: string }).expected).join(' or ');
        return [at('invalid_type', { expected, received: describe(valueAt(raw, path)) })];
      }
      if (fitting.length === 1) return fitting[0]!.flatMap((inner) => mapIssue({ ...inner, path: [...issue.path, ...inner.path] }, raw, locator));
      return [at('invalid_value', {})];
    }
    case 'invalid_value':
      // A required enum or literal that is absent (per-step without `partial`) is a missing key.
      if (valueAt(raw, path) === undefined && path.length > 0) return [at('missing_key', { key: path[path.length - 1] })];
      return [at('invalid_value', { expected: issue.values.map(String).join(' | '), received: describe(valueAt(raw, path)) })];
    case 'too_small':
    case 'too_big':
      return [at('out_of_range', {})];
    case 'invalid_format':
      return [at('invalid_id', { value: String(valueAt(raw, path)) })];
    case 'invalid_key': {
      // A record key that fails its schema (an id with a space): point at the key itself.
      const key = path[path.length - 1];
      const parent = path.slice(0, -1);
      const located = typeof key === 'string' ? locator.atKey(parent, key) : locator.atPath(path);
      const badId = issue.issues.some((inner) => inner.code === 'invalid_format');
      return [{ code: badId ? 'invalid_id' : 'invalid_value', at: located, path, data: { detail: issue.message, value: String(key) } }];
    }
    case 'custom': {
      const { code: wanted, ...params } = (issue.params ?? {}) as { code?: string } & Record<string, unknown>;
      return [at(customCode(wanted), params)];
    }
    default:
      return [at('invalid_value', {})];
  }
}

/** A custom issue's `params.code` as a diagnostic code (the condition schema says `bad_condition`). */
function customCode(code: string | undefined): DiagnosticCode {
  if (code === 'bad_condition') return 'invalid_condition';
  return (DIAGNOSTIC_CODES as readonly string[]).includes(code ?? '') ? (code as DiagnosticCode) : 'invalid_value';
}

function valueAt(raw: unknown, path: DiagnosticPath): unknown {
  let current = raw;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

let vocabulary: Set<string> | undefined;
/** Every key the format knows, for did-you-mean on an unknown key. */
function knownKeys(): Set<string> {
  if (vocabulary) return vocabulary;
  const keys = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && typeof value === 'object' && value !== null) for (const k of Object.keys(value)) keys.add(k);
      walk(value);
    }
  };
  walk(z.toJSONSchema(StandardSchema, { io: 'input', unrepresentable: 'any' }));
  vocabulary = keys;
  return keys;
}
