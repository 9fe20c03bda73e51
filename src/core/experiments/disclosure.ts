// Disclosure control for what leaves the municipality: the analysis data set and the report
// files meant for publication. Coarse values a caseworker cannot match to a person, and small
// counts hidden (the statistical estimates themselves stay exact).

/** Lower limits of the age bands of the data set: under 25 (written 18), 25–29, 30–39, 40–49, 50+. */
export const AGE_BANDS = [18, 25, 30, 40, 50] as const;

/** The data set's `age`: the lower limit of the citizen's age band (18 stands for every age under 25). */
export function ageBand(age: number): number {
  let band: number = AGE_BANDS[0];
  for (const lower of AGE_BANDS) if (age >= lower) band = lower;
  return band;
}

/** Years on benefit are top-coded here: 10 stands for 10 years or more. */
export const BENEFIT_YEARS_TOP = 10;

/** The data set's `years_on_benefit`: whole years, rounded down, 10 for 10 or more. */
export function benefitYearsBand(years: number): number {
  return Math.min(BENEFIT_YEARS_TOP, Math.max(0, Math.floor(years)));
}

/** Counts below this are shown as "<5" in tables meant for publication. */
export const SMALL_CELL = 5;

/** A count as published: "<5" for 0–4 (a zero too, so that a shown zero does not stand out from a hidden one). */
export function publishedCount(n: number, format: (n: number) => string = String): string {
  return n < SMALL_CELL ? `<${String(SMALL_CELL)}` : format(n);
}
