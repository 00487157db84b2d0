/**
 * A 评分表 (score sheet: 类别 / 项目 / 分值 / 评分标准 columns) → a draft standard (docs/draft.md). The
 * common phrases of a 评分标准 cell become rule kinds (parseCriteria); anything else becomes a judgement
 * rule and a `draft_unparsed` warning naming its cell. Every rule carries its cell's text as `source`
 * and its clause as `reason`. The draft is a plain object for the `yaml` library to write: the author
 * reviews it (fact names, targets) before use.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { Locale } from '../messages/locales.js';
// The kinds' names come from the kinds themselves (test/architecture.test.ts: rule kinds own themselves).
import { bonus } from '../rules/bonus.js';
import { fixed } from '../rules/fixed.js';
import { judgement } from '../rules/judgement.js';
import { notApplicable } from '../rules/not-applicable.js';
import { perOccurrence } from '../rules/per-occurrence.js';
import { perShortfall } from '../rules/per-shortfall.js';
import { perStep } from '../rules/per-step.js';

/** A rule of the draft as it is written to YAML. */
export type DraftRule = Record<string, unknown> & { kind: string };

/** What a cell's clauses give: rules, a veto, and the clauses read as nothing known. */
export interface ParsedCriteria {
  readonly rules: DraftRule[];
  readonly veto: boolean;
  readonly unparsed: string[];
}

/** What parseCriteria knows about the row. */
export interface CriteriaContext {
  /** The item's points (分值); a judgement or 不得分 takes them. */
  readonly max?: number;
  readonly bonusMax?: number;
  /** The 项目 / 工作要求 text: 不少于N次 gives a per-shortfall's required count, N% a per-step's target. */
  readonly requirement?: string;
  /** Prefix of the facts the rules read (`item6` → `item6_1`). */
  readonly factPrefix: string;
}

const NUM = '(\\d+(?:\\.\\d+)?)';
const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 1, 0.5, 一 → the number; undefined for anything else. */
function numberOf(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  return CN_DIGITS[text];
}

/** The clauses of a cell: split at ，,；;。 outside brackets; empty ones dropped. */
export function clausesOf(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '（' || ch === '(') depth++;
    if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[，,；;。]/.test(ch)) {
      if (current.trim() !== '') out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}

/** Whether a clause says how points are given or taken (anything else leads into the next clause). */
const ACTS = /扣|奖|否决|不得分|酌情/;

/** The required count the requirement gives for a unit (不少于6条 → 6 for 条), if it gives one. */
function requiredOf(requirement: string | undefined, unit: string): number | undefined {
  if (requirement === undefined) return undefined;
  const m = new RegExp(`不少于\\s*(\\d+)\\s*${unit}`).exec(requirement);
  return m ? Number(m[1]) : undefined;
}

/** The target of a per-step rule: the last percentage the requirement names, else 100. */
function targetOf(requirement: string | undefined): number {
  const all = [...(requirement ?? '').matchAll(/(\d+(?:\.\d+)?)\s*%/g)];
  const last = all[all.length - 1];
  return last ? Number(last[1]) : 100;
}

/**
 * The rules a 评分标准 cell's text gives. Phrases (clauses split at ，；。; a clause with no 扣/奖 leads
 * into the next): 每处/每次/每项扣X分 → per-occurrence; 每次扣X-Y分 → per-occurrence with a range;
 * 每少(缺)一次扣X分 → per-shortfall when the requirement says 不少于N次 (else per-occurrence); 每下降X%扣Y分
 * → per-step; 扣X分 → fixed; 各扣X分 → one fixed rule per clause before it; 最高扣X分 / 最高奖X分 → the
 * cap of the rule before; 扣完为止 → nothing (the item's points are its floor); 一票否决 → a veto;
 * 不得分 → fixed, the item's points; 酌情扣分 / 酌情奖分 → judgement; 每多X奖Y分 → bonus above the count
 * 完成N names; 奖(励)X分 → bonus; …的不扣分 / 不奖分 → not-applicable on a fact.
 */
