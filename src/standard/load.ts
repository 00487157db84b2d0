/**
 * Text → YAML Document (with positions) → zod → cross-checks → a Standard, or every diagnostic at once.
 * No file system here: `loadStandard` and `loadNamedStandard` (load-file.ts) read files, so that this
 * module runs in a browser too.
 */
import { isAlias, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { z } from 'zod';
import {
  STANDARD_DIAGNOSTIC_CODES,
  hasErrors,
  formatPath,
  makeDiagnostic,
  sortDiagnostics,
  type CodedProblem,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticPath,
} from '../diagnostics.js';
import type { Locale } from '../messages/locales.js';
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

export interface LoadOptions extends Omit<ParseOptions, 'file'> {
  /**
   * Folders where `extends:` may find a base, besides the working directory's tree and the loaded
   * standard's own folder's tree (the CLI's `--allow-root DIR`).
   */
  readonly allowRoots?: readonly string[];
}

export type LoadResult =
  | { readonly ok: true; readonly standard: Standard; readonly warnings: readonly Diagnostic[]; readonly file: string }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[]; readonly file: string };

/** A standard's text and where it came from. */
export interface Source {
  /** As shown in diagnostics. */
  readonly file: string;
  readonly text: string;
  /** What identifies the file for cycle detection (its real path); `file` when not read from disk. */
  readonly key?: string;
  /** false for a file another file named (a test file's `standard:`): like a base, it is never quoted. */
  readonly named?: boolean;
  /** Where the bytes were not UTF-8 (each such place reads as U+FFFD in `text`). */
  readonly badUtf8?: BadUtf8;
}

export interface BadUtf8 {
  /** Offset in `text` of the first place. */
  readonly textOffset: number;
  /** The first offending byte, as two hex digits. */
  readonly byte: string;
  readonly count: number;
}

/**
 * Reads a base standard named by `extends:` (a path relative to the extending file), or says why it
 * cannot: a diagnostic code and its data (`{ code: 'file_not_found', data: { detail } }`), placed at the `extends:`.
 */
export type BaseResolver = (ref: string, fromFile: string) => Source | { problem: CodedProblem };

export interface ParseOptionsWithBase extends ParseOptions {
  /** How `extends:` finds its base; `loadStandard` reads files. Without it an overlay cannot load. */
  readonly resolveBase?: BaseResolver;
}

/** Turns a path of the (possibly merged) document into file:line:col. */
type Locator = PathLocator;

export function documentLocator(file: string, positions: DocumentPositions): Locator {
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
  return parseSource({ file: options.file ?? '<inline>', text }, options);
}

