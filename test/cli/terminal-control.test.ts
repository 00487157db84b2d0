/**
 * Text from a record printed by the CLI never carries a control character a terminal acts on: a unit
 * named `ESC[2J…` would clear the reader's screen, a lone carriage return would overwrite the line.
 * Each is printed as its JSON escape (src/cli/io.ts, printable), so JSON output stays exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/cli/io.js';
import { runCli } from '../support/cli.js';

const CLEAR = '\u001b[2J\u001b[H';
const record = (name: string, note: string) =>
  JSON.stringify({ id: 'r1', unit: { id: 'c1', name }, date: '2024-04-01', kind: 'random', findings: [{ item: 'floor', note }] });

describe('terminal control characters in printed text', () => {
  it('printable keeps tabs and line breaks and replaces ESC, C1, BEL, backspace and a lone CR', () => {
    expect(printable('a\tb\nc\r\nd')).toBe('a\tb\nc\r\nd');
    expect(printable(`${CLEAR}x\u0007\b\u009b\ry\u007f`)).toBe('\\u001b[2J\\u001b[Hx\\u0007\\u0008\\u009b\\u000dy\\u007f');
  });

  it('printable equals the one-pass replace on any text (its pre-check lets no control character through)', () => {
    // Every code unit from NUL to NBSP, CR before LF or not, and text beyond Latin-1.
    const unit = fc.oneof(fc.integer({ min: 0, max: 0xa0 }).map((c) => String.fromCharCode(c)), fc.constantFrom('\r\n', '一', 'a', '\u2028'));
    const straightforward = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    fc.assert(fc.property(fc.array(unit, { maxLength: 12 }).map((units) => units.join('')), (text) => printable(text) === straightforward(text)), { numRuns: 2000 });
  });

  it.each(['text', 'md', 'csv'])('score --format %s prints no ESC from a unit name or note', async (format) => {
    const r = await runCli(['score', '--standard', 'standards/school-hygiene.yaml', '--input-format', 'ndjson', '-', '--format', format], { input: record(`${CLEAR}一班`, `ok\rFORGED`) });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b]|\r(?!\n)/);
    expect(r.stdout).toContain('\\u001b[2J');
  });

  it('score --format json keeps the name exact: C0 escaped by JSON, DEL and C1 escaped alike', async () => {
    const name = `${CLEAR}一班\u009b\u007f`;
    const r = await runCli(['score', '--standard', 'standards/school-hygiene.yaml', '--input-format', 'ndjson', '-', '--format', 'json'], { input: record(name, 'n') });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u001b\u007f\u009b]/);
    expect(JSON.parse(r.stdout).scorecards[0].unit.name).toBe(name);
  });
});
