import { describe, it, expect } from 'vitest';
import { readPair, writePair } from './reportQuery.js';

describe('report query', () => {
  it('reads the pair of arms and ignores malformed codes', () => {
    expect(readPair({ indsats: 'group2', kontrol: 'control' })).toEqual({
      treatment: 'group2',
      control: 'control',
    });
    expect(readPair({ indsats: 'a b', kontrol: '' })).toEqual({ treatment: undefined, control: undefined });
    expect(readPair({ indsats: 'x'.repeat(41) })).toEqual({ treatment: undefined, control: undefined });
    expect(readPair({})).toEqual({ treatment: undefined, control: undefined });
  });

  it('writes the pair under its Danish names, which read back to the same pair', () => {
    const pair = { treatment: 'control', control: 'group1' };
    expect(writePair(pair)).toEqual({ indsats: 'control', kontrol: 'group1' });
    expect(readPair(writePair(pair))).toEqual(pair);
  });
});
