/**
 * No call in src/ spreads a list into its arguments (`push(...xs)`, `Math.max(...xs)`, `f(...xs)`):
 * every item becomes an argument on the call stack, and a data-sized list (about 150,000 records)
 * overflows it ("Maximum call stack size exceeded"), losing the whole batch. Loop instead
 * (pushAll and extent in src/collections.ts). Array literals (`[...a, ...b]`) copy without the stack.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `file:line: call` for every spread argument of a call or `new` in the TypeScript text. */
function spreadArguments(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isSpreadElement(node) && (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent))) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${file}:${line + 1}: ${node.parent.getText(source).split('\n')[0]}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('no spread of a list into call arguments in src/', () => {
  it('finds none', () => {
    const found = sourceFiles(join(ROOT, 'src')).flatMap((path) => spreadArguments(relative(ROOT, path), readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
  });

  it('catches push(...xs), Math.min(...xs), new Set(...) and a spread across lines (the check itself)', () => {
    const text = ['out.push(...rows);', 'const m = Math.min(...totals);', 'new Foo(...args);', 'out.push(', "  'a',", '  ...rows.map(String),', ');', 'const copy = [...a, ...b];'].join('\n');
    expect(spreadArguments('x.ts', text).map((s) => s.split(':')[1])).toEqual(['1', '2', '3', '6']);
  });
});
