/** A code frame under a diagnostic (as yaml's prettifyError): the line, and a caret at the column. */
export function codeFrame(text: string, line: number, column: number): string {
  const lines = text.split(/\r?\n/);
  const source = lines[line - 1];
  if (source === undefined) return '';
  const number = String(line);
  const gutter = ' '.repeat(number.length);
  const clipped = source.length > 120 ? source.slice(0, 120) + '…' : source;
  return `  ${number} | ${clipped}\n  ${gutter} | ${' '.repeat(Math.max(0, column - 1))}^`;
}
