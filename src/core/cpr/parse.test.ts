import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCpr, parseCpr } from './parse.js';

// The century table, written out independently of century.ts: one 7th digit known to place
// each year range, straight from the CPR office's table.
function seventhDigitFor(year: number): number {
  if (year >= 1900 && year <= 1999) return 2;
  if (year >= 2000 && year <= 2036) return 4;
  if (year >= 2037 && year <= 2057) return 6;
  if (year >= 1858 && year <= 1899) return 7;
  throw new Error('year outside the table');
}

function expectOk(input: string) {
  const result = parseCpr(input);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}

describe('parseCpr', () => {
  it('accepts both written forms and trims', () => {
    const value = { digits: '0101901234', birthDate: '1990-01-01', sex: 'female', replacement: false };
    expect(expectOk('010190-1234')).toEqual(value);
    expect(expectOk('0101901234')).toEqual(value);
    expect(expectOk('  010190-1234\n')).toEqual(value);
  });

  it.each([
    ['', 'empty'],
    ['010190 1234', 'space separator'],
    ['010190/1234', 'slash separator'],
    ['010190.1234', 'dot separator'],
    ['010190–1234', 'en dash'],
    ['010190--1234', 'two hyphens'],
    ['01019-01234', 'hyphen in the wrong place'],
    ['01.01.90-1234', 'dotted date'],
    ['010190123', 'nine digits'],
    ['01019012345', 'eleven digits'],
    ['０１０１９０１２３４', 'full-width digits'],
    ['0101901234x', 'trailing letter'],
  ])('rejects %j (%s) as cpr_format', (input) => {
    const result = parseCpr(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('cpr_format');
  });

  // Cases read off the table by hand: [written, expected birth date].
  it.each([
    ['010100-0001', '1900-01-01'],
    ['010136-3001', '1936-01-01'],
    ['010136-4001', '2036-01-01'],
    ['010137-4001', '1937-01-01'],
    ['010157-4001', '1957-01-01'],
    ['010158-4001', '1958-01-01'],
    ['010100-9001', '2000-01-01'],
    ['010136-9001', '2036-01-01'],
    ['010137-9001', '1937-01-01'],
    ['010199-9001', '1999-01-01'],
    ['010100-5001', '2000-01-01'],
    ['010157-8001', '2057-01-01'],
    ['010158-5001', '1858-01-01'],
    ['010199-8001', '1899-01-01'],
    ['311299-2001', '1999-12-31'],
  ])('century table: %s is born %s', (input, birthDate) => {
    expect(expectOk(input).birthDate).toBe(birthDate);
  });

  it('knows leap years: 2000 was one, 1900 and 1858 were not', () => {
    expect(expectOk('290200-4001').birthDate).toBe('2000-02-29');
    expect(expectOk('290296-1001').birthDate).toBe('1996-02-29');
    expect(expectOk('290260-5001').birthDate).toBe('1860-02-29');
    for (const input of [
      '290200-0001',
      '290297-1001',
      '290258-5001',
      '300204-4001',
      '310490-1001',
      '000190-1001',
      '011390-1001',
      '010090-1001',
      '320190-1001',
    ]) {
      const result = parseCpr(input);
      expect(result.ok ? 'ok' : result.error.code, input).toBe('cpr_date');
    }
  });

  it('reads sex from the last digit: odd is male', () => {
    expect(expectOk('010190-1231').sex).toBe('male');
    expect(expectOk('010190-1239').sex).toBe('male');
    expect(expectOk('010190-1230').sex).toBe('female');
    expect(expectOk('010190-1238').sex).toBe('female');
  });

  it('accepts and flags replacement numbers (day + 60)', () => {
    expect(expectOk('610190-1233')).toEqual({
      digits: '6101901233',
      birthDate: '1990-01-01',
      sex: 'male',
      replacement: true,
    });
    expect(expectOk('910190-1234').birthDate).toBe('1990-01-31');
    expect(expectOk('890296-1234').birthDate).toBe('1996-02-29');
    for (const input of ['600190-1234', '890290-1234', '920190-1234', '910490-1234']) {
      const result = parseCpr(input);
      expect(result.ok ? 'ok' : result.error.code, input).toBe('cpr_date');
    }
  });

  it('does not require modulus 11', () => {
    // 070761-4285 satisfies modulus 11 (weighted sum 154 = 14 × 11); 070761-4286 does not.
    expect(parseCpr('070761-4285').ok).toBe(true);
    expect(parseCpr('070761-4286').ok).toBe(true);
  });

  it('accepts every existing date 1858–2057 with a fitting 7th digit', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1858, 0, 1)), max: new Date(Date.UTC(2057, 11, 31)), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.boolean(),
        (date, serialRest, replacement) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-');
          const day = Number(d) + (replacement ? 60 : 0);
          const digits = `${String(day).padStart(2, '0')}${m ?? ''}${(y ?? '').slice(2)}${String(seventhDigitFor(Number(y)))}${String(serialRest).padStart(3, '0')}`;
          const value = expectOk(digits);
          expect(value.birthDate).toBe(iso);
          expect(value.replacement).toBe(replacement);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rejects exactly the dates that do not exist (checked against the JS calendar)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 999 }),
        (dd, mm, yy, seventh, rest) => {
          const year =
            seventh <= 3
              ? 1900 + yy
              : seventh === 4 || seventh === 9
                ? (yy <= 36 ? 2000 : 1900) + yy
                : (yy <= 57 ? 2000 : 1800) + yy;
          const day = dd > 60 ? dd - 60 : dd;
          const probe = new Date(Date.UTC(2000, 0, 1));
          probe.setUTCFullYear(year, mm - 1, day);
          const exists =
            mm >= 1 && mm <= 12 && day >= 1 && probe.getUTCDate() === day && probe.getUTCMonth() === mm - 1;
          const pad = (n: number, w = 2) => String(n).padStart(w, '0');
          const result = parseCpr(`${pad(dd)}${pad(mm)}${pad(yy)}${String(seventh)}${pad(rest, 3)}`);
          expect(result.ok).toBe(exists);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('round-trips: parse(format(digits)) gives the digits back', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (digits) => {
        const direct = parseCpr(digits);
        if (!direct.ok) return;
        const again = expectOk(formatCpr(direct.value.digits));
        expect(again).toEqual(direct.value);
        expect(formatCpr(digits)).toMatch(/^\d{6}-\d{4}$/);
      }),
      { numRuns: 3000 },
    );
  });

  it('never echoes the number in an error', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}-?\d{4}$|^\d{5,12}$/), (input) => {
        const result = parseCpr(input);
        if (result.ok) return;
        const text = JSON.stringify(result.error);
        expect(text).not.toContain(input);
        expect(text).not.toMatch(/\d{4}/);
      }),
      { numRuns: 2000 },
    );
  });

  it('formatCpr refuses non-canonical input without echoing it', () => {
    expect(() => formatCpr('010190-1234')).toThrow(/^formatCpr expects exactly 10 digits$/);
  });
});
