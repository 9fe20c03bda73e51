import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { Pcg32 } from './pcg32.js';
import { seedBytes, stratumGenerator } from './seed.js';

describe('seed → generator', () => {
  it('lays out the bytes as length-prefixed UTF-8 seed followed by the UTF-8 stratum', () => {
    expect(Array.from(seedBytes('2017', 'A'))).toEqual([0, 0, 0, 4, 0x32, 0x30, 0x31, 0x37, 0x41]);
    expect(Array.from(seedBytes('ø', ''))).toEqual([0, 0, 0, 2, 0xc3, 0xb8]);
  });

  it('seeds PCG32 with the first two big-endian 64-bit words of the SHA-256 digest', () => {
    const digest = createHash('sha256')
      .update(Buffer.from([0, 0, 0, 4, 0x32, 0x30, 0x31, 0x37, 0x41]))
      .digest();
    const expected = new Pcg32(
      digest.readUInt32BE(0),
      digest.readUInt32BE(4),
      digest.readUInt32BE(8),
      digest.readUInt32BE(12),
    );
    const actual = stratumGenerator('2017', 'A');
    for (let i = 0; i < 10; i++) expect(actual.nextUint32()).toBe(expected.nextUint32());
  });

  it('keeps seed and stratum apart', () => {
    const first = (seed: string, stratum: string): number => stratumGenerator(seed, stratum).nextUint32();
    expect(first('ab', 'c')).not.toBe(first('a', 'bc'));
    expect(first('2017', 'A')).not.toBe(first('2017', 'B'));
    expect(first('2017', 'A')).not.toBe(first('2018', 'A'));
    expect(first('2017', 'A')).toBe(first('2017', 'A'));
  });
});
