import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import { splitFieldMessage } from '../../hooks/problems.js';
import { onPasswordField } from './passwordProblems.js';

describe('onPasswordField', () => {
  it("names the form's field in a password-policy error, keeping its sentences and details", () => {
    const error = new ApiError(400, 'invalid_input', 'Adgangskoden skal være på mindst 12 tegn.', {
      problems: ['password_too_short'],
    });
    const moved = onPasswordField(error, 'new_password');
    expect(moved).toBeInstanceOf(ApiError);
    expect(splitFieldMessage((moved as ApiError).message)).toEqual({
      field: 'new_password',
      rest: 'Adgangskoden skal være på mindst 12 tegn.',
    });
    expect((moved as ApiError).details).toEqual({ problems: ['password_too_short'] });
  });

  it('leaves other errors alone', () => {
    const wrongCurrent = new ApiError(400, 'invalid_input', 'current_password: den nuværende adgangskode er forkert.');
    expect(onPasswordField(wrongCurrent, 'new_password')).toBe(wrongCurrent);
    const other = new ApiError(400, 'invalid_input', 'Noget andet.', { problems: ['local_rule_sets[0]: x'] });
    expect(onPasswordField(other, 'password')).toBe(other);
    const conflict = new ApiError(409, 'conflict', 'Der findes allerede en bruger med den e-mail.');
    expect(onPasswordField(conflict, 'password')).toBe(conflict);
    const plain = new Error('boom');
    expect(onPasswordField(plain, 'password')).toBe(plain);
  });
});
