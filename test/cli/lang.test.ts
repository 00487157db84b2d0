/** One default language for every command: --lang, else SCORESHEET_LANG, else the system's locale, else English. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/built.js';

const lastLine = (s: string) => s.trimEnd().split('\n').at(-1);

describe('the language of every command', () => {
  it('check: --lang, else SCORESHEET_LANG, else LANG (zh_CN → zh-CN), else English', () => {
    const check = (env: Record<string, string>, ...flags: string[]) => lastLine(runCli(['check', 'standards/school-hygiene.yaml', ...flags], { env }).stdout);
    expect(check({})).toMatch(/^1 standard\(s\) checked/);
    expect(check({ LANG: 'zh_CN.UTF-8' })).toMatch(/^检查了 1 个标准/);
    expect(check({ LANG: 'zh_CN.UTF-8', SCORESHEET_LANG: 'en' })).toMatch(/^1 standard\(s\) checked/);
    expect(check({ SCORESHEET_LANG: 'zh-CN' }, '--lang', 'en')).toMatch(/^1 standard\(s\) checked/);
  });

  it('template and report follow the same rule (they defaulted to zh-CN)', () => {
    const report = runCli(['report', '--standard', 'standards/school-hygiene.yaml', '--period', 'week', 'fixtures/school/records.yaml', '--format', 'md']);
    expect(report.stdout).toMatch(/· League report/);
    const zh = runCli(['report', '--standard', 'standards/school-hygiene.yaml', '--period', 'week', 'fixtures/school/records.yaml', '--format', 'md'], { env: { SCORESHEET_LANG: 'zh-CN' } });
    expect(zh.stdout).toMatch(/· 评比报告/);
  });

  it('test: the Chinese summary above the closing line, which stays as CI parsers read it', () => {
    const r = runCli(['test', 'standards/school-hygiene.yaml', '--lang', 'zh-CN']);
    const [summary, closing] = r.stdout.trimEnd().split('\n').slice(-2);
    const passed = /^(\d+) passed, 0 failed$/.exec(closing!)?.[1];
    expect(passed).toBeDefined();
    expect(summary).toBe(`通过 ${passed} 个，失败 0 个`);
    expect(lastLine(runCli(['test', 'standards/school-hygiene.yaml']).stdout)).toBe(`${passed} passed, 0 failed`);
  });

  it('--help names the rule, not the value the machine running it happens to give', () => {
    const help = runCli(['score', '--help'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout.replace(/\s+/g, ' ');
    expect(help).toContain("default: SCORESHEET_LANG, else the system's LANG (zh_* → zh-CN), else en");
  });
});
