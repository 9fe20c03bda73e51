import { describe, expect, it } from 'vitest';
import { missingClaims, readIdentity, type ClaimMapping } from './claims.js';

const staff: ClaimMapping = { audience: 'staff', subjectClaim: 'sub', emailClaim: 'email', cprClaim: null };
const citizen: ClaimMapping = { audience: 'citizen', subjectClaim: 'sub', emailClaim: null, cprClaim: 'dk.cpr' };

// 71 = day 11 + 60 (a replacement number, never issued), serial 9123: a fictitious CPR number.
const CPR = '710190-9123';

describe('readIdentity', () => {
  it('reads subject and e-mail for staff, the address in lower case', () => {
    expect(readIdentity({ sub: 'abc-1', email: ' Anna.Hansen@Solbjerg.DK ' }, staff)).toEqual({
      subject: 'abc-1',
      email: 'anna.hansen@solbjerg.dk',
      cprDigits: undefined,
    });
  });

  it('ignores an address the provider says it has not verified, and one that is no address', () => {
    expect(readIdentity({ sub: 's', email: 'a@b.dk', email_verified: false }, staff).email).toBeUndefined();
    expect(readIdentity({ sub: 's', email: 'a@b.dk', email_verified: true }, staff).email).toBe('a@b.dk');
    expect(readIdentity({ sub: 's', email: 'not an address' }, staff).email).toBeUndefined();
  });

  it('reads the CPR number for citizens as ten digits, written with or without the hyphen', () => {
    expect(readIdentity({ sub: 'x', 'dk.cpr': CPR }, citizen).cprDigits).toBe('7101909123');
    expect(readIdentity({ sub: 'x', 'dk.cpr': '7101909123' }, citizen).cprDigits).toBe('7101909123');
    expect(readIdentity({ sub: 'x', 'dk.cpr': '320190-9123' }, citizen).cprDigits).toBeUndefined();
  });

  it('takes a claim name literally, not as a path', () => {
    expect(readIdentity({ sub: 'x', dk: { cpr: CPR } }, citizen).cprDigits).toBeUndefined();
  });

  it('keeps each claim to its audience: no e-mail for citizens, no CPR number for staff', () => {
    expect(
      readIdentity({ sub: 's', email: 'a@b.dk', 'dk.cpr': CPR }, { ...citizen, emailClaim: 'email' }).email,
    ).toBeUndefined();
    expect(readIdentity({ sub: 's', 'dk.cpr': CPR }, { ...staff, cprClaim: 'dk.cpr' }).cprDigits).toBeUndefined();
  });

  it('accepts a numeric subject and refuses empty, overlong or structured ones', () => {
    expect(readIdentity({ employee: 4711 }, { ...staff, subjectClaim: 'employee' }).subject).toBe('4711');
    expect(readIdentity({ sub: '  ' }, staff).subject).toBeUndefined();
    expect(readIdentity({ sub: 'x'.repeat(256) }, staff).subject).toBeUndefined();
    expect(readIdentity({ sub: { id: 1 } }, staff).subject).toBeUndefined();
  });
});

describe('missingClaims', () => {
  it('names the mapped claims the token lacks', () => {
    expect(missingClaims({ sub: 's' }, staff)).toEqual(['email']);
    expect(missingClaims({ sub: 's', email: null }, staff)).toEqual(['email']);
    expect(missingClaims({ sub: 's', email: 'a@b.dk' }, staff)).toEqual([]);
    expect(missingClaims({ sub: 's' }, citizen)).toEqual(['dk.cpr']);
    expect(missingClaims({}, { ...staff, emailClaim: null })).toEqual(['sub']);
  });
});
