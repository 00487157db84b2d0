/**
 * Unit rosters (--units) and responsibility rosters (--roster) as YAML or CSV. A weekly rotation
 * (zones that rotate among classes every week) expands into dated area assignments.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { addDays } from 'date-fns';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CalendarDate } from '../common-schema.js';
import { UnitRefSchema, type UnitRef } from '../record-schema.js';
import { calendarDay, formatDay } from './periods.js';
import type { AreaAssignment, Roster } from './responsibility.js';

const AssignmentSchema = z.strictObject({ area: z.string().min(1), unit: z.string().min(1), from: CalendarDate, to: CalendarDate });

const RotationSchema = z.strictObject({
  /** Monday of the first week. */
  start: CalendarDate,
  weeks: z.number().int().positive(),
  areas: z.array(z.string().min(1)).min(1),
  units: z.array(z.string().min(1)).min(1),
});

const RosterFileSchema = z.strictObject({
  units: z.array(UnitRefSchema).optional(),
  areas: z.array(AssignmentSchema).optional(),
  /** Week w (0-based): area i is the responsibility of units[(i + w) mod units.length]. */
  rotations: z.array(RotationSchema).optional(),
});

export type RosterFile = z.output<typeof RosterFileSchema>;

/** Expands a weekly rotation into one assignment per area per week. */
export function expandRotation(rotation: z.output<typeof RotationSchema>): AreaAssignment[] {
  const out: AreaAssignment[] = [];
  for (let w = 0; w < rotation.weeks; w++) {
    const from = addDays(calendarDay(rotation.start), 7 * w);
    rotation.areas.forEach((area, i) => {
      out.push({ area, unit: rotation.units[(i + w) % rotation.units.length]!, from: formatDay(from), to: formatDay(addDays(from, 6)) });
    });
  }
  return out;
}

/** Parses a roster or unit list: YAML (`units`, `areas`, `rotations`) or CSV (see below). */
export function parseRosterText(text: string, format: 'yaml' | 'csv'): { ok: true; roster: Roster } | { ok: false; error: string } {
  try {
    if (format === 'csv') return { ok: true, roster: rosterFromCsv(text) };
    const raw = parseYaml(text) as unknown;
    // A bare list is a unit list.
    const parsed = RosterFileSchema.safeParse(Array.isArray(raw) ? { units: raw } : raw);
    if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
    const { units, areas, rotations } = parsed.data;
    return { ok: true, roster: { ...(units ? { units } : {}), areas: [...(areas ?? []), ...(rotations ?? []).flatMap(expandRotation)] } };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/**
 * CSV rosters: columns `area, unit, from, to` make area assignments; columns `id, name` (and
 * `group.<key>` columns such as `group.grade`) make a unit list.
 */
function rosterFromCsv(text: string): Roster {
  const rows = parseCsv(text, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<string, string>[];
  const header = Object.keys(rows[0] ?? {});
  if (header.includes('area')) {
    return { areas: rows.map((r) => AssignmentSchema.parse({ area: r.area, unit: r.unit, from: r.from, to: r.to })) };
  }
  const units: UnitRef[] = rows.map((r) => {
    const group: Record<string, string> = {};
    for (const [k, v] of Object.entries(r)) if (k.startsWith('group.') && v !== '') group[k.slice(6)] = v;
    return UnitRefSchema.parse({ id: r.id, ...(r.name ? { name: r.name } : {}), ...(Object.keys(group).length > 0 ? { group } : {}) });
  });
  return { units };
}
