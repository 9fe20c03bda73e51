import { createHmac, hkdfSync } from 'node:crypto';

// Pseudonyms for what analysts receive, keyed per experiment. The key is derived (HKDF-SHA-256)
// from the experiment's random allocation seed, which no API, page or log shows, under labels of
// its own: it cannot be computed from anything staff see, it is independent of the allocation
// itself, and it survives rotation of the CPR key. Per experiment rather than per download, so an
// analyst's repeated downloads as follow-up accrues join on the same pseudonym.

const SALT = Buffer.from('medspiller/experiment/v1', 'utf8');
const LABELS = {
  dataset: 'medspiller/experiment/dataset-pseudonym',
  citizen: 'medspiller/experiment/analyst-citizen-id',
  case: 'medspiller/experiment/analyst-case-id',
} as const;

export type PseudonymKind = keyof typeof LABELS;

/** The keyed pseudonymisers of one experiment. */
export interface ExperimentPseudonyms {
  /** `citizen_id` of the data set: "X" and 16 hex digits (64 bits of HMAC-SHA-256 of the citizen id). */
  dataset(citizenId: string): string;
  /** A stand-in UUID for an internal id in analysts' answers, equal to no id in the database. */
  opaqueId(kind: 'citizen' | 'case', id: string): string;
}

export function experimentPseudonyms(seed: string): ExperimentPseudonyms {
  const keys = Object.fromEntries(
    Object.entries(LABELS).map(([kind, info]) => [kind, Buffer.from(hkdfSync('sha256', seed, SALT, info, 32))]),
  ) as Record<PseudonymKind, Buffer>;
  const mac = (kind: PseudonymKind, id: string) => createHmac('sha256', keys[kind]).update(id, 'utf8').digest('hex');
  return {
    dataset: (citizenId) => `X${mac('dataset', citizenId).slice(0, 16).toUpperCase()}`,
    opaqueId: (kind, id) => {
      // Shaped as a version-8 (custom) UUID so the answers keep their schema.
      const h = mac(kind, id);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}
