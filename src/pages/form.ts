/// <reference lib="dom" />
/**
 * The offline inspection form (`scoresheet form`): the inspector picks a unit, kind, level and date,
 * enters findings item by item, and sees the scorecard the library computes after every keystroke;
 * the draft stays in localStorage; finished inspections export as NDJSON and CSV that
 * `scoresheet score` reads as they are. Every word is a catalogue's; nothing from the standard is markup.
 */
// First: it sets zod's configuration before any schema is used (see dom.ts).
import { download, el, pageData, setChildren, storage } from './dom.js';
import { compileStandard } from '../compile/standard.js';
import { itemInputs, factsOf } from '../records/inputs.js';
import { scoreRecord } from '../score/batch.js';
import type { Scorecard } from '../score/scorecard.js';
import type { Standard } from '../standard/schema.js';
import { wordsOf, type Locale } from '../messages/locales.js';
import { localizedText, renderMessage } from '../messages/render.js';
import { formatPath, type Diagnostic } from '../diagnostics.js';
import { signedPoints } from '../report/text.js';
import type { FindingField } from '../rules/kind.js';

interface UnitEntry {
  readonly id: string;
  readonly name?: string;
  readonly group?: Readonly<Record<string, string | number>>;
}

export interface FormData {
  readonly locale: Locale;
  readonly standard: Standard;
  readonly units: readonly UnitEntry[];
}

interface ItemDraft {
  count?: string;
  points?: string;
  value?: string;
  note?: string;
  /** false: written material was not shown. */
  evidence?: boolean;
}

interface Draft {
  unit: string;
  unitName: string;
  kind: string;
  level: string;
  date: string;
  inspector: string;
  facts: Record<string, string>;
  indicators: Record<string, string>;
  items: Record<string, ItemDraft>;
}

const data = pageData<FormData>();
const standard = data.standard;
const locale = data.locale;
const w = wordsOf(locale);
const text = (t: Parameters<typeof localizedText>[0] | undefined) => (t === undefined ? '' : localizedText(t, locale));
// Code generation is tried once and refused under the page's CSP: the interpreter scores (docs/compiled.md).
const scorer = compileStandard(standard);
const ref = `${standard.id}@${standard.version}`;
const DRAFT_KEY = `scoresheet:draft:${ref}`;
const DONE_KEY = `scoresheet:finished:${ref}`;
const store = storage();
const unitsById = new Map(data.units.map((u) => [u.id, u]));
const itemNames = new Map<string, string>();
for (const c of standard.categories) {
  itemNames.set(c.id, text(c.name));
  for (const i of c.items) itemNames.set(i.id, text(i.name));
}
const facts = factsOf(standard, locale);

const empty = (): Draft => ({ unit: '', unitName: '', kind: '', level: '', date: '', inspector: '', facts: {}, indicators: {}, items: {} });
let draft: Draft = load(DRAFT_KEY, empty());
let finished: Record<string, unknown>[] = load(DONE_KEY, []);

