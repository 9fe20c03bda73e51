import { describe, expect, it } from 'vitest';
import { nextActionFor } from './nextAction.js';

describe('nextActionFor', () => {
  it('opens a conversation for the conversation rules', () => {
    expect(nextActionFor('lab.first_conversation')).toEqual({ type: 'conversation' });
    expect(nextActionFor('halsnaes.bimonthly_conversation')).toEqual({ type: 'conversation' });
  });

  it('opens an activity of the kind the rule waits for', () => {
    expect(nextActionFor('halsnaes.cv_workshop')).toEqual({ type: 'activity', kind: 'cv_workshop' });
    expect(nextActionFor('halsnaes.company_internship')).toEqual({ type: 'activity', kind: 'company_internship' });
    expect(nextActionFor('lab.no_activation_12_months')).toEqual({ type: 'activity' });
  });

  it('opens the contact or referral the rule names', () => {
    expect(nextActionFor('halsnaes.company_consultant')).toEqual({ type: 'company_consultant_contact' });
    expect(nextActionFor('halsnaes.rehab_team')).toEqual({ type: 'rehab_team_referral' });
  });

  it('falls back to a conversation for a rule it does not know', () => {
    expect(nextActionFor('vordingborg.own_rule')).toEqual({ type: 'conversation' });
  });
});
