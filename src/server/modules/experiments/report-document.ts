import { publishedCount } from '../../../core/experiments/disclosure.js';
import { longDate, longMoment } from '../../../core/calendar/danish.js';
import type { OutcomeRow } from '../../../core/experiments/outcome-table.js';
import type { CurvePoint, Report } from '../../../core/experiments/report.js';
import type { Block, LineChart, PdfDocument, PdfLanguage, TableCell } from '../../pdf/model.js';
import { renderPdf } from '../../pdf/render.js';
import type { ReportMeta } from './report-files.js';
import { REPORT_TEXTS, type ReportTexts } from './report-texts.js';

// The experiment report as a document to publish: the same sections as the report page (about,
// flow, balance, outcomes, curves), arms by name, dates the Danish way in Copenhagen time, shares
// as percent, differences in percentage points. Rendered by src/server/pdf as a tagged PDF.

type CurveKey = 'cumulative_employed' | 'survival';

interface Numbers {
  count: (n: number) => string;
  percent: (v: number) => string;
  wholePercent: (v: number) => string;
  decimal: (v: number, digits: number, signed?: boolean) => string;
  points: (v: number, signed?: boolean) => string;
  p: (v: number) => string;
}

function numbers(locale: string): Numbers {
  const format = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options);
  const count = format({});
  const percent = format({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const wholePercent = format({ style: 'percent', maximumFractionDigits: 0 });
  const decimal = (v: number, digits: number, signed = false) =>
    format({
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: signed ? 'exceptZero' : 'auto',
    }).format(v);
  return {
    count: (n) => count.format(n),
    percent: (v) => percent.format(v),
    wholePercent: (v) => wholePercent.format(v),
    decimal,
    points: (v, signed = true) => decimal(v * 100, 1, signed),
    p: (v) => (v < 0.001 ? `< ${decimal(0.001, 3)}` : decimal(v, 3)),
  };
}

/** How a row's figures are written: shares in percent, weeks, or medians with a hazard ratio. */
function kindOf(row: OutcomeRow): 'share' | 'weeks' | 'hazard' {
  if (row.interval === 'cox_wald') return 'hazard';
  return row.outcome === 'internship_weeks' ? 'weeks' : 'share';
}

function outcomeCells(row: OutcomeRow, role: string | null, lang: PdfLanguage, f: Numbers): TableCell[] {
  const t = REPORT_TEXTS[lang];
  const o = t.outcomes;
  const kind = kindOf(row);
  const method = kind === 'hazard' ? o.methods.cox : row.interval === 'newcombe' ? o.methods.share : o.methods.adjusted;
  const label = lang === 'en' ? row.label_en : row.label_da;
  const arm = (v: number | null): string => {
    if (v === null) return kind === 'hazard' ? o.notReached : t.none;
    if (kind === 'share') return f.percent(v);
    return o.weeks(f.decimal(v, kind === 'weeks' ? 1 : 0));
  };
  const difference =
    row.difference === null
      ? t.none
      : kind === 'share'
        ? o.points(f.points(row.difference))
        : kind === 'weeks'
          ? o.weeks(f.decimal(row.difference, 1, true))
          : o.hazard(f.decimal(row.difference, 2));
  const interval =
    row.ci_low === null || row.ci_high === null
      ? t.none
      : kind === 'share'
        ? o.rangePoints(f.points(row.ci_low, false), f.points(row.ci_high, false))
        : o.range(f.decimal(row.ci_low, kind === 'weeks' ? 1 : 2), f.decimal(row.ci_high, kind === 'weeks' ? 1 : 2));
  return [
    { lines: [label, ...(role === null ? [] : [role]), method] },
    arm(row.treatment),
    arm(row.control),
    difference,
    interval,
    row.p === null ? t.none : f.p(row.p),
  ];
}

/** The primary outcome first, then the secondary ones in the design's order, then the rest. */
function ordered(rows: readonly OutcomeRow[], secondary: readonly string[]): OutcomeRow[] {
  const rank = (r: OutcomeRow): number => {
    if (r.primary) return -1;
    const i = secondary.indexOf(r.outcome);
    return i >= 0 ? i : secondary.length;
  };
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => r);
}

