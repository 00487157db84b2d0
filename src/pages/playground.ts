/// <reference lib="dom" />
/**
 * The playground (`scoresheet playground`): a standard's YAML on one side, checked as `scoresheet check`
 * checks it (code, line:col, message) as the author types, with each problem marked at its line; a
 * record and its scorecard on the other. The whole state is in the URL's hash, so a link reproduces it.
 */
// First: it sets zod's configuration before any schema is used (see dom.ts).
import { el, pageData, setChildren } from './dom.js';
import { parse as parseYaml } from 'yaml';
import { compileStandard } from '../compile/standard.js';
import { formatPath, type Diagnostic } from '../diagnostics.js';
import { wordsOf, LOCALE_IDS, type Locale } from '../messages/locales.js';
import { renderMessage } from '../messages/render.js';
import { renderScorecard } from '../report/render.js';
import { scoreRecord } from '../score/batch.js';
import { parseStandard, type BaseResolver } from '../standard/load.js';

export interface PlaygroundData {
  readonly locale: Locale;
  /** The shipped standards: file name (`school-hygiene.yaml`) → text. */
  readonly standards: Readonly<Record<string, string>>;
  /** The record shown first for each shipped standard (file name → YAML). */
  readonly records: Readonly<Record<string, string>>;
  readonly initial: string;
}

interface State {
  /** The file name diagnostics carry (a shipped one, or `standard.yaml`). */
  file: string;
  standard: string;
  record: string;
  locale: Locale;
}

const data = pageData<PlaygroundData>();
const files = Object.keys(data.standards);

function fromHash(): State | undefined {
  if (location.hash.length < 2) return undefined;
  try {
    const s = JSON.parse(decodeURIComponent(location.hash.slice(1))) as Partial<State>;
    if (typeof s.standard !== 'string' || typeof s.record !== 'string') return undefined;
    return { file: typeof s.file === 'string' ? s.file : 'standard.yaml', standard: s.standard, record: s.record, locale: LOCALE_IDS.includes(s.locale as Locale) ? (s.locale as Locale) : data.locale };
  } catch {
    return undefined;
  }
}

const initial = data.initial;
let state: State = fromHash() ?? { file: initial, standard: data.standards[initial] ?? '', record: data.records[initial] ?? '', locale: data.locale };

/** `extends: school-hygiene.yaml` finds a shipped standard by its file name. */
const resolveBase: BaseResolver = (ref) => {
  const name = ref.split('/').pop() ?? ref;
  const text = data.standards[name];
  return text !== undefined ? { file: name, text } : { problem: { code: 'file_not_found', data: { detail: ref } } };
};

// ---- the page ----

const root = document.getElementById('app')!;
const title = el('h1', {});
const shippedSelect = el('select', { id: 'shipped' });
const languageSelect = el('select', { id: 'language' }, LOCALE_IDS.map((l) => el('option', { value: l }, l)));
const standardArea = el('textarea', { id: 'standard', spellcheck: 'false', autocapitalize: 'off', wrap: 'off', rows: '28' });
const gutter = el('pre', { id: 'gutter', 'aria-hidden': 'true' });
const diagnosticsList = el('ol', { id: 'diagnostics' });
const diagnosticsStatus = el('p', { id: 'diagnostics-status', role: 'status' });
const recordArea = el('textarea', { id: 'record', spellcheck: 'false', autocapitalize: 'off', wrap: 'off', rows: '14' });
const scorecardBox = el('pre', { id: 'scorecard', 'aria-live': 'polite' });
const labels = {
  shipped: el('label', { for: 'shipped' }),
  language: el('label', { for: 'language' }),
  standard: el('h2', { id: 'h-standard' }),
  standardLabel: el('label', { for: 'standard', class: 'visually-hidden' }),
  diagnostics: el('h2', { id: 'h-diagnostics' }),
  record: el('h2', { id: 'h-record' }),
  recordLabel: el('label', { for: 'record', class: 'visually-hidden' }),
  scorecard: el('h2', { id: 'h-scorecard' }),
};

root.replaceChildren(
  el('header', {}, title, el('div', { class: 'controls' }, el('div', { class: 'field' }, labels.shipped, shippedSelect), el('div', { class: 'field' }, labels.language, languageSelect))),
  el(
    'main',
    { class: 'panes' },
    el('section', { 'aria-labelledby': 'h-standard' }, labels.standard, labels.standardLabel, el('div', { class: 'editor' }, gutter, standardArea), labels.diagnostics, diagnosticsStatus, diagnosticsList),
    el('section', { 'aria-labelledby': 'h-record' }, labels.record, labels.recordLabel, recordArea, labels.scorecard, scorecardBox),
  ),
);

