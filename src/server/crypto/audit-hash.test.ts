import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, type AuditEvent, type ChainedAuditEvent } from '../../core/audit/index.js';
import { hashAuditEvent, sha256Hex, verifyAuditChain } from './audit-hash.js';

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vectors', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });
});

describe('audit chain with node:crypto', () => {
  it('links and verifies events', () => {
    const events: ChainedAuditEvent[] = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 3; seq++) {
      const event: AuditEvent = {
        municipality_id: 'm1',
        seq: BigInt(seq),
        occurred_at: '2026-03-01T12:00:00.000Z',
        actor_id: 'u1',
        actor_role: 'caseworker',
        citizen_id: 'c1',
        action: 'read',
        entity: 'citizen',
        entity_id: 'c1',
        purpose: 'case_work',
        request_id: `r${String(seq)}`,
        details: {},
      };
      const hash = hashAuditEvent(prev, event);
      events.push({ ...event, prev_hash: prev, hash });
      prev = hash;
    }
    expect(verifyAuditChain(events)).toEqual({ ok: true, count: 3, head: { seq: 3n, hash: prev } });
    expect(verifyAuditChain([events[0]!, { ...events[1]!, action: 'update' }, events[2]!])).toMatchObject({
      ok: false,
      brokenAt: 2n,
      reason: 'hash_mismatch',
    });
  });
});
