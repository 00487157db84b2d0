/**
 * A YAML syntax error in Chinese: the yaml library's error code said in Chinese; its own (English)
 * text is kept in the diagnostic's data, for English and for a reader of `--format json`.
 */
import { describe, expect, it } from 'vitest';
import { parseStandard } from '../../src/index.js';

describe('yaml_syntax in zh-CN', () => {
  it('explains the error code in Chinese and keeps the position and the original detail', () => {
    const r = parseStandard('id: x\n\tname: 1\n', { file: 'tab.yaml', locale: 'zh-CN' });
    if (r.ok) throw new Error('a tab indent must not load');
    const d = r.diagnostics.find((x) => x.code === 'yaml_syntax')!;
    expect([d.line, d.column]).toEqual([2, 1]);
    expect(d.message).toBe('YAML 语法错误：不能用 Tab 缩进，请用空格');
    expect(d.data).toMatchObject({ yamlCode: 'TAB_AS_INDENT', detail: 'Tabs are not allowed as indentation' });
  });

  it('stays as the yaml library says it under en', () => {
    const r = parseStandard('id: x\n\tname: 1\n', { file: 'tab.yaml', locale: 'en' });
    if (r.ok) throw new Error('a tab indent must not load');
    expect(r.diagnostics.find((x) => x.code === 'yaml_syntax')!.message).toBe('YAML syntax error: Tabs are not allowed as indentation');
  });
});
