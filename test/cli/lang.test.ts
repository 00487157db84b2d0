/** One default language for every command: --lang, else SCORESHEET_LANG, else the system's locale, else English. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const lastLine = (s: string) => s.trimEnd().split('\n').at(-1);

describe('the language of every command', () => {
  it('check: --lang, else SCORESHEET_LANG, else LANG (zh_CN → zh-CN), else English', async () => {
    const check = async (env: Record<string, string>, ...flags: string[]) => lastLine((await runCli(['check', 'standards/school-hygiene.yaml', ...flags], { env })).stdout);
    expect(await check({})).toMatch(/^1 standard\(s\) checked/);
    expect(await check({ LANG: 'zh_CN.UTF-8' })).toMatch(/^检查了 1 个标准/);
    expect(await check({ LANG: 'zh_CN.UTF-8', SCORESHEET_LANG: 'en' })).toMatch(/^1 standard\(s\) checked/);
    expect(await check({ SCORESHEET_LANG: 'zh-CN' }, '--lang', 'en')).toMatch(/^1 standard\(s\) checked/);
  });

  it('template and report follow the same rule (they defaulted to zh-CN)', async () => {
    const report = await runCli(['report', '--standard', 'standards/school-hygiene.yaml', '--period', 'week', 'fixtures/school/records.yaml', '--format', 'md']);
    expect(report.stdout).toMatch(/· League report/);
    const zh = await runCli(['report', '--standard', 'standards/school-hygiene.yaml', '--period', 'week', 'fixtures/school/records.yaml', '--format', 'md'], { env: { SCORESHEET_LANG: 'zh-CN' } });
    expect(zh.stdout).toMatch(/· 评比报告/);
  });

  it('test: the Chinese summary above the closing line, which stays as CI parsers read it', async () => {
    const r = await runCli(['test', 'standards/school-hygiene.yaml', '--lang', 'zh-CN']);
    const [summary, closing] = r.stdout.trimEnd().split('\n').slice(-2);
    const passed = /^(\d+) passed, 0 failed$/.exec(closing!)?.[1];
    expect(passed).toBeDefined();
    expect(summary).toBe(`通过 ${passed} 个，失败 0 个`);
    expect(lastLine((await runCli(['test', 'standards/school-hygiene.yaml'])).stdout)).toBe(`${passed} passed, 0 failed`);
  });

  it('every command takes --lang with the one default rule (its help says so in the default language)', async () => {
    const commands = ['check', 'score', 'rank', 'report', 'template', 'compile', 'actions', 'test', 'diff', 'import'];
    for (const command of commands) {
      const zh = (await runCli([command, '--help'], { env: { LANG: 'zh_CN.UTF-8' } })).stdout.replace(/\s+/g, ' ');
      expect(zh, command).toContain('--lang <locale>');
      expect(zh, command).toContain('默认：SCORESHEET_LANG，否则系统的 LANG（zh_* → zh-CN），否则 en');
      const en = (await runCli([command, '--help'], { env: { SCORESHEET_LANG: 'en', LANG: 'zh_CN.UTF-8' } })).stdout.replace(/\s+/g, ' ');
      expect(en, command).toContain("default: SCORESHEET_LANG, else the system's LANG (zh_* → zh-CN), else en");
    }
  });

  it('--help speaks the same language, from the catalogues, and names the default rule rather than the value this machine gives', async () => {
    const en = (await runCli(['score', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(en).toContain('score inspection records (JSON, YAML, NDJSON, CSV; - for stdin)');
    expect(en).toContain("default: SCORESHEET_LANG, else the system's LANG (zh_* → zh-CN), else en");
    const zh = (await runCli(['score', '--help'], { env: { LANG: 'zh_CN.UTF-8' } })).stdout.replace(/\s+/g, ' ');
    expect(zh).toContain('给检查记录评分（JSON、YAML、NDJSON、CSV；- 表示标准输入）');
    expect(zh).toMatch(/^用法： scoresheet score .* 选项： .* -h, --help 显示命令的帮助/);
    expect(zh).toContain('默认：SCORESHEET_LANG，否则系统的 LANG（zh_* → zh-CN），否则 en');
    expect((await runCli(['score', '--help', '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } })).stdout).toContain('score inspection records');
    expect((await runCli(['score', '--lang=zh-CN', '--help'])).stdout).toContain('给检查记录评分');
  });
});
