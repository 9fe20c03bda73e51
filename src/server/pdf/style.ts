import { fileURLToPath } from 'node:url';

// The look of Medspiller's documents: IBM Plex Sans (the typeface of the Danish public design
// system, DKFDS, under the SIL Open Font License in fonts/OFL.txt), embedded and subset, since
// PDF/UA requires embedded fonts and the 14 standard fonts cannot be embedded by pdfkit.

const font = (name: string): string => fileURLToPath(new URL(`./fonts/${name}`, import.meta.url));

export const FONT = {
  regular: font('IBMPlexSans-Regular.ttf'),
  bold: font('IBMPlexSans-Bold.ttf'),
} as const;

export const SIZE = { h1: 20, h2: 14, h3: 11.5, body: 10, small: 8.5, table: 9, note: 7.5, chart: 8 } as const;

export const COLOUR = {
  text: '#1a1a1a',
  muted: '#4d4d4d',
  rule: '#8c8c8c',
  grid: '#d9d9d9',
  headerFill: '#eef0f2',
  boxFill: '#f5f7fa',
  noticeFill: '#fff3cd',
  noticeRule: '#a16207',
} as const;

/** Series are told apart by colour and dash pattern together, never colour alone. */
export const SERIES = [
  { colour: '#0059b3', dash: null },
  { colour: '#c2410c', dash: [6, 3] },
  { colour: '#15803d', dash: [1.5, 2] },
  { colour: '#7c3aed', dash: [10, 3, 2, 3] },
  { colour: '#a16207', dash: [4, 4] },
  { colour: '#be123c', dash: [1, 3] },
] as const;

export const PAGE = { size: 'A4', margin: 56, footer: 36 } as const;

export const LINE_GAP = 1.5;
