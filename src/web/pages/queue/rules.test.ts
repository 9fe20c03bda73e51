import { describe, it, expect } from 'vitest';
import { ruleOptions, shippedRules } from './rules.js';

describe('work-queue rule options', () => {
  it('lists each shipped rule once, including the LAB first conversation and the Halsnæs CV workshop', () => {
    const ids = shippedRules().map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('lab.first_conversation');
    expect(ids).toContain('halsnaes.cv_workshop');
  });

  it('keeps the last version of a rule that has several', () => {
    const sets = [
      { rules: [{ id: 'a', title: { da: 'Gammel', en: 'Old' } }] },
      { rules: [{ id: 'a', title: { da: 'Ny', en: 'New' } }] },
    ];
    expect(shippedRules(sets)).toEqual([{ id: 'a', title: { da: 'Ny', en: 'New' } }]);
  });

  it("adds a municipality's own rule seen in the queue and sorts by name", () => {
    // Danish order puts Ø after Z; English has no Ø and sorts the English name.
    const local = { id: 'local.x', title: { da: 'Ønske om opfølgning', en: 'Zero follow-up' } };
    const danish = ruleOptions([local], 'da');
    expect(danish[danish.length - 1]).toEqual(local);
    expect(danish[0]?.title.da).toBe('12 måneder uden aktivering eller mentor');
    const english = ruleOptions([local], 'en');
    expect(english[english.length - 1]).toEqual(local);
    const options = danish;
    expect(options.find((rule) => rule.id === 'lab.first_conversation')?.title.da).toBe('Første samtale');
  });
});
