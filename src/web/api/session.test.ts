import { describe, it, expect } from 'vitest';
import { parseSession } from './session.js';

describe('parseSession', () => {
  it('accepts the anonymous and the logged-in shapes', () => {
    expect(parseSession({ user: null, municipality: null })).toEqual({ user: null, municipality: null });
    const session = {
      user: { id: 'u1', name: 'Sara', email: 's@demo.dk', roles: ['caseworker'] },
      municipality: { id: 'm1', name: 'Demo Kommune' },
    };
    expect(parseSession(session)).toEqual(session);
  });

  it('rejects shapes the app cannot use', () => {
    expect(() => parseSession(null)).toThrow();
    expect(() => parseSession({ user: { id: 'u1', name: 'Sara', email: 's@demo.dk', roles: 'caseworker' }, municipality: null })).toThrow(
      'roles',
    );
    expect(() => parseSession({ user: null, municipality: { id: 1, name: 'X' } })).toThrow('municipality');
  });
});
