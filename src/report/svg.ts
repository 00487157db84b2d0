/**
 * Static SVG charts made in Node: a unit's score across periods (a line chart with its numbers) and
 * a sparkline for a table cell. Strings in, a string out: no DOM, no script, no fonts of its own (the
 * text takes the page's font), presentation attributes rather than CSS, so a chart reads the same
 * inline in HTML, saved as a file, or printed.
 *
 * Why our own: the chart libraries that render SVG in Node without a DOM (Vega's headless view,
 * ECharts' server-side renderer) are large runtime dependencies for a polyline with a dozen points,
 * and the rest need a DOM or a canvas (Observable Plot, d3-selection, Chart.js). See docs/reports.md.
 */
import { extent } from '../collections.js';

/** Escapes text for XML/HTML content and attribute values. */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export interface ChartPoint {
  /** The x-axis label (a period). */
  readonly label: string;
  /** null: no score that period (not inspected, indeterminate); the line has a gap there. */
  readonly value: number | null;
  /** Shown under the value: a rank ("#2"), empty for none. */
  readonly note?: string;
}

export interface LineChartOptions {
  /** The accessible name and the tooltip title. */
  readonly title: string;
  readonly width?: number;
  readonly height?: number;
  /** Values always inside the y range (the base score, a bar such as a red flag's minimum). */
  readonly include?: readonly number[];
  /** A dashed reference line (a red flag's minimum) with its label. */
  readonly reference?: { readonly value: number; readonly label: string };
  readonly color?: string;
}

const num = (n: number) => String(Math.round(n * 10) / 10);

/** A short decimal for labels: 97.5, 96, 95.3333 → 95.33. */
export function chartNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Round tick values covering [min, max]: steps of 1, 2, 5 × 10^k, about `count` of them. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) {
    const pad = Math.max(1, Math.abs(min) * 0.05);
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  if (ticks[ticks.length - 1]! < max) ticks.push(Math.round((ticks[ticks.length - 1]! + step) * 1e6) / 1e6);
  return ticks;
}

/**
 * Line chart: gridlines with round values, each period's point and value, gaps for missing ones.
 *
 * @example
 * ```ts
 * import { lineChart } from 'scoresheet/report';
 *
 * const svg = lineChart([{ label: 'W1', value: 96 }, { label: 'W2', value: null }, { label: 'W3', value: 98.5, note: '#1' }], { title: '高一(3)班' });
 * ```
 */
