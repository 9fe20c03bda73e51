import type { PdfLanguage } from '../../pdf/model.js';

// The words of the report as a document (PDF), Danish and English. They follow the report page
// in the app (src/web/i18n, experiments.report/flow/charts) so the two read alike.

export interface ReportTexts {
  locale: string;
  title: (name: string) => string;
  compared: (treatment: string, control: string) => string;
  interim: string;
  none: string;
  about: {
    question: string;
    comparison: string;
    asOf: string;
    version: string;
    lockedAt: string;
    notLocked: string;
    hash: string;
  };
  flow: {
    heading: string;
    eligible: (n: string) => string;
    notEnrolled: (n: string) => string;
    enrolled: (n: string) => string;
    allocated: (n: string) => string;
    lost: (n: string) => string;
    lostReasons: (moved: string, died: string, withdrew: string) => string;
    notYetFollowed: (n: string) => string;
    analysed: (n: string) => string;
  };
  balance: { heading: string; intro: string; caption: string; variable: string; smd: string };
  variables: Record<string, string>;
  outcomes: {
    heading: string;
    intro: (weeks: number) => string;
    caption: string;
    outcome: string;
    difference: string;
    interval: string;
    p: string;
    n: (arm: string, n: string) => string;
    primary: string;
    secondary: string;
    methods: { share: string; adjusted: string; cox: string };
    notReached: string;
    points: (value: string) => string;
    weeks: (value: string) => string;
    hazard: (value: string) => string;
    range: (low: string, high: string) => string;
    rangePoints: (low: string, high: string) => string;
  };
  noEvaluation: string;
  curves: {
    heading: string;
    intro: string;
    week: string;
    noWeeks: string;
    tableCaption: (title: string) => string;
    cumulative_employed: { title: string; axis: string; summary: (week: number, values: string) => string };
    survival: { title: string; axis: string; summary: (week: number, values: string) => string };
  };
  methods: string;
}

const da: ReportTexts = {
  locale: 'da-DK',
  title: (name) => `${name} – opgørelse`,
  compared: (treatment, control) => `${treatment} sammenlignet med ${control}`,
  interim:
    'Foreløbig opgørelse (interim): Ikke alle borgere er fulgt hele opfølgningsperioden endnu. Tallene vil ændre sig og må ikke bruges som forsøgets resultat.',
  none: '–',
  about: {
    question: 'Forskningsspørgsmål',
    comparison: 'Sammenligning',
    asOf: 'Opgjort pr.',
    version: 'Designversion',
    lockedAt: 'Designet låst',
    notLocked: 'Ikke låst',
    hash: 'Designets SHA-256',
  },
  flow: {
    heading: 'Forløb',
    eligible: (n) => `${n} opfyldte betingelserne`,
    notEnrolled: (n) => `heraf ${n} ikke indskrevet`,
    enrolled: (n) => `${n} indskrevet og fordelt ved lodtrækning`,
    allocated: (n) => `Fordelt hertil: ${n}`,
    lost: (n) => `Mistet: ${n}`,
    lostReasons: (moved, died, withdrew) => `flyttet ${moved}, død ${died}, trukket sig ${withdrew}`,
    notYetFollowed: (n) => `Endnu ikke fulgt en hel uge: ${n}`,
    analysed: (n) => `Analyseret: ${n}`,
  },
  balance: {
    heading: 'Balance mellem grupperne',
    intro:
      'Gennemsnit ved indskrivningen. En standardiseret forskel over 0,1 (eller under −0,1) tyder på, at grupperne ikke ligner hinanden, og at resultatet bør justeres.',
    caption: 'Gennemsnit ved indskrivningen',
    variable: 'Variabel',
    smd: 'Standardiseret forskel',
  },
  variables: { age: 'Alder', years_on_benefit: 'År på ydelse', years_unemployed: 'År på ydelse' },
  outcomes: {
    heading: 'Udfald',
    intro: (weeks) =>
      `Opgjort over op til ${weeks} ugers opfølgning. Forskellen er indsatsgruppe minus sammenligningsgruppe med 95 %-interval.`,
    caption: 'Udfald med forskel og 95 %-interval, primært udfald først',
    outcome: 'Udfald',
    difference: 'Forskel',
    interval: '95 %-interval',
    p: 'p-værdi',
    n: (arm, n) => `${arm} (n\u00a0=\u00a0${n})`,
    primary: 'Primært udfald',
    secondary: 'Sekundært udfald',
    methods: {
      share: 'Andel; interval efter Newcombe',
      adjusted: 'Gennemsnit; justeret for lag (robust, HC2)',
      cox: 'Median uger; hazard ratio (Cox) og log-rank-test',
    },
    notReached: 'Ikke nået',
    points: (value) => `${value} procentpoint`,
    weeks: (value) => `${value} uger`,
    hazard: (value) => `HR ${value}`,
    range: (low, high) => `${low} til ${high}`,
    rangePoints: (low, high) => `${low} til ${high} procentpoint`,
  },
  noEvaluation: 'Der er endnu ikke borgere i begge grupper, som er fulgt en hel uge. Tallene kommer, når de er det.',
  curves: {
    heading: 'Kurver',
    intro:
      'Kurverne er beregnet med Kaplan–Meier, så borgere, der endnu ikke er fulgt hele perioden, tæller med, så længe de er fulgt.',
    week: 'Uge',
    noWeeks: 'Ingen borgere er fulgt en hel uge endnu.',
    tableCaption: (title) => `${title}: tallene ved udvalgte uger`,
    cumulative_employed: {
      title: 'Andel, der har været i job',
      axis: 'Andel i job mindst én uge',
      summary: (week, values) => `Efter ${week} uger har så stor en andel været i job: ${values}.`,
    },
    survival: {
      title: 'Kaplan–Meier: andel endnu ikke i job',
      axis: 'Andel endnu ikke i job',
      summary: (week, values) => `Efter ${week} uger er så stor en andel endnu ikke kommet i job: ${values}.`,
    },
  },
  methods:
    'Metode: Andele sammenlignes med Newcombes interval. Gennemsnit sammenlignes justeret for lag (OLS med robust HC2-standardfejl). Tid til første job: medianer i uger og hazard ratio (Cox) med log-rank-test. Samme beregning som kommandoen medspiller evaluate.',
};

