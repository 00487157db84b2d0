/**
 * An assessment file (docs/assessments.md): YAML text → an Assessment, with every problem at once as a
 * diagnostic with its file:line:col; then the standards it names, loaded as `extends:` finds a base
 * (inside the working directory's tree, the file's own folder's, or an --allow-root), and checked
 * against it (a stage's kinds are its standard's kinds).
 */
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { pushAll } from '../collections.js';
import { readSideFile } from '../files.js';
import { makeDiagnostic, sortDiagnostics, type Diagnostic, type DiagnosticCode, type DiagnosticPath } from '../diagnostics.js';
import type { Locale } from '../messages/locales.js';
import { pointsToNumber, roundPoints } from '../points.js';
import { DocumentPositions, START } from '../positions.js';
import { suggest } from '../suggest.js';
import { documentLocator, mapIssue, MAX_ALIAS_COUNT, MAX_STANDARD_BYTES, type LoadOptions } from '../standard/load.js';
import { loadNamedStandard, readProblem } from '../standard/load-file.js';
import type { Standard } from '../standard/schema.js';
import { CompositeSchema, StagesSchema, type Assessment } from './schema.js';

export type AssessmentParse = { readonly ok: true; readonly assessment: Assessment } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** An assessment with the standards it names: a composite's by part id, a stages file's under its own id. */
export type AssessmentLoad =
  | { readonly ok: true; readonly assessment: Assessment; readonly standards: ReadonlyMap<string, Standard> }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface AssessmentOptions {
  /** Shown in diagnostics; '<inline>' by default. */
  readonly file?: string;
  readonly locale?: Locale;
}

interface Parsed {
  readonly result: AssessmentParse;
  readonly positions?: DocumentPositions;
}

/** `first`: where a duplicate was first defined, said as its line:col. */
type Emit = (code: DiagnosticCode, path: DiagnosticPath, data: Record<string, unknown>, messageId?: string, first?: DiagnosticPath) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseWithPositions(text: string, options: AssessmentOptions): Parsed {
  const file = options.file ?? '<inline>';
  const locale = options.locale ?? 'en';
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const positions = new DocumentPositions(doc, lineCounter, text);
  const fail = (): Parsed => ({ result: { ok: false, diagnostics: sortDiagnostics(diagnostics) } });
  const emit: Emit = (code, path, data, messageId, first) => {
    const at = first === undefined ? undefined : positions.atPath(first);
    const all = at === undefined ? data : { ...data, first: `${at.line}:${at.column}` };
    diagnostics.push(makeDiagnostic({ code, file, ...positions.atPath(path), path, data: all, ...(messageId ? { messageId } : {}) }, locale));
  };
  for (const error of doc.errors) {
    const at = positions.atOffset(error.pos[0]);
    diagnostics.push(makeDiagnostic({ code: error.code === 'DUPLICATE_KEY' ? 'yaml_duplicate_key' : 'yaml_syntax', file, ...at, path: [], data: { detail: error.message.split('\n')[0], yamlCode: error.code } }, locale));
  }
  if (diagnostics.length > 0) return fail();
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    diagnostics.push(makeDiagnostic({ code: 'yaml_alias_limit', file, ...START, path: [], data: { limit: MAX_ALIAS_COUNT } }, locale));
    return fail();
  }
  const kind = isObject(raw) ? raw.assess : undefined;
  const schema = kind === 'composite' ? CompositeSchema : kind === 'stages' ? StagesSchema : undefined;
  if (schema === undefined) {
    if (kind === undefined) emit('missing_key', [], { key: 'assess' });
    else emit('invalid_value', ['assess'], { expected: 'composite | stages', received: JSON.stringify(kind) });
    return fail();
  }
  const parsed = (schema as z.ZodType<Assessment>).safeParse(raw);
  if (!parsed.success) {
    const locator = documentLocator(file, positions);
    for (const issue of parsed.error.issues) {
      for (const d of mapIssue(issue, raw, locator)) diagnostics.push(makeDiagnostic({ code: d.code, file, line: d.at.line, column: d.at.column, path: d.path, data: d.data, ...(d.messageId ? { messageId: d.messageId } : {}) }, locale));
    }
    return fail();
  }
  checkAssessment(parsed.data, emit);
  if (diagnostics.length > 0) return fail();
  return { result: { ok: true, assessment: parsed.data }, positions };
}

