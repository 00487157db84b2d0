/**
 * Several standards, possibly several editions of one (a 2013 and a 2024 edition): each record is
 * scored under the edition it names, or the one in force on its date.
 */
import type { Message } from '../messages/types.js';
import type { InspectionRecord } from '../record-schema.js';
import type { Scorer } from '../compile/standard.js';
import { checkRecord } from './score.js';
import { internalize } from '../collections.js';
import type { RecordProblem } from '../diagnostics.js';

/** What a precheck reports: what a finding's item alone, or the record's kind and level, tell. */
const PRECHECKED = new Set(['record.unknown_item', 'record.unknown_kind', 'record.unknown_level']);

/**
 * @example
 * ```ts
 * import { compileStandard, StandardSet, type Standard } from 'scoresheet';
 *
 * declare const edition2023: Standard;
 * declare const edition2024: Standard;
 * // Each record is scored by the edition it names (`standard: school-hygiene@2024`) or in force on its date.
 * const set = new StandardSet([compileStandard(edition2023), compileStandard(edition2024)]);
 * ```
 */
export class StandardSet {
  private readonly byId = new Map<string, Scorer[]>();
  /** A set of one edition (what `scoreRecord` scores under): `select` answers for it without parsing a name. */
  private readonly sole: Scorer | undefined;
  private readonly soleFrom: string | undefined;
  private readonly soleTo: string | undefined;
  /**
   * The sole edition's id and `id@version`, internalized: a record's name read by JSON.parse or written as a
   * literal is internalized too, and two such strings compare by reference, not character by character.
   */
  private readonly soleId: string | undefined;
  private readonly soleRef: string | undefined;

  constructor(readonly scorers: readonly Scorer[]) {
    for (const scorer of scorers) {
      const list = this.byId.get(scorer.standard.id) ?? [];
      list.push(scorer);
      this.byId.set(scorer.standard.id, list);
    }
    this.sole = scorers.length === 1 ? scorers[0] : undefined;
    this.soleFrom = this.sole?.standard.effective?.from;
    this.soleTo = this.sole?.standard.effective?.to;
    this.soleId = this.sole !== undefined ? internalize(this.sole.standard.id) : undefined;
    this.soleRef = this.sole !== undefined ? internalize(this.sole.ref) : undefined;
  }

  /** The edition that scores this record, or why there is none. */
  select(record: InspectionRecord): Scorer | Message {
    const named = record.standard;
    const sole = this.sole;
    if (sole !== undefined) {
      // What the general answer below gives for one edition, when it is that edition: `id@version` names it
      // whatever the date; its id or no name, when the date is in force.
      if (named === this.soleRef) return sole;
      if ((named === undefined || named === this.soleId) && !(this.soleFrom !== undefined && record.date < this.soleFrom) && !(this.soleTo !== undefined && record.date > this.soleTo)) return sole;
    }
    let id: string | undefined;
    let version: string | undefined;
    if (named !== undefined) {
      const at = named.lastIndexOf('@');
      id = at > 0 ? named.slice(0, at) : named;
      version = at > 0 ? named.slice(at + 1) : undefined;
    } else if (this.byId.size === 1) {
      id = this.byId.keys().next().value;
    } else {
      return { messageId: 'record.no_standard_named', data: { loaded: [...this.byId.keys()].join(', ') } };
    }
    const editions = this.byId.get(id!);
    if (editions === undefined) return { messageId: 'record.unknown_standard', data: { standard: named ?? '', loaded: [...this.byId.keys()].join(', ') } };
    if (version !== undefined) {
      const edition = editions.find((s) => s.standard.version === version);
      return edition ?? { messageId: 'record.unknown_standard', data: { standard: named ?? '', loaded: editions.map((s) => s.ref).join(', ') } };
    }
    let best: Scorer | undefined;
    for (const edition of editions) {
      const from = edition.standard.effective?.from;
      const to = edition.standard.effective?.to;
      if ((from !== undefined && record.date < from) || (to !== undefined && record.date > to)) continue;
      if (best === undefined || (from ?? '') > (best.standard.effective?.from ?? '')) best = edition;
    }
    return best ?? { messageId: 'record.no_edition', data: { standard: id!, date: record.date, editions: editions.map((s) => `${s.ref} (${s.standard.effective?.from ?? '…'} – ${s.standard.effective?.to ?? '…'})`).join(', ') } };
  }

  /**
   * For a record that failed the record schema: the problems its standard would also find (an
   * unknown item, kind or level, with a did-you-mean), read from what could be read. A ReadOptions
   * `precheck`: with it, a reader reports both kinds of problem at once.
   */
  readonly precheck = (raw: unknown): RecordProblem[] => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
    const r = raw as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const scorer = this.select({ standard: text(r.standard), date: text(r.date) ?? '' } as InspectionRecord);
    if (!('standard' in scorer)) return []; // the record's standard is unknown: reported by its own field
    const findings = Array.isArray(r.findings) ? r.findings : [];
    return checkRecord(scorer, {
      ...(text(r.kind) !== undefined ? { kind: text(r.kind) } : {}),
      ...(text(r.level) !== undefined ? { level: text(r.level) } : {}),
      // Only each finding's item: points and counts may be what failed the schema.
      findings: findings.map((f) => ({ item: typeof f === 'object' && f !== null ? (text((f as Record<string, unknown>).item) ?? '') : '' })),
    } as InspectionRecord).filter((p) => PRECHECKED.has(p.message.messageId) && p.message.data?.item !== '');
  };
}

/** Why a record has no edition to be scored under (StandardSet.select's message), as the problem of the field that chose it. */
export function editionProblem(message: Message): RecordProblem {
  return message.messageId === 'record.no_edition' ? { code: 'no_edition', field: 'date', message } : { code: 'unknown_standard', field: 'standard', message };
}
