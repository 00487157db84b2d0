/**
 * `scoresheet template --standard S --layout wide|long [-o dir]`: the blank sheet an inspector fills
 * in (a CSV header, item names in the chosen language) and its --map file, so a filled sheet is
 * scored with `scoresheet score --map`, no hand-written mapping needed.
 * Exit 0: both files written; 2: bad standard, bad arguments, or a file already there (without --force).
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { wordsOf } from '../messages/locales.js';
import type { Locale } from '../messages/locales.js';
import { sheetTemplate } from '../records/template.js';
import { formatCsv } from '../report/csv.js';
import type { Output } from './io.js';
import { loadRoster } from './inputs.js';
import { templateWorkbook, type TemplateUnit } from '../records/template-xlsx.js';
import { loadOneStandard } from './standards.js';
import { renderMessage } from '../messages/render.js';
import { systemFailure } from '../messages/library.js';

export interface TemplateOptions {
  readonly standard: string;
  readonly layout: 'long' | 'wide';
  /** Directory to write into (created if missing). */
  readonly out: string;
  readonly lang: Locale;
  readonly force: boolean;
  /** csv (the default): the sheet and its map file; xlsx: a workbook that checks its cells and holds its map. */
  readonly format?: 'csv' | 'xlsx';
  /** --units: the units the sheet's unit cells offer (xlsx). */
  readonly units?: string;
  /** --group-by: a column per unit group key (年级), as `rank --group-by` reads it. */
  readonly groups?: readonly string[];
  /** --allow-root: folders where `extends:` may also find a base. */
  readonly allowRoot?: readonly string[];
}

export async function runTemplate(options: TemplateOptions, out: Output): Promise<number> {
  const scorer = await loadOneStandard(options.standard, options, out);
  if (!scorer) return 2;
  const standard = scorer.standard;
  const template = sheetTemplate(standard, options.layout, options.lang, options.standard, options.groups ?? []);
  const base = join(options.out, `${standard.id}.${options.layout}`);
  let units: TemplateUnit[] = [];
  if (options.units !== undefined) {
    const roster = await loadRoster({ units: options.units }, options.lang);
    if ('error' in roster) {
      out.err(roster.error);
      return 2;
    }
    units = (roster.units ?? []).map((u) => ({ id: u.id, ...(u.name !== undefined ? { name: u.name } : {}) }));
  }
  const files: [string, string | Buffer][] =
    options.format === 'xlsx'
      ? [[`${base}.xlsx`, await templateWorkbook(standard, template, options.lang, units)]]
      : [
          // UTF-8 with BOM: Excel on a Chinese Windows machine then shows the Chinese headers.
          [`${base}.csv`, '\uFEFF' + formatCsv([template.header]) + '\n'],
          [`${base}.map.yaml`, template.mapText],
        ];
  try {
    await mkdir(options.out, { recursive: true });
    if (!options.force) {
      for (const [path] of files) {
        if (await stat(path).then(() => true, () => false)) {
          out.err(wordsOf(options.lang).cli.alreadyExists(path));
          return 2;
        }
      }
    }
    for (const [path, data] of files) await writeFile(path, data);
  } catch (error) {
    out.err(wordsOf(options.lang).cli.cannotWriteTemplate(renderMessage({ messageId: 'library.system', data: systemFailure(error) }, options.lang)));
    return 2;
  }
  out.out(files.map(([path]) => path).join('\n'));
  return 0;
}