/** The last point at or before `week`: a Kaplan–Meier curve stays flat after its last observation. */
function valueAt(points: readonly CurvePoint[], key: CurveKey, week: number): number | null {
  let found: number | null = null;
  for (const p of points) if (p.week <= week) found = p[key];
  return found;
}

/** Week ticks a reader can count with: quarters of a year for two years' follow-up. */
function weekTicks(last: number): number[] {
  const step = [1, 2, 4, 8, 13, 26, 52, 104].find((s) => last / s <= 9) ?? Math.ceil(last / 8);
  const ticks: number[] = [];
  for (let w = 0; w <= last; w += step) ticks.push(w);
  return ticks;
}

function curveBlocks(report: Report, key: CurveKey, labelOf: (arm: string) => string, t: ReportTexts, f: Numbers) {
  const c = t.curves[key];
  const arms = report.curves.arms;
  const last = Math.max(0, ...arms.flatMap((a) => a.points.map((p) => p.week)));
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: c.title }];
  if (last === 0) return [...blocks, { kind: 'paragraph', text: t.curves.noWeeks } satisfies Block];
  const at = (points: readonly CurvePoint[], week: number) => {
    const v = valueAt(points, key, week);
    return v === null ? t.none : f.percent(v);
  };
  const summary = c.summary(last, arms.map((a) => `${labelOf(a.arm)} ${at(a.points, last)}`).join('; '));
  const ticks = weekTicks(last);
  const chart: LineChart = {
    kind: 'lineChart',
    alt: `${c.title}. ${summary}`,
    step: true,
    x: { label: t.curves.week, min: 0, max: last, ticks: ticks.map((w) => ({ value: w, label: String(w) })) },
    y: {
      label: c.axis,
      min: 0,
      max: 1,
      ticks: [0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => ({ value: v, label: f.wholePercent(v) })),
    },
    series: arms.map((a) => ({ name: labelOf(a.arm), points: a.points.map((p) => [p.week, p[key]] as const) })),
  };
  const weeks = [...new Set([...ticks.filter((w) => w > 0), last])];
  // The chart right under its heading (kept together), then its summary and numbers in words.
  return [
    ...blocks,
    chart,
    { kind: 'paragraph', text: summary } satisfies Block,
    {
      kind: 'table',
      caption: t.curves.tableCaption(c.title),
      rowHeaders: true,
      columns: [{ header: t.curves.week }, ...arms.map((a) => ({ header: labelOf(a.arm), align: 'right' as const }))],
      rows: weeks.map((w) => ({ cells: [String(w), ...arms.map((a) => at(a.points, w))] })),
    } satisfies Block,
  ];
}

