/// <reference types="pdfkit" />
// What the block renderers share: the page frame, the structure tree's root, and small helpers
// for tagged content (a structure element filled by drawing) and artifacts (decoration that
// assistive technology skips: rules, boxes, page numbers, repeated table headers).

export type Doc = PDFKit.PDFDocument;
export type StructElement = PDFKit.PDFStructureElement;

export interface Frame {
  doc: Doc;
  /** The document's structure element; blocks add their elements to it in reading order. */
  root: StructElement;
  left: number;
  width: number;
  top: number;
  /** The lowest y content may reach on a page; the footer lives below it. */
  bottom: number;
}

/** pdfkit 0.20 reads these from a structure element's options; its type definitions lag behind. */
export interface StructOptions extends PDFKit.Mixins.StructureElementOptions {
  /** Table header cells: which cells the header applies to. */
  scope?: 'Row' | 'Column' | 'Both';
  /** Figures: where the figure is, [left, top, right, bottom] in pdfkit's coordinates. */
  bbox?: [number, number, number, number];
}

export function struct(
  doc: Doc,
  type: string,
  options: StructOptions,
  children?: PDFKit.PDFStructureElementChild | PDFKit.PDFStructureElementChild[],
): StructElement {
  return doc.struct(type, options, children);
}

/** Adds an element whose content is what `draw` puts on the page, marked with the element's tag. */
export function tagged(parent: StructElement, doc: Doc, type: string, draw: () => void, options: StructOptions = {}) {
  parent.add(struct(doc, type, options, draw));
}

/** Draws decoration that is not part of the document's content. */
export function artifact(doc: Doc, type: 'Layout' | 'Pagination', draw: () => void): void {
  doc.markContent('Artifact', { type });
  doc.save();
  draw();
  doc.restore();
  doc.endMarkedContent();
}

/** Starts a new page unless `height` more points fit on this one (or the page is still empty). */
export function ensureSpace(frame: Frame, height: number): void {
  const { doc } = frame;
  if (doc.y + height > frame.bottom && doc.y > frame.top + 1) {
    doc.addPage();
    doc.x = frame.left;
    doc.y = frame.top;
  }
}

export function setFont(doc: Doc, font: string, size: number, colour: string): void {
  doc.font(font).fontSize(size).fillColor(colour);
}
