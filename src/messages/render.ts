/** Turns a Message (id + data) into words in the caller's locale. Wording lives only in the catalogues. */
import { LOCALES, type Locale } from './locales.js';
import type { Message } from './types.js';

export type { Catalogue, Template } from './types.js';

const en = LOCALES.en.messages;

/**
 * @example
 * ```ts
 * import { renderMessage, type Scorecard } from 'scoresheet';
 *
 * declare const scorecard: Scorecard;
 * for (const line of scorecard.lines) console.log(line.item, line.points, renderMessage(line.reason, 'zh-CN'));
 * ```
 */
export function renderMessage(message: Message, locale: Locale = 'en'): string {
  const template = LOCALES[locale].messages[message.messageId] ?? en[message.messageId];
  if (!template) return `${message.messageId}${message.data ? ' ' + JSON.stringify(message.data) : ''}`;
  const data = localize(message.data ?? {}, locale);
  const body = template(data);
  // A rule's own wording (`reason:` in the standard) leads; the computed detail follows.
  return message.messageId.startsWith('line.') && typeof data.text === 'string' && data.text !== '' ? `${data.text}（${body}）` : body;
}

/** Picks the caller's language from localized values in the data ({ zh-CN, en } → one string). */
function localize(data: Readonly<Record<string, unknown>>, locale: Locale): Readonly<Record<string, unknown>> {
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(data)) {
    if (isLocalized(value)) (out ??= { ...data })[key] = localizedText(value, locale);
  }
  return out ?? data;
}

function isLocalized(value: unknown): value is { 'zh-CN'?: string; en?: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k === 'zh-CN' || k === 'en');
}

/**
 * A localized text in the caller's language, falling back to the other one.
 *
 * @example
 * ```ts
 * import { localizedText } from 'scoresheet/browser';
 *
 * localizedText({ 'zh-CN': '卫生工具角', en: 'Cleaning-tool corner' }, 'zh-CN'); // '卫生工具角'
 * ```
 */
export function localizedText(text: { readonly 'zh-CN'?: string; readonly en?: string }, locale: Locale): string {
  return (locale === 'zh-CN' ? (text['zh-CN'] ?? text.en) : (text.en ?? text['zh-CN'])) ?? '';
}

/** The ids each catalogue defines, for the test that keeps them in step. */
export function catalogueIds(locale: Locale): string[] {
  return Object.keys(LOCALES[locale].messages);
}
