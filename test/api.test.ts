/**
 * The public API: the root export is the verbs of the flow, each subpath is an entry of the build and
 * of package.json's exports, internals stay inside, and every exported function and class has an
 * `@example` that type-checks against the sources (one TypeScript program for all of them, in-process).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/built.js';
import * as root from '../src/index.js';

/** Subpath → its source entry; `.` is the root. */
const ENTRIES: Readonly<Record<string, string>> = {
  '.': 'src/index.ts',
  './records': 'src/entries/records.ts',
  './league': 'src/entries/league.ts',
  './report': 'src/entries/report.ts',
  './import': 'src/entries/import.ts',
  './testing': 'src/entries/testing.ts',
  './schemas': 'src/entries/schemas.ts',
  './browser': 'src/entries/browser.ts',
};

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  typeRoots: [join(ROOT, 'node_modules/@types')],
  strict: true,
  noUncheckedIndexedAccess: true,
  esModuleInterop: true,
  resolveJsonModule: true,
  skipLibCheck: true,
  noEmit: true,
  // The examples import the package by name, as a user writes them: the names map to the sources.
  paths: Object.fromEntries(Object.entries(ENTRIES).map(([sub, file]) => [sub === '.' ? 'scoresheet' : `scoresheet/${sub.slice(2)}`, [join(ROOT, file)]])),
};

interface Example {
  readonly where: string;
  readonly code: string;
}

/** Every exported function and class of every entry → its `@example` code blocks (none: reported). */
function examplesOf(program: ts.Program): { examples: Example[]; missing: string[] } {
  const checker = program.getTypeChecker();
  const examples: Example[] = [];
  const missing: string[] = [];
  for (const [sub, file] of Object.entries(ENTRIES)) {
    const source = program.getSourceFile(join(ROOT, file))!;
    for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!(symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class))) continue;
      const where = `${sub} ${exported.name}`;
      const codes = (symbol.declarations ?? [])
        .flatMap((d) => ts.getJSDocTags(d))
        .filter((tag) => tag.tagName.text === 'example')
        .flatMap((tag) => [...(ts.getTextOfJSDocComment(tag.comment) ?? '').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!));
      if (codes.length === 0) missing.push(where);
      codes.forEach((code, i) => examples.push({ where: `${where} #${i + 1}`, code }));
    }
  }
  return { examples, missing };
}