const en: ReportTexts = {
  locale: 'en-GB',
  title: (name) => `${name} – report`,
  compared: (treatment, control) => `${treatment} compared with ${control}`,
  interim:
    'Interim report: Not all citizens have been followed for the whole follow-up period yet. The figures will change and must not be used as the experiment’s result.',
  none: '–',
  about: {
    question: 'Research question',
    comparison: 'Comparison',
    asOf: 'As of',
    version: 'Design version',
    lockedAt: 'Design locked',
    notLocked: 'Not locked',
    hash: 'Design SHA-256',
  },
  flow: {
    heading: 'Flow',
    eligible: (n) => `${n} met the conditions`,
    notEnrolled: (n) => `of whom ${n} not enrolled`,
    enrolled: (n) => `${n} enrolled and allocated by draw`,
    allocated: (n) => `Allocated: ${n}`,
    lost: (n) => `Lost: ${n}`,
    lostReasons: (moved, died, withdrew) => `moved ${moved}, died ${died}, withdrew ${withdrew}`,
    notYetFollowed: (n) => `Not yet followed a whole week: ${n}`,
    analysed: (n) => `Analysed: ${n}`,
  },
  balance: {
    heading: 'Balance between the groups',
    intro:
      'Means at enrolment. A standardised difference above 0.1 (or below −0.1) suggests the groups are not alike and the result should be adjusted.',
    caption: 'Means at enrolment',
    variable: 'Variable',
    smd: 'Standardised difference',
  },
  variables: { age: 'Age', years_on_benefit: 'Years on benefit', years_unemployed: 'Years on benefit' },
  outcomes: {
    heading: 'Outcomes',
    intro: (weeks) =>
      `Measured over up to ${weeks} weeks of follow-up. The difference is treatment minus comparison group, with a 95 % interval.`,
    caption: 'Outcomes with difference and 95 % interval, primary outcome first',
    outcome: 'Outcome',
    difference: 'Difference',
    interval: '95 % interval',
    p: 'p-value',
    n: (arm, n) => `${arm} (n\u00a0=\u00a0${n})`,
    primary: 'Primary outcome',
    secondary: 'Secondary outcome',
    methods: {
      share: 'Proportion; Newcombe interval',
      adjusted: 'Mean; adjusted for strata (robust, HC2)',
      cox: 'Median weeks; hazard ratio (Cox) and log-rank test',
    },
    notReached: 'Not reached',
    points: (value) => `${value} percentage points`,
    weeks: (value) => `${value} weeks`,
    hazard: (value) => `HR ${value}`,
    range: (low, high) => `${low} to ${high}`,
    rangePoints: (low, high) => `${low} to ${high} percentage points`,
  },
  noEvaluation:
    'There are not yet citizens in both groups who have been followed for a whole week. The figures come when there are.',
  curves: {
    heading: 'Curves',
    intro:
      'The curves are Kaplan–Meier estimates, so citizens not yet followed for the whole period count for as long as they have been followed.',
    week: 'Week',
    noWeeks: 'No citizen has been followed for a whole week yet.',
    tableCaption: (title) => `${title}: the figures at selected weeks`,
    cumulative_employed: {
      title: 'Share who have been in a job',
      axis: 'Share in a job at least one week',
      summary: (week, values) => `After ${week} weeks this share has been in a job: ${values}.`,
    },
    survival: {
      title: 'Kaplan–Meier: share not yet in a job',
      axis: 'Share not yet in a job',
      summary: (week, values) => `After ${week} weeks this share has not yet been in a job: ${values}.`,
    },
  },
  methods:
    'Methods: proportions are compared with Newcombe’s interval; means adjusted for strata (OLS with robust HC2 standard errors); time to first job as medians in weeks and a hazard ratio (Cox) with a log-rank test. The same computation as the medspiller evaluate command.',
};

export const REPORT_TEXTS: Record<PdfLanguage, ReportTexts> = { da, en };
