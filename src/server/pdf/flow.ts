import { artifact, ensureSpace, setFont, tagged, type Doc, type Frame, type StructElement } from './layout.js';
import type { FlowBox, FlowDiagram } from './model.js';
import { COLOUR, FONT, LINE_GAP, SIZE } from './style.js';

// Boxes in stages joined by arrows, e.g. a CONSORT flow: eligible → enrolled → one box per arm.
// Boxes and arrows are decoration; the text in them is a list in reading order (a stage with
// several boxes holds a nested list), as the web's flow diagram is.

const PAD = 6;
const BOX_GAP = 10;
const ARROW = 22;

interface Placed {
  box: FlowBox;
  x: number;
  width: number;
}

function boxHeight(doc: Doc, box: FlowBox, width: number): number {
  setFont(doc, FONT.bold, SIZE.table, COLOUR.text);
  let height = doc.heightOfString(box.title, { width: width - 2 * PAD, lineGap: LINE_GAP });
  setFont(doc, FONT.regular, SIZE.small, COLOUR.text);
  for (const line of box.lines) height += doc.heightOfString(line, { width: width - 2 * PAD, lineGap: LINE_GAP });
  return height + 2 * PAD;
}

function drawBoxText(doc: Doc, placed: Placed, y: number): void {
  const width = placed.width - 2 * PAD;
  setFont(doc, FONT.bold, SIZE.table, COLOUR.text);
  doc.text(`${placed.box.title} `, placed.x + PAD, y + PAD, { width, lineGap: LINE_GAP });
  setFont(doc, FONT.regular, SIZE.small, COLOUR.text);
  for (const line of placed.box.lines) doc.text(`${line} `, placed.x + PAD, doc.y, { width, lineGap: LINE_GAP });
}

function arrowHead(doc: Doc, x: number, y: number): void {
  doc.polygon([x - 3.5, y - 6], [x + 3.5, y - 6], [x, y]).fill(COLOUR.muted);
}

function layout(frame: Frame, flow: FlowDiagram) {
  const { doc } = frame;
  const stages = flow.stages.map((stage) => {
    const n = Math.max(1, stage.boxes.length);
    // A lone box is narrower than the page so the flow reads as a column; several share the width.
    const width = n === 1 ? Math.min(frame.width, 300) : (frame.width - BOX_GAP * (n - 1)) / n;
    const start = n === 1 ? frame.left + (frame.width - width) / 2 : frame.left;
    const placed = stage.boxes.map((box, i) => ({ box, x: start + i * (width + BOX_GAP), width }));
    const height = Math.max(0, ...placed.map((p) => boxHeight(doc, p.box, p.width)));
    return { placed, height };
  });
  const total = stages.reduce((sum, s) => sum + s.height, 0) + ARROW * Math.max(0, stages.length - 1);
  return { stages, total };
}

/** The diagram's height: it is never split over two pages. */
export function flowHeight(frame: Frame, flow: FlowDiagram): number {
  return layout(frame, flow).total;
}

export function drawFlow(frame: Frame, flow: FlowDiagram): void {
  const { doc } = frame;
  const { stages, total } = layout(frame, flow);
  ensureSpace(frame, total);

  const list = doc.struct('L');
  frame.root.add(list);
  let y = doc.y;
  stages.forEach((stage, index) => {
    const top = y;
    artifact(doc, 'Layout', () => {
      for (const p of stage.placed) {
        doc.rect(p.x, top, p.width, stage.height).lineWidth(0.75).fillAndStroke(COLOUR.boxFill, COLOUR.rule);
      }
    });
    const item = doc.struct('LI');
    list.add(item);
    if (stage.placed.length === 1 && stage.placed[0] !== undefined) {
      const only = stage.placed[0];
      tagged(item, doc, 'LBody', () => drawBoxText(doc, only, top));
    } else {
      const body = doc.struct('LBody');
      item.add(body);
      nestedList(doc, body, stage.placed, top);
      body.end();
    }
    item.end();
    y = top + stage.height;
    const next = stages[index + 1];
    if (next !== undefined) {
      const from = stage.placed.map((p) => p.x + p.width / 2);
      const to = next.placed.map((p) => p.x + p.width / 2);
      arrows(doc, from, to, y, y + ARROW);
      y += ARROW;
    }
  });
  list.end();
  doc.x = frame.left;
  doc.y = y + 12;
}

function nestedList(doc: Doc, parent: StructElement, placed: readonly Placed[], top: number): void {
  const inner = doc.struct('L');
  parent.add(inner);
  for (const p of placed) {
    const item = doc.struct('LI');
    inner.add(item);
    tagged(item, doc, 'LBody', () => drawBoxText(doc, p, top));
    item.end();
  }
  inner.end();
}

/** Straight down when the stages have as many boxes; otherwise through a shared horizontal bar. */
function arrows(doc: Doc, from: readonly number[], to: readonly number[], top: number, bottom: number): void {
  artifact(doc, 'Layout', () => {
    doc.lineWidth(0.75).strokeColor(COLOUR.muted);
    if (from.length === to.length) {
      from.forEach((x) => {
        doc
          .moveTo(x, top)
          .lineTo(x, bottom - 1)
          .stroke();
        arrowHead(doc, x, bottom);
      });
      return;
    }
    const mid = (top + bottom) / 2;
    const xs = [...from, ...to];
    for (const x of from) doc.moveTo(x, top).lineTo(x, mid).stroke();
    doc
      .moveTo(Math.min(...xs), mid)
      .lineTo(Math.max(...xs), mid)
      .stroke();
    for (const x of to) {
      doc
        .moveTo(x, mid)
        .lineTo(x, bottom - 1)
        .stroke();
      arrowHead(doc, x, bottom);
    }
  });
}