const dir = mkdtempSync(join(tmpdir(), 'scoresheet-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the public API', () => {
  it('the root exports the verbs of the flow, about 20 values, and no internals', () => {
    const values = Object.keys(root);
    expect(values.length).toBeGreaterThanOrEqual(15);
    expect(values.length).toBeLessThanOrEqual(20);
    for (const verb of ['loadStandard', 'parseStandard', 'shippedStandard', 'compileStandard', 'scoreRecord', 'readRecords', 'streamRecords', 'scoreStream', 'buildLeague', 'renderScorecard', 'renderLeague', 'diffStandards']) {
      expect(values).toContain(verb);
    }
    for (const internal of ['niceTicks', 'FONT_STACK', 'MAX_ALIAS_COUNT', 'readCsvRecords', 'readNdjsonRecords', 'readDocumentRecords', 'toPoints', 'POINT_SCALE']) {
      expect(values).not.toContain(internal);
    }
  });

  it('every subpath is a build entry and an export of package.json (ESM, CJS and types)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const tsup = readFileSync(join(ROOT, 'tsup.config.ts'), 'utf8');
    for (const [sub, file] of Object.entries(ENTRIES)) {
      const name = sub === '.' ? 'index' : sub.slice(2);
      expect(tsup, `tsup.config.ts builds ${file}`).toContain(`${name}: '${file}'`);
      expect(pkg.exports[sub]).toEqual({
        import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
        require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
      });
    }
  });

  it('every exported function and class has an @example, and every example type-checks', () => {
    const entries = Object.values(ENTRIES).map((f) => join(ROOT, f));
    const sources = ts.createProgram(entries, options);
    const { examples, missing } = examplesOf(sources);
    expect(missing, 'exported without an @example').toEqual([]);
    const files = examples.map((e, i) => {
      const file = join(dir, `example-${i}.ts`);
      writeFileSync(file, e.code.includes('import ') || e.code.includes('export ') ? e.code : `${e.code}\nexport {};\n`);
      return { file, where: e.where };
    });
    const program = ts.createProgram([...entries, ...files.map((f) => f.file)], options, undefined, sources);
    const problems = files.flatMap(({ file, where }) =>
      ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => {
        const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
        return `${where} (line ${at}): ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      }),
    );
    expect(problems).toEqual([]);
    expect(examples.length).toBeGreaterThanOrEqual(missing.length);
  });
});

describe('the verbs added for the root', () => {
  it('shippedStandard finds a shipped standard, which loads', async () => {
    const loaded = await root.loadStandard(root.shippedStandard('school-hygiene'));
    expect(loaded.ok).toBe(true);
  });

  it('readRecords reads every format: the option, else the file name, else YAML (JSON included)', () => {
    const one = { unit: { id: 'g1-3' }, date: '2024-03-04', findings: [] };
    const ids = (r: root.ReadResult) => [r.records.map((x) => x.record.unit.id), r.diagnostics.length];
    expect(ids(root.readRecords(JSON.stringify([one, one]), { file: 'week.json' }))).toEqual([['g1-3', 'g1-3'], 0]);
    expect(ids(root.readRecords(`${JSON.stringify(one)}\n${JSON.stringify(one)}\n`, { file: 'week.ndjson' }))).toEqual([['g1-3', 'g1-3'], 0]);
    expect(ids(root.readRecords(JSON.stringify(one)))).toEqual([['g1-3'], 0]);
    expect(ids(root.readRecords(Buffer.from('unit: { id: g1-3 }\ndate: 2024-03-04\nfindings: []\n'), { format: 'yaml' }))).toEqual([['g1-3'], 0]);
    expect(ids(root.readRecords('{"unit": {}}\n', { format: 'ndjson' }))[1]).toBeGreaterThan(0);
  });

  it('streamRecords reads as the CLI does, within its limits, and readRecords refuses bytes not in their encoding', async () => {
    const one = JSON.stringify({ unit: { id: 'g1-3' }, date: '2024-03-04', findings: [] });
    const codes = async (chunks: string[], options: root.RecordsOptions) => {
      const out: string[] = [];
      for await (const item of root.streamRecords(Readable.from(chunks), options)) out.push(...('record' in item ? [item.record.unit.id] : item.diagnostics.map((d) => d.code)));
      return out;
    };
    expect(await codes([`${one}\n${'x'.repeat(100)}\n`, `${one}\n`], { file: 'a.ndjson', maxRecordBytes: 80 })).toEqual(['g1-3', 'record_too_large', 'g1-3']);
    expect(await codes([`[${one},`, `${one}]`], { format: 'json', maxFileBytes: 40 })).toEqual(['file_too_large']);
    expect(await codes([`[${one},`, `${one}]`], { format: 'json' })).toEqual(['g1-3', 'g1-3']);
    // Bytes not in their encoding: nothing of the document is read, one unreadable_input at the bad byte's line (no longer thrown).
    const unreadable = root.readRecords(Buffer.from([0x2d, 0x20, 0xff, 0x0a]), { format: 'yaml', encoding: 'utf-8' });
    expect([unreadable.records, unreadable.diagnostics.map((d) => [d.code, d.line, d.column])]).toEqual([[], [['unreadable_input', 1, 1]]]);
  });

  it('readRecords reports an NDJSON line with bytes not in its encoding as streamRecords does: invalid_encoding at its byte offset, the rest read', async () => {
    const one = JSON.stringify({ unit: { id: 'g1-3' }, date: '2024-03-04', findings: [] });
    const bytes = Buffer.concat([Buffer.from(`${one}\n{"note":"`), Buffer.from([0xff]), Buffer.from(`"}\n${one}\n`)]);
    const streamed: root.StreamItem[] = [];
    for await (const item of root.streamRecords(Readable.from([bytes]), { format: 'ndjson', encoding: 'utf-8' })) streamed.push(item);
    const read = root.readRecords(bytes, { format: 'ndjson', encoding: 'utf-8' });
    expect(read.records.map((r) => r.record.unit.id)).toEqual(['g1-3', 'g1-3']);
    expect(read.diagnostics).toEqual(streamed.flatMap((item) => ('diagnostics' in item ? item.diagnostics : [])));
    expect(read.diagnostics.map((d) => [d.code, d.line])).toEqual([['invalid_encoding', 2]]);
    expect(read.diagnostics[0]!.message).toContain(String(one.length + 1 + '{"note":"'.length));
  });

  it('renderScorecard names the items of the standard, in every format', async () => {
    const loaded = await root.loadStandard(root.shippedStandard('school-hygiene'));
    if (!loaded.ok) throw new Error('school-hygiene does not load');
    const result = root.scoreRecord(root.compileStandard(loaded.standard), { unit: { id: 'g1-3' }, date: '2024-03-04', kind: 'scheduled', findings: [{ item: 'tool-corner', points: 2 }] });
    if (!result.ok) throw new Error('the record is rejected');
    const name = loaded.standard.categories.flatMap((c) => c.items).find((i) => i.id === 'tool-corner')!.name['zh-CN']!;
    for (const format of ['text', 'md', 'csv'] as const) expect(root.renderScorecard(result.scorecard, loaded.standard, { format, locale: 'zh-CN' })).toContain(name);
    expect(JSON.parse(root.renderScorecard(result.scorecard, loaded.standard, { format: 'json' }))).toEqual(result.scorecard);
  });
});
