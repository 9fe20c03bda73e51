import PDFDocument from 'pdfkit';
import { chartHeight, drawLineChart } from './chart.js';
import { drawFlow, flowHeight } from './flow.js';
import { artifact, setFont, type Doc, type Frame } from './layout.js';
import type { Block, PdfDocument, PdfLanguage } from './model.js';
import { COLOUR, FONT, LINE_GAP, PAGE, SIZE } from './style.js';
import { drawTable, tableLead } from './table.js';
import { drawFacts, drawHeading, drawList, drawParagraph, headingLead, paragraphLead } from './text.js';

// A document model to a tagged PDF (ISO 32000 Tagged PDF, written the way PDF/UA asks): the
// language, the title shown in the window, a structure tree in reading order, every piece of
// content either in that tree or marked as an artifact, fonts embedded. See docs/documents.md.

const LANG: Record<PdfLanguage, string> = { da: 'da-DK', en: 'en-GB' };

const PAGE_LABEL: Record<PdfLanguage, (page: number, pages: number) => string> = {
  da: (page, pages) => `Side ${page} af ${pages}`,
  en: (page, pages) => `Page ${page} of ${pages}`,
};

export function renderPdf(model: PdfDocument): Promise<Buffer> {
  const created = model.created ?? new Date();
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin + PAGE.footer },
    tagged: true,
    pdfVersion: '1.7',
    lang: LANG[model.language],
    displayTitle: true,
    // Page numbers ("Side 2 af 5") are drawn when the number of pages is known.
    bufferPages: true,
    font: FONT.regular,
    info: {
      Title: model.title,
      ...(model.subject === undefined ? {} : { Subject: model.subject }),
      ...(model.author === undefined ? {} : { Author: model.author }),
      ...(model.keywords === undefined ? {} : { Keywords: model.keywords.join(', ') }),
      Creator: 'Medspiller',
      Producer: 'Medspiller (PDFKit)',
      CreationDate: created,
    },
  });
  writeXmpEscaped(doc, model, created);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document', { lang: LANG[model.language] });
  doc.addStructure(root);
  const frame: Frame = {
    doc,
    root,
    left: doc.page.margins.left,
    width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
    top: doc.page.margins.top,
    bottom: doc.page.height - doc.page.margins.bottom,
  };
  model.blocks.forEach((block, i) => drawBlock(frame, block, model.blocks[i + 1]));
  root.end();
  drawFooters(frame, model);
  doc.end();
  return done;
}

function drawBlock(frame: Frame, block: Block, next: Block | undefined): void {
  switch (block.kind) {
    case 'heading':
      return drawHeading(frame, block, next === undefined ? 0 : lead(frame, next));
    case 'paragraph':
      return drawParagraph(frame, block);
    case 'facts':
      return drawFacts(frame, block);
    case 'list':
      return drawList(frame, block);
    case 'table':
      return drawTable(frame, block);
    case 'lineChart':
      return drawLineChart(frame, block);
    case 'flow':
      return drawFlow(frame, block);
  }
}

/** The height of the start of a block that a heading before it must stay with. */
function lead(frame: Frame, block: Block): number {
  switch (block.kind) {
    case 'heading':
      return headingLead(frame, block);
    case 'paragraph':
      return paragraphLead(frame, block);
    case 'facts':
    case 'list':
      return 2 * (SIZE.body + LINE_GAP) * 1.3;
    case 'table':
      return tableLead(frame, block);
    case 'lineChart':
      return chartHeight(frame, block);
    case 'flow':
      return flowHeight(frame, block);
  }
}

/** The title and "Side n af m" under a rule at the foot of every page, as pagination artifacts. */
function drawFooters(frame: Frame, model: PdfDocument): void {
  const { doc } = frame;
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const y = frame.bottom + PAGE.footer - 14;
    const margin = doc.page.margins.bottom;
    // Text below the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    artifact(doc, 'Pagination', () => {
      doc
        .moveTo(frame.left, y - 5)
        .lineTo(frame.left + frame.width, y - 5)
        .lineWidth(0.5)
        .stroke(COLOUR.grid);
      setFont(doc, FONT.regular, SIZE.note, COLOUR.muted);
      const label = PAGE_LABEL[model.language](i + 1, range.count);
      const labelWidth = doc.widthOfString(label);
      doc.text(model.title, frame.left, y, { width: frame.width - labelWidth - 20, lineBreak: false, ellipsis: true });
      doc.text(label, frame.left + frame.width - labelWidth, y, { lineBreak: false });
    });
    doc.page.margins.bottom = margin;
  }
}

const xml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/**
 * pdfkit 0.20 copies the Info values into the XMP metadata unescaped, so a title with "&" or
 * "<" would make it invalid XML. This writes the same packet, escaped, with the language too.
 */
function writeXmpEscaped(doc: Doc, model: PdfDocument, created: Date): void {
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt>`;
  const addInfo = (): void => {
    doc.appendXML(
      [
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
        `<xmp:CreateDate>${created.toISOString().split('.')[0] ?? ''}Z</xmp:CreateDate>`,
        '<xmp:CreatorTool>Medspiller</xmp:CreatorTool>',
        '</rdf:Description>',
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
        '<dc:format>application/pdf</dc:format>',
        `<dc:title>${alt(model.title)}</dc:title>`,
        `<dc:language><rdf:Bag><rdf:li>${LANG[model.language]}</rdf:li></rdf:Bag></dc:language>`,
        model.author === undefined
          ? ''
          : `<dc:creator><rdf:Seq><rdf:li>${xml(model.author)}</rdf:li></rdf:Seq></dc:creator>`,
        model.subject === undefined ? '' : `<dc:description>${alt(model.subject)}</dc:description>`,
        '</rdf:Description>',
        '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
        '<pdf:Producer>Medspiller (PDFKit)</pdf:Producer>',
        model.keywords === undefined ? '' : `<pdf:Keywords>${xml(model.keywords.join(', '))}</pdf:Keywords>`,
        '</rdf:Description>',
      ]
        .filter((line) => line !== '')
        .join('\n'),
    );
  };
  Object.assign(doc, { _addInfo: addInfo });
}
