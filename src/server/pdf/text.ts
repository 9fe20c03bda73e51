import { artifact, ensureSpace, setFont, tagged, type Frame } from './layout.js';
import type { BulletList, FactList, Heading, Paragraph } from './model.js';
import { COLOUR, FONT, LINE_GAP, SIZE } from './style.js';

// Headings, paragraphs and lists. Each text ends in a space: PDF/UA wants the spaces between
// words and sentences in the content, so text extracted across blocks does not run together.

const HEADING = {
  1: { size: SIZE.h1, before: 0, after: 8 },
  2: { size: SIZE.h2, before: 16, after: 6 },
  3: { size: SIZE.h3, before: 10, after: 4 },
} as const;

function headingHeight(frame: Frame, heading: Heading): number {
  const style = HEADING[heading.level];
  setFont(frame.doc, FONT.bold, style.size, COLOUR.text);
  return style.before + frame.doc.heightOfString(heading.text, { width: frame.width }) + style.after;
}

/** A heading never ends a page: it keeps with `next`, the height of what must follow it. */
export function drawHeading(frame: Frame, heading: Heading, next: number): void {
  const { doc } = frame;
  const style = HEADING[heading.level];
  ensureSpace(frame, headingHeight(frame, heading) + Math.min(next, frame.bottom - frame.top - 80));
  setFont(doc, FONT.bold, style.size, COLOUR.text);
  if (doc.y > frame.top + 1) doc.y += style.before;
  const y = doc.y;
  tagged(frame.root, doc, `H${heading.level}`, () => {
    doc.text(`${heading.text} `, frame.left, y, { width: frame.width });
  });
  doc.x = frame.left;
  doc.y += style.after;
}

const NOTICE_PAD = 8;

function noticeHeight(frame: Frame, text: string): number {
  setFont(frame.doc, FONT.bold, SIZE.body, COLOUR.text);
  const width = frame.width - 2 * NOTICE_PAD - 4;
  return frame.doc.heightOfString(text, { width, lineGap: LINE_GAP }) + 2 * NOTICE_PAD;
}

/** What of a paragraph is kept together: a notice whole, otherwise its first two lines. */
export function paragraphLead(frame: Frame, paragraph: Paragraph): number {
  if (paragraph.style === 'notice') return noticeHeight(frame, paragraph.text);
  setFont(frame.doc, FONT.regular, paragraph.style === 'small' ? SIZE.small : SIZE.body, COLOUR.text);
  return (frame.doc.currentLineHeight(true) + LINE_GAP) * 2;
}

/** A heading followed by a heading keeps with both and with a line of what follows them. */
export function headingLead(frame: Frame, heading: Heading): number {
  return headingHeight(frame, heading) + 2 * (SIZE.body + LINE_GAP);
}

export function drawParagraph(frame: Frame, paragraph: Paragraph): void {
  const { doc } = frame;
  const style = paragraph.style ?? 'normal';
  const bold = style === 'strong' || style === 'notice';
  const size = style === 'small' ? SIZE.small : SIZE.body;
  setFont(doc, bold ? FONT.bold : FONT.regular, size, style === 'small' ? COLOUR.muted : COLOUR.text);
  if (style === 'notice') {
    // A framed warning is kept whole on one page; its frame is decoration.
    const pad = NOTICE_PAD;
    const width = frame.width - 2 * pad - 4;
    const height = noticeHeight(frame, paragraph.text);
    ensureSpace(frame, height);
    const y = doc.y;
    artifact(doc, 'Layout', () => {
      doc.rect(frame.left, y, frame.width, height).fill(COLOUR.noticeFill);
      doc.rect(frame.left, y, 4, height).fill(COLOUR.noticeRule);
    });
    setFont(doc, FONT.bold, size, COLOUR.text);
    tagged(frame.root, doc, 'P', () => {
      doc.text(`${paragraph.text} `, frame.left + 4 + pad, y + pad, { width, lineGap: LINE_GAP });
    });
    doc.x = frame.left;
    doc.y = y + height + 8;
    return;
  }
  // Long paragraphs may run onto the next page; pdfkit carries the marked content over.
  ensureSpace(frame, paragraphLead(frame, paragraph));
  const y = doc.y;
  tagged(frame.root, doc, 'P', () => {
    doc.text(`${paragraph.text} `, frame.left, y, { width: frame.width, lineGap: LINE_GAP });
  });
  doc.x = frame.left;
  doc.y += 6;
}

/** Label and value side by side, as a list of items each with a label (Lbl) and a body (LBody). */
export function drawFacts(frame: Frame, facts: FactList): void {
  const { doc } = frame;
  const labelWidth = Math.round(frame.width * 0.3);
  const gap = 10;
  const valueWidth = frame.width - labelWidth - gap;
  const list = doc.struct('L');
  frame.root.add(list);
  for (const item of facts.items) {
    setFont(doc, FONT.bold, SIZE.body, COLOUR.text);
    const labelHeight = doc.heightOfString(item.label, { width: labelWidth, lineGap: LINE_GAP });
    setFont(doc, FONT.regular, SIZE.body, COLOUR.text);
    const valueHeight = doc.heightOfString(item.value, { width: valueWidth, lineGap: LINE_GAP });
    ensureSpace(frame, Math.max(labelHeight, valueHeight));
    const y = doc.y;
    const entry = doc.struct('LI');
    list.add(entry);
    tagged(entry, doc, 'Lbl', () => {
      setFont(doc, FONT.bold, SIZE.body, COLOUR.text);
      doc.text(`${item.label} `, frame.left, y, { width: labelWidth, lineGap: LINE_GAP });
    });
    tagged(entry, doc, 'LBody', () => {
      setFont(doc, FONT.regular, SIZE.body, COLOUR.text);
      doc.text(`${item.value} `, frame.left + labelWidth + gap, y, { width: valueWidth, lineGap: LINE_GAP });
    });
    entry.end();
    doc.x = frame.left;
    doc.y = y + Math.max(labelHeight, valueHeight) + 3;
  }
  list.end();
  doc.y += 6;
}

export function drawList(frame: Frame, bullets: BulletList): void {
  const { doc } = frame;
  const indent = 14;
  const list = doc.struct('L');
  frame.root.add(list);
  for (const item of bullets.items) {
    setFont(doc, FONT.regular, SIZE.body, COLOUR.text);
    const height = doc.heightOfString(item, { width: frame.width - indent, lineGap: LINE_GAP });
    ensureSpace(frame, Math.min(height, doc.currentLineHeight(true) * 2));
    const y = doc.y;
    const entry = doc.struct('LI');
    list.add(entry);
    tagged(entry, doc, 'Lbl', () => {
      doc.text('• ', frame.left + 2, y, { width: indent, lineBreak: false });
    });
    tagged(entry, doc, 'LBody', () => {
      doc.text(`${item} `, frame.left + indent, y, { width: frame.width - indent, lineGap: LINE_GAP });
    });
    entry.end();
    doc.x = frame.left;
    doc.y += 3;
  }
  list.end();
  doc.y += 4;
}