function words(): void {
  const w = wordsOf(state.locale).page;
  document.documentElement.lang = state.locale;
  document.title = w.playground;
  title.textContent = w.playground;
  labels.shipped.textContent = w.shipped;
  labels.language.textContent = w.language;
  labels.standard.textContent = w.standard;
  labels.standardLabel.textContent = w.standard;
  labels.diagnostics.textContent = w.diagnostics;
  labels.record.textContent = w.record;
  labels.recordLabel.textContent = w.record;
  labels.scorecard.textContent = wordsOf(state.locale).scorecard.total;
  labels.scorecard.textContent = w.scorecard;
  setChildren(shippedSelect, el('option', { value: '' }, w.ownStandard), files.map((f) => el('option', { value: f }, f)));
  shippedSelect.value = files.includes(state.file) && data.standards[state.file] === state.standard ? state.file : '';
  languageSelect.value = state.locale;
}

/** Problems by line, for the gutter: `12 ●` where a diagnostic starts. */
function showGutter(diagnostics: readonly Diagnostic[]): void {
  const lines = state.standard.split('\n').length;
  const marked = new Set(diagnostics.filter((d) => d.file === state.file).map((d) => d.line));
  let out = '';
  for (let n = 1; n <= lines; n++) out += `${marked.has(n) ? '●' : ' '}${String(n).padStart(4)}\n`;
  gutter.textContent = out;
  gutter.scrollTop = standardArea.scrollTop;
}

let timer: ReturnType<typeof setTimeout> | undefined;

function run(): void {
  const w = wordsOf(state.locale);
  const loaded = parseStandard(state.standard, { file: state.file, locale: state.locale, resolveBase });
  const diagnostics = loaded.ok ? loaded.warnings : loaded.diagnostics;
  showGutter(diagnostics);
  setChildren(
    diagnosticsList,
    diagnostics.map((d) =>
      el(
        'li',
        { class: `diagnostic ${d.severity}`, 'data-code': d.code, 'data-line': String(d.line), 'data-column': String(d.column) },
        el('button', { type: 'button', class: 'goto' }, `${d.file}:${d.line}:${d.column}`),
        ` ${d.severity}  `,
        el('code', {}, d.code),
        `  ${d.path.length > 0 ? `${formatPath(d.path)}: ` : ''}${renderMessage({ messageId: d.messageId, ...(d.data ? { data: d.data } : {}) }, state.locale)}`,
      ),
    ),
  );
  diagnosticsStatus.textContent = diagnostics.length === 0 ? w.page.noProblems : w.cli.checkSummary(1, diagnostics.filter((d) => d.severity === 'error').length, diagnostics.filter((d) => d.severity === 'warning').length);
  if (!loaded.ok) {
    scorecardBox.textContent = w.page.notAStandard;
    return;
  }
  let value: unknown;
  try {
    value = parseYaml(state.record);
  } catch (error) {
    scorecardBox.textContent = w.page.recordSyntax(error instanceof Error ? error.message : String(error));
    return;
  }
  const result = scoreRecord(compileStandard(loaded.standard), value);
  scorecardBox.textContent = result.ok
    ? renderScorecard(result.scorecard, loaded.standard, { format: 'text', locale: state.locale })
    : [w.page.refused].concat(result.diagnostics.map((d) => `${formatPath(d.path)}: ${renderMessage({ messageId: d.messageId, ...(d.data ? { data: d.data } : {}) }, state.locale)}`)).join('\n');
}

function changed(): void {
  history.replaceState(null, '', `#${encodeURIComponent(JSON.stringify(state))}`);
  // Typing is checked once it pauses for a moment, not on every key.
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(run, 150);
}

standardArea.addEventListener('input', () => {
  state.standard = standardArea.value;
  if (state.file !== 'standard.yaml' && data.standards[state.file] !== state.standard) state.file = 'standard.yaml';
  changed();
});
standardArea.addEventListener('scroll', () => (gutter.scrollTop = standardArea.scrollTop));
recordArea.addEventListener('input', () => {
  state.record = recordArea.value;
  changed();
});
shippedSelect.addEventListener('change', () => {
  const file = shippedSelect.value;
  if (!file) return;
  state = { ...state, file, standard: data.standards[file] ?? '', record: data.records[file] ?? state.record };
  fill();
  changed();
});
languageSelect.addEventListener('change', () => {
  state.locale = languageSelect.value as Locale;
  words();
  changed();
});
diagnosticsList.addEventListener('click', (event) => {
  const item = (event.target as HTMLElement).closest('li');
  if (!item) return;
  const line = Number(item.dataset.line);
  const column = Number(item.dataset.column);
  const lines = standardArea.value.split('\n');
  let offset = 0;
  for (let n = 1; n < line && n <= lines.length; n++) offset += lines[n - 1]!.length + 1;
  standardArea.focus();
  standardArea.setSelectionRange(offset + column - 1, offset + column - 1);
});
window.addEventListener('hashchange', () => {
  const s = fromHash();
  if (s && JSON.stringify(s) !== JSON.stringify(state)) {
    state = s;
    fill();
    run();
  }
});

function fill(): void {
  standardArea.value = state.standard;
  recordArea.value = state.record;
  words();
}

fill();
run();
