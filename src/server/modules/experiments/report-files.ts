import { longDate, longMoment } from '../../../core/calendar/danish.js';
import { formatCsvRow } from '../../../core/csv/index.js';
import { publishedCount } from '../../../core/experiments/disclosure.js';
import type { OutcomeRow } from '../../../core/experiments/outcome-table.js';
import type { Report } from '../../../core/experiments/report.js';
import { REPORT_TEXTS } from './report-texts.js';

// The report as files to take away: CSV (the outcome table, for machines: codes and plain
// numbers), a self-contained HTML page with its curves drawn as SVG, and a PDF
// (report-document.ts). The HTML and PDF are for people: arms by name, dates in Danish form.

export interface ReportMeta {
  name: string;
  question: string;
  designVersion: number;
  designHash: string | null;
  lockedAt: string | null;
  asOf: string;
  treatment: string;
  control: string;
  /** The design's secondary outcomes, in its order: the documents list them after the primary one. */
  secondaryOutcomes: readonly string[];
}

const num = (x: number | null, digits = 3): string =>
  x === null ? '–' : x.toLocaleString('da-DK', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const interval = (r: OutcomeRow): string =>
  r.ci_low === null || r.ci_high === null ? '–' : `${num(r.ci_low)} til ${num(r.ci_high)}`;
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A count in a table meant for publication: small cells hidden. */
const n = (count: number): string => esc(publishedCount(count));

export function reportCsv(rows: readonly OutcomeRow[]): string {
  const header = [
    'outcome',
    'label',
    'treatment',
    'control',
    'difference',
    'ci95_low',
    'ci95_high',
    'interval',
    'p',
    'primary',
  ];
  const cell = (x: number | null) => (x === null ? '' : String(x));
  return [
    header,
    ...rows.map((r) => [
      r.outcome,
      r.label_da,
      cell(r.treatment),
      cell(r.control),
      cell(r.difference),
      cell(r.ci_low),
      cell(r.ci_high),
      r.interval,
      cell(r.p),
      r.primary ? '1' : '0',
    ]),
  ]
    .map((fields) => `${formatCsvRow(fields)}\n`)
    .join('');
}

/** A step curve per arm as an SVG line chart (0–1 on the y axis). */
function svgCurves(report: Report, key: 'survival' | 'cumulative_employed', title: string): string {
  const labelOf = (arm: string): string => report.flow.arms.find((a) => a.arm === arm)?.label ?? arm;
  const width = 640;
  const height = 260;
  const pad = 40;
  const maxWeek = Math.max(1, ...report.curves.arms.flatMap((a) => a.points.map((p) => p.week)));
  const x = (w: number) => pad + ((width - 2 * pad) * w) / maxWeek;
  const y = (v: number) => height - pad - (height - 2 * pad) * v;
  const colours = ['#0059b3', '#c2410c', '#15803d', '#7c3aed', '#a16207', '#be123c'];
  const lines = report.curves.arms.map((a, i) => {
    let d = '';
    a.points.forEach((p, j) => {
      d +=
        j === 0
          ? `M${x(p.week).toFixed(1)},${y(p[key]).toFixed(1)}`
          : `H${x(p.week).toFixed(1)}V${y(p[key]).toFixed(1)}`;
    });
    return `<path d="${d}" fill="none" stroke="${colours[i % colours.length] ?? '#000'}" stroke-width="2"><title>${esc(labelOf(a.arm))}</title></path>`;
  });
  // Names are of any length: each starts after the one before, at a generous 8 px a letter.
  let at = pad;
  const legend = report.curves.arms.map((a, i) => {
    const label = labelOf(a.arm);
    const text = `<text x="${at}" y="16" fill="${colours[i % colours.length] ?? '#000'}">${esc(label)}</text>`;
    at += label.length * 8 + 24;
    return text;
  });
  return `<figure><svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
<line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="#444"/><line x1="${pad}" y1="${pad}" x2="${pad}" y2="${height - pad}" stroke="#444"/>
<text x="${pad - 8}" y="${y(1) + 4}" text-anchor="end">1</text><text x="${pad - 8}" y="${y(0) + 4}" text-anchor="end">0</text>
<text x="${width - pad}" y="${height - pad + 18}" text-anchor="end">uge ${maxWeek}</text>
${lines.join('\n')}${legend.join('')}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}

export function reportHtml(meta: ReportMeta, report: Report, rows: readonly OutcomeRow[]): string {
  const labelOf = (arm: string): string => report.flow.arms.find((a) => a.arm === arm)?.label ?? arm;
  const treatment = labelOf(meta.treatment);
  const control = labelOf(meta.control);
  const flowRows = report.flow.arms
    .map(
      (a) =>
        `<tr><th scope="row">${esc(a.label)}</th><td>${n(a.allocated)}</td><td>${n(a.lost.moved)}</td><td>${n(a.lost.died)}</td><td>${n(a.lost.withdrew)}</td><td>${n(a.not_yet_followed)}</td><td>${n(a.analysed)}</td></tr>`,
    )
    .join('');
  const outcomeRows = rows
    .map(
      (r) =>
        `<tr${r.primary ? ' class="primary"' : ''}><th scope="row">${esc(r.label_da)}${r.primary ? ' (primært)' : ''}</th><td>${num(r.treatment)}</td><td>${num(r.control)}</td><td>${num(r.difference)}</td><td>${interval(r)}</td><td>${num(r.p)}</td></tr>`,
    )
    .join('');
  const balance = (report.evaluation?.balance ?? [])
    .map(
      (b) =>
        `<tr><th scope="row">${esc(REPORT_TEXTS.da.variables[b.variable] ?? b.variable)}</th><td>${num(b.treatment_mean, 2)}</td><td>${num(b.control_mean, 2)}</td><td>${num(b.smd, 3)}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>${esc(meta.name)} – rapport</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #999;padding:.3rem .6rem;text-align:right}th[scope=row]{text-align:left}tr.primary{font-weight:bold}.interim{background:#fff3cd;border:2px solid #a16207;padding:.5rem 1rem}</style></head>
<body><main>
<h1>${esc(meta.name)}</h1>
${report.interim ? '<p class="interim"><strong>Foreløbig opgørelse (interim):</strong> opfølgningen er ikke afsluttet for alle borgere.</p>' : ''}
<p>${esc(meta.question)}</p>
<p>Design version ${meta.designVersion}, låst ${esc(meta.lockedAt === null ? '–' : longMoment(meta.lockedAt))}, SHA-256 ${esc(meta.designHash ?? '–')}. Opgjort ${esc(longDate(meta.asOf))}. ${esc(treatment)} sammenlignet med ${esc(control)}.</p>
<h2>Forløb (CONSORT)</h2>
<p>Egnede: ${n(report.flow.eligible)}. Rekrutteret: ${n(report.flow.enrolled)}. Antal under 5 vises som &lt;5.</p>
<table><thead><tr><th scope="col">Arm</th><th scope="col">Fordelt</th><th scope="col">Flyttet</th><th scope="col">Død</th><th scope="col">Trukket sig</th><th scope="col">Endnu ikke fulgt</th><th scope="col">Analyseret</th></tr></thead><tbody>${flowRows}</tbody></table>
<h2>Udfald</h2>
${
  rows.length === 0
    ? '<p>Endnu ingen borgere fulgt i begge arme.</p>'
    : `<table><thead><tr><th scope="col">Udfald</th><th scope="col">${esc(treatment)}</th><th scope="col">${esc(control)}</th><th scope="col">Forskel</th><th scope="col">95 %-interval</th><th scope="col">p</th></tr></thead><tbody>${outcomeRows}</tbody></table>
<p>Andele: forskel med Newcombes interval. Gennemsnit: forskel justeret for strata (OLS, HC2). Tid til første job: medianer i uger og hazard ratio (Cox) med log-rank p.</p>`
}
<h2>Balance ved start</h2>
<table><thead><tr><th scope="col">Variabel</th><th scope="col">${esc(treatment)}</th><th scope="col">${esc(control)}</th><th scope="col">SMD</th></tr></thead><tbody>${balance}</tbody></table>
<h2>Kurver</h2>
${svgCurves(report, 'cumulative_employed', 'Andel der har været i job, efter uge og arm')}
${svgCurves(report, 'survival', 'Kaplan–Meier: andel endnu ikke i job, efter uge og arm')}
</main></body></html>
`;
}
