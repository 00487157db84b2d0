/**
 * The four routes from a problem to file:line:col (src/positions.ts), each with exact positions, both
 * on DocumentPositions directly and through parseStandard.
 */
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { formatPath } from '../src/diagnostics.js';
import { DocumentPositions } from '../src/positions.js';
import { parseStandard } from '../src/standard/load.js';

function positionsOf(text: string): DocumentPositions {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return new DocumentPositions(doc, lineCounter, text);
}

const STANDARD = [
  'id: demo', //                       1
  'version: "1"', //                   2
  'name: { en: Demo }', //             3
  'scoring: { mode: deduct }', //      4
  'categories:', //                    5
  '  - id: c', //                      6
  '    name: { en: C }', //            7
  '    items:', //                     8
  '      - id: i', //                  9
  '        name: { en: I }', //       10
  '        rules:', //                11
  '          - kind: fixed', //       12
  '            points: 2', //         13
  '',
].join('\n');

const diagnosticsOf = (text: string) => {
  const result = parseStandard(text);
  const list = result.ok ? result.warnings : result.diagnostics;
  return list.map((d) => ({ code: d.code, at: `${d.line}:${d.column}`, path: formatPath(d.path) }));
};

describe('position routes', () => {
  it('route 1: a parser error is placed at its offset', () => {
    const text = 'id: demo\nversion: "1"\nname: en: Demo\n';
    const positions = positionsOf(text);
    expect(positions.atOffset(0)).toEqual({ line: 1, column: 1 });
    expect(positions.atOffset(text.indexOf('en: Demo'))).toEqual({ line: 3, column: 7 });
    const error = positions.doc.errors[0]!;
    expect(positions.atOffset(error.pos[0])).toEqual({ line: 3, column: 7 });
    expect(diagnosticsOf(text)).toEqual([{ code: 'yaml_syntax', at: '3:7', path: '' }]);
  });

  it('route 2: a problem with a value is placed at the node at its path', () => {
    const positions = positionsOf(STANDARD);
    expect(positions.atPath([])).toEqual({ line: 1, column: 1 });
    expect(positions.atPath(['scoring', 'mode'])).toEqual({ line: 4, column: 18 });
    expect(positions.atPath(['categories', 0, 'items', 0, 'rules', 0, 'points'])).toEqual({ line: 13, column: 21 });
    expect(positions.atPath(['categories', 0, 'items', 0, 'rules', 0])).toEqual({ line: 12, column: 13 });
    expect(positions.sourceText(['categories', 0, 'items', 0, 'rules', 0, 'points'])).toBe('2');
    expect(diagnosticsOf(STANDARD.replace('points: 2', 'points: two'))).toEqual([
      { code: 'invalid_type', at: '13:21', path: 'categories[0].items[0].rules[0].points' },
    ]);
  });

  it('route 3: an unknown key is placed at the key node itself', () => {
    const text = STANDARD.replace('points: 2', 'points: 2\n            pointz: 3');
    const positions = positionsOf(text);
    expect(positions.atKey(['categories', 0, 'items', 0, 'rules', 0], 'pointz')).toEqual({ line: 14, column: 13 });
    expect(positions.atKey(['scoring'], 'mode')).toEqual({ line: 4, column: 12 });
    // A key that is not there falls back to the map.
    expect(positions.atKey(['scoring'], 'nope')).toEqual({ line: 4, column: 10 });
    expect(diagnosticsOf(text)).toEqual([{ code: 'unknown_key', at: '14:13', path: 'categories[0].items[0].rules[0].pointz' }]);
  });

  it('route 4: a missing key is placed at its nearest existing ancestor', () => {
    const text = STANDARD.replace('        name: { en: I }\n', '');
    const positions = positionsOf(text);
    expect(positions.atPath(['categories', 0, 'items', 0, 'name'])).toEqual({ line: 9, column: 9 });
    // rules[5] does not exist: the rules list (its first "- ") is the nearest.
    expect(positions.atPath(['categories', 0, 'items', 0, 'rules', 5, 'points'])).toEqual({ line: 11, column: 11 });
    expect(positions.atPath(['outcomes', 'bands'])).toEqual({ line: 1, column: 1 });
    expect(diagnosticsOf(text)).toEqual([{ code: 'missing_key', at: '9:9', path: 'categories[0].items[0].name' }]);
  });
});
