// The report's pair of arms in the query string (Danish names, the address is part of the
// UI): ?indsats=group2&kontrol=control. Absent or malformed: the server's default pair.
import type { ReportQuery } from '../../api/experiments.js';

const PARAM = { treatment: 'indsats', control: 'kontrol' } as const;
const ARM_CODE = /^[A-Za-z0-9_-]{1,40}$/;

function arm(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name) ?? '';
  return ARM_CODE.test(value) ? value : undefined;
}

export function readPair(params: URLSearchParams): ReportQuery {
  return { treatment: arm(params, PARAM.treatment), control: arm(params, PARAM.control) };
}

/** The pair as parameters; other parameters in `base` are kept. */
export function writePair(
  pair: { treatment: string; control: string },
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const params = new URLSearchParams(base);
  params.set(PARAM.treatment, pair.treatment);
  params.set(PARAM.control, pair.control);
  return params;
}
