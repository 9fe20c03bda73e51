import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AuditEvent } from './canonical.js';
import { createChainVerifier, GENESIS_HASH, hashEvent, verifyChain, type ChainedAuditEvent } from './chain.js';

const sha256Hex = (input: string) => createHash('sha256').update(input, 'utf8').digest('hex');

function makeEvent(seq: number, municipality = 'm1'): AuditEvent {
  return {
    municipality_id: municipality,
    seq: BigInt(seq),
    occurred_at: new Date(Date.UTC(2026, 0, 1, 8, 0, seq)),
    actor_id: `u${String(seq % 3)}`,
    actor_role: 'caseworker',
    citizen_id: seq % 2 === 0 ? `c${String(seq)}` : null,
    action: seq % 2 === 0 ? 'read' : 'update',
    entity: 'citizen',
    entity_id: `c${String(seq)}`,
    purpose: 'case_work',
    request_id: `r${String(seq)}`,
    details: { n: seq },
  };
}

function buildChain(length: number, municipality = 'm1'): ChainedAuditEvent[] {
  const chain: ChainedAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const event = makeEvent(seq, municipality);
    const hash = hashEvent(prev, event, sha256Hex);
    chain.push({ ...event, prev_hash: prev, hash });
    prev = hash;
  }
  return chain;
}

const verify = (events: ChainedAuditEvent[], extra: object = {}) => verifyChain(events, { sha256Hex, ...extra });

