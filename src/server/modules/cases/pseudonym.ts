import { createHash } from 'node:crypto';

// A short, stable pseudonym for analysts and experiment data: derived from the random
// citizen id (never from the CPR number), so it reveals nothing about the person.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function pseudonymFor(citizenId: string): string {
  const bytes = createHash('sha256').update(`pseudonym:${citizenId}`).digest();
  let out = 'B-';
  for (let i = 0; i < 8; i++) out += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length] ?? '';
  return out;
}