/** Parses a standard's text with where it came from (load-file.ts reads files into one). */
export function parseSource(source: Source, options: ParseOptionsWithBase): LoadResult {
  const file = source.file;
  const locale = options.locale ?? 'en';
  const diagnostics: Diagnostic[] = [];
  const emit = (code: DiagnosticCode, at: Located, path: DiagnosticPath, data?: Record<string, unknown>, severity?: 'warning', messageId?: string) =>
    diagnostics.push(makeDiagnostic({ code, file: at.file, line: at.line, column: at.column, path, ...(data ? { data } : {}), ...(severity ? { severity } : {}), ...(messageId ? { messageId } : {}) }, locale));
  const fail = (): LoadResult => ({ ok: false, diagnostics: sortDiagnostics(diagnostics), file });

  const parsedDoc = parseDocumentText(source, emit, options.resolveBase, [source]);
  if (!parsedDoc) return fail();
  const { raw, locator, chain } = parsedDoc;
  if (source.named === false && !looksLikeStandard(raw)) {
    // Not a standard (another file named it: /etc/passwd, a config): said without quoting it.
    emit('invalid_type', { file, ...START }, [], { expected: 'a standard (a map with categories)', received: kindOf(raw) });
    return fail();
  }

  const parsed = StandardSchema.safeParse(raw);
  if (!parsed.success) {
    const mapped = parsed.error.issues.flatMap((issue) => mapIssue(issue, raw, locator));
    // One typo, one error: a key missing beside the unknown key that is its misspelling
    // (`pointz` for `points`) is said by the unknown key's did-you-mean.
    const misspelt = new Set(mapped.filter((d) => d.code === 'unknown_key' && d.data.suggestion).map((d) => formatPath([...d.path.slice(0, -1), d.data.suggestion as string])));
    for (const d of mapped) if (!(d.code === 'missing_key' && misspelt.has(formatPath(d.path)))) emit(d.code, d.at, d.path, d.data, undefined, d.messageId);
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

type Emit = (code: DiagnosticCode, at: Located, path: DiagnosticPath, data?: Record<string, unknown>, severity?: 'warning', messageId?: string) => void;

/** One file's text → raw value with a locator; an overlay is merged onto its base chain first. */
function parseDocumentText(source: Source, emit: Emit, resolveBase: BaseResolver | undefined, visiting: readonly Source[]): Parsed | undefined {
  const { file, text } = source;
  // The file the caller named speaks in full; a base may be any file `extends:` reached, so its
  // diagnostics never quote it (a YAML error's excerpt, a value it holds).
  const named = visiting.length === 1 && source.named !== false;
  const bytes = utf8Length(text);
  if (bytes > MAX_STANDARD_BYTES) {
    emit('file_too_large', { file, ...START }, [], { bytes, limit: MAX_STANDARD_BYTES });
    return undefined;
  }
  const lineCounter = new LineCounter();
  // logLevel 'error': yaml's warnings (a list used as a key) would reach stderr as process warnings; the checks report them.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const positions = new DocumentPositions(doc, lineCounter, text);
  const locator = documentLocator(file, positions);
  if (source.badUtf8) {
    const { textOffset, byte, count } = source.badUtf8;
    emit('invalid_utf8', { file, ...positions.atOffset(textOffset) }, [], { byte, count });
  }
  let syntaxBroken = false;
  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    syntaxBroken ||= !duplicate;
    emit(duplicate ? 'yaml_duplicate_key' : 'yaml_syntax', { file, ...positions.atOffset(error.pos[0]) }, [], named ? { detail: firstLine(error.message), yamlCode: error.code } : { yamlCode: error.code });
  }
  // A broken document has no trustworthy structure to validate further.
  if (syntaxBroken) return undefined;

  const raw = toJS(doc);
  if (raw === ALIAS_LIMIT) {
    emit('yaml_alias_limit', { file, ...aliasPosition(doc, positions) }, [], { limit: MAX_ALIAS_COUNT });
    return undefined;
  }
  if (raw instanceof UnresolvedAlias) {
    emit('yaml_syntax', { file, ...aliasPosition(doc, positions, raw.name) }, [], { detail: raw.message, yamlCode: 'BAD_ALIAS' });
    return undefined;
  }
  const self = chainEntry(raw);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('extends' in raw)) return { raw, locator, chain: [self] };

  // An overlay: load its base (recursively), then apply this file's changes on top.
  const overlay = raw as Record<string, unknown>;
  const ref = overlay.extends;
  const at = locator.atPath(['extends']);
  if (typeof ref !== 'string') {
    emit('invalid_type', at, ['extends'], { received: typeof ref }, undefined, 'schema.extends_not_string');
    return undefined;
  }
  if (!resolveBase) {
    emit('file_not_found', at, ['extends'], { reason: 'overlay_needs_file' });
    return undefined;
  }
  const base = resolveBase(ref, file);
  if ('problem' in base) {
    emit(base.problem.code, at, ['extends'], base.problem.data);
    return undefined;
  }
  const key = (s: Source) => s.key ?? s.file;
  if (visiting.some((v) => key(v) === key(base))) {
    emit('extends_cycle', at, ['extends'], { chain: [...visiting, base].map((v) => v.file).join(' → ') });
    return undefined;
  }
  const parent = parseDocumentText(base, emit, resolveBase, [...visiting, base]);
  if (!parent) return undefined;
  if (!looksLikeStandard(parent.raw)) {
    // Not a standard (empty, a list, text, some other map): said at the `extends:`, without quoting it.
    emit('invalid_type', at, ['extends'], { file: base.file, received: kindOf(parent.raw) }, undefined, 'schema.extends_not_standard');
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

/** A base must be a standard (or an overlay of one) before any of its keys is reported. */
function looksLikeStandard(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && ('categories' in raw || 'extends' in raw);
}

function chainEntry(raw: unknown): string {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return `${String(r.id ?? '?')}@${String(r.version ?? '?')}`;
}

const ALIAS_LIMIT = Symbol('alias limit');

/** An alias whose anchor is not set before it: yaml throws the same ReferenceError as for the alias limit. */
class UnresolvedAlias {
  constructor(
    readonly name: string,
    readonly message: string,
  ) {}
}

function toJS(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const unresolved = /^Unresolved alias \(the anchor must be set before the alias\): (.*)$/.exec(error.message);
    return unresolved ? new UnresolvedAlias(unresolved[1]!, error.message) : ALIAS_LIMIT;
  }
}

/** The first alias (named `name`, when given). */
function aliasPosition(doc: Document, positions: DocumentPositions, name?: string): Position {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range && (name === undefined || node.source === name)) {
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

export interface MappedIssue {
  code: DiagnosticCode;
  at: Located;
  path: DiagnosticPath;
  data: Record<string, unknown>;
  /** The catalogue's words for it when not `diagnostic.<code>` (a custom issue's `params.messageId`). */
  messageId?: string;
}

/** One zod issue → one or more diagnostics, each placed by the route that fits it. */
export function mapIssue(issue: z.core.$ZodIssue, raw: unknown, locator: Locator): MappedIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  // A schema's own words are a message id (schema.*); zod's are said by the catalogues from the issue's data.
  const ownId = /^(schema|condition)\.[a-z_]+$/.test(issue.message) ? issue.message : undefined;
  const at = (code: DiagnosticCode, data: Record<string, unknown> = {}, p: DiagnosticPath = path, messageId?: string): MappedIssue => {
    // The schema's own words stand where the code's would say only the detail (no key, expected type or limit to tell).
    const words = messageId ?? (ownId !== undefined && !('key' in data) && !('expected' in data) && !('max' in data) ? ownId : undefined);
    return {
      code,
      at: locator.atPath(p),
      path: p,
      data: ownId !== undefined || words !== undefined ? data : { detail: issue.message, ...data },
      ...(words !== undefined ? { messageId: words } : {}),
    };
  };
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
    case 'too_big': {
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const data = { origin: issue.origin, limit: String(limit), inclusive: issue.inclusive !== false, exact: issue.exact === true };
      return [at('out_of_range', data, path, ownId ?? `schema.${issue.code}`)];
    }
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
      // A custom issue carries a code, a message id and its data (issue.message is the id: no words are built in code).
      const { code: wanted, messageId, ...params } = (issue.params ?? {}) as { code?: string; messageId?: string } & Record<string, unknown>;
      if (typeof messageId === 'string') return [{ code: customCode(wanted), at: locator.atPath(path), path, data: params, messageId }];
      return [at(customCode(wanted), params)];
    }
    default:
      return [at('invalid_value', {})];
  }
}

/** A custom issue's `params.code` as a diagnostic code (the condition schema says `bad_condition`). */
function customCode(code: string | undefined): DiagnosticCode {
  if (code === 'bad_condition') return 'invalid_condition';
  return (STANDARD_DIAGNOSTIC_CODES as readonly string[]).includes(code ?? '') ? (code as DiagnosticCode) : 'invalid_value';
}

function valueAt(raw: unknown, path: DiagnosticPath): unknown {
  let current = raw;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** What kind of value this is, without the value itself. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'map';
  return typeof value;
}

function describe(value: unknown): string {
  return typeof value === 'object' || value === undefined ? kindOf(value) : `${kindOf(value)} ${JSON.stringify(value)}`;
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

/** The UTF-8 length of `text` in bytes, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
