/** sha256Hex is node:crypto's SHA-256, in plain TypeScript (a scorecard's standardHash in a browser). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/sha256.js';

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 digest of "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with node:crypto at every padding boundary and on Chinese text', () => {
    const texts = ['', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(63), 'a'.repeat(64), 'a'.repeat(65), '校园环境卫生检查标准'.repeat(40), '😀 emoji \u2028', 'x'.repeat(20_001)];
    for (const text of texts) expect(sha256Hex(text), text.slice(0, 20)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});
