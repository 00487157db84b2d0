/**
 * The codebase's contracts, checked on its source (issue 15): one module owns the scale of points,
 * a rule kind's file is the one place that knows it, and imports run with the flow, without cycles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `src/`-relative path with forward slashes: `score/score.ts`. */
const name = (file: string) => relative(SRC, file).split('\\').join('/');

/** The code of a file without its comments (a comment may mention 10000 or a rule kind). */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Lines of `src/` (outside the files `allowed` accepts) that match `pattern`, as `file:line: text`. */
function offending(pattern: RegExp, allowed: (file: string) => boolean): string[] {
  const hits: string[] = [];
  for (const file of sourceFiles()) {
    if (allowed(name(file))) continue;
    code(file)
      .split('\n')
      .forEach((line, i) => {
        if (pattern.test(line)) hits.push(`${name(file)}:${i + 1}: ${line.trim()}`);
      });
  }
  return hits;
}

describe('points own their scale', () => {
  it('no module but points.ts writes the scale (10_000) or scales by it', () => {
    expect(offending(/\b10_?000\b(?![_\d])|[*/]\s*POINT_SCALE\b/, (file) => file === 'points.ts')).toEqual([]);
  });

  it('no module keeps a local helper that reads a decimal as points', () => {
    expect(offending(/\bconst\s+(exact|scaled)\s*=/, (file) => file === 'points.ts')).toEqual([]);
  });
});

describe('rule kinds own themselves', () => {
  const kindNames = readdirSync(join(SRC, 'rules'))
    .map((file) => /kind:\s*'([a-z-]+)'/.exec(readFileSync(join(SRC, 'rules', file), 'utf8'))?.[1])
    .filter((kind): kind is string => kind !== undefined);

  it('finds the kinds it guards', () => {
    expect(kindNames).toEqual(expect.arrayContaining(['fixed', 'not-applicable', 'per-occurrence', 'threshold']));
  });

  it('no file outside src/rules/ switches on a rule kind or compares one', () => {
    const literal = `['"\`](?:${kindNames.join('|')})['"\`]`;
    // A kind's name in a `case`, beside a comparison, or on a line about kinds (a set of them).
    const pattern = new RegExp(`\\bcase\\s+${literal}|${literal}\\s*[!=]==?|[!=]==?\\s*${literal}|kind.*${literal}|${literal}.*kind|switch\\s*\\(\\s*[\\w.?]*\\bkind\\s*\\)`, 'i');
    expect(offending(pattern, (file) => file.startsWith('rules/'))).toEqual([]);
  });
});

describe('the rule registry', () => {
  it('builds the rule schema from the kinds, one option per kind', async () => {
    const { RULE_KINDS, RuleSchema } = await import('../src/rules/index.js');
    expect(RuleSchema.options).toEqual(Object.values(RULE_KINDS).map((kind) => kind.schema));
  });
});

/**
 * The flow, lowest first: a folder (or top-level file) imports only from its own layer's earlier
 * entries or from layers before it. Leaves are the modules every layer may use.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['version', 'sha256', 'collections', 'suggest', 'spreadsheet', 'points', 'paths', 'messages', 'diagnostics', 'positions', 'files', 'common-schema', 'dates', 'condition-schema', 'record-schema'],
  // standard/ imports rules/ (the registry builds the rule schema), never the other way round.
  ['rules', 'standard'],
  ['compile'],
  ['records'],
  ['score'],
  // history: a unit's records in date order, around score/ (rectification, repeats; issue 17).
  ['history'],
  ['aggregate'],
  ['rank'],
  // assess: results of several standards (composites) or stages combined (issue 18); beside report, whose tables it uses.
  ['report', 'diff', 'import', 'testing', 'assess'],
  // The package's entries (the root `index`, the subpaths in entries/) re-export every layer, so they sit
  // at the top beside the CLI; shipped (a shipped standard's path, imported by nothing but the root) with them;
  // pages: the browser pages' scripts (issue 20), built on their own and inlined by the CLI's form and playground.
  ['cli', 'index', 'entries', 'shipped', 'pages'],
];

/** `score/score.ts` → `score`; `points.ts` → `points`; `cli.ts` → `cli`. */
const unitOf = (file: string) => file.split('/')[0]!.replace(/\.ts$/, '');

interface Import {
  readonly from: string;
  readonly to: string;
}

/** The relative imports (and re-exports) of every file in `src/`, read with TypeScript's own parser. */
function imports(): Import[] {
  const out: Import[] = [];
  for (const file of sourceFiles()) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    for (const statement of source.statements) {
      // Type-only imports count too: a type is a dependency of the code that names it.
      let specifier: ts.Expression | undefined;
      if (ts.isImportDeclaration(statement)) specifier = statement.moduleSpecifier;
      else if (ts.isExportDeclaration(statement)) specifier = statement.moduleSpecifier;
      if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
      const target = join(dirname(file), specifier.text).replace(/\.js$/, '.ts');
      out.push({ from: name(file), to: name(target) });
    }
  }
  return out;
}

/** Every cycle's members, one strongly connected component (Tarjan) per cycle. */
function cycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v)?.has(v)) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

function graph(list: readonly Import[], node: (file: string) => string): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of list) {
    const [a, b] = [node(from), node(to)];
    if (a === b) continue;
    if (!edges.has(a)) edges.set(a, new Set());
    edges.get(a)!.add(b);
  }
  return edges;
}

describe('imports run with the flow', () => {
  const all = imports();
  const layer = (unit: string) => LAYERS.findIndex((l) => l.includes(unit));

  it('reads the imports it checks', () => {
    expect(all.length).toBeGreaterThan(200);
    expect(all).toContainEqual({ from: 'score/score.ts', to: 'points.ts' });
  });

  it('places every folder and top-level file of src/ in a layer', () => {
    expect([...new Set(sourceFiles().map((f) => unitOf(name(f))))].filter((u) => layer(u) < 0)).toEqual([]);
  });

  it('no import runs up the flow, not even for a type', () => {
    const upward = all.filter((i) => layer(unitOf(i.to)) > layer(unitOf(i.from))).map((i) => `${i.from} → ${i.to}`);
    expect(upward).toEqual([]);
  });

  it('no cycle between folders', () => {
    expect(cycles(graph(all, unitOf))).toEqual([]);
  });

  it('no cycle between files', () => {
    expect(cycles(graph(all, (f) => f))).toEqual([]);
  });
});
