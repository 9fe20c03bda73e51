import { describe, it, expect } from 'vitest';
import da from './da.json';
import en from './en.json';

type Entries = Map<string, string>;

/** Every leaf of a resource tree as "a.b.c" → text. */
function leaves(tree: unknown, prefix = '', into: Entries = new Map()): Entries {
  if (typeof tree === 'string') {
    into.set(prefix, tree);
    return into;
  }
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    throw new Error(`${prefix || '(root)'} is neither text nor a group of texts`);
  }
  for (const [key, value] of Object.entries(tree)) leaves(value, prefix === '' ? key : `${prefix}.${key}`, into);
  return into;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('translations', () => {
  const danish = leaves(da);
  const english = leaves(en);

  it('have the same keys in Danish and English', () => {
    expect([...english.keys()].sort()).toEqual([...danish.keys()].sort());
  });

  it('use the same placeholders for each key', () => {
    for (const [key, text] of danish) {
      expect({ key, placeholders: placeholders(english.get(key) ?? '') }).toEqual({
        key,
        placeholders: placeholders(text),
      });
    }
  });

  it('have no empty texts', () => {
    const empty = [...danish, ...english].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('name every role in both languages', () => {
    const roles = [
      'caseworker',
      'company_consultant',
      'team_leader',
      'analyst',
      'finance',
      'municipality_admin',
      'citizen',
    ];
    for (const role of roles) {
      expect(danish.has(`start.roles.${role}.name`), `da ${role}`).toBe(true);
      expect(english.has(`start.roles.${role}.name`), `en ${role}`).toBe(true);
    }
  });

  it('flattens nested groups into dotted keys, so a missing leaf shows up by name', () => {
    expect([...leaves({ a: { b: 'x', c: { d: 'y' } }, e: 'z' }).keys()]).toEqual(['a.b', 'a.c.d', 'e']);
    expect(() => leaves({ a: 1 })).toThrow('a is neither text');
  });
});
