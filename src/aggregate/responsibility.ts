/**
 * Who answers for a finding. A finding names its liable unit (扣违纪班级的量化分数), or an area that a
 * roster assigns to a unit for that date (zones rotate weekly among classes), or neither: then the
 * inspected unit. An inspection round covers every rostered unit; those it does not name are clean.
 */
import type { Locale } from '../messages/locales.js';
import type { Diagnostic } from '../diagnostics.js';
import { recordDiagnostic } from '../records/diagnostics.js';
import type { Finding, InspectionRecord, UnitRef } from '../record-schema.js';
import type { LocatedRecord } from '../records/validate.js';
import { pushTo } from '../collections.js';

export interface AreaAssignment {
  readonly area: string;
  readonly unit: string;
  readonly from: string;
  readonly to: string;
}

export interface Roster {
  /** Units that are inspected and ranked (the population). */
  readonly units?: readonly UnitRef[];
  /** Area → unit assignments, each for a span of dates. */
  readonly areas?: readonly AreaAssignment[];
}

/**
 * The unit responsible for an area on a date.
 *
 * @example
 * ```ts
 * import { responsibleUnit } from 'scoresheet/league';
 *
 * const roster = { areas: [{ area: 'stairs-east', unit: 'g1-3', from: '2024-03-01', to: '2024-03-31' }] };
 * console.log(responsibleUnit(roster, 'stairs-east', '2024-03-04')); // g1-3
 * ```
 */
export function responsibleUnit(roster: Roster, area: string, date: string): string | undefined {
  for (const a of roster.areas ?? []) if (a.area === area && date >= a.from && date <= a.to) return a.unit;
  return undefined;
}

/**
 * Splits records so that each finding is charged to its liable unit: the result holds one record per
 * (inspection, unit) with only that unit's findings. Derived records get the id `<id>:<unit>`.
 *
 * @example
 * ```ts
 * import { readRecords } from 'scoresheet';
 * import { assignFindings, type Roster } from 'scoresheet/league';
 *
 * declare const roster: Roster; // area → class, for spans of dates
 * const { records } = readRecords('[]', { format: 'json' });
 * const assigned = assignFindings(records, roster, 'en');
 * console.log(assigned.records.length, assigned.diagnostics.length);
 * ```
 */
export function assignFindings(records: readonly LocatedRecord[], roster: Roster, locale: Locale): { records: LocatedRecord[]; diagnostics: Diagnostic[] } {
  const out: LocatedRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const assign = findingAssigner(roster, locale);
  for (const located of records) assign(located, out, diagnostics);
  return { records: out, diagnostics };
}

/**
 * assignFindings for one record at a time (a stream), with what the roster gives built once: adds the
 * record's per-unit records to `out` and its problems to `diagnostics`.
 */
export function findingAssigner(roster: Roster, locale: Locale): (located: LocatedRecord, out: LocatedRecord[], diagnostics: Diagnostic[]) => void {
  const units = new Map((roster.units ?? []).map((u) => [u.id, u]));
  return (located, out, diagnostics) => {
    const { record } = located;
    // Nothing to charge elsewhere (the common case): the record stands as it is.
    if (!record.round && record.findings.every((f) => f.unit === undefined && f.area === undefined)) {
      out.push(located);
      return;
    }
    const byUnit = new Map<string, Finding[]>();
    let bad = false;
    record.findings.forEach((finding, f) => {
      let unit = finding.unit;
      if (unit === undefined && finding.area !== undefined) {
        unit = responsibleUnit(roster, finding.area, record.date);
        if (unit === undefined) {
          bad = true;
          diagnostics.push(recordDiagnostic(located.source, `findings[${f}].area`, { messageId: 'record.unassigned_area', data: { area: finding.area, date: record.date } }, locale, 'record_invalid'));
          return;
        }
      }
      unit ??= record.round ? undefined : record.unit.id;
      if (unit === undefined) {
        bad = true;
        diagnostics.push(recordDiagnostic(located.source, `findings[${f}]`, { messageId: 'record.round_finding_without_unit' }, locale, 'record_invalid'));
        return;
      }
      pushTo(byUnit, unit, finding);
    });
    if (bad) return;
    const own = record.round ? undefined : record.unit.id;
    const covered = new Set<string>(byUnit.keys());
    if (own !== undefined) covered.add(own);
    if (record.round) for (const id of units.keys()) covered.add(id);
    for (const unit of covered) {
      const findings = byUnit.get(unit) ?? [];
      const ref = unit === own ? record.unit : (units.get(unit) ?? { id: unit });
      const derived: InspectionRecord = {
        ...record,
        ...(record.id !== undefined && unit !== own ? { id: `${record.id}:${unit}` } : {}),
        unit: ref,
        findings: findings.map(({ unit: _u, ...rest }) => rest),
      };
      delete (derived as { round?: boolean }).round;
      out.push({ record: derived, source: located.source });
    }
  };
}
