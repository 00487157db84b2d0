/**
 * The one reader of files an input names (src/files.ts): bounded whatever stat says, a regular file
 * where asked (a FIFO refused at once, never waited on), and paths written in a file kept to the roots
 * (issue 14, item 14, for test files and side files).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedRoots, readBounded, readInRoots, readSideFile } from '../src/files.js';
import { loadNamedStandard } from '../src/standard/load-file.js';

const dir = mkdtempSync(join(tmpdir(), 'scoresheet-files-'));
execFileSync('mkfifo', [join(dir, 'pipe')]);

describe('readBounded', () => {
  it('reads at most limit + 1 bytes of a device that says it is empty', () => {
    expect(readBounded('/dev/zero', { limit: 1000, regularOnly: false })).toEqual({ problem: { reason: 'too_large', limit: 1000 } });
  });

  it('refuses a FIFO, a device and a folder when a regular file is asked for, before reading', () => {
    for (const path of [join(dir, 'pipe'), '/dev/zero', dir]) expect(readBounded(path, { limit: 10, regularOnly: true }), path).toEqual({ problem: { reason: 'not_file' } });
  });

  it('reads a file of exactly the limit, and refuses one byte more by its size', () => {
    writeFileSync(join(dir, 'ten'), '0123456789');
    const read = readBounded(join(dir, 'ten'), { limit: 10, regularOnly: true });
    expect('bytes' in read && read.bytes.toString()).toBe('0123456789');
    expect(readBounded(join(dir, 'ten'), { limit: 9, regularOnly: true })).toEqual({ problem: { reason: 'too_large', bytes: 10, limit: 9 } });
  });
});

describe('paths written in a file', () => {
  it('lead only inside the roots; outside, whether the file exists is not said', () => {
    mkdirSync(join(dir, 'tests'), { recursive: true });
    const from = join(dir, 'tests', 'x.test.yaml');
    const roots = allowedRoots(from);
    for (const ref of ['../../../../../../../../etc/passwd', '/etc/passwd', '/etc/no-such-file']) expect(readInRoots(ref, from, roots, 1000), ref).toMatchObject({ problem: { reason: 'outside' } });
    expect(readInRoots('missing.yaml', from, roots, 1000)).toMatchObject({ problem: { reason: 'missing' } });
  });

  it('a standard named in a file that is no standard is refused without quoting it', () => {
    writeFileSync(join(dir, 'tests', 'secret.yaml'), 's3cret-value\n');
    const r = loadNamedStandard('secret.yaml', join(dir, 'tests', 'x.test.yaml'));
    expect(!('problem' in r) && !r.ok && r.diagnostics.map((d) => d.code)).toEqual(['invalid_type']);
    expect(JSON.stringify(r)).not.toContain('s3cret');
  });
});

describe('readSideFile', () => {
  it('says which side file is too large, and a FIFO is file_not_found (not a regular file), in either language', () => {
    writeFileSync(join(dir, 'units.csv'), 'id\n' + 'a\n'.repeat(10));
    const big = readSideFile(join(dir, 'units.csv'), 'units', 8, 'en');
    expect('diagnostic' in big && [big.diagnostic.code, big.diagnostic.message]).toEqual(['file_too_large', 'the file is 23 bytes; a units file may be at most 8 bytes']);
    const pipe = readSideFile(join(dir, 'pipe'), 'roster', 8, 'zh-CN');
    expect('diagnostic' in pipe && [pipe.diagnostic.code, pipe.diagnostic.line, pipe.diagnostic.message]).toEqual(['file_not_found', 1, '无法读取文件：它不是普通文件（是目录、设备或管道）']);
  });
});
