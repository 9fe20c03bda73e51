import { ensureSpace, setFont, struct, type Doc, type Frame } from './layout.js';
import type { LineChart } from './model.js';
import { COLOUR, FONT, SERIES, SIZE } from './style.js';

// A line chart drawn as vectors: legend (colour and dash pattern with each series' name), the
// y axis' label above it, grid lines at the y ticks, tick labels on both axes, the x axis'
// label below. The whole chart is one Figure whose alternative text the caller writes; what a
// reader needs in words (a summary, the numbers) belongs in the blocks around it.

const SWATCH = 26;
const LEGEND_GAP = 16;
const PLOT_HEIGHT = 200;

interface LegendItem {
  name: string;
  x: number;
  y: number;
}

function legendLayout(doc: Doc, frame: Frame, chart: LineChart): { items: LegendItem[]; height: number } {
  setFont(doc, FONT.regular, SIZE.chart, COLOUR.text);
  const line = doc.currentLineHeight(true) + 4;
  let x = 0;
  let y = 0;
  const items = chart.series.map((s) => {
    const width = SWATCH + 5 + doc.widthOfString(s.name);
    if (x > 0 && x + width > frame.width) {
      x = 0;
      y += line;
    }
    const item = { name: s.name, x, y };
    x += width + LEGEND_GAP;
    return item;
  });
  return { items, height: items.length === 0 ? 0 : y + line };
}

const clamp = (v: number, low: number, high: number): number => Math.min(high, Math.max(low, v));

interface ChartLayout {
  legend: { items: LegendItem[]; height: number };
  text: number;
  yTickWidth: number;
  head: number;
  plotHeight: number;
  height: number;
}

function layout(frame: Frame, chart: LineChart): ChartLayout {
  const { doc } = frame;
  const legend = legendLayout(doc, frame, chart);
  setFont(doc, FONT.regular, SIZE.chart, COLOUR.text);
  const text = doc.currentLineHeight(true);
  const yTickWidth = Math.max(0, ...chart.y.ticks.map((t) => doc.widthOfString(t.label))) + 6;
  const plotHeight = chart.height ?? PLOT_HEIGHT;
  // Legend, the y axis' label, the plot (half a line of room for the top tick label), x ticks, x label.
  const head = legend.height + 6 + text + text / 2 + 4;
  return { legend, text, yTickWidth, head, plotHeight, height: head + plotHeight + 4 + text + 4 + text };
}

/** The chart's height: it is never split over two pages. */
export function chartHeight(frame: Frame, chart: LineChart): number {
  return layout(frame, chart).height;
}

export function drawLineChart(frame: Frame, chart: LineChart): void {
  const { doc } = frame;
  const { legend, text, yTickWidth, head, plotHeight, height } = layout(frame, chart);
  ensureSpace(frame, height);

  const top = doc.y;
  const plot = {
    left: frame.left + yTickWidth,
    right: frame.left + frame.width - 10,
    top: top + head,
    bottom: top + head + plotHeight,
  };
  const xOf = (v: number): number =>
    plot.left +
    ((plot.right - plot.left) * (clamp(v, chart.x.min, chart.x.max) - chart.x.min)) / (chart.x.max - chart.x.min || 1);
  const yOf = (v: number): number =>
    plot.bottom -
    ((plot.bottom - plot.top) * (clamp(v, chart.y.min, chart.y.max) - chart.y.min)) / (chart.y.max - chart.y.min || 1);

  const bbox: [number, number, number, number] = [frame.left, top, frame.left + frame.width, top + height];
  frame.root.add(
    struct(doc, 'Figure', { alt: chart.alt, bbox }, () => {
      doc.save();
      legend.items.forEach((item, i) => {
        const series = SERIES[i % SERIES.length] ?? SERIES[0];
        const y = top + item.y + text / 2;
        doc.moveTo(frame.left + item.x, y).lineTo(frame.left + item.x + SWATCH, y);
        stroke(doc, series, 2);
        setFont(doc, FONT.regular, SIZE.chart, COLOUR.text);
        doc.text(item.name, frame.left + item.x + SWATCH + 5, top + item.y, { lineBreak: false });
      });

      setFont(doc, FONT.regular, SIZE.chart, COLOUR.muted);
      doc.text(chart.y.label, frame.left, plot.top - text / 2 - 4 - text, { lineBreak: false });
      for (const tick of chart.y.ticks) {
        const y = yOf(tick.value);
        doc.moveTo(plot.left, y).lineTo(plot.right, y).lineWidth(0.5).undash().stroke(COLOUR.grid);
        doc.text(tick.label, frame.left, y - text / 2, { width: yTickWidth - 6, align: 'right', lineBreak: false });
      }
      for (const tick of chart.x.ticks) {
        const x = xOf(tick.value);
        doc
          .moveTo(x, plot.bottom)
          .lineTo(x, plot.bottom + 3)
          .lineWidth(0.5)
          .undash()
          .stroke(COLOUR.rule);
        const width = doc.widthOfString(tick.label);
        doc.text(tick.label, x - width / 2, plot.bottom + 4, { lineBreak: false });
      }
      const xLabelWidth = doc.widthOfString(chart.x.label);
      doc.text(chart.x.label, (plot.left + plot.right - xLabelWidth) / 2, plot.bottom + 4 + text + 4, {
        lineBreak: false,
      });
      doc
        .moveTo(plot.left, plot.top)
        .lineTo(plot.left, plot.bottom)
        .lineTo(plot.right, plot.bottom)
        .lineWidth(0.75)
        .undash()
        .stroke(COLOUR.rule);

      chart.series.forEach((s, i) => {
        const [first, ...rest] = [...s.points].sort((a, b) => a[0] - b[0]);
        if (first === undefined) return;
        doc.moveTo(xOf(first[0]), yOf(first[1]));
        let previous = first;
        for (const point of rest) {
          if (chart.step === true) doc.lineTo(xOf(point[0]), yOf(previous[1]));
          doc.lineTo(xOf(point[0]), yOf(point[1]));
          previous = point;
        }
        stroke(doc, SERIES[i % SERIES.length] ?? SERIES[0], 1.8);
      });
      doc.restore();
    }),
  );
  doc.x = frame.left;
  doc.y = top + height + 10;
}

function stroke(doc: Doc, series: (typeof SERIES)[number], width: number): void {
  doc.lineWidth(width).lineJoin('miter');
  if (series.dash === null) doc.undash();
  // pdfkit takes a whole dash pattern as an array; its type definitions only know one length.
  else doc.dash([...series.dash] as unknown as number, {});
  doc.stroke(series.colour);
  doc.undash();
}