export function parseCriteria(text: string, context: CriteriaContext): ParsedCriteria {
  const rules: DraftRule[] = [];
  const unparsed: string[] = [];
  let veto = false;
  let pending: string[] = [];
  let facts = 0;
  const fact = () => `${context.factPrefix}_${++facts}`;
  const lastOf = (kind?: string) => [...rules].reverse().find((r) => kind === undefined || r.kind === kind);
  for (const clause of clausesOf(text)) {
    if (!ACTS.test(clause) && !/^扣完为止/.test(clause)) {
      pending.push(clause);
      continue;
    }
    const reason = [...pending, clause].join('，');
    const lead = pending;
    pending = [];
    const add = (rule: DraftRule) => rules.push({ ...rule, reason: { 'zh-CN': reason } });
    let m: RegExpExecArray | null;
    if (/扣完为止/.test(clause) && !/扣\s*\d/.test(clause.replace(/扣完为止/, ''))) continue;
    if ((m = new RegExp(`^最高扣(?:除)?\\s*${NUM}\\s*分`).exec(clause))) {
      const last = lastOf();
      if (last !== undefined && last.kind !== bonus.kind) last.cap = Number(m[1]);
      else unparsed.push(clause);
      continue;
    }
    if ((m = new RegExp(`^最高奖(?:励)?\\s*${NUM}\\s*分`).exec(clause))) {
      const last = lastOf(bonus.kind);
      if (last !== undefined) last.cap = Number(m[1]);
      else unparsed.push(clause);
      continue;
    }
    if (/一票否决/.test(clause)) {
      veto = true;
      if (context.max !== undefined) add({ kind: fixed.kind, points: context.max });
      continue;
    }
    if (/不扣分|不奖分/.test(clause)) {
      add({ kind: notApplicable.kind, when: { fact: fact(), operator: 'equal', value: true } });
      continue;
    }
    if (/酌情奖/.test(clause)) {
      if (context.bonusMax !== undefined) add({ kind: judgement.kind, effect: 'award', max: context.bonusMax });
      else unparsed.push(reason);
      continue;
    }
    if (/酌情扣/.test(clause)) {
      if (context.max !== undefined) add({ kind: judgement.kind, max: context.max });
      else unparsed.push(reason);
      continue;
    }
    if (/不得分/.test(clause)) {
      if (context.max !== undefined) add({ kind: fixed.kind, points: context.max });
      else unparsed.push(reason);
      continue;
    }
    if ((m = new RegExp(`每下降\\s*${NUM}\\s*%\\s*扣\\s*${NUM}\\s*分`).exec(clause))) {
      add({ kind: perStep.kind, target: targetOf(context.requirement), step: Number(m[1]), points: Number(m[2]), partial: 'floor', of: { fact: fact() } });
      continue;
    }
    if ((m = new RegExp(`每多\\S*?奖(?:励)?\\s*${NUM}\\s*分`).exec(clause))) {
      const done = new RegExp('完成\\s*(\\d+)').exec(reason) ?? new RegExp('不少于\\s*(\\d+)').exec(context.requirement ?? '');
      add({ kind: bonus.kind, points: Number(m[1]), ...(done ? { above: Number(done[1]) } : {}), of: { fact: fact() } });
      continue;
    }
    const awards = [...clause.matchAll(new RegExp(`奖(?:励)?\\s*${NUM}\\s*分`, 'g'))];
    if (awards.length === 1) {
      add({ kind: bonus.kind, points: Number(awards[0]![1]) });
      continue;
    }
    if (awards.length > 1) {
      // 参与创建卫生镇的奖励1分、卫生村奖励0.5分: one bonus for each award the list names.
      const parts = clause.split('、');
      for (const part of parts) {
        const award = new RegExp(`奖(?:励)?\\s*${NUM}\\s*分`).exec(part);
        if (award) rules.push({ kind: bonus.kind, points: Number(award[1]), reason: { 'zh-CN': [...lead, part].join('，') } });
      }
      if (parts.filter((p) => /奖/.test(p)).length !== awards.length) unparsed.push(reason);
      continue;
    }
    if ((m = new RegExp(`每\\S*?扣\\s*${NUM}\\s*[-－~～至到]\\s*${NUM}\\s*分`).exec(clause))) {
      add({ kind: perOccurrence.kind, points: { min: Number(m[1]), max: Number(m[2]) } });
      continue;
    }
    if ((m = new RegExp(`每(?:少|缺)\\s*(\\d+|[一二两三四五六七八九十])?\\s*([次份人户条个项家])\\S*?扣\\s*${NUM}\\s*分`).exec(clause))) {
      const required = requiredOf(context.requirement, m[2]!);
      const points = Number(m[3]);
      if (required !== undefined && (numberOf(m[1]) ?? 1) === 1) add({ kind: perShortfall.kind, required, points, of: { fact: fact() } });
      else add({ kind: perOccurrence.kind, points });
      continue;
    }
    if ((m = new RegExp(`(?:每\\S*?|一次)扣\\s*${NUM}\\s*分`).exec(clause))) {
      add({ kind: perOccurrence.kind, points: Number(m[1]) });
      continue;
    }
    if ((m = new RegExp(`^各扣\\s*${NUM}\\s*分`).exec(clause)) && lead.length > 1) {
      for (const each of lead) rules.push({ kind: fixed.kind, points: Number(m[1]), reason: { 'zh-CN': `${each}，${clause}` } });
      continue;
    }
    if ((m = new RegExp(`扣\\s*${NUM}\\s*分`).exec(clause))) {
      add({ kind: fixed.kind, points: Number(m[1]) });
      continue;
    }
    unparsed.push(reason);
  }
  // A cell that says nothing this parser knows is unparsed as a whole; words left after its rules are their context.
  if (rules.length === 0 && unparsed.length === 0 && !veto && pending.length > 0) unparsed.push(pending.join('，'));
  return { rules, veto, unparsed };
}

