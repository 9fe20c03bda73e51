import { describe, it, expect } from 'vitest';
import { parseCase } from './case-records.js';
import { parseWorkQueue } from './work-queue.js';

// An answer of GET /api/cases/:id as the server gave it (one deadline kept).
const CASE = {
  id: '8ac01eaf-dfa7-4f3e-be4a-0a7d562bb064',
  case_number: '2026-000001',
  status: 'open',
  registered: '2026-11-23',
  benefit: 'cash_benefit',
  benefit_start: '2026-01-05',
  category: 'activity_ready',
  category_reason: 'Misbrug',
  track: 'step_up',
  track_reason: 'Behov',
  version: 3,
  caseworker: { id: '3755d33e-a8a4-4e75-87c4-24a726f3cee5', name: 'Sara Sagsbehandler' },
  team: { id: '23ed9649-b715-48b3-abd2-851b9f6db429', name: 'Team Medspiller', caseload_cap: 15 },
  citizen: {
    id: '085cdb2b-2a86-4582-8d57-9ac1dbd7de4f',
    name: 'Test Borger',
    cpr_masked: '731188-xxxx',
    birth_date: '1988-11-13',
    address: null,
    phone: null,
    email: null,
    contact_channel: 'phone',
    language: 'da',
    interpreter_needed: false,
    version: 1,
  },
  access: { write: false, reassign: false, via_grant: false },
  deadlines: [
    {
      rule: 'lab.first_conversation',
      title: 'Første samtale',
      title_en: 'First conversation',
      due: '2026-11-30',
      status: 'met',
      met_on: '2026-11-23',
      basis: 'LAB § 31, stk. 5',
      explanation: 'Første samtale senest 1 uge efter registrering (2026-11-23).',
      explanation_en: 'First conversation at the latest 1 week after registration (2026-11-23).',
    },
  ],
};

describe('parseCase', () => {
  it("reads the server's answer", () => {
    const parsed = parseCase(CASE);
    expect(parsed.track).toBe('step_up');
    expect(parsed.citizen.cpr_masked).toBe('731188-xxxx');
    expect(parsed.team?.caseload_cap).toBe(15);
    expect(parsed.deadlines[0]?.status).toBe('met');
    expect(parsed.access).toEqual({ write: false, reassign: false, via_grant: false });
  });

  it('rejects a shape it does not know, naming the field', () => {
    expect(() => parseCase({ ...CASE, version: '3' })).toThrow('version is not an integer');
    expect(() => parseCase({ ...CASE, track: 'fast_lane' })).toThrow('track is not one of');
    expect(() => parseCase({ ...CASE, deadlines: [{ ...CASE.deadlines[0], status: 'soon' }] })).toThrow('status is not one of');
  });
});

describe('parseWorkQueue', () => {
  it('reads counts and items', () => {
    const queue = parseWorkQueue({
      counts: { open: 5, overdue: 0, total: 5 },
      items: [
        {
          case_id: CASE.id,
          case_number: '2026-000001',
          citizen_name: 'Test Borger',
          rule: 'halsnaes.cv_workshop',
          title: 'CV-værksted',
          title_en: 'CV workshop',
          due: '2027-01-04',
          status: 'open',
          basis: 'Halsnæs Kommune: politik for aktivitetsparate over 30 år (lokal beslutning)',
          explanation: 'Start i CV-værksted senest 6 uger efter registrering (2026-11-23).',
          explanation_en: 'Start in a CV workshop at the latest 6 weeks after registration (2026-11-23).',
          category: 'activity_ready',
          track: 'step_up',
          caseworker: null,
        },
      ],
    });
    expect(queue.counts.total).toBe(5);
    expect(queue.items[0]?.caseworker).toBeNull();
    expect(() => parseWorkQueue({ counts: { open: 1, overdue: 0 }, items: [] })).toThrow('total is not an integer');
  });
});
