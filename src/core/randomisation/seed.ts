/**
 * From the seed text to one PCG32 generator per stratum (docs/randomisation.md, "Seed"):
 *
 *   bytes  = u32be(byte length of UTF-8(seed)) ‖ UTF-8(seed) ‖ UTF-8(stratum)
 *   digest = SHA-256(bytes)
 *   pcg32_srandom_r(initstate = digest[0..8) as big-endian u64, initseq = digest[8..16) as big-endian u64)
 *
 * The length prefix keeps (seed, stratum) pairs apart ("ab" + "c" ≠ "a" + "bc"). One generator per
 * stratum makes a stratum's allocation independent of the other strata and of the input order.
 */
import { Pcg32 } from './pcg32.js';
import { sha256 } from './sha256.js';

const utf8 = new TextEncoder();

export function seedBytes(seed: string, stratum: string): Uint8Array {
  const seedUtf8 = utf8.encode(seed);
  const stratumUtf8 = utf8.encode(stratum);
  const bytes = new Uint8Array(4 + seedUtf8.length + stratumUtf8.length);
  new DataView(bytes.buffer).setUint32(0, seedUtf8.length);
  bytes.set(seedUtf8, 4);
  bytes.set(stratumUtf8, 4 + seedUtf8.length);
  return bytes;
}

export function stratumGenerator(seed: string, stratum: string): Pcg32 {
  const digest = new DataView(sha256(seedBytes(seed, stratum)).buffer);
  return new Pcg32(digest.getUint32(0), digest.getUint32(4), digest.getUint32(8), digest.getUint32(12));
}
