/**
 * The locale files: every message id and every word in every locale, rendered; a locale is one file
 * plus one registry line (a pseudo-locale shows it); the English slips fixed.
 */
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/diagnostics.js';
import { cannotRead } from '../../src/cli/inputs.js';
import { enWords } from '../../src/messages/en.js';
import { defaultLocale, localeOf, LOCALE_IDS, LOCALES, wordsOf, type LocaleDefinition } from '../../src/messages/locales.js';
import { renderMessage } from '../../src/messages/render.js';
import { readNdjsonRecords } from '../../src/records/read.js';
import { scoreCase } from '../support/rule-cases.js';
import { problemsOf } from '../support/problems.js';

/** A value that reads as 2 however a template uses it: as a number, a string, or an object of counts. */
const ANY: unknown = new Proxy(
  {},
  { get: (_, key) => (key === Symbol.toPrimitive ? () => 2 : key === 'toString' || key === 'valueOf' ? () => '2' : 2) },
);
const ANY_DATA = ANY as Record<string, unknown>;

/** The paths of the words a candidate lacks, or holds in another shape, against a reference. */
function missingWords(reference: unknown, candidate: unknown, path = ''): string[] {
  if (typeof reference === 'function') return typeof candidate === 'function' ? [] : [path];
  if (typeof reference === 'string') return typeof candidate === 'string' ? [] : [path];
  if (Array.isArray(reference)) return Array.isArray(candidate) && candidate.length === reference.length ? [] : [path];
  if (typeof candidate !== 'object' || candidate === null) return [path];
  return Object.entries(reference as Record<string, unknown>).flatMap(([key, value]) => missingWords(value, (candidate as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
}

/** Every word of a locale, rendered: [path, text]. */
function renderedWords(words: unknown, path = ''): [string, string][] {
  if (typeof words === 'function') return [[path, String((words as (...a: unknown[]) => unknown)(ANY, ANY, ANY, ANY))]];
  if (typeof words === 'string') return [[path, words]];
  if (Array.isArray(words)) return words.map((w, i) => [`${path}[${i}]`, String(w)]);
  return Object.entries(words as Record<string, unknown>).flatMap(([key, value]) => renderedWords(value, path ? `${path}.${key}` : key));
}

const allIds = [...new Set(LOCALE_IDS.flatMap((l) => Object.keys(LOCALES[l].messages)))].sort();

describe('the locale registry', () => {
  it('lists each locale once, English first, each with its messages and its words', () => {
    expect(LOCALE_IDS).toEqual(Object.keys(LOCALES));
    expect(LOCALE_IDS[0]).toBe('en');
    for (const locale of LOCALE_IDS) {
      expect(Object.keys(LOCALES[locale]).sort()).toEqual(['messages', 'words']);
      expect(wordsOf(locale)).toBe(LOCALES[locale].words);
    }
  });

  it('renders every message id in every locale, from its own catalogue', () => {
    const problems: string[] = [];
    for (const locale of LOCALE_IDS) {
      const own = LOCALES[locale].messages;
      for (const id of allIds) {
        if (!Object.hasOwn(own, id)) {
          problems.push(`${locale}: ${id} is missing`);
          continue;
        }
        // Without data a template still renders (blanks where its values go); with every value given, fully.
        expect(typeof renderMessage({ messageId: id }, locale)).toBe('string');
        const text = renderMessage({ messageId: id, data: ANY_DATA }, locale);
        if (text === '' || /undefined|\[object /.test(text)) problems.push(`${locale}: ${id} renders as ${JSON.stringify(text)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every word in every locale, in the English words\' shape, each rendering to text', () => {
    const problems: string[] = [];
    for (const locale of LOCALE_IDS) {
      for (const path of missingWords(enWords, wordsOf(locale))) problems.push(`${locale}: ${path} is missing`);
      for (const [path, text] of renderedWords(wordsOf(locale))) {
        // English adds no line above the closing "N passed, N failed" of `scoresheet test`: it is that line.
        const mayBeEmpty = locale === 'en' && path === 'test.summary';
        if ((text === '' && !mayBeEmpty) || /undefined|\[object /.test(text)) problems.push(`${locale}: ${path} renders as ${JSON.stringify(text)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a new locale is one definition of that shape: a pseudo-locale passes, one missing a word fails', () => {
    const wrap = (value: unknown): unknown =>
      typeof value === 'function' ? (...args: unknown[]) => `⟦${String((value as (...a: unknown[]) => unknown)(...args))}⟧`
        : typeof value === 'string' ? `⟦${value}⟧`
        : Array.isArray(value) ? value.map(wrap)
        : Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, wrap(v)]));
    const pseudo: LocaleDefinition = {
      messages: Object.fromEntries(Object.entries(LOCALES.en.messages).map(([id, t]) => [id, (d: Readonly<Record<string, unknown>>) => `⟦${t(d)}⟧`])),
      words: wrap(enWords) as LocaleDefinition['words'],
    };
    expect(missingWords(enWords, pseudo.words)).toEqual([]);
    expect(Object.keys(pseudo.messages)).toEqual(Object.keys(LOCALES.en.messages));
    expect(pseudo.words.scorecard.total).toBe('⟦total⟧');
    expect(pseudo.words.cli.checkSummary(1, 0, 2)).toBe('⟦1 standard(s) checked: 0 error(s), 2 warning(s)⟧');

    const { total: _, ...scorecard } = enWords.scorecard;
    // @ts-expect-error a locale without one of the words is not a locale: the type says so before the test does
    const lacking: LocaleDefinition = { messages: LOCALES.en.messages, words: { ...enWords, scorecard } };
    expect(missingWords(enWords, lacking.words)).toEqual(['scorecard.total']);
  });
});

describe('the default language', () => {
  it('is SCORESHEET_LANG, else LC_ALL, LC_MESSAGES, LANG (zh_* → zh-CN), else English', () => {
    expect(defaultLocale({})).toBe('en');
    expect(defaultLocale({ LANG: 'C' })).toBe('en');
    expect(defaultLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(defaultLocale({ LANG: 'zh_TW.UTF-8' })).toBe('zh-CN');
    expect(defaultLocale({ LANG: 'en_GB.UTF-8', LC_ALL: 'zh_CN.GB18030' })).toBe('zh-CN');
    expect(defaultLocale({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8' })).toBe('en');
    expect(defaultLocale({ LANG: 'zh_CN.UTF-8', SCORESHEET_LANG: 'en' })).toBe('en');
    expect(defaultLocale({ LANG: 'C', SCORESHEET_LANG: 'zh-CN' })).toBe('zh-CN');
    // A setting that names no locale scoresheet has is passed over, not an error.
    expect(defaultLocale({ LANG: 'zh_CN.UTF-8', SCORESHEET_LANG: 'fr' })).toBe('zh-CN');
    expect(defaultLocale({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(localeOf('zh')).toBe('zh-CN');
    expect(localeOf('')).toBeUndefined();
  });
});

describe('English slips', () => {
  const en = (messageId: string, data: Record<string, unknown>) => renderMessage({ messageId, data }, 'en');

  it('says "1 point" and "2 points"', () => {
    expect(en('line.per_occurrence', { count: 2, points: 1 })).toBe('2 × 1 point');
    expect(en('line.per_occurrence', { count: 2, points: 1.5 })).toBe('2 × 1.5 points');
    expect(en('line.fixed', { points: 1 })).toBe('not met: 1 point');
    expect(en('line.fixed', { points: 2 })).toBe('not met: 2 points');
    expect(en('line.floor_item', { max: 1 })).toBe('the item cannot lose more than its 1 point');
    expect(en('record.points_out_of_range', { points: 1, min: 2, max: 3 })).toBe("1 point is outside the item's range 2–3");
    expect(wordsOf('en').html.shortfall('min', 1, 1)).toBe('Too few inspections (min): 1 missing, 1 point');
  });

  it('asks for the note of a judgement award as an award (酌情奖分), of a deduction as a deduction', () => {
    const award = { messageId: 'record.note_required', data: { effect: 'award' } };
    expect(renderMessage(award, 'zh-CN')).toBe('酌情奖分必须附检查人员的说明');
    expect(renderMessage(award, 'en')).toBe("a judgement award needs the inspector's note saying why");
    expect(renderMessage({ messageId: 'record.note_required' }, 'zh-CN')).toBe('酌情扣分必须附检查人员的说明');
  });

  it('a judgement award without a note is refused in the words of an award', () => {
    const refusal = (effect: 'award' | 'deduct') => {
      const result = scoreCase({ rule: { kind: 'judgement', max: 2, effect }, item: effect === 'award' ? { bonusMax: 2 } : { max: 2 }, record: { findings: [{ points: 1 }] } });
      if (result.ok) throw new Error('the record was scored');
      return problemsOf(result).map((p) => renderMessage(p.message, 'zh-CN'));
    };
    expect(refusal('award')).toEqual(['酌情奖分必须附检查人员的说明']);
    expect(refusal('deduct')).toEqual(['酌情扣分必须附检查人员的说明']);
  });
});

describe('words that came from libraries', () => {
  const record = JSON.stringify({ unit: { id: '' }, date: '2024-03-04', bogus: 1, findings: [{ item: 'x', count: 0 }, { item: 'y', count: 'a' }] });

  it("a record the schema refuses is told in the reader's language, with the code it had", () => {
    const read = (locale: 'en' | 'zh-CN') => readNdjsonRecords(record, { file: 'r.ndjson', locale }).diagnostics.map((d) => [d.code, formatPath(d.path), d.message]);
    expect(read('zh-CN')).toEqual([
      ['record_invalid', 'unit.id', '不能为空'],
      ['record_invalid', 'findings[0].count', '太小：必须大于 0'],
      ['record_invalid', 'findings[1].count', '应为数字'],
      ['record_invalid', '', '未知字段：bogus'],
    ]);
    expect(read('en')).toEqual([
      ['record_invalid', 'unit.id', 'must not be empty'],
      ['record_invalid', 'findings[0].count', 'too small: must be more than 0'],
      ['record_invalid', 'findings[1].count', 'expected a number'],
      ['record_invalid', '', 'unknown field(s): bogus'],
    ]);
  });

  it('bytes that are not UTF-8 are told in Chinese under zh-CN, not in TextDecoder\'s English', () => {
    let error: unknown;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff, 0xfe]));
    } catch (e) {
      error = e;
    }
    expect(cannotRead('a.csv', error, 'zh-CN')).toBe('无法读取 a.csv：内容不是有效的 UTF-8 编码（请另存为 UTF-8；中文 Windows 上 Excel 保存的表格请加 --encoding gb18030）');
    expect(cannotRead('a.csv', error, 'en')).toMatch(/^cannot read a\.csv: its bytes are not valid UTF-8/);
  });
});
