import { describe, it, expect } from 'vitest';
import { readPair, writePair } from './reportQuery.js';

describe('report query', () => {
  it('reads the pair of arms and ignores malformed codes', () => {
    expect(readPair(new URLSearchParams('indsats=group2&kontrol=control'))).toEqual({
      treatment: 'group2',
      control: 'control',
    });
    expect(readPair(new URLSearchParams('indsats=a%20b&kontrol='))).toEqual({
      treatment: undefined,
      control: undefined,
    });
  });

  it('writes the pair and keeps other parameters', () => {
    expect(writePair({ treatment: 'control', control: 'group1' }, new URLSearchParams('x=1')).toString()).toBe(
      'x=1&indsats=control&kontrol=group1',
    );
  });
});