export function lineChart(points: readonly ChartPoint[], options: LineChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 200;
  const color = options.color ?? '#1f5fa8';
  const pad = { left: 36, right: 14, top: 14, bottom: 34 };
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const extra = [...(options.include ?? []), ...(options.reference ? [options.reference.value] : [])];
  const all = [...values, ...extra];
  const range = extent(all);
  const ticks = range ? niceTicks(range.min, range.max) : [0, 1];
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  // The points keep clear of the y labels and the right edge.
  const inset = 14;
  const x = (i: number) => pad.left + inset + (points.length <= 1 ? (plotW - 2 * inset) / 2 : ((plotW - 2 * inset) * i) / (points.length - 1));
  const y = (v: number) => pad.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(options.title)}">`,
    `<title>${escapeXml(options.title)}</title>`,
  );
  out.push('<g stroke="#ddd" stroke-width="1">');
  for (const t of ticks) out.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${num(y(t))}" y2="${num(y(t))}"/>`);
  out.push('</g><g text-anchor="end" font-size="11" fill="#666">');
  for (const t of ticks) out.push(`<text x="${pad.left - 6}" y="${num(y(t) + 4)}">${escapeXml(chartNumber(t))}</text>`);
  out.push('</g>');
  if (options.reference) {
    const ry = num(y(options.reference.value));
    out.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${ry}" y2="${ry}" stroke="#c62828" stroke-width="1" stroke-dasharray="4 3"/>`);
    // Below the line, at the left: clear of the value labels, which sit above their points.
    out.push(`<text x="${pad.left + 4}" y="${num(y(options.reference.value) + 13)}" font-size="11" fill="#c62828">${escapeXml(options.reference.label)}</text>`);
  }
  // x labels: at most ~12, always the first and the last.
  const every = Math.max(1, Math.ceil(points.length / 12));
  out.push('<g text-anchor="middle" font-size="11" fill="#444">');
  points.forEach((p, i) => {
    if (i % every !== 0 && i !== points.length - 1) return;
    out.push(`<text x="${num(x(i))}" y="${height - pad.bottom + 16}">${escapeXml(p.label)}</text>`);
  });
  out.push('</g>');
  // The line, broken where a period has no score.
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) out.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${color}" stroke-width="2" stroke-linejoin="round"/>`);
    run = [];
  };
  points.forEach((p, i) => {
    if (p.value === null) return flush();
    run.push(`${num(x(i))},${num(y(p.value))}`);
  });
  flush();
  // Every value is written on the chart when there is room; otherwise the first and last, and the
  // others are in each point's tooltip.
  const labelled = points.length <= 16;
  out.push(`<g fill="${color}">`);
  points.forEach((p, i) => {
    if (p.value === null) return;
    const tip = labelled ? '' : `<title>${escapeXml(`${p.label}: ${chartNumber(p.value)}${p.note ? ` (${p.note})` : ''}`)}</title>`;
    out.push(`<circle cx="${num(x(i))}" cy="${num(y(p.value))}" r="3"${tip ? `>${tip}</circle>` : '/>'}`);
  });
  out.push('</g><g text-anchor="middle" font-size="10" fill="#222">');
  points.forEach((p, i) => {
    if (p.value === null || !(labelled || i === 0 || i === points.length - 1)) return;
    out.push(`<text x="${num(x(i))}" y="${num(y(p.value) - 7)}">${escapeXml(chartNumber(p.value))}</text>`);
  });
  out.push('</g>');
  out.push('</svg>');
  return out.join('');
}

export interface SparklineOptions {
  readonly title: string;
  readonly width?: number;
  readonly height?: number;
  /** The y range; defaults to the values' own. */
  readonly min?: number;
  readonly max?: number;
}

/**
 * A small line for a table cell: the trend at a glance, the last point marked.
 *
 * @example
 * ```ts
 * import { sparkline } from 'scoresheet/report';
 *
 * const svg = sparkline([96, 97.5, null, 98], { title: 'g1-3', min: 90, max: 100 });
 * ```
 */
export function sparkline(values: readonly (number | null)[], options: SparklineOptions): string {
  const width = options.width ?? 72;
  const height = options.height ?? 18;
  const present = values.filter((v): v is number => v !== null);
  const range = extent(present);
  const lo = options.min ?? range?.min ?? Infinity;
  const hi = options.max ?? range?.max ?? -Infinity;
  const x = (i: number) => 2 + (values.length <= 1 ? (width - 4) / 2 : ((width - 4) * i) / (values.length - 1));
  const y = (v: number) => height - 2 - (hi > lo ? ((v - lo) / (hi - lo)) * (height - 4) : (height - 4) / 2);
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" class="spark" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(options.title)}"><title>${escapeXml(options.title)}</title>`];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) out.push(`<polyline points="${run.join(' ')}" fill="none" stroke="#1f5fa8" stroke-width="1.5"/>`);
    run = [];
  };
  values.forEach((v, i) => (v === null ? flush() : run.push(`${num(x(i))},${num(y(v))}`)));
  flush();
  // The last value, and any value with no neighbour to draw a line to, as a dot.
  const last = values.length - 1;
  values.forEach((v, i) => {
    if (v === null) return;
    const alone = (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null;
    if (i === last || alone) out.push(`<circle cx="${num(x(i))}" cy="${num(y(v))}" r="${i === last ? 2 : 1.5}" fill="#1f5fa8"/>`);
  });
  out.push('</svg>');
  return out.join('');
}
