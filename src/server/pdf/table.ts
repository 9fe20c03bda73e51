import { artifact, ensureSpace, setFont, struct, type Doc, type Frame, type StructElement } from './layout.js';
import type { Table, TableCell } from './model.js';
import { COLOUR, FONT, LINE_GAP, SIZE } from './style.js';

// Tables whose cells wrap and never overprint: every row is measured first (heightOfString in
// its column's width), a row that does not fit starts a new page, and there the header row is
// drawn again as an artifact, so a screen reader hears it once and a reader on paper sees it on
// every page. Tagged Table > (Caption) > THead/TBody > TR > TH/TD, header cells with a scope.

const PAD_X = 4;
const PAD_Y = 3.5;
const LINE_SPACING = 1;

interface Column {
  x: number;
  width: number;
  align: 'left' | 'right';
}

interface CellStyle {
  bold: boolean;
}

const linesOf = (cell: TableCell | undefined): readonly string[] =>
  cell === undefined ? [''] : typeof cell === 'string' ? [cell] : cell.lines;

function lineFont(doc: Doc, index: number, style: CellStyle): void {
  if (index === 0) setFont(doc, style.bold ? FONT.bold : FONT.regular, SIZE.table, COLOUR.text);
  else setFont(doc, FONT.regular, SIZE.note, COLOUR.muted);
}

function cellHeight(doc: Doc, cell: TableCell | undefined, column: Column, style: CellStyle): number {
  return linesOf(cell).reduce((sum, line, index) => {
    lineFont(doc, index, style);
    const height = doc.heightOfString(line, { width: column.width - 2 * PAD_X, lineGap: LINE_GAP });
    return sum + height + (index > 0 ? LINE_SPACING : 0);
  }, 2 * PAD_Y);
}

/** Draws a cell's lines from its top; `limit` cuts a row taller than a page with an ellipsis. */
function drawCell(doc: Doc, cell: TableCell | undefined, column: Column, y: number, style: CellStyle, limit: number) {
  let top = y + PAD_Y;
  const end = y + limit - PAD_Y;
  linesOf(cell).forEach((line, index) => {
    if (top >= end) return;
    lineFont(doc, index, style);
    if (index > 0) top += LINE_SPACING;
    doc.text(line, column.x + PAD_X, top, {
      width: column.width - 2 * PAD_X,
      align: column.align,
      lineGap: LINE_GAP,
      height: end - top,
      ellipsis: true,
    });
    top = doc.y;
  });
}

function rowHeight(doc: Doc, cells: readonly (TableCell | undefined)[], columns: readonly Column[], bold: boolean) {
  return Math.max(...columns.map((column, i) => cellHeight(doc, cells[i], column, { bold })));
}

function layout(frame: Frame, table: Table, firstRowOnly = false) {
  const { doc } = frame;
  const total = table.columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
  let x = frame.left;
  const columns: Column[] = table.columns.map((c) => {
    const width = (frame.width * (c.width ?? 1)) / total;
    const column = { x, width, align: c.align ?? 'left' };
    x += width;
    return column;
  });
  const headers = table.columns.map((c) => c.header);
  const headerHeight = rowHeight(doc, headers, columns, true);
  const rowStyle = (index: number, strong: boolean): CellStyle => ({
    bold: strong || (table.rowHeaders === true && index === 0),
  });
  // The tallest a row may be: a page under the repeated header. Taller rows are cut, not overprinted.
  const maxRow = frame.bottom - frame.top - headerHeight - 1;
  const heights = (firstRowOnly ? table.rows.slice(0, 1) : table.rows).map((row) =>
    Math.min(
      maxRow,
      Math.max(...columns.map((column, i) => cellHeight(doc, row.cells[i], column, rowStyle(i, row.strong === true)))),
    ),
  );
  setFont(doc, FONT.bold, SIZE.body, COLOUR.text);
  const captionHeight =
    table.caption === undefined ? 0 : doc.heightOfString(table.caption, { width: frame.width, lineGap: LINE_GAP }) + 4;
  // The caption and the header row never end a page: they start one with at least the first row.
  const lead = captionHeight + headerHeight + (heights[0] ?? 0);
  return { columns, headers, headerHeight, rowStyle, heights, captionHeight, lead };
}

/** The height of the part of the table that is kept together: caption, header and first row. */
export function tableLead(frame: Frame, table: Table): number {
  return layout(frame, table, true).lead;
}

export function drawTable(frame: Frame, table: Table): void {
  const { doc } = frame;
  const { columns, headers, headerHeight, rowStyle, heights, captionHeight, lead } = layout(frame, table);
  ensureSpace(frame, lead);

  const element = doc.struct('Table');
  frame.root.add(element);
  if (table.caption !== undefined) {
    const caption = table.caption;
    const y = doc.y;
    element.add(
      struct(doc, 'Caption', {}, () => {
        setFont(doc, FONT.bold, SIZE.body, COLOUR.text);
        doc.text(`${caption} `, frame.left, y, { width: frame.width, lineGap: LINE_GAP });
      }),
    );
    doc.y = y + captionHeight;
  }

  const head = doc.struct('THead');
  element.add(head);
  drawHeader(doc, head, headers, columns, headerHeight);
  head.end();

  const body = doc.struct('TBody');
  element.add(body);
  table.rows.forEach((row, r) => {
    const height = heights[r] ?? 0;
    if (doc.y + height > frame.bottom) {
      doc.addPage();
      drawHeader(doc, null, headers, columns, headerHeight);
    }
    const y = doc.y;
    const tr = doc.struct('TR');
    body.add(tr);
    columns.forEach((column, i) => {
      const style = rowStyle(i, row.strong === true);
      const isHeader = table.rowHeaders === true && i === 0;
      tr.add(
        struct(doc, isHeader ? 'TH' : 'TD', isHeader ? { scope: 'Row' } : {}, () => {
          drawCell(doc, row.cells[i], column, y, style, height);
        }),
      );
    });
    tr.end();
    artifact(doc, 'Layout', () => {
      doc
        .moveTo(frame.left, y + height)
        .lineTo(frame.left + frame.width, y + height)
        .lineWidth(0.5)
        .stroke(COLOUR.grid);
    });
    doc.x = frame.left;
    doc.y = y + height;
  });
  body.end();
  element.end();
  doc.x = frame.left;
  doc.y += 12;
}

/** The header row: tagged under THead the first time, an artifact when repeated on a new page. */
function drawHeader(
  doc: Doc,
  head: StructElement | null,
  headers: readonly string[],
  columns: readonly Column[],
  height: number,
): void {
  const y = doc.y;
  const left = columns[0]?.x ?? 0;
  const last = columns[columns.length - 1];
  const right = last === undefined ? left : last.x + last.width;
  artifact(doc, 'Layout', () => {
    doc.rect(left, y, right - left, height).fill(COLOUR.headerFill);
  });
  const style = { bold: true };
  if (head === null) {
    artifact(doc, 'Pagination', () => {
      columns.forEach((column, i) => drawCell(doc, headers[i], column, y, style, height));
    });
  } else {
    const tr = doc.struct('TR');
    head.add(tr);
    columns.forEach((column, i) => {
      tr.add(struct(doc, 'TH', { scope: 'Column' }, () => drawCell(doc, headers[i], column, y, style, height)));
    });
    tr.end();
  }
  artifact(doc, 'Layout', () => {
    doc
      .moveTo(left, y + height)
      .lineTo(right, y + height)
      .lineWidth(1)
      .stroke(COLOUR.rule);
  });
  doc.y = y + height;
}