function load<T>(key: string, fallback: T): T {
  try {
    const raw = store?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function save(): void {
  try {
    store?.setItem(DRAFT_KEY, JSON.stringify(draft));
    store?.setItem(DONE_KEY, JSON.stringify(finished));
  } catch {
    // A full or refused storage loses only the draft's persistence, not the page.
  }
}

/** A number typed in a field: a number when it reads as one, else the text itself (the library says why). */
function numberOf(value: string): number | string {
  const n = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

/** The item of each finding of the last record built, by index (to place a problem at its item). */
let findingItems: string[] = [];

/** The record the form holds now, as `scoresheet score` reads it. */
function record(id?: string): Record<string, unknown> {
  const known = unitsById.get(draft.unit);
  const unit: Record<string, unknown> = { id: draft.unit };
  const name = known?.name ?? (draft.unitName.trim() || undefined);
  if (name !== undefined) unit.name = name;
  if (known?.group !== undefined) unit.group = known.group;
  const findings: Record<string, unknown>[] = [];
  for (const category of standard.categories) {
    for (const item of category.items) {
      const d = draft.items[item.id];
      if (d === undefined) continue;
      const finding: Record<string, unknown> = { item: item.id };
      if (d.count?.trim()) finding.count = numberOf(d.count);
      if (d.points?.trim()) finding.points = numberOf(d.points);
      if (d.value?.trim()) finding.value = numberOf(d.value);
      if (d.evidence === false) finding.evidence = false;
      if (Object.keys(finding).length === 1) continue;
      if (d.note?.trim()) finding.note = d.note.trim();
      findings.push(finding);
    }
  }
  const out: Record<string, unknown> = {};
  if (id !== undefined) out.id = id;
  out.standard = ref;
  out.unit = unit;
  out.date = draft.date;
  if (draft.kind) out.kind = draft.kind;
  if (draft.level) out.level = draft.level;
  if (draft.inspector.trim()) out.inspector = draft.inspector.trim();
  const factValues = Object.entries(draft.facts).filter(([, v]) => v.trim() !== '');
  if (factValues.length > 0) out.facts = Object.fromEntries(factValues.map(([k, v]) => [k, factValue(k, v)]));
  const indicatorValues = Object.entries(draft.indicators).filter(([, v]) => v.trim() !== '');
  if (indicatorValues.length > 0) out.indicators = Object.fromEntries(indicatorValues.map(([k, v]) => [k, numberOf(v)]));
  out.findings = findings;
  findingItems = findings.map((f) => f.item as string);
  return out;
}

function factValue(name: string, value: string): unknown {
  const type = facts.find((f) => f.name === name)?.type;
  if (type === 'boolean') return value === 'true';
  if (type === 'number') return numberOf(value);
  return value.trim();
}

// ---- the page ----

const root = document.getElementById('app')!;
let uid = 0;
const nextId = (stem: string) => `${stem}-${++uid}`;

/** A labelled input; `bind` reads and writes the draft. */
function field(label: string, input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  const id = input.id || nextId('f');
  input.id = id;
  const hintId = hint ? `${id}-hint` : undefined;
  if (hintId) input.setAttribute('aria-describedby', hintId);
  return el('div', { class: 'field' }, el('label', { for: id }, label), input, hint ? el('span', { id: hintId!, class: 'hint' }, hint) : undefined);
}

function select(options: readonly { value: string; label: string }[], value: string, onChange: (v: string) => void, attrs: Record<string, string> = {}): HTMLSelectElement {
  const s = el('select', attrs, el('option', { value: '' }, w.page.choose), options.map((o) => el('option', { value: o.value }, o.label)));
  s.value = value;
  s.addEventListener('change', () => {
    onChange(s.value);
    update();
  });
  return s;
}

function input(type: string, value: string, onInput: (v: string) => void, attrs: Record<string, string> = {}): HTMLInputElement {
  const i = el('input', { type, ...attrs });
  i.value = value;
  i.addEventListener('input', () => {
    onInput(i.value);
    update();
  });
  return i;
}

const itemDraft = (id: string): ItemDraft => (draft.items[id] ??= {});

function inspectionSection(): HTMLElement {
  const unitField =
    data.units.length > 0
      ? field(w.page.unit, select(data.units.map((u) => ({ value: u.id, label: u.name ?? u.id })), draft.unit, (v) => (draft.unit = v), { name: 'unit' }))
      : el('div', {}, field(w.page.unitId, input('text', draft.unit, (v) => (draft.unit = v.trim()), { name: 'unit', autocomplete: 'off' })), field(w.page.unitName, input('text', draft.unitName, (v) => (draft.unitName = v), { name: 'unitName' })));
  const kinds = standard.kinds.map((k) => ({ value: k.id, label: text(k.name) || k.id }));
  const levels = standard.levels.map((l) => ({ value: l.id, label: text(l.name) || l.id }));
  return el(
    'section',
    { 'aria-labelledby': 'h-inspection', class: 'card' },
    el('h2', { id: 'h-inspection' }, w.page.inspection),
    unitField,
    kinds.length > 0 && field(w.page.kind, select(kinds, draft.kind, (v) => (draft.kind = v), { name: 'kind' })),
    levels.length > 0 && field(w.page.level, select(levels, draft.level, (v) => (draft.level = v), { name: 'level' })),
    field(w.page.date, input('date', draft.date, (v) => (draft.date = v), { name: 'date' })),
    field(w.page.inspector, input('text', draft.inspector, (v) => (draft.inspector = v), { name: 'inspector' })),
    facts.map((f) =>
      f.type === 'boolean'
        ? field(f.name, select([{ value: 'true', label: w.csv.yes }, { value: 'false', label: w.csv.no }], draft.facts[f.name] ?? '', (v) => (draft.facts[f.name] = v), { name: `facts.${f.name}` }))
        : field(f.name, input(f.type === 'number' ? 'number' : 'text', draft.facts[f.name] ?? '', (v) => (draft.facts[f.name] = v), { name: `facts.${f.name}`, ...(f.type === 'number' ? { inputmode: 'decimal', step: 'any' } : {}) })),
    ),
    standard.indicators.map((i) =>
      field(text(i.name) || i.id, input('number', draft.indicators[i.id] ?? '', (v) => (draft.indicators[i.id] = v), { name: `indicators.${i.id}`, inputmode: 'decimal', step: 'any' }), i.unit),
    ),
  );
}

const FIELD_INPUT: Readonly<Record<Exclude<FindingField, 'note'>, { type: string; mode: string }>> = {
  count: { type: 'number', mode: 'numeric' },
  points: { type: 'number', mode: 'decimal' },
  value: { type: 'number', mode: 'decimal' },
};

function itemBlock(item: Standard['categories'][number]['items'][number]): HTMLElement {
  const needs = itemInputs(standard, item);
  const d = itemDraft(item.id);
  const headingId = nextId('item');
  const inputs: HTMLElement[] = [];
  const name = text(item.name) || item.id;
  for (const f of needs.fields) {
    if (f === 'note') {
      inputs.push(field(w.page.note, input('text', d.note ?? '', (v) => (itemDraft(item.id).note = v), { name: `${item.id}.note`, 'aria-label': `${name} ${w.page.note}` })));
      continue;
    }
    const spec = FIELD_INPUT[f];
    const label = f === 'count' ? w.page.count : f === 'points' ? w.page.points : w.page.value;
    inputs.push(field(label, input(spec.type, d[f] ?? '', (v) => (itemDraft(item.id)[f] = v), { name: `${item.id}.${f}`, inputmode: spec.mode, step: 'any', min: '0', 'aria-label': `${name} ${label}` })));
  }
  if (needs.evidence) {
    const box = el('input', { type: 'checkbox', name: `${item.id}.evidence`, 'aria-label': `${name} ${w.page.evidence}` });
    box.checked = d.evidence !== false;
    box.addEventListener('change', () => {
      itemDraft(item.id).evidence = box.checked ? undefined : false;
      update();
    });
    const id = nextId('f');
    box.id = id;
    inputs.push(el('div', { class: 'field check' }, box, el('label', { for: id }, w.page.evidence)));
  }
  const error = el('p', { class: 'error', id: `${headingId}-error` });
  itemErrors.set(item.id, error);
  return el(
    'div',
    { class: 'item', role: 'group', 'aria-labelledby': headingId, 'aria-describedby': `${headingId}-error`, 'data-item': item.id },
    el('h3', { id: headingId }, name, item.max !== undefined ? el('span', { class: 'max' }, ` · ${w.page.maxPoints(String(item.max))}`) : undefined),
    item.requirement !== undefined ? el('p', { class: 'requirement' }, text(typeof item.requirement === 'string' ? { 'zh-CN': item.requirement, en: item.requirement } : item.requirement)) : undefined,
    el('div', { class: 'inputs' }, inputs),
    error,
  );
}

function categorySection(category: Standard['categories'][number], index: number): HTMLElement {
  const id = `h-category-${index}`;
  return el(
    'section',
    { 'aria-labelledby': id, class: 'card' },
    el('h2', { id }, text(category.name) || category.id, category.max !== undefined ? el('span', { class: 'max' }, ` · ${w.page.maxPoints(String(category.max))}`) : undefined),
    category.items.map(itemBlock),
  );
}

const itemErrors = new Map<string, HTMLElement>();
const scorecardBox = el('div', { id: 'scorecard' });
const liveBar = el('div', { id: 'live', class: 'live', role: 'status' });
const problemsBox = el('div', { id: 'problems', role: 'alert' });
const finishButton = el('button', { type: 'button', id: 'finish' }, w.page.finish);
const finishedCount = el('p', { id: 'finished-count' });
const ndjsonButton = el('button', { type: 'button', id: 'export-ndjson' }, w.page.exportNdjson);
const csvButton = el('button', { type: 'button', id: 'export-csv' }, w.page.exportCsv);
const newButton = el('button', { type: 'button', id: 'new', class: 'secondary' }, w.page.clearForm);
const clearButton = el('button', { type: 'button', id: 'clear-finished', class: 'secondary' }, w.page.clearFinished);

/** A diagnostic's message in the page's language (the library's own words). */
const renderDiagnosticMessage = (d: Diagnostic) => renderMessage({ messageId: d.messageId, ...(d.data ? { data: d.data } : {}) }, locale);

/** The form's label of a record field a problem names (`unit.id`, `date`); '' for one it has no input for. */
function fieldLabel(field: string): string {
  const head = field.split(/[.[]/)[0];
  const labels: Record<string, string> = { unit: w.page.unit, date: w.page.date, kind: w.page.kind, level: w.page.level, inspector: w.page.inspector };
  return (head !== undefined ? labels[head] : undefined) ?? '';
}

function showScorecard(card: Scorecard): void {
  const band = card.band ? text(card.band.name) || card.band.id : w.scorecard.none;
  liveBar.replaceChildren(
    el('span', {}, `${w.scorecard.total} `, el('strong', { id: 'live-total' }, String(card.total))),
    el('span', {}, `${w.scorecard.band} ${band}`),
    el('span', { 'data-verdict': card.verdict }, `${w.scorecard.verdict} ${w.verdict[card.verdict]}`),
  );
  const rows = card.lines.map((line) =>
    el(
      'tr',
      {},
      el('td', {}, line.item !== undefined ? (itemNames.get(line.item) ?? line.item) : w.scorecard.none),
      el('td', {}, w.lineType[line.type]),
      el('td', { class: 'num' }, signedPoints(line.points)),
      el('td', {}, renderMessage(line.reason, locale)),
    ),
  );
  const table =
    rows.length === 0
      ? el('p', { class: 'empty' }, w.page.noLines)
      : el(
          'table',
          {},
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, w.scorecard.item), el('th', { scope: 'col' }, w.scorecard.type), el('th', { scope: 'col' }, w.scorecard.points), el('th', { scope: 'col' }, w.scorecard.reason))),
          el('tbody', {}, rows),
        );
  const summary = el(
    'dl',
    { class: 'summary' },
    el('dt', {}, w.scorecard.total),
    el('dd', { id: 'total' }, String(card.total)),
    el('dt', {}, w.scorecard.band),
    el('dd', { id: 'band' }, card.band ? text(card.band.name) || card.band.id : w.scorecard.none),
    el('dt', {}, w.scorecard.verdict),
    el('dd', { id: 'verdict', 'data-verdict': card.verdict }, w.verdict[card.verdict]),
  );
  const reasons = card.reasons.length > 0 ? el('ul', { class: 'reasons' }, card.reasons.map((r) => el('li', {}, renderMessage(r, locale)))) : undefined;
  setChildren(scorecardBox, summary, reasons, table);
}

let lastOk = false;

function update(): void {
  save();
  const result = scoreRecord(scorer, record());
  lastOk = result.ok;
  if (result.ok) {
    problemsBox.replaceChildren();
    for (const box of itemErrors.values()) box.replaceChildren();
    showScorecard(result.scorecard);
  } else {
    for (const box of itemErrors.values()) box.replaceChildren();
    const listed = result.diagnostics.map((d) => {
      const field = formatPath(d.path);
      const message = renderDiagnosticMessage(d);
      const item = d.path[0] === 'findings' && typeof d.path[1] === 'number' ? findingItems[d.path[1]] : undefined;
      if (item !== undefined) itemErrors.get(item)?.append(el('span', {}, message));
      const where = item !== undefined ? (itemNames.get(item) ?? item) : fieldLabel(field);
      return el('li', { 'data-field': field }, where ? `${where}: ${message}` : message);
    });
    setChildren(problemsBox, el('p', {}, w.page.refused), el('ul', {}, listed));
    scorecardBox.replaceChildren();
    liveBar.replaceChildren(el('span', { class: 'refused' }, w.page.refused), ` ${result.diagnostics.length}`);
  }
  finishButton.disabled = !lastOk;
  finishedCount.textContent = w.page.finished(finished.length);
  ndjsonButton.disabled = finished.length === 0;
  csvButton.disabled = finished.length === 0;
}

/** A record id no other inspection of this device has: the unit, the date and a random tail. */
function recordId(): string {
  const tail = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${draft.unit}-${draft.date}-${tail}`;
}

finishButton.addEventListener('click', () => {
  const rec = record(recordId());
  if (!scoreRecord(scorer, rec).ok) return;
  finished = [...finished, rec];
  draft = { ...empty(), kind: draft.kind, level: draft.level, date: draft.date, inspector: draft.inspector };
  render();
});

newButton.addEventListener('click', () => {
  draft = empty();
  render();
});

clearButton.addEventListener('click', () => {
  finished = [];
  update();
});

const stamp = () => new Date().toISOString().slice(0, 10);
ndjsonButton.addEventListener('click', () => download(`${standard.id}-${stamp()}.ndjson`, finished.map((r) => JSON.stringify(r)).join('\n') + '\n', 'application/x-ndjson'));
csvButton.addEventListener('click', () => download(`${standard.id}-${stamp()}.csv`, toCsv(finished), 'text/csv'));

/** Long layout with the field names as headers: `scoresheet score` reads it without a map (docs/records.md). */
export function toCsv(records: readonly Record<string, unknown>[]): string {
  const columns: string[] = [];
  const rows: Record<string, unknown>[] = [];
  const add = (row: Record<string, unknown>, key: string, value: unknown) => {
    if (value === undefined) return;
    if (!columns.includes(key)) columns.push(key);
    row[key] = value;
  };
  for (const r of records) {
    const head: Record<string, unknown> = {};
    const flat = (prefix: string, value: unknown): void => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) flat(`${prefix}.${k}`, v);
      else add(head, prefix, value);
    };
    for (const [key, value] of Object.entries(r)) if (key !== 'findings') flat(key, value);
    const findings = (r.findings as Record<string, unknown>[]) ?? [];
    if (findings.length === 0) rows.push(head);
    for (const f of findings) {
      const row = { ...head };
      for (const [k, v] of Object.entries(f)) add(row, `finding.${k}`, v);
      rows.push(row);
    }
  }
  const cell = (v: unknown): string => {
    if (v === undefined) return '';
    const s = typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

function render(): void {
  uid = 0;
  setChildren(
    root,
    el('header', {}, el('h1', {}, text(standard.name) || standard.id), el('p', { class: 'hint' }, w.page.draftKept)),
    el(
      'main',
      {},
      inspectionSection(),
      standard.categories.map(categorySection),
      el('section', { 'aria-labelledby': 'h-scorecard', class: 'card' }, el('h2', { id: 'h-scorecard' }, w.page.scorecard), problemsBox, scorecardBox),
      el('section', { 'aria-label': w.page.finish, class: 'card actions' }, finishButton, newButton, finishedCount, ndjsonButton, csvButton, clearButton),
      liveBar,
    ),
  );
  update();
}

document.documentElement.lang = locale;
document.title = `${w.page.form} · ${text(standard.name) || standard.id}`;
render();