/** 2 / 2分 / 12分，7分奖分 / 2分，为奖励分 / 23分+10分 → the points and the bonus points. */
export function parsePoints(text: string): { max?: number; bonusMax?: number } {
  const t = text.trim();
  if (t === '') return {};
  const bonusOnly = new RegExp(`^${NUM}\\s*分?\\s*[，,]?\\s*(?:为)?奖(?:励)?分$`).exec(t);
  if (bonusOnly) return { max: 0, bonusMax: Number(bonusOnly[1]) };
  const both = new RegExp(`^${NUM}\\s*分?\\s*(?:[，,+＋]\\s*)${NUM}\\s*分?\\s*(?:奖(?:励)?分)?$`).exec(t);
  if (both) return { max: Number(both[1]), bonusMax: Number(both[2]) };
  const only = new RegExp(`^${NUM}\\s*分?$`).exec(t);
  return only ? { max: Number(only[1]) } : {};
}

/** A name and its points written after it in brackets: 信息报告（23分+10分） → 信息报告 and 23 + 10. */
export function splitNamePoints(text: string): { name: string; max?: number; bonusMax?: number } {
  const m = /^(.*?)[（(]([^（()）]*分[^（()）]*)[）)]\s*$/.exec(text.trim());
  if (!m) return { name: text.trim() };
  return { name: m[1]!.trim() || text.trim(), ...parsePoints(m[2]!) };
}

/** One row of the sheet as text, and where its cells are. */
export interface SheetRowText {
  readonly number: number;
  readonly cells: readonly string[];
}

export interface DraftOptions {
  /** The sheet's name for messages: `评分表.xlsx!Sheet1` (cells then read `评分表.xlsx!Sheet1!D7`), or `评分表.csv`. */
  readonly file: string;
  readonly id: string;
  readonly name: string;
  readonly locale: Locale;
}

const HEADERS = {
  category: /类别|工作内容|大类|类目|考核项目|一级指标/,
  item: /项目|工作要求|检查内容|考核内容|内容|二级指标|指标/,
  points: /分值|标准分|分数|满分/,
  criteria: /评分标准|扣分标准|评分细则|评分办法|评分方法|考核标准/,
  method: /考核方法|检查方法|考核办法/,
} as const;

type Column = keyof typeof HEADERS;

/** The header row (the first with a 评分标准 column) and which column is which (0-based). */
function headerOf(rows: readonly SheetRowText[]): { index: number; columns: Partial<Record<Column, number>> } | undefined {
  for (let index = 0; index < rows.length && index < 10; index++) {
    const cells = rows[index]!.cells;
    const find = (pattern: RegExp, taken: readonly number[]) => cells.findIndex((c, i) => !taken.includes(i) && pattern.test(c));
    const criteria = find(HEADERS.criteria, []);
    if (criteria < 0) continue;
    const columns: Partial<Record<Column, number>> = { criteria };
    const taken = [criteria];
    for (const key of ['method', 'points', 'category', 'item'] as const) {
      const at = find(HEADERS[key], taken);
      if (at >= 0) {
        columns[key] = at;
        taken.push(at);
      }
    }
    return { index, columns };
  }
  return undefined;
}

/** An item's name: its text's first clause, at most 30 characters (the whole text stays its `requirement`). */
export function shortName(text: string): string {
  const first = clausesOf(text.replace(/[。！？]/g, '，'))[0] ?? '';
  return [...first].length > 30 ? `${[...first].slice(0, 29).join('')}…` : first;
}

