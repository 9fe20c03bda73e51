// The documents Medspiller hands out as PDF (the experiment report; next the citizen's plan,
// the situation description and the business case), described as data: a title, a language
// and blocks in reading order. `renderPdf` lays them out as a tagged, accessible PDF; callers
// never touch pdfkit.

export type PdfLanguage = 'da' | 'en';

export interface PdfDocument {
  /** Shown as the window title and stored in the metadata; usually also the h1. */
  title: string;
  language: PdfLanguage;
  subject?: string;
  /** Who publishes it, e.g. the municipality. */
  author?: string;
  keywords?: readonly string[];
  /** The creation date stored in the file; tests fix it, otherwise now. */
  created?: Date;
  blocks: readonly Block[];
}

export type Block = Heading | Paragraph | FactList | BulletList | Table | LineChart | FlowDiagram;

export interface Heading {
  kind: 'heading';
  level: 1 | 2 | 3;
  text: string;
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  /** strong: bold; notice: bold in a framed box (interim warnings and the like); small: notes. */
  style?: 'normal' | 'strong' | 'notice' | 'small';
}

/** Label and value pairs ("Opgjort pr.: 7. december 2026"), tagged as a list. */
export interface FactList {
  kind: 'facts';
  items: readonly { label: string; value: string }[];
}

export interface BulletList {
  kind: 'list';
  items: readonly string[];
}

/** A cell's text; more lines are drawn under the first, smaller (a method, a note). */
export type TableCell = string | { lines: readonly [string, ...string[]] };

export interface TableColumn {
  header: string;
  align?: 'left' | 'right';
  /** Share of the table's width relative to the other columns (default 1). */
  width?: number;
}

export interface Table {
  kind: 'table';
  /** Shown above the table and tagged as its caption. */
  caption?: string;
  columns: readonly TableColumn[];
  rows: readonly { cells: readonly TableCell[]; strong?: boolean }[];
  /** The first cell of each row heads the row (TH with scope Row). */
  rowHeaders?: boolean;
}

export interface Tick {
  value: number;
  label: string;
}

export interface Axis {
  label: string;
  min: number;
  max: number;
  ticks: readonly Tick[];
}

export interface LineChart {
  kind: 'lineChart';
  /** The figure's alternative text: what it shows and its main numbers, in a sentence or two. */
  alt: string;
  x: Axis;
  y: Axis;
  series: readonly { name: string; points: readonly (readonly [number, number])[] }[];
  /** Draw each series as a step curve (Kaplan–Meier), holding a value until the next point. */
  step?: boolean;
  /** Height of the plot in points (default 200). */
  height?: number;
}

export interface FlowBox {
  title: string;
  lines: readonly string[];
}

/** Boxes in stages from top to bottom joined by arrows (a CONSORT flow); read as a list. */
export interface FlowDiagram {
  kind: 'flow';
  stages: readonly { boxes: readonly FlowBox[] }[];
}
