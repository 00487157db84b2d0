/**
 * A YAML key that is itself a list or map is reported as a diagnostic (unknown_key, record_invalid), never
 * as a Node process warning on stderr beside it (found by the fuzz harness).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'scoresheet-yaml-warnings-'));
const STANDARD = 'id: demo\nversion: "1"\nname: { en: Demo }\nscoring: { mode: deduct }\ncategories:\n  - { id: c, name: { en: C }, items: [ { id: i, name: { en: I } } ] }\n';

describe('a collection used as a YAML key', () => {
  it('is a diagnostic of the standard, with no process warning', async () => {
    const file = join(dir, 'standard.yaml');
    writeFileSync(file, STANDARD + '? [a, b]\n: 1\n');
    const r = await runCli(['check', file]);
    expect(r.stdout + r.stderr).toContain('unknown_key');
    expect(r.stderr).not.toContain('Warning');
    expect(r.code).toBe(1);
  });

  it('is a diagnostic of the record, with no process warning', async () => {
    const standard = join(dir, 'ok.yaml');
    const records = join(dir, 'records.yaml');
    writeFileSync(standard, STANDARD);
    writeFileSync(records, '- unit: { id: u }\n  date: 2024-03-04\n  ? { a: 1 }\n  : x\n');
    const r = await runCli(['score', '--standard', standard, records]);
    expect(r.stdout + r.stderr).toContain('record_invalid');
    expect(r.stderr).not.toContain('Warning');
    expect(r.code).toBe(1);
  });
});