export interface DraftResult {
  /** The standard as a plain object, for YAML; undefined when the sheet has no 评分标准 column. */
  readonly standard?: Record<string, unknown>;
  readonly diagnostics: Diagnostic[];
}

/**
 * A score sheet's rows → a draft standard. Each row with a 评分标准 cell is an item (ids item-1, item-2
 * … in row order) of the category its 类别 cell names (a blank or merged cell: the one above).
 */
export function draftStandard(rows: readonly SheetRowText[], options: DraftOptions): DraftResult {
  const { file, locale } = options;
  const header = headerOf(rows);
  if (header === undefined) {
    return { diagnostics: [makeDiagnostic({ code: 'unreadable_input', file, line: 1, column: 1, path: [], messageId: 'input.draft_no_criteria', data: { file } }, locale)] };
  }
  const { columns } = header;
  const diagnostics: Diagnostic[] = [];
  const categories: { id: string; name: { 'zh-CN': string }; max?: number; bonusMax?: number; items: Record<string, unknown>[] }[] = [];
  const vetoes: Record<string, unknown>[] = [];
  let itemNumber = 0;
  const cell = (row: SheetRowText, column: Column) => (columns[column] === undefined ? '' : (row.cells[columns[column]] ?? '').trim());
  for (const row of rows.slice(header.index + 1)) {
    const criteria = cell(row, 'criteria');
    const itemText = cell(row, 'item');
    if (criteria === '' && itemText === '') continue;
    const categoryText = cell(row, 'category');
    const current = categories[categories.length - 1];
    if (current === undefined || (categoryText !== '' && splitNamePoints(categoryText).name !== current.name['zh-CN'])) {
      const named = splitNamePoints(categoryText || options.name);
      categories.push({ id: `category-${categories.length + 1}`, name: { 'zh-CN': named.name }, ...(named.max !== undefined ? { max: named.max } : {}), ...(named.bonusMax !== undefined ? { bonusMax: named.bonusMax } : {}), items: [] });
    }
    const category = categories[categories.length - 1]!;
    itemNumber++;
    const id = `item-${itemNumber}`;
    const fromCell = parsePoints(cell(row, 'points'));
    const fromName = splitNamePoints(itemText);
    const points = fromCell.max !== undefined ? fromCell : { max: fromName.max, bonusMax: fromName.bonusMax };
    const parsed = parseCriteria(criteria, { ...points, ...(itemText ? { requirement: itemText } : {}), factPrefix: `item${itemNumber}` });
    const rules: DraftRule[] = parsed.rules.map(({ kind, ...rest }) => ({ kind, source: criteria, ...rest }));
    const at = { file, line: row.number, column: (columns.criteria ?? 0) + 1, path: [] as string[] };
    for (const clause of parsed.unparsed) {
      if (points.max !== undefined) rules.push({ kind: judgement.kind, source: criteria, reason: { 'zh-CN': clause }, max: points.max });
      diagnostics.push(makeDiagnostic({ ...at, code: 'draft_unparsed', severity: 'warning', data: { clause, item: id } }, locale));
    }
    if (parsed.veto) vetoes.push({ id: `veto-${id}`, name: { 'zh-CN': shortName(fromName.name) || id }, source: criteria, item: id });
    category.items.push({
      id,
      name: { 'zh-CN': shortName(fromName.name) || id },
      ...(points.max !== undefined ? { max: points.max } : {}),
      ...(points.bonusMax !== undefined ? { bonusMax: points.bonusMax } : {}),
      ...(itemText ? { requirement: itemText } : {}),
      ...(cell(row, 'method') ? { method: cell(row, 'method') } : {}),
      rules,
    });
  }
  const standard: Record<string, unknown> = {
    format: 1,
    id: options.id,
    version: 'draft',
    name: { 'zh-CN': options.name },
    scoring: { mode: 'deduct' },
    categories: categories.map((c) => {
      // A category that names no points of its own takes its items' sum (the loader checks a declared one).
      if (c.max !== undefined) return c;
      const sum = c.items.reduce((n, i) => n + Number(i.max ?? 0), 0);
      return { ...c, max: Number(sum.toFixed(4)) };
    }),
    ...(vetoes.length > 0 ? { outcomes: { vetoes } } : {}),
  };
  return { standard, diagnostics };
}
