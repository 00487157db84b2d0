import { it } from 'vitest';
import { runCli } from './support/cli.js';
it('explore', async () => {
  const files = ['bad.ndjson','bad.json','bad.yaml','badutf.ndjson','badutf.json','zod.ndjson'];
  for (const f of files) {
    const r = await runCli(['score', '--lang', 'zh-CN', '--standard', 'standards/school-hygiene.yaml', '/tmp/t15/' + f]);
    console.log('==', f, r.code, r.stderr);
  }
  const r = await runCli(['check', '--lang', 'zh-CN', '/tmp/t15/badstd.yaml']);
  console.log('== std', r.code, r.stdout, r.stderr);
});
