/**
 * The registry of locales. A locale is one file (`<locale>.ts`: its message catalogue and its words,
 * shaped as the English ones) plus one line here; the CLI's --lang choices come from this list.
 */
import type { Catalogue } from './types.js';
import { en, enWords, type Words } from './en.js';
import { zhCN, zhCNWords } from './zh-CN.js';

export interface LocaleDefinition {
  /** The words of every message id (diagnostics, scorecard lines, verdict reasons). */
  readonly messages: Catalogue;
  /** The words of every table, heading and summary line. */
  readonly words: Words;
}

export const LOCALES = {
  en: { messages: en, words: enWords },
  'zh-CN': { messages: zhCN, words: zhCNWords },
} as const satisfies Readonly<Record<string, LocaleDefinition>>;

export type Locale = keyof typeof LOCALES;

/** Every locale's id, English first (the fallback for a message a catalogue lacks). */
export const LOCALE_IDS = Object.keys(LOCALES) as Locale[];

/**
 * The words of tables, headings and summaries in a locale.
 *
 * @example
 * ```ts
 * import { wordsOf } from 'scoresheet/browser';
 *
 * wordsOf('zh-CN').scorecard.total; // '总分'
 * ```
 */
export function wordsOf(locale: Locale): Words {
  return LOCALES[locale].words;
}

/** A locale id from a setting: a registry id as it is (zh-CN), or a POSIX locale (zh_CN.UTF-8 → zh-CN, en_GB → en). */
export function localeOf(setting: string | undefined): Locale | undefined {
  if (!setting) return undefined;
  if (Object.hasOwn(LOCALES, setting)) return setting as Locale;
  const language = setting.split(/[_.@-]/)[0]!.toLowerCase();
  if (language === 'zh') return 'zh-CN';
  if (language === 'en') return 'en';
  return undefined;
}

/**
 * The language every command speaks when --lang is not given: SCORESHEET_LANG, else the system's
 * locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX reads them: zh_* → zh-CN), else English.
 */
export function defaultLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  const own = localeOf(env.SCORESHEET_LANG);
  if (own) return own;
  const system = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return localeOf(system) ?? 'en';
}