export function reportDocument(
  meta: ReportMeta,
  report: Report,
  rows: readonly OutcomeRow[],
  lang: PdfLanguage = 'da',
): PdfDocument {
  const t = REPORT_TEXTS[lang];
  const f = numbers(t.locale);
  // Counts in the flow are published: small cells hidden ("<5").
  const c = (n: number): string => publishedCount(n, f.count);
  const labelOf = (arm: string): string => report.flow.arms.find((a) => a.arm === arm)?.label ?? arm;
  const treatment = labelOf(meta.treatment);
  const control = labelOf(meta.control);
  const evaluation = report.evaluation;
  const flow = report.flow;

  const about: Block[] = [
    { kind: 'heading', level: 1, text: meta.name },
    ...(report.interim ? [{ kind: 'paragraph', style: 'notice', text: t.interim } satisfies Block] : []),
    {
      kind: 'facts',
      items: [
        { label: t.about.question, value: meta.question },
        { label: t.about.comparison, value: t.compared(treatment, control) },
        { label: t.about.asOf, value: longDate(meta.asOf, lang) },
        { label: t.about.version, value: String(meta.designVersion) },
        {
          label: t.about.lockedAt,
          value: meta.lockedAt === null ? t.about.notLocked : longMoment(meta.lockedAt, lang),
        },
        { label: t.about.hash, value: meta.designHash ?? t.none },
      ],
    },
  ];

  const flowBlocks: Block[] = [
    { kind: 'heading', level: 2, text: t.flow.heading },
    {
      kind: 'flow',
      stages: [
        {
          boxes: [
            {
              title: t.flow.eligible(c(flow.eligible)),
              lines: [t.flow.notEnrolled(c(flow.eligible - flow.enrolled))],
            },
          ],
        },
        { boxes: [{ title: t.flow.enrolled(c(flow.enrolled)), lines: [] }] },
        {
          boxes: flow.arms.map((a) => ({
            title: a.label,
            lines: [
              t.flow.allocated(c(a.allocated)),
              t.flow.lost(c(a.lost.moved + a.lost.died + a.lost.withdrew)),
              t.flow.lostReasons(c(a.lost.moved), c(a.lost.died), c(a.lost.withdrew)),
              t.flow.notYetFollowed(c(a.not_yet_followed)),
              t.flow.analysed(c(a.analysed)),
            ],
          })),
        },
      ],
    },
  ];

  const balance: Block[] = [
    { kind: 'heading', level: 2, text: t.balance.heading },
    ...(evaluation === null
      ? [{ kind: 'paragraph', text: t.noEvaluation } satisfies Block]
      : [
          { kind: 'paragraph', text: t.balance.intro } satisfies Block,
          {
            kind: 'table',
            caption: t.balance.caption,
            rowHeaders: true,
            columns: [
              { header: t.balance.variable, width: 2 },
              { header: treatment, align: 'right' },
              { header: control, align: 'right' },
              { header: t.balance.smd, align: 'right' },
            ],
            rows: evaluation.balance.map((b) => ({
              cells: [
                t.variables[b.variable] ?? b.variable,
                b.treatment_mean === null ? t.none : f.decimal(b.treatment_mean, 1),
                b.control_mean === null ? t.none : f.decimal(b.control_mean, 1),
                b.smd === null ? t.none : f.decimal(b.smd, 2, true),
              ],
            })),
          } satisfies Block,
        ]),
  ];

  const outcomes: Block[] = [
    { kind: 'heading', level: 2, text: t.outcomes.heading },
    ...(evaluation === null
      ? [{ kind: 'paragraph', text: t.noEvaluation } satisfies Block]
      : [
          { kind: 'paragraph', text: t.outcomes.intro(evaluation.weeks) } satisfies Block,
          {
            kind: 'table',
            caption: t.outcomes.caption,
            rowHeaders: true,
            columns: [
              { header: t.outcomes.outcome, width: 2.6 },
              { header: t.outcomes.n(treatment, f.count(evaluation.n.treatment)), align: 'right', width: 1.2 },
              { header: t.outcomes.n(control, f.count(evaluation.n.control)), align: 'right', width: 1.2 },
              { header: t.outcomes.difference, align: 'right', width: 1.3 },
              { header: t.outcomes.interval, width: 1.5 },
              { header: t.outcomes.p, align: 'right', width: 0.8 },
            ],
            rows: ordered(rows, meta.secondaryOutcomes).map((r) => {
              const role = r.primary
                ? t.outcomes.primary
                : meta.secondaryOutcomes.includes(r.outcome)
                  ? t.outcomes.secondary
                  : null;
              return { strong: r.primary, cells: outcomeCells(r, role, lang, f) };
            }),
          } satisfies Block,
        ]),
  ];

  const curves: Block[] = [
    { kind: 'heading', level: 2, text: t.curves.heading },
    { kind: 'paragraph', text: t.curves.intro },
    ...curveBlocks(report, 'cumulative_employed', labelOf, t, f),
    ...curveBlocks(report, 'survival', labelOf, t, f),
    { kind: 'paragraph', style: 'small', text: t.methods },
  ];

  return {
    title: t.title(meta.name),
    language: lang,
    subject: meta.question,
    keywords: [meta.name, treatment, control],
    blocks: [...about, ...flowBlocks, ...balance, ...outcomes, ...curves],
  };
}

/** The report as a tagged PDF, in Danish unless asked for English. */
export function reportPdf(
  meta: ReportMeta,
  report: Report,
  rows: readonly OutcomeRow[],
  lang: PdfLanguage = 'da',
): Promise<Buffer> {
  return renderPdf(reportDocument(meta, report, rows, lang));
}
