// The report's pair of arms in the query string (Danish names, the address is part of the
// UI): ?indsats=group2&kontrol=control. Absent or malformed: the server's default pair.
import type { ReportQuery } from '../../api/experiments.js';

/** The report route's search, as the router gives it. */
export interface PairSearch {
  indsats?: string;
  kontrol?: string;
}

const ARM_CODE = /^[A-Za-z0-9_-]{1,40}$/;

function arm(value: string | undefined): string | undefined {
  return value !== undefined && ARM_CODE.test(value) ? value : undefined;
}

export function readPair(search: PairSearch): ReportQuery {
  return { treatment: arm(search.indsats), control: arm(search.kontrol) };
}

/** The pair as search values, to merge into the current ones. */
export function writePair(pair: { treatment: string; control: string }): Required<PairSearch> {
  return { indsats: pair.treatment, kontrol: pair.control };
}