/** What zod cannot say: unique ids, weights that add up as declared, a scale that is not flat. */
function checkAssessment(a: Assessment, emit: Emit): void {
  const unique = (ids: readonly string[], key: 'parts' | 'stages', what: string) => {
    const seen = new Map<string, number>();
    ids.forEach((id, i) => {
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else emit('duplicate_id', [key, i, 'id'], { what, id }, undefined, [key, first, 'id']);
    });
  };
  if (a.assess === 'composite') {
    unique(a.parts.map((p) => p.id), 'parts', 'part');
    const sum = a.parts.reduce((s, p) => s + roundPoints(p.weight), 0);
    if (sum !== roundPoints(a.total)) emit('invalid_assessment', ['total'], { sum: pointsToNumber(sum), total: a.total }, 'assess.weight_sum');
    a.parts.forEach((p, i) => {
      if (roundPoints(p.best) === roundPoints(p.worst)) emit('invalid_assessment', ['parts', i, 'best'], { best: p.best }, 'assess.flat_scale');
    });
    const bands = new Map<string, number>();
    a.bands.forEach((b, i) => {
      const first = bands.get(b.id);
      if (first === undefined) bands.set(b.id, i);
      else emit('duplicate_id', ['bands', i, 'id'], { what: 'band', id: b.id }, undefined, ['bands', first, 'id']);
    });
    return;
  }
  unique(a.stages.map((s) => s.id), 'stages', 'stage');
  const owner = new Map<string, string>();
  a.stages.forEach((stage, i) =>
    stage.kinds.forEach((kind, k) => {
      const other = owner.get(kind);
      if (other !== undefined) emit('invalid_assessment', ['stages', i, 'kinds', k], { kind, stage: other }, 'assess.kind_twice');
      else owner.set(kind, stage.id);
    }),
  );
  if (a.final === 'weighted') {
    const missing = a.stages.findIndex((s) => s.weight === undefined);
    if (missing >= 0) emit('missing_key', ['stages', missing], { key: 'weight' });
    else {
      const sum = a.stages.reduce((s, st) => s + roundPoints(st.weight!), 0);
      if (sum !== roundPoints(1)) emit('invalid_assessment', ['final'], { sum: pointsToNumber(sum), total: 1 }, 'assess.weight_sum');
    }
  }
}

/**
 * Parses and checks an assessment from YAML text, without the standards it names. Never throws.
 *
 * @example
 * ```ts
 * import { parseAssessment } from 'scoresheet/league';
 *
 * const r = parseAssessment('assess: composite\nid: x\nname: { en: X }\ntotal: 100\nparts: []\n');
 * if (!r.ok) console.error(r.diagnostics[0]!.message);
 * ```
 */
export function parseAssessment(text: string, options: AssessmentOptions = {}): AssessmentParse {
  return parseWithPositions(text, options).result;
}

/**
 * Reads an assessment file and loads the standards it names; every problem, of the file or of a
 * standard it names, is a diagnostic.
 *
 * @example
 * ```ts
 * import { loadAssessment } from 'scoresheet/league';
 *
 * const loaded = await loadAssessment('standards/assessments/civilised-community.yaml', { locale: 'zh-CN' });
 * if (loaded.ok) console.log([...loaded.standards.keys()]); // the part ids
 * ```
 */
export async function loadAssessment(path: string, options: LoadOptions = {}): Promise<AssessmentLoad> {
  const locale = options.locale ?? 'en';
  const read = readSideFile(path, 'assessment', MAX_STANDARD_BYTES, locale);
  if ('diagnostic' in read) return { ok: false, diagnostics: [read.diagnostic] };
  const parsed = parseWithPositions(read.bytes.toString('utf8').replace(/^\uFEFF/, ''), { file: path, locale });
  if (!parsed.result.ok) return parsed.result;
  const assessment = parsed.result.assessment;
  const positions = parsed.positions!;
  const diagnostics: Diagnostic[] = [];
  const emit: Emit = (code, p, data, messageId) =>
    diagnostics.push(makeDiagnostic({ code, file: path, ...positions.atPath(p), path: p, data, ...(messageId ? { messageId } : {}) }, locale));
  const named: { key: string; ref: string; path: DiagnosticPath }[] =
    assessment.assess === 'composite'
      ? assessment.parts.map((p, i) => ({ key: p.id, ref: p.standard, path: ['parts', i, 'standard'] }))
      : [{ key: assessment.id, ref: assessment.standard, path: ['standard'] }];
  const standards = new Map<string, Standard>();
  const byStandardId = new Map<string, string>();
  for (const { key, ref, path: at } of named) {
    const loaded = loadNamedStandard(ref, path, options);
    if ('problem' in loaded) {
      const problem = readProblem(loaded.problem, ref);
      emit(problem.code, at, problem.data);
      continue;
    }
    if (!loaded.ok) {
      pushAll(diagnostics, loaded.diagnostics);
      continue;
    }
    // A record names its standard by id: two parts of one standard could not tell its records apart.
    const other = byStandardId.get(loaded.standard.id);
    if (other !== undefined) emit('invalid_assessment', at, { standard: loaded.standard.id, part: other }, 'assess.same_standard');
    byStandardId.set(loaded.standard.id, key);
    standards.set(key, loaded.standard);
  }
  if (assessment.assess === 'stages') {
    const standard = standards.get(assessment.id);
    if (standard !== undefined) {
      const kinds = (standard.kinds ?? []).map((k) => k.id);
      assessment.stages.forEach((stage, i) =>
        stage.kinds.forEach((kind, k) => {
          if (!kinds.includes(kind)) emit('unknown_reference', ['stages', i, 'kinds', k], { what: 'kind', id: kind, suggestion: suggest(kind, kinds) });
        }),
      );
    }
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  return { ok: true, assessment, standards };
}