describe('hashEvent', () => {
  it('hashes prevHash, a newline and the canonical JSON', () => {
    const event = makeEvent(1);
    const canonical =
      '{"action":"update","actor_id":"u1","actor_role":"caseworker","citizen_id":null,' +
      '"details":{"n":1},"entity":"citizen","entity_id":"c1","municipality_id":"m1",' +
      '"occurred_at":"2026-01-01T08:00:01.000Z","purpose":"case_work","request_id":"r1","seq":"1"}';
    expect(hashEvent(GENESIS_HASH, event, sha256Hex)).toBe(sha256Hex(`${'0'.repeat(64)}\n${canonical}`));
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and reports its head', () => {
    const chain = buildChain(10);
    expect(verify(chain)).toEqual({ ok: true, count: 10, head: { seq: 10n, hash: chain[9]?.hash } });
    expect(verify([])).toEqual({ ok: true, count: 0, head: { seq: 0n, hash: GENESIS_HASH } });
  });

  it('detects a modified event', () => {
    const chain = buildChain(5);
    chain[2] = { ...chain[2]!, purpose: 'curiosity' };
    expect(verify(chain)).toEqual({ ok: false, brokenAt: 3n, reason: 'hash_mismatch', count: 2 });
  });

  it('detects a modified event whose own hash was recomputed', () => {
    const chain = buildChain(5);
    const forged = { ...chain[2]!, details: { n: 99 } };
    chain[2] = { ...forged, hash: hashEvent(forged.prev_hash, forged, sha256Hex) };
    expect(verify(chain)).toMatchObject({ ok: false, brokenAt: 4n, reason: 'prev_hash_mismatch' });
  });

  it('detects deleted events, first, middle and (with a checkpoint) last', () => {
    const chain = buildChain(5);
    expect(verify(chain.filter((e) => e.seq !== 3n))).toMatchObject({ ok: false, brokenAt: 4n, reason: 'seq_gap' });
    expect(verify(chain.slice(1))).toMatchObject({ ok: false, brokenAt: 2n, reason: 'seq_gap' });
    const checkpoint = { seq: 5n, hash: chain[4]!.hash };
    expect(verify(chain.slice(0, 4))).toMatchObject({ ok: true });
    expect(verify(chain.slice(0, 4), { checkpoint })).toMatchObject({
      ok: false,
      brokenAt: 5n,
      reason: 'checkpoint_mismatch',
    });
    expect(verify(chain, { checkpoint })).toMatchObject({ ok: true });
  });

  it('detects a deletion hidden by renumbering', () => {
    const chain = buildChain(5);
    const renumbered = chain
      .filter((e) => e.seq !== 3n)
      .map((e) => (BigInt(e.seq) > 3n ? { ...e, seq: BigInt(e.seq) - 1n } : e));
    expect(verify(renumbered)).toMatchObject({ ok: false, brokenAt: 3n, reason: 'prev_hash_mismatch' });
  });

  it('detects reordered events', () => {
    const chain = buildChain(5);
    const swapped = [chain[0]!, chain[2]!, chain[1]!, chain[3]!, chain[4]!];
    expect(verify(swapped)).toMatchObject({ ok: false, brokenAt: 3n, reason: 'seq_gap' });
    // Contents swapped but seq kept in order.
    const contentSwap = [chain[0]!, { ...chain[2]!, seq: 2n }, { ...chain[1]!, seq: 3n }, chain[3]!, chain[4]!];
    expect(verify(contentSwap)).toMatchObject({ ok: false, brokenAt: 2n, reason: 'prev_hash_mismatch' });
  });

  it('detects a rewritten tail when a checkpoint was kept', () => {
    const chain = buildChain(6);
    const checkpoint = { seq: 4n, hash: chain[3]!.hash };
    // Rewrite from event 3 on and re-hash everything after it: the chain itself is consistent.
    const rewritten = chain.slice(0, 2);
    let prev = chain[1]!.hash;
    for (const original of chain.slice(2)) {
      const event = { ...original, purpose: 'rewritten', prev_hash: prev };
      const hash = hashEvent(prev, event, sha256Hex);
      rewritten.push({ ...event, hash });
      prev = hash;
    }
    expect(verify(rewritten)).toMatchObject({ ok: true });
    expect(verify(rewritten, { checkpoint })).toEqual({
      ok: false,
      brokenAt: 4n,
      reason: 'checkpoint_mismatch',
      count: 3,
    });
  });

  it('refuses events of another municipality', () => {
    const chain = buildChain(3);
    const other = buildChain(3, 'm2');
    expect(verify([chain[0]!, other[1]!, chain[2]!])).toMatchObject({
      ok: false,
      brokenAt: 2n,
      reason: 'municipality_mismatch',
    });
  });

  it('continues from a known point and verifies page by page', () => {
    const chain = buildChain(20);
    const from = { seq: 8n, hash: chain[7]!.hash };
    expect(verify(chain.slice(8), { from })).toMatchObject({ ok: true, count: 12, head: { seq: 20n } });
    expect(verify(chain.slice(9), { from })).toMatchObject({ ok: false, brokenAt: 10n, reason: 'seq_gap' });
    expect(() => verify(chain, { from, checkpoint: { seq: 2n, hash: chain[1]!.hash } })).toThrow(RangeError);

    const verifier = createChainVerifier({ sha256Hex });
    for (let i = 0; i < chain.length; i += 7) {
      for (const event of chain.slice(i, i + 7)) expect(verifier.push(event)).toBeNull();
    }
    expect(verifier.finish()).toEqual(verify(chain));
  });

  it('finds the first broken link whatever is tampered with', () => {
    const tamper = fc.record({
      length: fc.integer({ min: 2, max: 25 }),
      position: fc.nat(),
      kind: fc.constantFrom('modify', 'delete', 'swap', 'duplicate'),
    });
    fc.assert(
      fc.property(tamper, ({ length, position, kind }) => {
        const chain = buildChain(length);
        const i = position % (kind === 'swap' ? length - 1 : length);
        const seq = BigInt(i + 1);
        const events = [...chain];
        let expected: { brokenAt: bigint; reason: string };
        switch (kind) {
          case 'modify':
            events[i] = { ...events[i]!, actor_id: 'intruder' };
            expected = { brokenAt: seq, reason: 'hash_mismatch' };
            break;
          case 'delete':
            events.splice(i, 1);
            // Removing the newest event leaves a valid shorter chain: only a checkpoint finds it.
            expected =
              i === length - 1
                ? { brokenAt: seq, reason: 'checkpoint_mismatch' }
                : { brokenAt: seq + 1n, reason: 'seq_gap' };
            break;
          case 'swap':
            [events[i], events[i + 1]] = [events[i + 1]!, events[i]!];
            expected = { brokenAt: seq + 1n, reason: 'seq_gap' };
            break;
          case 'duplicate':
            events.splice(i + 1, 0, events[i]!);
            expected = { brokenAt: seq, reason: 'seq_gap' };
            break;
        }
        const checkpoint = { seq: BigInt(length), hash: chain[length - 1]!.hash };
        expect(verify(events, { checkpoint })).toMatchObject({ ok: false, ...expected });
      }),
      { numRuns: 300 },
    );
  });
});
