/** Plain-text tables whose columns stay aligned with Chinese text: padding by display width, not length. */
import stringWidth from 'string-width';

export type Align = 'left' | 'right';

export function padDisplay(text: string, width: number, align: Align = 'left'): string {
  const gap = Math.max(0, width - stringWidth(text));
  return align === 'left' ? text + ' '.repeat(gap) : ' '.repeat(gap) + text;
}

/** Rows of cells → lines; the last column is not padded (no trailing spaces). */
export function formatTable(rows: readonly (readonly string[])[], align: readonly Align[] = [], indent = ''): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
  return rows.map((row) =>
    indent +
    row
      .map((cell, i) => (i === row.length - 1 && align[i] !== 'right' ? cell : padDisplay(cell, widths[i]!, align[i] ?? 'left')))
      .join('  ')
      .trimEnd(),
  );
}
