// A stratum's code as the server writes it ("age:40-50|benefit:3+") read back into bands a
// person can be told: "40–49 år", "3 til under 5 år på ydelse". Pure.

export type BandKind = 'all' | 'below' | 'between' | 'from';

export interface Band {
  kind: BandKind;
  low?: number;
  high?: number;
}

export interface Stratum {
  age: Band | null;
  benefit: Band | null;
}

function readBand(text: string): Band | null {
  if (text === 'all') return { kind: 'all' };
  let match = /^<(\d+(?:\.\d+)?)$/.exec(text);
  if (match !== null) return { kind: 'below', high: Number(match[1]) };
  match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(text);
  if (match !== null) return { kind: 'between', low: Number(match[1]), high: Number(match[2]) };
  match = /^(\d+(?:\.\d+)?)\+$/.exec(text);
  if (match !== null) return { kind: 'from', low: Number(match[1]) };
  return null;
}

/** The bands of a stratum code; a part it cannot read is null (the code is then shown as is). */
export function readStratum(code: string): Stratum {
  const stratum: Stratum = { age: null, benefit: null };
  for (const part of code.split('|')) {
    const separator = part.indexOf(':');
    const unit = part.slice(0, separator);
    const band = readBand(part.slice(separator + 1));
    if (unit === 'age') stratum.age = band;
    else if (unit === 'benefit') stratum.benefit = band;
  }
  return stratum;
}

/** Ages are whole years, so the band 40–50 (40 up to but not 50) reads "40–49". */
export function lastWholeAge(band: Band): number | undefined {
  return band.high === undefined ? undefined : band.high - 1;
}
