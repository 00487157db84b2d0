/**
 * From a path inside a YAML document to file:line:col, through the `yaml` library's Document node
 * ranges and LineCounter (never a regex). Each route a position can take is its own function.
 */
import { isMap, isNode, isPair, isScalar, LineCounter, type Document, type Node } from 'yaml';
import type { DiagnosticPath } from './diagnostics.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export const START: Position = { line: 1, column: 1 };

export class DocumentPositions {
  constructor(
    readonly doc: Document,
    readonly lineCounter: LineCounter,
    readonly text: string,
  ) {}

  /** Route 1: a parser error's offset. */
  atOffset(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }

  /** The node at a path, if every segment exists. */
  nodeAt(path: DiagnosticPath): Node | undefined {
    if (path.length === 0) return isNode(this.doc.contents) ? this.doc.contents : undefined;
    const node = this.doc.getIn(path as (string | number)[], true);
    return isNode(node) ? node : undefined;
  }

  /**
   * Route 2: the node at the path; route 4: when the path does not exist (a missing key), the
   * nearest existing ancestor.
   */
  atPath(path: DiagnosticPath): Position {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.nodeAt(path.slice(0, depth));
      if (node?.range) return this.atOffset(node.range[0]);
    }
    return START;
  }

  /** Route 3: the key node of a key inside the map at `path` (an unknown key points at itself). */
  atKey(path: DiagnosticPath, key: string): Position {
    const map = this.nodeAt(path);
    if (isMap(map)) {
      for (const pair of map.items) {
        if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
          return this.atOffset(pair.key.range[0]);
        }
      }
    }
    return this.atPath(path);
  }

  /** The scalar's text as written (2024.10), when the node at the path is a scalar. */
  sourceText(path: DiagnosticPath): string | undefined {
    const node = this.nodeAt(path);
    return isScalar(node) && node.range ? this.text.slice(node.range[0], node.range[1]) : undefined;
  }
}
