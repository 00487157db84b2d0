/**
 * `extends:` reads only a regular file inside the allowed roots, bounded, and never quotes it (issue 14,
 * item 14); a standard that is not UTF-8 is refused at the bad byte (item 12). The CLI's side is in
 * test/hostile/ (check, diff, --allow-root, a FIFO, a symlink out).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStandard } from '../../src/index.js';
import { MAX_STANDARD_BYTES } from '../../src/standard/load.js';
import { runCheck } from '../../src/cli/check.js';

const BASE = `id: base
version: "1"
name: { en: Base }
scoring: { mode: deduct }
categories:
  - id: room
    name: { en: Room }
    items:
      - id: floor
        name: { en: Floor }
        rules: [ { kind: fixed, points: 1 } ]
`;
const overlay = (ref: string) => `id: county\nversion: "1"\nname: { en: County }\nextends: ${ref}\n`;

/** shared/base.yaml beside county/overlay.yaml, both outside the working directory. */
function sharedLayout(): { shared: string; overlayFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'extends-roots-'));
  mkdirSync(join(dir, 'shared'));
  mkdirSync(join(dir, 'county'));
  writeFileSync(join(dir, 'shared', 'base.yaml'), BASE);
  writeFileSync(join(dir, 'county', 'overlay.yaml'), overlay('../shared/base.yaml'));
  return { shared: join(dir, 'shared'), overlayFile: join(dir, 'county', 'overlay.yaml') };
}

const codes = (r: Awaited<ReturnType<typeof loadStandard>>) => (r.ok ? [] : r.diagnostics.map((d) => d.code));

describe('extends: allowed roots', () => {
  it('refuses a base in a sibling folder, and loads it when the caller names that folder (allowRoots)', async () => {
    const { shared, overlayFile } = sharedLayout();
    expect(codes(await loadStandard(overlayFile))).toEqual(['extends_outside_roots']);
    const allowed = await loadStandard(overlayFile, { allowRoots: [shared] });
    expect(allowed.ok && allowed.standard.lineage).toEqual(['county@1', 'base@1']);
  });

  it('says outside, not missing, for a base outside the roots that does not exist (no probing for files)', async () => {
    const { overlayFile } = sharedLayout();
    writeFileSync(overlayFile, overlay('../../../../../../../../../../../../etc/no-such-file'));
    expect(codes(await loadStandard(overlayFile))).toEqual(['extends_outside_roots']);
    writeFileSync(overlayFile, overlay('no-such-base.yaml'));
    expect(codes(await loadStandard(overlayFile))).toEqual(['file_not_found']);
  });

  it('loads a base anywhere below the standard\'s own folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extends-roots-'));
    mkdirSync(join(dir, 'bases'));
    writeFileSync(join(dir, 'bases', 'base.yaml'), BASE);
    writeFileSync(join(dir, 'overlay.yaml'), overlay('bases/base.yaml'));
    expect((await loadStandard(join(dir, 'overlay.yaml'))).ok).toBe(true);
  });

  it('never quotes a base that is no standard: not its YAML errors, not its keys, not its text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extends-roots-'));
    writeFileSync(join(dir, 'broken.yaml'), 'token: "s3cret-\\q"\n');
    writeFileSync(join(dir, 'config.yaml'), 'password: s3cret\n');
    writeFileSync(join(dir, 'text.yaml'), 's3cret text\n');
    for (const base of ['broken.yaml', 'config.yaml', 'text.yaml']) {
      writeFileSync(join(dir, 'overlay.yaml'), overlay(base));
      const r = await loadStandard(join(dir, 'overlay.yaml'));
      expect(r.ok, base).toBe(false);
      expect(JSON.stringify(r), base).not.toMatch(/s3cret|password|\\\\q/);
    }
  });

  it('reads at most MAX_STANDARD_BYTES + 1 bytes of a named file whatever stat says (a device)', async () => {
    const r = await loadStandard('/dev/zero');
    expect(r.ok ? [] : r.diagnostics.map((d) => [d.code, d.data?.limit])).toEqual([['file_too_large', MAX_STANDARD_BYTES]]);
  });

  it('places a base\'s bad UTF-8 byte in the base', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extends-roots-'));
    writeFileSync(join(dir, 'base.yaml'), Buffer.concat([Buffer.from(BASE.replace('Base', 'Ba')), Buffer.from([0xc3, 0x28])]));
    writeFileSync(join(dir, 'overlay.yaml'), overlay('base.yaml'));
    const r = await loadStandard(join(dir, 'overlay.yaml'));
    const d = r.ok ? undefined : r.diagnostics.find((x) => x.code === 'invalid_utf8');
    expect(d && [d.file.endsWith('base.yaml'), d.line, d.column, d.data]).toEqual([true, 12, 1, { byte: 'C3', count: 1 }]);
  });

  it('frames only the file named: a diagnostic in a base gets no code frame of the base (or of the wrong file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extends-roots-'));
    writeFileSync(join(dir, 'base.yaml'), BASE.replace('points: 1', 'points: -1'));
    writeFileSync(join(dir, 'overlay.yaml'), overlay('base.yaml') + '# the overlay\n'.repeat(20));
    const lines: string[] = [];
    await runCheck([join(dir, 'overlay.yaml')], { format: 'text', lang: 'en', frames: true }, { out: (s) => lines.push(s), err: (s) => lines.push(s) });
    expect(lines.some((l) => l.includes('out_of_range'))).toBe(true);
    expect(lines.join('\n')).not.toContain(' | ');
  });
});
